// @ts-check
// The toolbar of `<workplan-progress>`: the filters (search, theme, status) and which rows they
// let through, the "Missing returns" switch, and the expand, collapse and download buttons.
import { h, setText } from "./dom.js";
import { STATUS_ICONS, STATUS_ORDER } from "./row.js";

/**
 * @typedef {import("./format.js").Format} Format
 * @typedef {import("./rollup-view.js").RollupView} RollupView
 * @typedef {import("../pkg/web/workplan_wasm.js").PlanDocument} PlanDocument
 * @typedef {{text: string, theme: string, status: string}} Filter
 * @typedef {{matches: Set<string>, shown: Set<string>, needle: string}} FilterResult
 */

/** Milliseconds the search waits for typing to pause. */
const SEARCH_DELAY = 150;

/**
 * Which rows a filter lets through: those that match it, and those shown (the matches with their
 * ancestors, as context); null when no filter is set (every row shows).
 * @param {RollupView} view
 * @param {Filter} filter
 * @returns {FilterResult | null}
 */
export function filterRows(view, filter) {
  const { text, theme, status } = filter;
  const needle = text.trim().toLowerCase();
  if (!(needle || theme || status)) return null;
  /** @type {Set<string>} */
  const matches = new Set();
  for (const row of view.rows.values()) {
    const rowStatus = row.included ? row.status : "excluded";
    if (status && rowStatus !== status) continue;
    if (theme && !(view.themes.get(row.id) ?? []).includes(theme)) continue;
    if (needle && ![row.label ?? "", row.title, row.id].some((t) => t.toLowerCase().includes(needle))) continue;
    matches.add(row.id);
  }
  const shown = new Set(matches);
  for (const id of matches) {
    let parent = view.rows.get(id)?.parent ?? null;
    while (parent !== null && !shown.has(parent)) {
      shown.add(parent);
      parent = view.rows.get(parent)?.parent ?? null;
    }
  }
  return { matches, shown, needle };
}

/**
 * Marks the search text in a title (only when a search is active, so that idle rows are not
 * touched).
 * @param {HTMLElement} element
 * @param {string} title
 * @param {string} needle
 */
export function highlight(element, title, needle) {
  const at = needle ? title.toLowerCase().indexOf(needle) : -1;
  if (at < 0) {
    if (element.firstElementChild) element.textContent = title;
    return;
  }
  element.replaceChildren(title.slice(0, at), h("mark", {}, [title.slice(at, at + needle.length)]), title.slice(at + needle.length));
}

/**
 * What the toolbar's controls do, given by the element.
 * @typedef {object} ToolbarActions
 * @property {() => void} expand
 * @property {() => void} collapse
 * @property {() => void} download
 * @property {(change: Partial<Filter>) => void} filter a filter control changed
 * @property {(missing: "zero" | "exclude") => void} missing the "Missing returns" switch changed
 */

/** The toolbar (`part=toolbar`): its controls, their words, and the count of rows shown. */
export class Toolbar {
  /** The toolbar's element. */
  element = h("div", { class: "tools", part: "toolbar", hidden: true });
  #search = h("input", { type: "search", autocomplete: "off" });
  #themeSelect = h("select", {});
  #statusSelect = h("select", {});
  #missingSelect = h("select", { class: "missing" });
  #expandButton = h("button", { type: "button", class: "expand" });
  #collapseButton = h("button", { type: "button", class: "collapse" });
  #downloadButton = h("button", { type: "button", class: "download", hidden: true });
  #shownText = h("p", { class: "shown", "aria-live": "polite" });
  /** The pending search. @type {ReturnType<typeof setTimeout> | undefined} */
  #searchTimer = undefined;

  /** @param {ToolbarActions} actions */
  constructor(actions) {
    this.#expandButton.addEventListener("click", () => actions.expand());
    this.#collapseButton.addEventListener("click", () => actions.collapse());
    this.#downloadButton.addEventListener("click", () => actions.download());
    this.#search.addEventListener("input", () => {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => actions.filter({ text: this.#search.value }), SEARCH_DELAY);
    });
    this.#themeSelect.addEventListener("change", () => actions.filter({ theme: this.#themeSelect.value }));
    this.#statusSelect.addEventListener("change", () => actions.filter({ status: this.#statusSelect.value }));
    this.#missingSelect.addEventListener("change", () => actions.missing(this.#missingSelect.value === "exclude" ? "exclude" : "zero"));
    this.element.append(
      h("label", { class: "search-field" }, [h("span", { class: "words" }), this.#search]),
      h("label", { class: "theme-field" }, [h("span", { class: "words" }), this.#themeSelect]),
      h("label", { class: "status-field" }, [h("span", { class: "words" }), this.#statusSelect]),
      h("label", { class: "missing-field" }, [h("span", { class: "words" }), this.#missingSelect]),
      h("div", { class: "buttons" }, [this.#expandButton, this.#collapseButton, this.#downloadButton]),
      this.#shownText,
    );
    this.#shownText.style.flexBasis = "100%";
  }

  /**
   * Writes the toolbar's fixed words (again, for a new locale).
   * @param {Format} f
   * @param {boolean} download whether the Download CSV button shows
   */
  label(f, download) {
    for (const [name, key] of /** @type {const} */ ([
      ["search", "search"],
      ["theme", "theme"],
      ["status", "status"],
      ["missing", "missing"],
    ])) {
      const words = this.element.querySelector(`label.${name}-field .words`);
      if (words) setText(words, f.t(key));
    }
    this.#search.placeholder = f.t("search_placeholder");
    setText(this.#expandButton, f.t("expand_all"));
    setText(this.#collapseButton, f.t("collapse_all"));
    setText(this.#downloadButton, f.t("download"));
    this.showDownload(download);
    this.#missingSelect.replaceChildren(h("option", { value: "zero" }, [f.t("missing_zero")]), h("option", { value: "exclude" }, [f.t("missing_exclude")]));
  }

  /** @param {boolean} visible whether the Download CSV button shows */
  showDownload(visible) {
    this.#downloadButton.hidden = !visible;
  }

  /**
   * Fills the theme and status filters for a plan and shows the toolbar with a filter's values.
   * @param {PlanDocument} data
   * @param {Format} f
   * @param {Filter} filter (its theme one of the plan's, or none)
   * @param {"zero" | "exclude"} missing
   */
  render(data, f, filter, missing) {
    const themes = data.themes ?? [];
    this.#themeSelect.replaceChildren(h("option", { value: "" }, [f.t("all_themes")]), ...themes.map((t) => h("option", { value: t.id }, [t.title])));
    /** @type {HTMLElement} */ (this.#themeSelect.parentElement).hidden = themes.length === 0;
    this.#statusSelect.replaceChildren(
      h("option", { value: "" }, [f.t("any_status")]),
      ...STATUS_ORDER.map((s) => h("option", { value: s }, [`${STATUS_ICONS[s]} ${f.t(`status_${s}`)}`])),
      h("option", { value: "excluded" }, [f.t("status_excluded")]),
    );
    this.show(filter);
    this.#missingSelect.value = missing;
    this.element.hidden = false;
  }

  /** Drops a search still waiting for typing to pause. */
  cancelSearch() {
    clearTimeout(this.#searchTimer);
  }

  /**
   * Shows a filter's values in the controls.
   * @param {Filter} filter
   */
  show(filter) {
    this.#themeSelect.value = filter.theme;
    this.#statusSelect.value = filter.status;
    this.#search.value = filter.text;
  }

  /**
   * Writes how many rows the filter lets through.
   * @param {Format} f
   * @param {number | null} matches the rows that match, null when no filter is set
   * @param {number} total
   */
  count(f, matches, total) {
    setText(this.#shownText, matches !== null ? f.plural("items_match", matches, { total: f.number(total) }) : f.plural("items", total, { total: f.number(total) }));
  }
}
