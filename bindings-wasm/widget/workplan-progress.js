// @ts-check
// `<workplan-progress>`: the progress rollup of a plan as a custom element (see README.md).
// Every number comes from the wasm engine (RollupEngine: rows, cells, explain); the widget only
// formats and lays them out. Importing this module defines the element. It holds the element's
// inputs, loading and public API; what it shows is drawn by display.js, from the tree (tree.js),
// the heat map (heatmap.js), the explanations (explain.js), the toolbar (filters.js) and the
// header (header.js), in the words of format.js and the stylesheet of style.js.
import { RollupEngine } from "../pkg/web/workplan_wasm.js";
import { Display } from "./display.js";
import { Format, STRINGS, formatPercent, localeOf } from "./format.js";
import { setAttr } from "./dom.js";
import { afterPaint, fetchPlan, fetchUpdates, loadWasm, readPlan, readUpdates, updateList } from "./load.js";

export { STRINGS, formatPercent, loadWasm };

/**
 * @typedef {import("../pkg/web/workplan_wasm.js").Changes} Changes
 * @typedef {import("../pkg/web/workplan_wasm.js").Diagnostic} Diagnostic
 * @typedef {import("../pkg/web/workplan_wasm.js").Explanation} Explanation
 * @typedef {import("../pkg/web/workplan_wasm.js").Plan} Plan
 * @typedef {import("../pkg/web/workplan_wasm.js").PlanDocument} PlanDocument
 * @typedef {import("../pkg/web/workplan_wasm.js").Settings} Settings
 * @typedef {import("../pkg/web/workplan_wasm.js").Update} Update
 * @typedef {import("../pkg/web/workplan_wasm.js").Updates} Updates
 */

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
  /** What the element shows. @type {Display} */
  #display;
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
  #scheduled = false;
  /** Word overrides (`strings`). @type {Record<string, string>} */
  #strings = {};
  #onBeforePrint = () => {
    if (this.#engine) this.#display.preparePrint();
  };
  #onAfterPrint = () => this.#display.restoreAfterPrint();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#display = new Display(this.#root, {
      select: (id) => this.select(id),
      expand: () => this.expandAll(),
      collapse: () => this.collapseAll(),
      download: () => this.#display.download(this.#root, this.rollup?.as_of ?? ""),
      missing: (missing) => (this.settings = { ...(this.#settings ?? {}), missing }),
    });
  }

  /** The words and formats in use. */
  get #fmt() {
    return this.#display.view.fmt;
  }

  connectedCallback() {
    this.#display.view.fmt = new Format(localeOf(this), this.#strings);
    this.#display.label(this.hasAttribute("download"));
    window.addEventListener("beforeprint", this.#onBeforePrint);
    window.addEventListener("afterprint", this.#onAfterPrint);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#display.hideTip();
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
      this.#display.showDownload(value !== null);
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
    return this.#display.filter;
  }
  set filter(value) {
    this.#display.setFilter(value);
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
      list = updateList(updates);
      changed = engine.applyChanges(list);
    } catch (error) {
      this.#error = error;
      this.#emit("workplan-error", { error, diagnostics: this.#diagnostics });
      throw error;
    }
    this.#applied.push(...list);
    this.#changeCount++;
    this.#display.update(engine, changed);
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
    if (id !== null && !this.#display.view.rows.has(id)) throw Object.assign(new Error(`no item \`${id}\` in the plan`), { code: "unknown_item" });
    const explanation = this.#display.select(this.#engine, id);
    if (id === null) return;
    this.#emit("workplan-select", { id, explanation });
  }

  /** Opens every item. */
  expandAll() {
    this.#display.expandAll();
  }

  /** Closes every item. */
  collapseAll() {
    this.#display.collapseAll();
  }

  /** The rows shown (the filter's, with their ancestors open) as CSV text. */
  csv() {
    return this.#display.csv();
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
    this.#display.showStatus(this.#fmt.t("loading"));
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
      if (input !== null) {
        ({ plan, own: ownPlan } = readPlan(input));
      } else {
        plan = await fetchPlan(this.getAttribute("src") ?? "");
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
      this.#display.renderDiagnostics(diagnostics);
      this.#display.flushMatrix();
      if (this.#changeCount !== changes) rollup = engine.rollup();
      this.#setState("ready");
      this.#emit("workplan-load", { rollup, diagnostics });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#replace(null, false, null);
      this.#error = error;
      this.#display.showError(error);
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
    const given = readUpdates(this.#updatesInput);
    if (given) return given;
    const url = this.getAttribute("updates");
    if (!url) return { updates: null, own: false };
    return { updates: await fetchUpdates(url), own: true };
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

  /**
   * Draws the loaded rollup (see `Display.render`).
   * @param {boolean} rebuild build anew but keep what is open, selected and focused (new words)
   * @param {boolean} [later] leave the heat map to build after the first paint
   */
  #render(rebuild, later = false) {
    const openDepth = Number(this.getAttribute("open-depth") ?? "1");
    return this.#display.render(/** @type {RollupEngine} */ (this.#engine), /** @type {Plan} */ (this.#plan), this.#settings, openDepth, rebuild, later);
  }

  /** A new locale or new words: redraws every text, keeping what is open and selected. */
  #relocalise() {
    if (!this.isConnected) return;
    this.#display.view.fmt = new Format(localeOf(this), this.#strings);
    this.#display.label(this.hasAttribute("download"));
    if (this.#engine && this.#plan && this.#state === "ready") {
      this.#render(true);
      this.#display.renderDiagnostics(this.#diagnostics);
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
}

if (!customElements.get("workplan-progress")) customElements.define("workplan-progress", WorkplanProgress);
