// @ts-check
// `<workplan-progress>`: the progress rollup of a plan as a custom element (see README.md).
// Every number comes from the wasm engine (RollupEngine: rows, cells, explain); this file only
// formats and lays them out. Importing it defines the element. Its words and formats are in
// format.js, its stylesheet in style.js.
import init, { Plan, RollupEngine, Updates } from "../pkg/web/workplan_wasm.js";
import { Format, STRINGS, formatPercent, localeOf } from "./format.js";
import { STYLE } from "./style.js";

export { STRINGS, formatPercent };

/**
 * @typedef {import("../pkg/web/workplan_wasm.js").AdoptionCell} AdoptionCell
 * @typedef {import("../pkg/web/workplan_wasm.js").Changes} Changes
 * @typedef {import("../pkg/web/workplan_wasm.js").Diagnostic} Diagnostic
 * @typedef {import("../pkg/web/workplan_wasm.js").PlanDocument} PlanDocument
 * @typedef {import("../pkg/web/workplan_wasm.js").Item} Item
 * @typedef {import("../pkg/web/workplan_wasm.js").Rollup} Rollup
 * @typedef {import("../pkg/web/workplan_wasm.js").Settings} Settings
 * @typedef {import("../pkg/web/workplan_wasm.js").Update} Update
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 * @typedef {NonNullable<Explanation["members"]>} MemberSummary
 * @typedef {import("../pkg/web/workplan_wasm.js").Explanation} Explanation
 * @typedef {{text: string, theme: string, status: string}} Filter
 */

/** @type {Promise<unknown> | null} */
let wasm = null;

/**
 * Loads the wasm module once. Call it yourself only to load the `.wasm` from another URL
 * (before the first element renders); by default it is fetched next to `workplan_wasm.js`.
 * @param {string | URL} [url]
 * @returns {Promise<unknown>}
 */
export function loadWasm(url) {
  wasm ??= init(url === undefined ? undefined : { module_or_path: url });
  return wasm;
}

/** Shapes beside the colours, so that colour is never the only signal. */
const STATUS_ICONS = /** @type {const} */ ({
  done: "✔",
  on_track: "●",
  at_risk: "▲",
  off_track: "✖",
  not_started: "○",
  unknown: "?",
});
const STATUS_ORDER = /** @type {const} */ (["off_track", "at_risk", "on_track", "done", "not_started", "unknown"]);
const TREND_ARROWS = /** @type {const} */ ({ improving: "↗", steady: "→", worsening: "↘" });
/** The symbol of each heat-map state (a reported cell shows its number instead). */
const CELL_SYMBOLS = /** @type {const} */ ({ reported: "●", no_report: "○", not_adopted: "✕", out_of_scope: "–" });
const CELL_STATES = /** @type {const} */ (["reported", "no_report", "not_adopted", "out_of_scope"]);
/** The engine's default `coverage_threshold`, for the key's words when no setting names one. */
const DEFAULT_COVERAGE_THRESHOLD = 0.5;
/** Heat-map columns per printed table. */
const PRINT_COLUMNS = 12;
/** Characters of an item's title shown in a heat-map column heading. */
const HEADING_CHARS = 28;
/** Milliseconds the search waits for typing to pause. */
const SEARCH_DELAY = 150;

/**
 * Creates an element with attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {(Node | string | null | undefined | false)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * The nodes of a list, without the absent ones (for `append` and `replaceChildren`).
 * @param {(Node | string | null | undefined | false)[]} list
 * @returns {(Node | string)[]}
 */
function present(list) {
  return /** @type {(Node | string)[]} */ (list.filter((node) => node !== null && node !== undefined && node !== false));
}

/**
 * Sets an attribute only when it differs (so that a patch mutates only what changed).
 * @param {Element} element
 * @param {string} name
 * @param {string | null} value
 */
function setAttr(element, name, value) {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/**
 * Sets text only when it differs.
 * @param {Element} element
 * @param {string} text
 */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Sets a class only when it differs.
 * @param {Element} element
 * @param {string} name
 * @param {boolean} on
 */
function setClass(element, name, on) {
  if (element.classList.contains(name) !== on) element.classList.toggle(name, on);
}

/** The format of a fetched file, from its name. */
function formatOf(/** @type {string} */ url) {
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return "yaml";
  if (path.endsWith(".csv")) return "csv";
  return undefined;
}

/** Resolves after the next frame is painted (at once in a hidden page, which paints none). @returns {Promise<void>} */
function afterPaint() {
  return new Promise((resolve) => {
    if (document.visibilityState === "hidden") setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Fetches a file as bytes; an HTTP error becomes an `Error` with `code: "fetch_error"`.
 * @param {string} url
 * @param {string} what
 */
async function fetchBytes(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw Object.assign(new Error(`Could not fetch the ${what} ${url}: ${String(cause)}`), { code: "fetch_error" });
  }
  if (!response.ok) {
    throw Object.assign(new Error(`Could not fetch the ${what} ${url}: HTTP ${response.status} ${response.statusText}`), {
      code: "fetch_error",
    });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * One CSV field, quoted when it must be (RFC 4180).
 * @param {string | number | null} value
 */
function csvField(value) {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** @type {Record<string, string>} */
const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The widget's Trusted Types policy, once a page is found to enforce them. @type {any} */
let htmlPolicy;

/**
 * Writes HTML built from escaped text into an element; under Trusted Types, through the policy
 * `workplan-progress` (a page's `trusted-types` directive that lists policies must allow it).
 * @param {Element} element
 * @param {string} html
 */
function setHtml(element, html) {
  try {
    element.innerHTML = htmlPolicy ? htmlPolicy.createHTML(html) : html;
  } catch (error) {
    const types = /** @type {any} */ (globalThis).trustedTypes;
    if (htmlPolicy || !types) throw error;
    htmlPolicy = types.createPolicy("workplan-progress", { createHTML: (/** @type {string} */ text) => text });
    element.innerHTML = htmlPolicy.createHTML(html);
  }
}

/**
 * Text made safe inside HTML, as element content or a double-quoted attribute value.
 * @param {string} text
 */
function escapeHtml(text) {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]) : text;
}

/**
 * The heat-map band of a member's progress: 1 (below 20%) to 5 (80% and more).
 * @param {number | null} progress
 */
function band(progress) {
  if (progress === null) return 1;
  return Math.max(1, Math.min(5, Math.floor(progress * 5) + 1));
}

/**
 * The `<workplan-progress>` element. Attributes: `src` (plan URL, JSON or YAML), `updates`
 * (returns URL: CSV, JSON or YAML), `as-of` (`YYYY-MM-DD`), `open-depth` (levels open at first,
 * default 1), `theme` (`light`, `dark`, `auto`), `locale` (else the closest `lang`), `download`
 * (shows a Download CSV button). Properties `plan`, `updates`, `asOf` and `settings` take data
 * instead and win over the attributes; `strings` overrides words.
 */
export class WorkplanProgress extends HTMLElement {
  static observedAttributes = ["src", "updates", "as-of", "open-depth", "locale", "lang", "download"];

  /** @type {ShadowRoot} */
  #root;
  /** @type {Plan | PlanDocument | string | null} */
  #planInput = null;
  /** @type {Update[] | string | Updates | null} */
  #updatesInput = null;
  /** @type {Settings | null} */
  #settings = null;
  /** @type {string | null} */
  #asOf = null;
  /** Returns applied live (kept across reloads, e.g. a new as-of date). @type {Update[]} */
  #applied = [];
  /** @type {Plan | null} */
  #plan = null;
  /** Whether `#plan` was made here (and is freed here). */
  #ownPlan = false;
  /** @type {RollupEngine | null} */
  #engine = null;
  /** @type {Diagnostic[]} */
  #diagnostics = [];
  /** @type {"idle" | "loading" | "ready" | "error"} */
  #state = "idle";
  /** @type {unknown} */
  #error = null;
  #generation = 0;
  /** @type {Promise<void>} */
  #ready = Promise.resolve();
  /** Counts the returns applied live. */
  #changeCount = 0;
  /** The heat map's cells while it waits to be built after the first paint. @type {AdoptionCell[] | null} */
  #matrixPending = null;
  #scheduled = false;
  /** Word overrides (`strings`). @type {Record<string, string>} */
  #strings = {};
  /** The words and formats in use. */
  #fmt = new Format("en-GB");
  /** The plan document of the loaded plan. @type {PlanDocument | null} */
  #document = null;
  /** The rollup setting `missing` the plan itself has (the toolbar's default). @type {"zero" | "exclude"} */
  #planMissing = "zero";

  /** Rows by id, in document order. @type {Map<string, RollupRow>} */
  #rows = new Map();
  /** @type {Map<string, string[]>} */
  #children = new Map();
  /** The top-level items, in order. @type {string[]} */
  #roots = [];
  /** Each item's position among its siblings, from 1. @type {Map<string, number>} */
  #position = new Map();
  /** The tree items built so far (subtrees are built when first opened). @type {Map<string, HTMLLIElement>} */
  #items = new Map();
  /**
   * The holder of each parent's group of children: a sibling of the item (`role=none`), which
   * owns the group (`aria-owns`), so that an item's own text is only its row and its explanation
   * (label in name, WCAG 2.5.3). @type {Map<string, HTMLLIElement>}
   */
  #holders = new Map();
  /** The text of the explanation shown (in the selected item's name). */
  #explainText = "";
  /** Element ids of the items, for `aria-owns`. @type {Map<string, number>} */
  #serial = new Map();
  /** Items whose children are built. @type {Set<string>} */
  #built = new Set();

  /** Themes of each item, with those of its ancestors. @type {Map<string, string[]>} */
  #themes = new Map();
  /** @type {Map<string, string>} */
  #memberNames = new Map();
  /** @type {Map<string, HTMLTableCellElement>} */
  #cells = new Map();
  /** The cells' data, by the same keys. @type {Map<string, AdoptionCell>} */
  #cellData = new Map();
  /** The heat map's columns and rows. @type {{items: string[], members: string[]}} */
  #matrixShape = { items: [], members: [] };
  /** The cell the tooltip is for. @type {HTMLElement | null} */
  #tipCell = null;
  /** @type {string[]} */
  #levelNames = [];
  /** @type {Set<string>} */
  #expanded = new Set();
  /** Expansion before a filter was set, restored when it is cleared. @type {Set<string> | null} */
  #expandedBeforeFilter = null;
  /** Expansion before printing, restored after. @type {Set<string> | null} */
  #expandedBeforePrint = null;
  /** @type {string | null} */
  #selected = null;
  /** @type {string | null} */
  #focused = null;
  /** @type {Filter} */
  #filter = { text: "", theme: "", status: "" };
  /** Items the filter shows (null: all). @type {Set<string> | null} */
  #shown = null;
  /** @type {Set<string>} */
  #matches = new Set();
  /** The pending search. @type {ReturnType<typeof setTimeout> | undefined} */
  #searchTimer = undefined;

  // Parts of the shadow tree.
  #style = h("style", {}, [STYLE]);
  #head = h("div", { class: "head", part: "header" });
  #tools = h("div", { class: "tools", part: "toolbar", hidden: true });
  #status = h("div", { class: "status", role: "status", "aria-live": "polite", part: "status" });
  #diagnosticsBox = h("div", { part: "diagnostics", hidden: true });
  #tree = h("ul", { role: "tree", part: "tree" });
  #matrix = h("section", { class: "matrix", part: "matrix", hidden: true });
  #tip = h("div", { class: "tip", role: "tooltip", id: "tip", hidden: true });
  #search = h("input", { type: "search", autocomplete: "off" });
  #themeSelect = h("select", {});
  #statusSelect = h("select", {});
  #missingSelect = h("select", { class: "missing" });
  #expandButton = h("button", { type: "button", class: "expand" });
  #collapseButton = h("button", { type: "button", class: "collapse" });
  #downloadButton = h("button", { type: "button", class: "download", hidden: true });
  #shownText = h("p", { class: "shown", "aria-live": "polite" });
  #onBeforePrint = () => this.#preparePrint();
  #onAfterPrint = () => this.#restoreAfterPrint();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#buildTools();
    this.#root.append(this.#style, this.#head, this.#tools, this.#status, this.#diagnosticsBox, this.#tree, this.#matrix, this.#tip);
    this.#tree.addEventListener("click", (event) => this.#onTreeClick(event));
    this.#tree.addEventListener("keydown", (event) => this.#onTreeKey(event));
    this.#tree.addEventListener("focusin", (event) => {
      const item = /** @type {Element} */ (event.target).closest?.("li[role=treeitem]");
      if (item instanceof HTMLLIElement && item.dataset.id) this.#focusItem(item.dataset.id, false);
    });
  }

  connectedCallback() {
    this.#fmt = new Format(localeOf(this), this.#strings);
    this.#labelTools();
    window.addEventListener("beforeprint", this.#onBeforePrint);
    window.addEventListener("afterprint", this.#onAfterPrint);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#tip.hidden = true;
    window.removeEventListener("beforeprint", this.#onBeforePrint);
    window.removeEventListener("afterprint", this.#onAfterPrint);
  }

  /**
   * @param {string} name
   * @param {string | null} old
   * @param {string | null} value
   */
  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === "download") {
      this.#downloadButton.hidden = value === null;
      return;
    }
    if (name === "locale" || name === "lang") {
      this.#relocalise();
      return;
    }
    if (name === "src" && this.#planInput !== null) return;
    if (name === "updates" && this.#updatesInput !== null) return;
    if (name === "as-of" && this.#asOf !== null) return;
    if (name === "open-depth") return;
    this.#schedule();
  }

  /** The plan: a `Plan`, a plan document object, or JSON or YAML text. Wins over `src`. */
  get plan() {
    return this.#plan;
  }
  set plan(value) {
    this.#planInput = value ?? null;
    this.#schedule();
  }

  /** The returns: an array of update objects, CSV or JSON text, or `Updates`. Wins over the `updates` attribute. */
  get updates() {
    return this.#updatesInput;
  }
  set updates(value) {
    this.#updatesInput = value ?? null;
    this.#applied = [];
    this.#schedule();
  }

  /** The date the numbers are for (`YYYY-MM-DD`); the `as-of` attribute, else the plan period's end. */
  get asOf() {
    return this.#asOf ?? this.getAttribute("as-of");
  }
  set asOf(value) {
    this.#asOf = value ?? null;
    this.#schedule();
  }

  /** Settings that override the plan's (docs/rollup.md#settings). The toolbar's "Missing returns" merges `missing` into them. */
  get settings() {
    return this.#settings;
  }
  set settings(value) {
    this.#settings = value ?? null;
    this.#schedule();
  }

  /**
   * The words in use: the default table (`STRINGS`) with the overrides set here. Setting it merges
   * the given overrides into those set before and redraws.
   */
  get strings() {
    return { ...this.#fmt.strings };
  }
  set strings(value) {
    this.#strings = { ...this.#strings, ...(value ?? {}) };
    this.#relocalise();
  }

  /** The locale the widget writes numbers and dates in (the `locale` attribute, else the closest `lang`, else `en-GB`). */
  get locale() {
    return this.#fmt.locale;
  }

  /** `loading`, `ready` or `error` (`idle` before the first load). */
  get state() {
    return this.#state;
  }

  /**
   * The last error: what stopped the last load (a `ParseError`, a fetch error), or a return that
   * could not be applied (an `Error` with `code`); null after a load that succeeds.
   */
  get error() {
    return this.#error;
  }

  /**
   * Resolves when the load in progress (if any) has rendered, been validated and built its heat
   * map, or failed.
   */
  get ready() {
    return this.#ready;
  }

  /** The findings of validation of the plan and its returns (of a load: once `ready` resolves). */
  get diagnostics() {
    return this.#diagnostics;
  }

  /** The whole current result (docs/rollup.md#the-result), or null before a plan is loaded. */
  get rollup() {
    return this.#engine ? this.#engine.rollup() : null;
  }

  /** The current filter. */
  get filter() {
    return { ...this.#filter };
  }
  set filter(value) {
    clearTimeout(this.#searchTimer);
    this.#filter = { text: value?.text ?? "", theme: value?.theme ?? "", status: value?.status ?? "" };
    this.#search.value = this.#filter.text;
    this.#themeSelect.value = this.#filter.theme;
    this.#statusSelect.value = this.#filter.status;
    this.#applyFilter();
  }

  /**
   * Applies one more return (an update object) and redraws only the rows and cells it changed.
   * A return that cannot be applied throws an `Error` with `code` and changes nothing.
   * @param {Update} update
   * @returns {Changes}
   */
  applyUpdate(update) {
    return this.appendUpdates([update]);
  }

  /**
   * Applies returns (an array of update objects, or CSV or JSON text) and redraws only the rows
   * and cells they changed. Returns what changed. If any of them cannot be applied, none is: it
   * throws an `Error` with `code` (also kept in `error` and sent as `workplan-error`).
   * @param {Update[] | string} updates
   * @returns {Changes}
   */
  appendUpdates(updates) {
    const engine = this.#engine;
    if (!engine) throw Object.assign(new Error("no plan is loaded yet: await element.ready first"), { code: "not_ready" });
    /** @type {Changes} */
    let changed;
    /** @type {Update[]} */
    let list;
    try {
      if (Array.isArray(updates)) {
        list = updates;
      } else {
        const parsed = Updates.fromBytes(new TextEncoder().encode(updates));
        list = parsed.toObject();
        parsed.free();
      }
      changed = engine.applyChanges(list);
    } catch (error) {
      this.#error = error;
      this.#emit("workplan-error", { error, diagnostics: this.#diagnostics });
      throw error;
    }
    this.#applied.push(...list);
    this.#changeCount++;
    if (this.#matrixPending && changed.cells.length) this.#matrixPending = engine.rollup().adoption;
    for (const row of changed.rows) {
      this.#rows.set(row.id, row);
      this.#renderRow(row);
    }
    for (const cell of changed.cells) this.#renderCell(cell);
    if (this.#filter.status && changed.rows.length) this.#applyFilter();
    const selected = this.#selected;
    if (selected && changed.rows.some((row) => row.id === selected || row.parent === selected)) this.#showExplanation(selected);
    this.#emit("workplan-change", changed);
    return changed;
  }

  /**
   * How the numbers of one item were found (docs/rollup.md#explain).
   * @param {string} id
   * @returns {Explanation}
   */
  explain(id) {
    if (!this.#engine) throw Object.assign(new Error("no plan is loaded yet"), { code: "not_ready" });
    return this.#engine.explain(id);
  }

  /**
   * Selects an item (opening its ancestors) and shows its explanation; null clears.
   * @param {string | null} id
   */
  select(id) {
    if (id !== null && !this.#rows.has(id)) throw Object.assign(new Error(`no item \`${id}\` in the plan`), { code: "unknown_item" });
    const previous = this.#selected ? this.#items.get(this.#selected) : undefined;
    const old = this.#selected;
    this.#selected = id;
    if (previous && old) {
      previous.setAttribute("aria-selected", "false");
      previous.querySelector(":scope>.explain")?.remove();
      this.#explainText = "";
      const row = this.#rows.get(old);
      if (row) this.#renderRow(row, false);
    }
    if (id === null) return;
    this.#reveal(id);
    this.#items.get(id)?.setAttribute("aria-selected", "true");
    const explanation = this.#showExplanation(id);
    this.#emit("workplan-select", { id, explanation });
  }

  /** Opens every item. */
  expandAll() {
    for (const [id, children] of this.#children) if (children.length) this.#expanded.add(id);
    this.#syncAll();
  }

  /** Closes every item. */
  collapseAll() {
    for (const [id, children] of this.#children) if (children.length) this.#setExpanded(id, false);
    if (this.#focused && !this.#isVisible(this.#focused)) this.#focusItem(this.#topOf(this.#focused), false);
  }

  // ---- loading ---------------------------------------------------------------------------

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    /** @type {() => void} */
    let done = () => {};
    this.#ready = new Promise((resolve) => (done = resolve));
    queueMicrotask(() => {
      this.#scheduled = false;
      if (!this.isConnected) return done();
      this.#load().finally(done);
    });
  }

  async #load() {
    const generation = ++this.#generation;
    const hasInput = this.#planInput !== null || this.hasAttribute("src");
    if (!hasInput) return;
    this.#setState("loading");
    this.#showStatus(this.#fmt.t("loading"));
    /** @type {Plan | null} */
    let plan = null;
    let ownPlan = false;
    /** @type {Updates | null} */
    let updates = null;
    /** Whether `updates` was read here (and is freed here). */
    let ownUpdates = false;
    try {
      await loadWasm();
      const input = this.#planInput;
      if (input instanceof Plan) {
        plan = input;
      } else if (typeof input === "string") {
        plan = Plan.fromBytes(new TextEncoder().encode(input));
        ownPlan = true;
      } else if (input !== null) {
        plan = Plan.fromObject(input);
        ownPlan = true;
      } else {
        const src = this.getAttribute("src") ?? "";
        const bytes = await fetchBytes(src, "plan");
        const format = formatOf(src);
        plan = Plan.fromBytes(bytes, format === "csv" ? undefined : format);
        ownPlan = true;
      }
      ({ updates, own: ownUpdates } = await this.#loadUpdates());
      if (generation !== this.#generation) return;
      const asOf = this.asOf || undefined;
      // The `Updates` goes to the engine as it is (read in Rust, never as JS objects); the
      // returns applied live follow, as they came.
      const engine = new RollupEngine(plan, { updates: updates ?? [], asOf, settings: this.#settings ?? undefined });
      if (this.#applied.length) engine.applyChanges(this.#applied);
      const loaded = plan;
      this.#replace(plan, ownPlan, engine);
      plan = null;
      this.#error = null;
      const [changes, fmt] = [this.#changeCount, this.#fmt];
      let rollup = this.#render(false, true);
      // The tree is drawn: let it be painted, then validate and build the heat map.
      await afterPaint();
      if (generation !== this.#generation) return;
      const diagnostics = updates ? loaded.validateWith(updates) : loaded.validate();
      this.#diagnostics = diagnostics;
      // New words while waiting (`#relocalise` draws only a ready widget): draw them now.
      if (this.#fmt !== fmt) this.#render(true);
      this.#renderDiagnostics();
      this.#flushMatrix();
      if (this.#changeCount !== changes) rollup = engine.rollup();
      this.#setState("ready");
      this.#emit("workplan-load", { rollup, diagnostics });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#replace(null, false, null);
      this.#error = error;
      this.#showError(error);
      this.#setState("error");
      this.#emit("workplan-error", { error, diagnostics: this.#diagnostics });
    } finally {
      if (plan && ownPlan) plan.free();
      if (updates && ownUpdates) updates.free();
    }
  }

  /**
   * The returns from the property or the `updates` attribute (null for none), and whether they
   * were read here (an `Updates` given stays the caller's).
   * @returns {Promise<{updates: Updates | null, own: boolean}>}
   */
  async #loadUpdates() {
    const input = this.#updatesInput;
    if (input instanceof Updates) return { updates: input, own: false };
    if (typeof input === "string") return { updates: Updates.fromBytes(new TextEncoder().encode(input)), own: true };
    if (Array.isArray(input)) return { updates: Updates.fromObject(input), own: true };
    const url = this.getAttribute("updates");
    if (!url) return { updates: null, own: false };
    const bytes = await fetchBytes(url, "returns");
    return { updates: Updates.fromBytes(bytes, formatOf(url)), own: true };
  }

  /**
   * @param {Plan | null} plan
   * @param {boolean} own
   * @param {RollupEngine | null} engine
   */
  #replace(plan, own, engine) {
    if (this.#plan && this.#ownPlan && this.#plan !== plan) this.#plan.free();
    this.#engine?.free();
    this.#plan = plan;
    this.#ownPlan = own;
    this.#engine = engine;
  }

  /** A new locale or new words: redraws every text, keeping what is open and selected. */
  #relocalise() {
    if (!this.isConnected) return;
    this.#fmt = new Format(localeOf(this), this.#strings);
    this.#labelTools();
    if (this.#engine && this.#plan && this.#state === "ready") {
      this.#render(true);
      this.#renderDiagnostics();
    }
  }

  /** @param {"idle" | "loading" | "ready" | "error"} state */
  #setState(state) {
    this.#state = state;
    setAttr(this, "aria-busy", state === "loading" ? "true" : null);
  }

  /**
   * @param {string} type
   * @param {unknown} detail
   */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** @param {string} text */
  #showStatus(text) {
    this.#status.className = "status";
    this.#status.setAttribute("role", "status");
    this.#status.replaceChildren(h("p", {}, [text]));
    this.#status.hidden = false;
  }

  /** @param {unknown} error */
  #showError(error) {
    const f = this.#fmt;
    const e = /** @type {{name?: string, message?: string, code?: string, line?: number | null, column?: number | null, hint?: string | null, path?: (string | number)[]}} */ (
      error ?? {}
    );
    const where = e.line ? ` (${e.column ? f.t("error_where_column", { line: e.line, column: e.column }) : f.t("error_where", { line: e.line })})` : "";
    const path = e.path && e.path.length ? `/${e.path.join("/")}` : "";
    this.#status.className = "status error";
    this.#status.setAttribute("role", "alert");
    this.#status.replaceChildren(
      ...present([
        h("p", {}, [h("strong", {}, [f.t(e.name === "ParseError" ? "error_read" : "error_show")])]),
        h("p", {}, [`${e.message ?? String(error)}${where}`]),
        e.hint ? h("p", {}, [f.t("error_hint", { hint: e.hint })]) : null,
        e.code ? h("p", { class: "code" }, [path ? f.t("error_code_at", { code: e.code, path }) : e.code]) : null,
      ]),
    );
    this.#status.hidden = false;
    this.#head.replaceChildren();
    this.#tools.hidden = true;
    this.#diagnosticsBox.hidden = true;
    this.#tree.replaceChildren();
    this.#matrix.hidden = true;
    this.#matrix.replaceChildren();
    this.#matrixPending = null;
    this.#items.clear();
    this.#holders.clear();
    this.#built.clear();
    this.#cells.clear();
  }

  // ---- rendering -------------------------------------------------------------------------

  /**
   * Draws the loaded rollup: patches the rows and cells that differ when the tree has the same
   * shape (a new as-of date, new settings), else builds it anew.
   * @param {boolean} rebuild build anew but keep what is open, selected and focused (new words)
   * @param {boolean} [later] leave a heat map to build to `#flushMatrix` (after the first paint)
   * @returns {Rollup} the rollup drawn
   */
  #render(rebuild, later = false) {
    const engine = /** @type {RollupEngine} */ (this.#engine);
    const plan = /** @type {Plan} */ (this.#plan);
    const rollup = engine.rollup();
    const documentData = plan.toObject();
    this.#document = documentData;
    this.#planMissing = documentData.settings?.missing === "exclude" ? "exclude" : "zero";
    this.#status.hidden = true;
    this.#renderHead(documentData, rollup);
    this.#themes = new Map();
    /** @param {Item[]} items @param {string[]} inherited */
    const walk = (items, inherited) => {
      for (const item of items) {
        const themes = [...inherited, ...(item.themes ?? [])];
        this.#themes.set(item.id, themes);
        walk(item.children ?? [], themes);
      }
    };
    walk(documentData.items ?? [], []);
    this.#memberNames = new Map((documentData.members ?? []).map((m) => [m.id, m.name]));
    this.#renderTools(documentData);
    const rows = /** @type {RollupRow[]} */ (rollup.rows);
    const sameTree = this.#rows.size === rows.length && rows.every((row) => this.#rows.has(row.id) && this.#rows.get(row.id)?.parent === row.parent);
    if (!rebuild && sameTree && this.#items.size > 0) {
      // Same tree (e.g. a new as-of date): patch the rows and cells that differ.
      for (const row of rows) {
        const old = this.#rows.get(row.id);
        this.#rows.set(row.id, row);
        if (JSON.stringify(old) !== JSON.stringify(row)) this.#renderRow(row);
      }
      if (this.#matrixPending) this.#matrixPending = rollup.adoption;
      else for (const cell of rollup.adoption) this.#renderCell(cell);
      this.#applyFilter();
      if (this.#selected) this.#showExplanation(this.#selected);
      return rollup;
    }
    const keep = rebuild && sameTree;
    this.#rows = new Map(rows.map((row) => [row.id, row]));
    this.#children = new Map(rows.map((row) => [row.id, []]));
    this.#roots = [];
    for (const row of rows) {
      const siblings = row.parent === null ? this.#roots : this.#children.get(row.parent);
      siblings?.push(row.id);
      this.#position.set(row.id, siblings ? siblings.length : 1);
    }
    if (!keep) {
      const openDepth = Number(this.getAttribute("open-depth") ?? "1");
      this.#expanded = new Set(rows.filter((r) => r.depth < openDepth && this.#children.get(r.id)?.length).map((r) => r.id));
      this.#selected = null;
      this.#focused = rows[0]?.id ?? null;
    }
    this.#renderTree(documentData.title);
    this.#matrixPending = rollup.adoption;
    if (!later) this.#flushMatrix();
    this.#applyFilter();
    if (keep && this.#selected) {
      const selected = this.#selected;
      this.#selected = null;
      this.select(selected);
    }
    return rollup;
  }

  /**
   * @param {PlanDocument} data
   * @param {Rollup} rollup
   */
  #renderHead(data, rollup) {
    const f = this.#fmt;
    const levels = (data.levels ?? []).map((l) => l.name ?? l.id);
    this.#levelNames = levels;
    const period = f.t("period", { start: f.date(data.period.start), end: f.date(data.period.end) });
    const threshold = this.#coverageThreshold();
    this.#head.replaceChildren(
      ...present([
        h("h2", { part: "title" }, [data.title]),
        h("p", { class: "meta" }, [
          data.organisation ? `${data.organisation} · ` : "",
          `${period} · ${f.t("progress_at")} `,
          h("strong", { class: "as-of", "data-date": rollup.as_of }, [f.date(rollup.as_of)]),
        ]),
        levels.length ? h("p", { class: "levels" }, [f.t("levels", { levels: levels.join(" › ") })]) : null,
        h(
          "ul",
          { class: "legend", "aria-label": f.t("key") },
          STATUS_ORDER.map((status) =>
            h("li", { class: `count s-${status}` }, [h("i", { "aria-hidden": "true" }, [STATUS_ICONS[status]]), ` ${f.t(`status_${status}`)}`]),
          ).concat([
            h("li", {}, [f.t("key_expected")]),
            h("li", { class: "key-source" }, [h("span", { class: "chip s-on_track" }, [f.t("source_reported")]), ` ${f.t("key_reported")}`]),
            h("li", { class: "key-source" }, [h("span", { class: "chip derived s-on_track" }, [f.t("source_derived")]), ` ${f.t("key_derived")}`]),
            h("li", { class: "key-low" }, [
              h("span", { class: "bar hatched", "aria-hidden": "true" }, [h("span", { class: "fill s-on_track", style: "width:60%" })]),
              ` ${f.t("key_low", { threshold: f.percent(threshold) })}`,
            ]),
          ]),
        ),
      ]),
    );
  }

  /** The coverage below which a row is drawn as low-confidence (the setting `coverage_threshold`). */
  #coverageThreshold() {
    const setting = /** @type {Record<string, unknown>} */ ({ ...(this.#document?.settings ?? {}), ...(this.#settings ?? {}) }).coverage_threshold;
    return typeof setting === "number" ? setting : DEFAULT_COVERAGE_THRESHOLD;
  }

  #renderDiagnostics() {
    const f = this.#fmt;
    const errors = this.#diagnostics.filter((d) => d.severity === "error");
    const others = this.#diagnostics.filter((d) => d.severity !== "error");
    const box = this.#diagnosticsBox;
    if (!this.#diagnostics.length) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const warnings = others.filter((d) => d.severity === "warning").length;
    const notes = others.length - warnings;
    const words = [errors.length ? f.plural("errors", errors.length) : "", warnings ? f.plural("warnings", warnings) : "", notes ? f.plural("notes", notes) : ""].filter(
      Boolean,
    );
    box.className = errors.length ? "diagnostics errors" : "diagnostics";
    box.setAttribute("role", errors.length ? "alert" : "region");
    box.setAttribute("aria-label", f.t("validation_label"));
    const list = h(
      "ul",
      {},
      [...errors, ...others].map((d) =>
        h("li", {}, [
          h("span", { class: "code" }, [`${d.severity}[${d.code}]${d.line ? ` line ${d.line}` : ""}${d.item ? ` ${d.item}` : ""}: `]),
          d.message,
          d.hint ? h("span", { class: "code" }, [` (${d.hint})`]) : null,
        ]),
      ),
    );
    box.replaceChildren(h("details", { open: errors.length > 0 }, [h("summary", {}, [f.t("validation", { words: words.join(", ") })]), list]));
    box.hidden = false;
  }

  #buildTools() {
    this.#expandButton.addEventListener("click", () => this.expandAll());
    this.#collapseButton.addEventListener("click", () => this.collapseAll());
    this.#downloadButton.addEventListener("click", () => this.#download());
    this.#search.addEventListener("input", () => {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => {
        this.#filter.text = this.#search.value;
        this.#applyFilter();
      }, SEARCH_DELAY);
    });
    this.#themeSelect.addEventListener("change", () => {
      this.#filter.theme = this.#themeSelect.value;
      this.#applyFilter();
    });
    this.#statusSelect.addEventListener("change", () => {
      this.#filter.status = this.#statusSelect.value;
      this.#applyFilter();
    });
    this.#missingSelect.addEventListener("change", () => {
      const missing = this.#missingSelect.value === "exclude" ? "exclude" : "zero";
      this.settings = { ...(this.#settings ?? {}), missing };
    });
    this.#tools.append(
      h("label", { class: "search-field" }, [h("span", { class: "words" }), this.#search]),
      h("label", { class: "theme-field" }, [h("span", { class: "words" }), this.#themeSelect]),
      h("label", { class: "status-field" }, [h("span", { class: "words" }), this.#statusSelect]),
      h("label", { class: "missing-field" }, [h("span", { class: "words" }), this.#missingSelect]),
      h("div", { class: "buttons" }, [this.#expandButton, this.#collapseButton, this.#downloadButton]),
      this.#shownText,
    );
    this.#shownText.style.flexBasis = "100%";
  }

  /** Writes the toolbar's fixed words (again, for a new locale). */
  #labelTools() {
    const f = this.#fmt;
    for (const [name, key] of /** @type {const} */ ([
      ["search", "search"],
      ["theme", "theme"],
      ["status", "status"],
      ["missing", "missing"],
    ])) {
      const words = this.#tools.querySelector(`label.${name}-field .words`);
      if (words) setText(words, f.t(key));
    }
    this.#search.placeholder = f.t("search_placeholder");
    setText(this.#expandButton, f.t("expand_all"));
    setText(this.#collapseButton, f.t("collapse_all"));
    setText(this.#downloadButton, f.t("download"));
    this.#downloadButton.hidden = !this.hasAttribute("download");
    this.#missingSelect.replaceChildren(h("option", { value: "zero" }, [f.t("missing_zero")]), h("option", { value: "exclude" }, [f.t("missing_exclude")]));
  }

  /** @param {PlanDocument} data */
  #renderTools(data) {
    const f = this.#fmt;
    const themes = data.themes ?? [];
    this.#themeSelect.replaceChildren(h("option", { value: "" }, [f.t("all_themes")]), ...themes.map((t) => h("option", { value: t.id }, [t.title])));
    /** @type {HTMLElement} */ (this.#themeSelect.parentElement).hidden = themes.length === 0;
    this.#statusSelect.replaceChildren(
      h("option", { value: "" }, [f.t("any_status")]),
      ...STATUS_ORDER.map((s) => h("option", { value: s }, [`${STATUS_ICONS[s]} ${f.t(`status_${s}`)}`])),
      h("option", { value: "excluded" }, [f.t("status_excluded")]),
    );
    if (!themes.some((t) => t.id === this.#filter.theme)) this.#filter.theme = "";
    this.#themeSelect.value = this.#filter.theme;
    this.#statusSelect.value = this.#filter.status;
    this.#search.value = this.#filter.text;
    this.#missingSelect.value = this.#settings?.missing ?? this.#planMissing;
    this.#tools.hidden = false;
  }

  /**
   * Builds the top of the tree (subtrees are built when first opened).
   * @param {string} title
   */
  #renderTree(title) {
    this.#items = new Map();
    this.#holders = new Map();
    this.#serial = new Map([...this.#rows.keys()].map((id, i) => [id, i]));
    this.#built = new Set();
    this.#tree.setAttribute("aria-label", this.#fmt.t("tree_label", { title }));
    this.#tree.replaceChildren();
    this.#buildItems(this.#tree, this.#roots);
    for (const id of this.#roots) this.#syncExpanded(id);
  }

  /**
   * Builds tree items (with those below them that are open) into an empty list, as one string of
   * escaped HTML (far faster than node by node).
   * @param {Element} list
   * @param {string[]} ids
   */
  #buildItems(list, ids) {
    /** @type {string[]} */
    const html = [];
    for (const id of ids) this.#itemHtml(id, html);
    setHtml(list, html.join(""));
    for (const li of /** @type {NodeListOf<HTMLLIElement>} */ (list.querySelectorAll("li"))) {
      const item = li.getAttribute("data-id");
      if (item !== null) {
        this.#items.set(item, li);
        if (this.#shown !== null) this.#paintFilter(item, li);
      } else {
        this.#holders.set(/** @type {string} */ (li.getAttribute("data-for")), li);
      }
    }
  }

  /**
   * Builds the children of an item, once (and theirs, where open).
   * @param {string} id
   */
  #buildChildren(id) {
    if (this.#built.has(id)) return;
    const group = this.#holders.get(id)?.firstElementChild;
    if (!group) return;
    this.#built.add(id);
    this.#buildItems(group, this.#children.get(id) ?? []);
    for (const child of this.#children.get(id) ?? []) if (this.#expanded.has(child)) this.#syncExpanded(child);
  }

  /**
   * What one row shows: its box (`div.row`) as HTML, its name (what it shows, then what only the
   * drawing tells) and whether it is drawn as low-confidence.
   * @param {RollupRow} row
   */
  #rowView(row) {
    const f = this.#fmt;
    const e = escapeHtml;
    const status = row.included ? row.status : "excluded";
    const level = this.#levelNames[row.depth] ?? row.level ?? f.t("item");
    const low = row.included && this.#isLowCoverage(row);
    const source = row.status_source === "reported" ? "reported" : "derived";
    const pct = row.progress === null ? f.t("no_data") : f.percent(row.progress);
    const words = row.included ? f.t(`status_${row.status}`) : f.t(`state_${row.state}`);
    const stale = row.stale === true ? f.t("stale") : "";
    const when = f.date(row.last_update);
    const coverage = this.#coverageWords(row);
    const counts = [];
    const countWords = [];
    if (!row.is_leaf) {
      for (const s of STATUS_ORDER) {
        const n = row.status_counts[s];
        if (!n) continue;
        const [number, name] = [f.number(n), f.t(`status_${s}`)];
        counts.push(`<span class="count s-${s}" data-status="${s}"><i aria-hidden="true">${STATUS_ICONS[s]}</i> <b>${e(number)}</b> ${e(name)}</span>`);
        countWords.push(f.t("count_status", { n: number, status: name }));
      }
    }
    const chipTitle = row.included ? f.t(source === "reported" ? "key_reported" : "key_derived") : null;
    const trendTitle = row.trend ? f.t(`trend_${row.trend}`) : null;
    // Spaces between the parts: not drawn (flex and grid drop them), but they keep the words of
    // neighbouring parts apart in the text that assistive technology and label-in-name checks read.
    const box = [
      `<div class="row" part="row"><span class="twisty" aria-hidden="true"></span> <span class="name" title="${e(`${level} ${row.id}`)}"><span class="label">${e(row.label ?? "")}</span> <span class="title">${e(row.title)}</span></span> `,
      `<span class="figures" aria-hidden="true"><span class="bar" aria-hidden="true"><span class="fill s-${status}" style="width: ${row.progress === null ? 0 : row.progress * 100}%;"></span>`,
      `<span class="marker"${row.expected === null ? " hidden" : ` style="left: ${row.expected * 100}%;"`}></span></span> `,
      `<span class="pct${row.progress === null ? " none" : ""}"${row.progress === null ? "" : ` data-progress="${row.progress}"`}${row.expected === null ? "" : ` data-expected="${row.expected}"`}>${e(pct)}</span> `,
      `<span class="chip s-${status}${row.included && source === "derived" ? " derived" : ""}" data-status="${status}"${row.included ? ` data-source="${source}"` : ""}${chipTitle === null ? "" : ` title="${e(chipTitle)}"`}>`,
      `<span aria-hidden="true" class="icon">${row.included ? STATUS_ICONS[row.status] : "–"}</span> <span class="words">${e(words)}</span></span> `,
      `<span class="trend" aria-hidden="true"${trendTitle === null ? "" : ` title="${e(trendTitle)}"`}>${row.trend ? TREND_ARROWS[row.trend] : ""}</span> `,
      `<span class="when"${row.last_update === null ? "" : ` data-date="${e(row.last_update)}"`}>${e(when)}${stale ? ` <span class="stale">${e(stale)}</span>` : ""}</span></span> `,
      `<span class="counts" aria-hidden="true"><span class="coverage">${e(coverage)}</span> <span class="low"${low ? "" : " hidden"}>${e(f.t("low_coverage"))}</span> ${counts.join("")}</span></div>`,
    ].join("");
    // The name says first what the row shows, in the order it shows it (WCAG 2.5.3, label in
    // name), then what only the drawing tells: expected progress, status source, trend, level.
    const shown = [`${row.label ? `${row.label} ` : ""}${row.title}`, pct, words, row.last_update ? `${when}${stale ? ` ${stale}` : ""}` : "", coverage, low ? f.t("low_coverage") : "", ...countWords];
    const more = [row.included ? `${f.t("expected_percent", { percent: f.percent(row.expected) })}, ${chipTitle}` : f.t("left_out", { state: words }), trendTitle, level];
    return { box, low, shown: shown.filter(Boolean).join(", "), more: more.filter(Boolean).join("; ") };
  }

  /**
   * Writes a changed row into its item (other rows are not touched): its box (`div.row`) anew,
   * its name and class where they differ.
   * @param {RollupRow} row
   * @param {boolean} [box] false: only the name (an explanation shown or gone)
   */
  #renderRow(row, box = true) {
    const li = this.#items.get(row.id);
    if (!li) return;
    const v = this.#rowView(row);
    if (box) {
      const template = document.createElement("template");
      setHtml(template, v.box);
      li.firstElementChild?.replaceWith(template.content);
      if (this.#shown !== null) this.#paintFilter(row.id, li);
    }
    setClass(li, "low-coverage", v.low);
    const explained = this.#selected === row.id && li.querySelector(":scope>.explain") ? this.#explainText : "";
    setAttr(li, "aria-label", `${v.shown}${explained ? `; ${explained}` : ""}; ${v.more}`);
  }

  /**
   * One tree item as HTML (without an explanation), and the holder of its children, holding them
   * too if it is open (built in the same string).
   * @param {string} id
   * @param {string[]} out the HTML, added to
   */
  #itemHtml(id, out) {
    const row = /** @type {RollupRow} */ (this.#rows.get(id));
    const v = this.#rowView(row);
    const e = escapeHtml;
    const children = this.#children.get(id) ?? [];
    const siblings = row.parent === null ? this.#roots : this.#children.get(row.parent) ?? [];
    const open = this.#expanded.has(id);
    const group = children.length ? `g${this.#serial.get(id) ?? 0}` : "";
    out.push(
      `<li role="treeitem" data-id="${e(id)}" class="depth${Math.min(row.depth, 3)}${v.low ? " low-coverage" : ""}" aria-level="${row.depth + 1}"`,
      ` aria-setsize="${siblings.length}" aria-posinset="${this.#position.get(id) ?? 1}" aria-selected="${this.#selected === id}" tabindex="${id === this.#focused ? 0 : -1}"`,
      ` style="--depth: ${row.depth};"${children.length ? ` aria-expanded="${open}" aria-owns="${group}"` : ""} aria-label="${e(`${v.shown}; ${v.more}`)}">`,
      v.box,
      "</li>",
    );
    if (!children.length) return;
    out.push(`<li role="none" class="holder" data-for="${e(id)}"${open ? "" : " hidden"}><ul role="group" id="${group}"${open ? "" : " hidden"}>`);
    if (open) {
      this.#built.add(id);
      for (const child of children) this.#itemHtml(child, out);
    }
    out.push("</ul></li>");
  }

  /**
   * Whether a row is drawn as low-confidence: the engine's `low_coverage` (docs/rollup.md).
   * @param {RollupRow} row
   */
  #isLowCoverage(row) {
    return row.low_coverage;
  }

  /**
   * How much of a row's data is in: `12 of 33 members` for a member item, `5 of 7 items` for a
   * parent or a plain leaf.
   * @param {RollupRow} row
   */
  #coverageWords(row) {
    const f = this.#fmt;
    if (row.members_adopted !== null && row.members_reported !== null) {
      return f.plural("members_coverage", row.members_adopted, { n: f.number(row.members_reported), total: f.number(row.members_adopted) });
    }
    return f.plural("items_coverage", row.leaves, { n: f.number(row.leaves_with_data), total: f.number(row.leaves) });
  }

  /** Builds the heat map if it waits to be built. */
  #flushMatrix() {
    const cells = this.#matrixPending;
    if (!cells) return;
    this.#matrixPending = null;
    this.#renderMatrix(cells);
  }

  /** @param {AdoptionCell[]} cells */
  #renderMatrix(cells) {
    const f = this.#fmt;
    this.#cells = new Map();
    this.#cellData = new Map();
    if (!cells.length) {
      this.#matrix.hidden = true;
      this.#matrix.replaceChildren();
      this.#matrixShape = { items: [], members: [] };
      return;
    }
    /** @type {Set<string>} */
    const items = new Set();
    /** @type {Set<string>} */
    const members = new Set();
    for (const cell of cells) {
      items.add(cell.item);
      members.add(cell.member);
    }
    this.#matrixShape = { items: [...items], members: [...members] };
    const head = h("tr", {}, [h("th", { scope: "col" }, [h("span", {}, [f.t("member")])])]);
    for (const item of items) {
      const row = this.#rows.get(item);
      const mark = row?.label ?? row?.number ?? item;
      const title = row?.title ?? "";
      const short = title.length > HEADING_CHARS ? `${title.slice(0, HEADING_CHARS - 1).trimEnd()}…` : title;
      head.append(
        h("th", { scope: "col", tabindex: -1, "data-col": item, title: `${mark} ${title}`, "aria-label": `${mark} ${title}` }, [
          h("span", {}, [h("b", {}, [mark]), " ", short]),
        ]),
      );
    }
    const body = this.#matrixBody(cells, [...items], [...members]);
    const table = h("table", { role: "grid", "aria-label": f.t("matrix_label"), "aria-describedby": "matrix-key" }, [h("thead", {}, [head]), body]);
    const wrap = h("div", { class: "wrap", tabindex: -1 }, [table]);
    table.addEventListener("pointerover", (event) => this.#showTip(/** @type {Element} */ (event.target)));
    table.addEventListener("pointerout", () => (this.#tip.hidden = true));
    table.addEventListener("focusin", (event) => this.#showTip(/** @type {Element} */ (event.target)));
    table.addEventListener("focusout", () => (this.#tip.hidden = true));
    table.addEventListener("keydown", (event) => this.#onGridKey(event));
    wrap.addEventListener("scroll", () => {
      if (!this.#tip.hidden && this.#tipCell) this.#placeTip(this.#tipCell, wrap);
    });
    const sample = { reported: "45", no_report: CELL_SYMBOLS.no_report, not_adopted: CELL_SYMBOLS.not_adopted, out_of_scope: CELL_SYMBOLS.out_of_scope };
    this.#matrix.replaceChildren(
      h("h3", {}, [f.t("matrix_title")]),
      h("ul", { class: "cellkey", "aria-label": f.t("key") }, [
        ...[1, 2, 3, 4, 5].map((b) =>
          b === 3
            ? h("li", {}, [h("span", { class: `swatch c-reported h${b}`, "aria-hidden": "true" }, [sample.reported]), f.t("key_cell_reported")])
            : null,
        ),
        ...CELL_STATES.filter((s) => s !== "reported").map((s) =>
          h("li", {}, [h("span", { class: `swatch c-${s}`, "aria-hidden": "true" }, [sample[s]]), f.t(`key_cell_${s}`)]),
        ),
      ].filter((x) => x !== null)),
      h("p", { class: "meta", id: "matrix-key" }, [f.t("matrix_key")]),
      h("div", { class: "screen-only" }),
      wrap,
      h("div", { class: "print-only" }),
    );
    this.#matrix.hidden = false;
  }

  /**
   * The heat map's body, written as one string of escaped HTML (far faster than cell by cell).
   * @param {AdoptionCell[]} cells
   * @param {string[]} items
   * @param {string[]} members
   * @returns {HTMLTableSectionElement}
   */
  #matrixBody(cells, items, members) {
    const body = h("tbody", {});
    /** @type {Map<string, AdoptionCell>} */
    const byKey = new Map(cells.map((cell) => [`${cell.item}\u0000${cell.member}`, cell]));
    const html = [];
    let first = true;
    for (const member of members) {
      const escaped = escapeHtml(member);
      html.push(`<tr><th scope="row">${escapeHtml(this.#memberNames.get(member) ?? member)}</th>`);
      for (const item of items) {
        const cell = byKey.get(`${item}\u0000${member}`);
        html.push(`<td tabindex="${first ? 0 : -1}" data-item="${escapeHtml(item)}" data-member="${escaped}"`);
        first = false;
        if (!cell) {
          html.push("></td>");
          continue;
        }
        const look = this.#cellLook(cell);
        html.push(` class="${look.className}" data-state="${cell.state}"`);
        if (cell.progress !== null) html.push(` data-progress="${cell.progress}"`);
        html.push(` aria-label="${escapeHtml(look.label)}">${escapeHtml(look.text)}</td>`);
      }
      html.push("</tr>");
    }
    setHtml(body, html.join(""));
    const rows = body.rows;
    for (let r = 0; r < members.length; r++) {
      const tds = rows[r].cells;
      for (let c = 0; c < items.length; c++) {
        const key = `${items[c]}\u0000${members[r]}`;
        this.#cells.set(key, tds[c + 1]);
        const cell = byKey.get(key);
        if (cell) this.#cellData.set(key, cell);
      }
    }
    return body;
  }

  /**
   * What a cell shows: its text, its class and its name.
   * @param {AdoptionCell} cell
   */
  #cellLook(cell) {
    const reported = cell.state === "reported";
    const p = cell.progress;
    return {
      text: reported && p !== null ? this.#fmt.number(Math.round(p * 100)) : CELL_SYMBOLS[cell.state],
      className: `c-${cell.state}${reported ? ` h${band(p)}` : ""}`,
      label: this.#cellWords(cell).join(", "),
    };
  }

  /**
   * Writes one cell of the heat map, touching only what differs.
   * @param {AdoptionCell} cell
   */
  #renderCell(cell) {
    const key = `${cell.item}\u0000${cell.member}`;
    const td = this.#cells.get(key);
    if (!td) return;
    this.#cellData.set(key, cell);
    const look = this.#cellLook(cell);
    setText(td, look.text);
    setAttr(td, "class", look.className);
    setAttr(td, "data-state", cell.state);
    setAttr(td, "data-progress", cell.progress === null ? null : String(cell.progress));
    setAttr(td, "aria-label", look.label);
  }

  /**
   * The words of a cell's tooltip: member, item, state, numbers.
   * @param {AdoptionCell} cell
   * @returns {string[]}
   */
  #cellWords(cell) {
    const f = this.#fmt;
    const row = this.#rows.get(cell.item);
    const item = row ? `${row.label ? `${row.label} ` : ""}${row.title}` : cell.item;
    const words = [this.#memberNames.get(cell.member) ?? cell.member, `${cell.item}: ${item}`, f.t(`cell_${cell.state}`)];
    if (cell.progress !== null) words.push(f.t("cell_progress", { percent: f.percent(cell.progress) }));
    if (cell.value !== null) words.push(f.t("cell_value", { value: `${f.number(cell.value)}${row?.unit ? ` ${row.unit}` : ""}` }));
    if (cell.status) words.push(f.t(`status_${cell.status}`));
    if (cell.date) words.push(f.t("cell_last_return", { date: f.date(cell.date) }));
    return words;
  }

  /** @param {Element} target */
  #showTip(target) {
    const th = target.closest?.("th[data-col]");
    if (th instanceof HTMLElement) {
      const row = this.#rows.get(th.dataset.col ?? "");
      this.#tip.replaceChildren(h("b", {}, [row?.label ?? row?.number ?? th.dataset.col ?? ""]), row?.title ?? "");
      this.#tip.hidden = false;
      this.#tipCell = th;
      this.#placeTip(th, /** @type {HTMLElement} */ (th.closest(".wrap")));
      return;
    }
    const td = target.closest?.("td");
    if (!(td instanceof HTMLTableCellElement) || !td.dataset.item || !td.dataset.member) {
      this.#tip.hidden = true;
      return;
    }
    const cell = this.#cellData.get(`${td.dataset.item}\u0000${td.dataset.member}`);
    if (!cell) return;
    const [member, item, ...rest] = this.#cellWords(cell);
    this.#tip.replaceChildren(h("b", {}, [member]), h("span", {}, [item]), h("br"), rest.join(" · "));
    this.#tip.hidden = false;
    this.#tipCell = td;
    this.#placeTip(td, /** @type {HTMLElement} */ (td.closest(".wrap")));
  }

  /**
   * Puts the tooltip above (else below) a cell; hides it when the cell is scrolled out of view.
   * @param {HTMLElement} td
   * @param {HTMLElement} wrap
   */
  #placeTip(td, wrap) {
    const box = td.getBoundingClientRect();
    const view = wrap.getBoundingClientRect();
    if (box.right < view.left || box.left > view.right || box.bottom < view.top || box.top > view.bottom) {
      this.#tip.hidden = true;
      return;
    }
    const tip = this.#tip.getBoundingClientRect();
    const left = Math.max(4, Math.min(box.left + box.width / 2 - tip.width / 2, window.innerWidth - tip.width - 4));
    const top = box.top - tip.height - 6 >= 0 ? box.top - tip.height - 6 : box.bottom + 6;
    this.#tip.style.left = `${left}px`;
    this.#tip.style.top = `${top}px`;
  }

  /** Arrow keys in the heat map: between cells, and up into the column headings. @param {KeyboardEvent} event */
  #onGridKey(event) {
    const cell = /** @type {Element} */ (event.target).closest?.("td, th[data-col]");
    if (!(cell instanceof HTMLTableCellElement)) return;
    const tr = /** @type {HTMLTableRowElement} */ (cell.parentElement);
    const table = /** @type {HTMLTableElement} */ (tr.closest("table"));
    const rows = [...table.rows];
    const r = rows.indexOf(tr);
    const c = cell.cellIndex;
    const moves = /** @type {Record<string, [number, number]>} */ ({
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      Home: [r, 1],
      End: [r, tr.cells.length - 1],
    });
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = rows[Math.max(0, Math.min(rows.length - 1, move[0]))]?.cells[Math.max(1, Math.min(tr.cells.length - 1, move[1]))];
    if (next instanceof HTMLTableCellElement && (next.dataset.item || next.dataset.col)) {
      cell.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  }

  // ---- explanation -----------------------------------------------------------------------

  /**
   * Shows the explanation of an item under its row: the plain sentence first, then the
   * arithmetic, then (closed) the returns or members behind it.
   * @param {string} id
   * @returns {Explanation | null}
   */
  #showExplanation(id) {
    const li = this.#items.get(id);
    const engine = this.#engine;
    if (!li || !engine) return null;
    const f = this.#fmt;
    /** @type {Explanation} */
    const explanation = engine.explain(id);
    const row = this.#rows.get(id);
    const name = row ? `${row.label ? `${row.label} ` : ""}${row.title}` : id;
    const memberCells = explanation.kind === "member_item" ? engine.cells(id) : [];
    const members = explanation.members;
    // The engine's own sentence is English: other languages build it from the strings table.
    const engineSummary = this.#fmt.locale.startsWith("en") && typeof explanation.summary === "string" ? explanation.summary : null;
    const box = h("div", { class: "explain", part: "explanation", role: "note", "aria-label": f.t("explanation_label", { item: name }) }, [
      h("p", { class: "summary" }, [engineSummary ?? this.#summaryOf(explanation, row)]),
      members && !engineSummary ? h("p", { class: "members" }, [this.#membersSentence(members)]) : null,
      h("h4", {}, [f.t("arithmetic")]),
      h("p", { class: "text" }, [explanation.text]),
    ]);
    box.style.setProperty("--depth", li.style.getPropertyValue("--depth"));
    if (explanation.children.length) {
      const table = h("table", {}, [
        h("thead", {}, [h("tr", {}, [h("th", {}, [f.t("th_item")]), h("th", {}, [f.t("th_progress")]), h("th", {}, [f.t("th_weight")]), h("th", {}, [f.t("th_counted")])])]),
        h(
          "tbody",
          {},
          explanation.children.map((child) => {
            const childRow = this.#rows.get(child.item);
            return h("tr", {}, [
              h("td", {}, [childRow?.label ? `${childRow.label} ` : "", childRow?.title ?? child.item]),
              h("td", { class: "n" }, [f.percent(child.progress)]),
              h("td", { class: "n" }, [f.number(child.weight)]),
              h("td", {}, [child.counted ? f.t("counted_yes") : child.reason ? f.t("counted_no_because", { reason: child.reason }) : f.t("counted_no")]),
            ]);
          }),
        ),
      ]);
      box.append(table);
    } else if (members && memberCells.length) {
      const shown = memberCells.filter((c) => c.state !== "out_of_scope");
      box.append(
        h("details", { class: "returns" }, [
          h("summary", {}, [f.plural("show_members", shown.length)]),
          h("table", {}, [
            h("thead", {}, [h("tr", {}, [h("th", {}, [f.t("th_member")]), h("th", {}, [f.t("th_value")]), h("th", {}, [f.t("th_date")])])]),
            h(
              "tbody",
              {},
              shown.map((c) =>
                h("tr", {}, [
                  h("td", {}, [this.#memberNames.get(c.member) ?? c.member]),
                  h("td", { class: "n" }, [c.state === "reported" ? f.percent(c.progress) : f.t(`cell_${c.state}`)]),
                  h("td", {}, [f.date(c.date)]),
                ]),
              ),
            ),
          ]),
        ]),
      );
    } else if (explanation.updates.length) {
      box.append(
        h("details", { class: "returns" }, [
          h("summary", {}, [f.plural("show_returns", explanation.updates.length)]),
          h(
            "ul",
            {},
            explanation.updates.map((u) => {
              const values = { field: u.field, value: u.value, date: f.date(u.date), member: u.member ? this.#memberNames.get(u.member) ?? u.member : "" };
              return h("li", {}, [`${f.t(u.member ? "update_by" : "update_line", values)} ${f.t("recorded", { date: f.date(u.recorded) })}`]);
            }),
          ),
        ]),
      );
    }
    box.dataset.for = id;
    const old = li.querySelector(":scope>.explain");
    if (old) old.replaceWith(box);
    else li.firstElementChild?.after(box);
    // The panel is text of the item: its name holds what it shows, after what the row shows.
    // Spaces after each element (not drawn between blocks and table cells) keep words apart.
    for (const element of box.querySelectorAll("*")) element.after(" ");
    box.prepend(" ");
    const shown = /** @type {HTMLElement} */ (box.cloneNode(true));
    for (const hidden of shown.querySelectorAll("details:not([open]) > :not(summary)")) hidden.remove();
    this.#explainText = (shown.textContent ?? "").replace(/\s+/g, " ").trim();
    if (row) this.#renderRow(row, false);
    return explanation;
  }

  /**
   * The plain sentence of an explanation, from its structured fields (when the engine gives none).
   * @param {Explanation} explanation
   * @param {RollupRow | undefined} row
   */
  #summaryOf(explanation, row) {
    const f = this.#fmt;
    const item = row ? `${row.label ? `${row.label} ` : ""}${row.title}` : explanation.item;
    const values = {
      item,
      progress: f.percent(explanation.progress),
      expected: f.percent(explanation.expected),
      date: f.date(explanation.as_of),
      status: f.t(`status_${explanation.status}`),
      coverage: row ? this.#coverageWords(row) : "",
    };
    if (explanation.progress === null) return f.t("summary_leaf_none", values);
    return f.t(explanation.kind === "parent" ? "summary_parent" : "summary_leaf", values);
  }

  /**
   * The members' sentence: how many reported, the spread, who is furthest behind.
   * @param {MemberSummary} members
   */
  #membersSentence(members) {
    const f = this.#fmt;
    const counts =
      members.reported === 0
        ? f.t("summary_members_none", { count: f.number(members.count) })
        : f.t("summary_members", { reported: f.number(members.reported), count: f.number(members.count), lowest: f.percent(members.lowest), highest: f.percent(members.highest) });
    if (!members.behind.length) return counts;
    const names = members.behind.map((m) => f.t("behind_entry", { name: this.#memberNames.get(m.member) ?? m.name, progress: m.progress === null ? f.t("cell_no_report") : f.percent(m.progress) }));
    return `${counts} ${f.t("summary_behind", { names: f.list(names) })}`;
  }

  // ---- download --------------------------------------------------------------------------

  /** The rows shown (the filter's, with their ancestors open) as CSV text. */
  csv() {
    const f = this.#fmt;
    const lines = [["id", "label", "title", "progress", "expected", "status", "status_source", "coverage"].join(",")];
    for (const id of this.#visibleIds()) {
      const row = /** @type {RollupRow} */ (this.#rows.get(id));
      lines.push(
        [
          row.id,
          row.label,
          row.title,
          row.progress,
          row.expected,
          row.included ? row.status : row.state,
          row.included ? row.status_source : null,
          `${this.#coverageWords(row)}${row.included && this.#isLowCoverage(row) ? ` (${f.t("low_coverage")})` : ""}`,
        ]
          .map(csvField)
          .join(","),
      );
    }
    return `${lines.join("\r\n")}\r\n`;
  }

  /** Downloads `csv()` as a file named after the plan. */
  #download() {
    const blob = new Blob([this.csv()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: `${this.#document?.id ?? "plan"}-${this.rollup?.as_of ?? ""}.csv` });
    this.#root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- print -----------------------------------------------------------------------------

  /** Before printing: every row built and open, the heat map split into tables of a few columns. */
  #preparePrint() {
    if (!this.#engine || this.#expandedBeforePrint) return;
    this.#flushMatrix();
    this.#expandedBeforePrint = new Set(this.#expanded);
    this.expandAll();
    const print = this.#matrix.querySelector(".print-only");
    if (!print) return;
    const f = this.#fmt;
    const { items, members } = this.#matrixShape;
    const tables = [];
    for (let start = 0; start < items.length; start += PRINT_COLUMNS) {
      const columns = items.slice(start, start + PRINT_COLUMNS);
      tables.push(
        h("h4", {}, [f.t("print_columns", { from: start + 1, to: start + columns.length, total: items.length })]),
        h("table", {}, [
          h("thead", {}, [
            h("tr", {}, [
              h("th", { scope: "col" }, [f.t("member")]),
              ...columns.map((item) => {
                const row = this.#rows.get(item);
                return h("th", { scope: "col" }, [h("span", {}, [row?.label ?? row?.number ?? item])]);
              }),
            ]),
          ]),
          h(
            "tbody",
            {},
            members.map((member) =>
              h("tr", {}, [
                h("th", { scope: "row" }, [this.#memberNames.get(member) ?? member]),
                ...columns.map((item) => {
                  const live = this.#cells.get(`${item}\u0000${member}`);
                  return h("td", { class: live?.className ?? "" }, [live?.textContent ?? ""]);
                }),
              ]),
            ),
          ),
        ]),
      );
    }
    print.replaceChildren(...tables);
  }

  /** After printing: the tree as it was. */
  #restoreAfterPrint() {
    const before = this.#expandedBeforePrint;
    if (!before) return;
    this.#expandedBeforePrint = null;
    this.#expanded = before;
    this.#syncAll();
    this.#matrix.querySelector(".print-only")?.replaceChildren();
  }

  // ---- tree state ------------------------------------------------------------------------

  /** @param {string} id */
  #syncExpanded(id) {
    const li = this.#items.get(id);
    if (!li || !this.#children.get(id)?.length) return;
    const open = this.#expanded.has(id);
    if (open) this.#buildChildren(id);
    setAttr(li, "aria-expanded", open ? "true" : "false");
    this.#syncHolder(id);
  }

  /**
   * Shows an item's holder when the item is open, and lets the item own its group.
   * @param {string} id
   */
  #syncHolder(id) {
    const li = this.#items.get(id);
    const holder = this.#holders.get(id);
    if (!li || !holder) return;
    const open = this.#expanded.has(id);
    const group = holder.firstElementChild;
    if (group instanceof HTMLElement && group.hidden === open) group.hidden = !open;
    const hidden = li.hidden || !open;
    if (holder.hidden !== hidden) holder.hidden = hidden;
    setAttr(li, "aria-owns", group?.id ?? null);
  }

  /** Shows every built item as `#expanded` says, building the subtrees newly opened. */
  #syncAll() {
    for (const id of this.#roots) this.#syncExpanded(id);
    for (const id of [...this.#items.keys()]) this.#syncExpanded(id);
  }

  /**
   * @param {string} id
   * @param {boolean} open
   */
  #setExpanded(id, open) {
    if (open) this.#expanded.add(id);
    else this.#expanded.delete(id);
    this.#syncExpanded(id);
  }

  /** Opens the ancestors of an item (building them), top first. @param {string} id */
  #reveal(id) {
    const ancestors = [];
    let parent = this.#rows.get(id)?.parent ?? null;
    while (parent !== null) {
      ancestors.unshift(parent);
      parent = this.#rows.get(parent)?.parent ?? null;
    }
    for (const ancestor of ancestors) this.#setExpanded(ancestor, true);
  }

  /** @param {string} id */
  #topOf(id) {
    let current = id;
    let parent = this.#rows.get(current)?.parent ?? null;
    while (parent !== null) {
      if (!this.#isVisible(parent) || !this.#expanded.has(parent)) current = parent;
      parent = this.#rows.get(parent)?.parent ?? null;
    }
    return current;
  }

  /** Whether an item shows: the filter lets it through and its ancestors are open. @param {string} id */
  #isVisible(id) {
    if (this.#shown && !this.#shown.has(id)) return false;
    let parent = this.#rows.get(id)?.parent ?? null;
    while (parent !== null) {
      if (!this.#expanded.has(parent)) return false;
      parent = this.#rows.get(parent)?.parent ?? null;
    }
    return true;
  }

  /** The visible items, in document order. */
  #visibleIds() {
    /** @type {string[]} */
    const out = [];
    /** @param {string[]} ids */
    const walk = (ids) => {
      for (const id of ids) {
        if (this.#shown && !this.#shown.has(id)) continue;
        out.push(id);
        if (this.#expanded.has(id)) walk(this.#children.get(id) ?? []);
      }
    };
    walk(this.#roots);
    return out;
  }

  /**
   * Moves the roving tab stop (and, if asked, the focus) to an item.
   * @param {string} id
   * @param {boolean} focus
   */
  #focusItem(id, focus) {
    const previous = this.#focused ? this.#items.get(this.#focused) : undefined;
    const next = this.#items.get(id);
    if (!next) return;
    if (previous && previous !== next) previous.tabIndex = -1;
    next.tabIndex = 0;
    this.#focused = id;
    if (focus) {
      next.focus({ preventScroll: true });
      /** @type {HTMLElement} */ (next.firstElementChild).scrollIntoView?.({ block: "nearest" });
    }
  }

  /** @param {MouseEvent} event */
  #onTreeClick(event) {
    const target = /** @type {Element} */ (event.target);
    if (target.closest(".explain")) return;
    const li = target.closest("li[role=treeitem]");
    if (!(li instanceof HTMLLIElement) || !li.dataset.id) return;
    const id = li.dataset.id;
    this.#focusItem(id, true);
    if (target.closest(".twisty")) {
      this.#setExpanded(id, !this.#expanded.has(id));
      return;
    }
    this.select(this.#selected === id ? null : id);
  }

  /** Keyboard navigation of the tree (WAI-ARIA tree pattern). @param {KeyboardEvent} event */
  #onTreeKey(event) {
    const id = this.#focused;
    if (!id || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = /** @type {Element} */ (event.target);
    if (target.closest(".explain")) return;
    const visible = this.#visibleIds();
    const index = visible.indexOf(id);
    const hasChildren = (this.#children.get(id)?.length ?? 0) > 0;
    const open = this.#expanded.has(id);
    /** @type {string | undefined} */
    let next;
    switch (event.key) {
      case "ArrowDown":
        next = visible[index + 1];
        break;
      case "ArrowUp":
        next = visible[index - 1];
        break;
      case "Home":
        next = visible[0];
        break;
      case "End":
        next = visible[visible.length - 1];
        break;
      case "ArrowRight":
        if (hasChildren && !open) this.#setExpanded(id, true);
        else if (hasChildren) next = visible[index + 1];
        break;
      case "ArrowLeft":
        if (hasChildren && open) this.#setExpanded(id, false);
        else next = this.#rows.get(id)?.parent ?? undefined;
        break;
      case "Enter":
      case " ":
        this.select(this.#selected === id ? null : id);
        break;
      case "Escape":
        if (this.#selected === null) return;
        this.select(null);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.#focusItem(next, true);
  }

  // ---- filters ---------------------------------------------------------------------------

  #applyFilter() {
    const { text, theme, status } = this.#filter;
    const needle = text.trim().toLowerCase();
    const active = Boolean(needle || theme || status);
    if (!active) {
      if (this.#expandedBeforeFilter) {
        this.#expanded = this.#expandedBeforeFilter;
        this.#expandedBeforeFilter = null;
      }
      this.#shown = null;
      this.#matches = new Set();
    } else {
      this.#expandedBeforeFilter ??= new Set(this.#expanded);
      const matches = new Set();
      for (const row of this.#rows.values()) {
        const rowStatus = row.included ? row.status : "excluded";
        if (status && rowStatus !== status) continue;
        if (theme && !(this.#themes.get(row.id) ?? []).includes(theme)) continue;
        if (needle && ![row.label ?? "", row.title, row.id].some((t) => t.toLowerCase().includes(needle))) continue;
        matches.add(row.id);
      }
      const shown = new Set(matches);
      for (const id of matches) {
        let parent = this.#rows.get(id)?.parent ?? null;
        while (parent !== null && !shown.has(parent)) {
          shown.add(parent);
          parent = this.#rows.get(parent)?.parent ?? null;
        }
      }
      this.#shown = shown;
      this.#matches = matches;
      this.#expanded = new Set([...shown].filter((id) => (this.#children.get(id) ?? []).some((c) => shown.has(c))));
    }
    this.#syncAll();
    for (const [id, li] of this.#items) this.#paintFilter(id, li);
    const f = this.#fmt;
    const total = this.#rows.size;
    setText(
      this.#shownText,
      active ? f.plural("items_match", this.#matches.size, { total: f.number(total) }) : f.plural("items", total, { total: f.number(total) }),
    );
    if (this.#focused && !this.#isVisible(this.#focused)) {
      const first = this.#visibleIds()[0];
      if (first) this.#focusItem(first, false);
    }
  }

  /**
   * Shows an item as the filter says: hidden, greyed as context, its matching text marked.
   * @param {string} id
   * @param {HTMLLIElement} li
   */
  #paintFilter(id, li) {
    const hidden = this.#shown !== null && !this.#shown.has(id);
    if (li.hidden !== hidden) li.hidden = hidden;
    this.#syncHolder(id);
    setClass(li, "context", this.#shown !== null && !this.#matches.has(id));
    const row = this.#rows.get(id);
    const title = li.querySelector(":scope>.row .title");
    if (row && title instanceof HTMLElement) this.#highlight(title, row.title, this.#shown === null ? "" : this.#filter.text.trim().toLowerCase());
  }

  /**
   * Marks the search text in a title (only when a search is active, so that idle rows are not
   * touched).
   * @param {HTMLElement} element
   * @param {string} title
   * @param {string} needle
   */
  #highlight(element, title, needle) {
    const at = needle ? title.toLowerCase().indexOf(needle) : -1;
    if (at < 0) {
      if (element.firstElementChild) element.textContent = title;
      return;
    }
    element.replaceChildren(title.slice(0, at), h("mark", {}, [title.slice(at, at + needle.length)]), title.slice(at + needle.length));
  }
}

if (!customElements.get("workplan-progress")) customElements.define("workplan-progress", WorkplanProgress);
