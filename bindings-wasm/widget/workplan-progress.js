// @ts-check
// `<workplan-progress>`: the progress rollup of a plan as a custom element (see README.md).
// Every number comes from the wasm engine (RollupEngine: rows, cells, explain); this file only
// formats and lays them out. Importing it defines the element.
import init, { Plan, RollupEngine, Updates } from "../pkg/web/workplan_wasm.js";

/**
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 * @typedef {import("../pkg/web/workplan_wasm.js").AdoptionCell} AdoptionCell
 * @typedef {import("../pkg/web/workplan_wasm.js").Changes} Changes
 * @typedef {import("../pkg/web/workplan_wasm.js").Diagnostic} Diagnostic
 * @typedef {import("../pkg/web/workplan_wasm.js").Explanation} Explanation
 * @typedef {import("../pkg/web/workplan_wasm.js").PlanDocument} PlanDocument
 * @typedef {import("../pkg/web/workplan_wasm.js").Item} Item
 * @typedef {import("../pkg/web/workplan_wasm.js").Rollup} Rollup
 * @typedef {import("../pkg/web/workplan_wasm.js").Settings} Settings
 * @typedef {import("../pkg/web/workplan_wasm.js").Update} Update
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

const STATUS_WORDS = /** @type {const} */ ({
  done: "done",
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
  not_started: "not started",
  unknown: "no data",
});
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
const TRENDS = /** @type {const} */ ({
  improving: ["↗", "improving"],
  steady: ["→", "steady"],
  worsening: ["↘", "worsening"],
});
const CELL_WORDS = /** @type {const} */ ({
  reported: "reported",
  no_report: "no return",
  not_adopted: "not adopted",
  out_of_scope: "not in scope",
});

/**
 * A fraction as people read it, as the library writes it (`display::percent`): `62.5%`, `100%`,
 * `–` for none. One decimal, ties to even like Rust's formatting.
 * @param {number | null | undefined} value
 * @returns {string}
 */
export function formatPercent(value) {
  if (value === null || value === undefined) return "–";
  const p = value * 100;
  if (Math.abs(p - Math.round(p)) < 0.05) return `${Math.round(p)}%`;
  const tenths = p * 10;
  const floor = Math.floor(tenths);
  const rounded = tenths - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(tenths);
  return `${(rounded / 10).toFixed(1)}%`;
}

/**
 * A number for a value or a target (`1,000`, `2.5`).
 * @param {number | null} value
 */
function formatNumber(value) {
  return value === null ? "–" : value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

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

/** The format of a fetched file, from its name. */
function formatOf(/** @type {string} */ url) {
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return "yaml";
  if (path.endsWith(".csv")) return "csv";
  return undefined;
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

const STYLE = `
:host{all:initial;display:block;container:wp/inline-size;box-sizing:border-box;
  font:var(--wp-font-size,14px)/1.45 var(--wp-font,system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif);
  color:var(--wp-text,#1f2328);background:var(--wp-background,#fff);
  border:1px solid var(--wp-border,#d0d7de);border-radius:var(--wp-radius,6px);overflow:hidden}
:host([hidden]){display:none}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
button,input,select{font:inherit;color:inherit}
.head{padding:.75em .9em .5em;border-bottom:1px solid var(--wp-border,#d0d7de)}
h2{font-size:1.15em;margin:0;line-height:1.3}
.meta,.levels,.legend,.shown{color:var(--wp-muted,#57606a);font-size:.86em;margin:.2em 0 0}
.legend{display:flex;flex-wrap:wrap;gap:.2em .8em;padding:0;list-style:none}
.tools{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;padding:.5em .9em;border-bottom:1px solid var(--wp-border,#d0d7de);background:var(--wp-toolbar,#f6f8fa)}
.tools label{display:flex;flex-direction:column;font-size:.8em;color:var(--wp-muted,#57606a);gap:.1em;flex:1 1 9em;max-width:22em;min-width:0}
.tools input,.tools select{font-size:1.15em;padding:.25em .4em;border:1px solid var(--wp-border,#d0d7de);border-radius:4px;background:#fff;min-width:0;width:100%}
.tools button{font-size:.9em;padding:.35em .7em;border:1px solid var(--wp-border,#d0d7de);border-radius:4px;background:#fff;cursor:pointer}
.tools .buttons{display:flex;gap:.4em;flex:0 0 auto}
.status{padding:1em .9em}
.status.error{color:var(--wp-error,#a40e26);background:#fff5f5}
.status p{margin:.2em 0}
.diagnostics{padding:.4em .9em;border-bottom:1px solid var(--wp-border,#d0d7de);font-size:.88em}
.diagnostics summary{cursor:pointer;color:var(--wp-muted,#57606a)}
.diagnostics.errors summary{color:var(--wp-error,#a40e26);font-weight:600}
.diagnostics ul{margin:.3em 0;padding-left:1.2em}
.diagnostics li{margin:.15em 0}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em;color:var(--wp-muted,#57606a)}
ul[role=tree],ul[role=group]{list-style:none;margin:0;padding:0}
ul[role=tree]{padding:.25em 0}
li[role=treeitem]{outline:none}
.row{display:grid;grid-template-columns:1.3em minmax(0,1fr) auto;gap:.1em .6em;align-items:center;
  padding:.3em .9em .3em calc(.5em + var(--depth,0) * 1.15em);border-left:3px solid transparent;cursor:pointer}
.row:hover{background:var(--wp-hover,#f6f8fa)}
li[aria-selected=true]>.row{background:var(--wp-selected,#ddf4ff);border-left-color:var(--wp-focus,#0969da)}
li[role=treeitem]:focus-visible>.row{outline:2px solid var(--wp-focus,#0969da);outline-offset:-2px}
.twisty{align-self:start;margin-top:.05em;width:1.3em;height:1.3em;display:inline-flex;align-items:center;justify-content:center;border:0;background:none;padding:0;color:var(--wp-muted,#57606a);cursor:pointer}
.twisty::before{content:"▸";transition:transform .1s}
li[aria-expanded=true]>.row .twisty::before{transform:rotate(90deg)}
li:not([aria-expanded])>.row .twisty{visibility:hidden}
.name{min-width:0;overflow-wrap:anywhere}
.depth0>.row .name{font-weight:600}
.label{color:var(--wp-muted,#57606a);margin-right:.3em;font-variant-numeric:tabular-nums}
.label:empty{display:none}
.context>.row .name{color:var(--wp-muted,#57606a)}
mark{background:var(--wp-mark,#fff8c5);color:inherit}
.figures{display:flex;align-items:center;gap:.5em;white-space:nowrap;justify-self:end}
.bar{position:relative;display:inline-block;width:var(--wp-bar-width,6.5em);height:.6em;background:var(--wp-bar,#eaeef2);border-radius:.3em}
.fill{position:absolute;left:0;top:0;bottom:0;border-radius:.3em;background:var(--wp-unknown,#8c959f)}
.marker{position:absolute;top:-.3em;width:2px;height:1.2em;margin-left:-1px;background:var(--wp-marker,#1f2328)}
.pct{min-width:4.3em;text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.pct.none{font-weight:400;color:var(--wp-muted,#57606a)}
.chip{display:inline-flex;align-items:center;gap:.25em;border-radius:1em;padding:0 .55em;font-size:.82em;line-height:1.6;border:1px solid currentColor;min-width:6.6em}
.trend{width:1.2em;text-align:center;color:var(--wp-muted,#57606a)}
.when{font-size:.82em;color:var(--wp-muted,#57606a);min-width:6.2em;font-variant-numeric:tabular-nums}
.stale{font-size:.75em;border-radius:.3em;padding:0 .3em;background:var(--wp-stale,#fff1e5);color:#953800;border:1px dashed #bc4c00}
.counts{grid-column:2/-1;display:flex;flex-wrap:wrap;gap:.2em .7em;font-size:.8em;color:var(--wp-muted,#57606a)}
.count{font-variant-numeric:tabular-nums}
.count b{font-weight:600}
.s-done{--c:var(--wp-done,#1a7f37);--t:var(--wp-done-text,#116329);--b:var(--wp-done-bg,#dafbe1)}
.s-on_track{--c:var(--wp-on-track,#2da44e);--t:var(--wp-on-track-text,#116329);--b:var(--wp-on-track-bg,#e6f6ea)}
.s-at_risk{--c:var(--wp-at-risk,#bf8700);--t:var(--wp-at-risk-text,#7d4e00);--b:var(--wp-at-risk-bg,#fff8c5)}
.s-off_track{--c:var(--wp-off-track,#cf222e);--t:var(--wp-off-track-text,#a40e26);--b:var(--wp-off-track-bg,#ffebe9)}
.s-not_started{--c:var(--wp-not-started,#6e7781);--t:var(--wp-not-started-text,#424a53);--b:var(--wp-not-started-bg,#f6f8fa)}
.s-unknown,.s-excluded{--c:var(--wp-unknown,#8c959f);--t:var(--wp-unknown-text,#57606a);--b:var(--wp-unknown-bg,#f6f8fa)}
.chip[class*=s-]{color:var(--t);background:var(--b)}
.fill[class*=s-]{background:var(--c)}
.count[class*=s-] i{color:var(--c);font-style:normal}
.explain{margin:.2em .9em .5em calc(2em + var(--depth,0) * 1.15em);padding:.5em .7em;border-left:3px solid var(--wp-focus,#0969da);background:var(--wp-explain,#f6f8fa);font-size:.9em;cursor:auto}
.explain p{margin:.2em 0}
.explain table{border-collapse:collapse;margin-top:.3em;font-size:.95em}
.explain th,.explain td{text-align:left;padding:.1em .5em .1em 0;vertical-align:top}
.explain td.n{text-align:right;font-variant-numeric:tabular-nums}
.explain td:first-child{white-space:nowrap}
.matrix{border-top:1px solid var(--wp-border,#d0d7de);padding:.6em .9em .9em;position:relative}
.matrix h3{font-size:1em;margin:0 0 .2em}
.matrix .wrap{overflow:auto;max-height:var(--wp-matrix-height,32em);border:1px solid var(--wp-border,#d0d7de)}
.matrix table{border-collapse:separate;border-spacing:1px;font-size:.75em}
.matrix thead th{position:sticky;top:0;background:var(--wp-background,#fff);z-index:1;vertical-align:bottom;padding:.2em 0;font-weight:500}
.matrix thead th span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;max-height:9em;overflow:hidden;text-overflow:ellipsis;display:inline-block}
.matrix tbody th{position:sticky;left:0;background:var(--wp-background,#fff);text-align:left;font-weight:500;white-space:nowrap;padding:0 .5em 0 .2em;z-index:1;max-width:11em;overflow:hidden;text-overflow:ellipsis}
.matrix td{width:2.3em;min-width:2.3em;height:1.9em;text-align:center;font-variant-numeric:tabular-nums;border-radius:2px;cursor:default}
.matrix td:focus-visible{outline:2px solid var(--wp-focus,#0969da);outline-offset:0}
.c-reported{background:color-mix(in srgb,var(--wp-heat-high,#1a7f37) calc(var(--p,0) * 100%),var(--wp-heat-low,#e6f6ea));color:#1f2328}
.c-reported.hi{color:#fff}
.c-no_report{background:var(--wp-no-report,#fff8c5);color:#7d4e00}
.c-not_adopted{background:var(--wp-not-adopted,#ffebe9);color:#a40e26}
.c-out_of_scope{color:var(--wp-muted,#8c959f)}
.tip{position:fixed;z-index:10;max-width:18em;padding:.4em .6em;border-radius:4px;background:var(--wp-tooltip,#1f2328);color:#fff;font-size:.8em;pointer-events:none;box-shadow:0 2px 8px rgba(0,0,0,.25)}
.tip b{display:block}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@container wp (max-width:640px){
  .row{grid-template-columns:1.3em minmax(0,1fr)}
  .figures{grid-column:2;justify-self:start;flex-wrap:wrap;row-gap:.2em}
  .bar{width:var(--wp-bar-width-narrow,5em)}
  .pct{min-width:0}
  .chip{min-width:0}
  .when{min-width:0}
  .explain{margin-left:.9em}
}
`;

/**
 * The `<workplan-progress>` element. Attributes: `src` (plan URL, JSON or YAML), `updates`
 * (returns URL: CSV, JSON or YAML), `as-of` (`YYYY-MM-DD`), `open-depth` (levels open at first,
 * default 1). Properties `plan`, `updates`, `asOf` and `settings` take data instead and win over
 * the attributes.
 */
export class WorkplanProgress extends HTMLElement {
  static observedAttributes = ["src", "updates", "as-of", "open-depth"];

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
  #scheduled = false;

  /** Rows by id, in document order. @type {Map<string, RollupRow>} */
  #rows = new Map();
  /** @type {Map<string, string[]>} */
  #children = new Map();
  /** @type {Map<string, HTMLLIElement>} */
  #items = new Map();
  /** Themes of each item, with those of its ancestors. @type {Map<string, string[]>} */
  #themes = new Map();
  /** @type {Map<string, string>} */
  #memberNames = new Map();
  /** @type {Map<string, HTMLTableCellElement>} */
  #cells = new Map();
  /** The cells' data, by the same keys. @type {Map<string, AdoptionCell>} */
  #cellData = new Map();
  /** The cell the tooltip is for. @type {HTMLTableCellElement | null} */
  #tipCell = null;
  /** @type {string[]} */
  #levelNames = [];
  /** @type {Set<string>} */
  #expanded = new Set();
  /** Expansion before a filter was set, restored when it is cleared. @type {Set<string> | null} */
  #expandedBeforeFilter = null;
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

  // Parts of the shadow tree.
  #head = h("div", { class: "head", part: "header" });
  #tools = h("div", { class: "tools", part: "toolbar", hidden: true });
  #status = h("div", { class: "status", role: "status", "aria-live": "polite", part: "status" });
  #diagnosticsBox = h("div", { part: "diagnostics", hidden: true });
  #tree = h("ul", { role: "tree", part: "tree" });
  #matrix = h("section", { class: "matrix", part: "matrix", hidden: true });
  #tip = h("div", { class: "tip", role: "tooltip", id: "tip", hidden: true });
  #search = h("input", { type: "search", placeholder: "label, title or id", autocomplete: "off" });
  #themeSelect = h("select", {});
  #statusSelect = h("select", {});
  #shownText = h("p", { class: "shown", "aria-live": "polite" });

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    const style = h("style", {}, [STYLE]);
    this.#buildTools();
    this.#root.append(style, this.#head, this.#tools, this.#status, this.#diagnosticsBox, this.#tree, this.#matrix, this.#tip);
    this.#tree.addEventListener("click", (event) => this.#onTreeClick(event));
    this.#tree.addEventListener("keydown", (event) => this.#onTreeKey(event));
    this.#tree.addEventListener("focusin", (event) => {
      const item = /** @type {Element} */ (event.target).closest?.("li[role=treeitem]");
      if (item instanceof HTMLLIElement && item.dataset.id) this.#focusItem(item.dataset.id, false);
    });
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#tip.hidden = true;
  }

  /**
   * @param {string} name
   * @param {string | null} old
   * @param {string | null} value
   */
  attributeChangedCallback(name, old, value) {
    if (old === value) return;
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

  /** Settings that override the plan's (DESIGN 6.8). */
  get settings() {
    return this.#settings;
  }
  set settings(value) {
    this.#settings = value ?? null;
    this.#schedule();
  }

  /** `loading`, `ready` or `error` (`idle` before the first load). */
  get state() {
    return this.#state;
  }

  /** The error that stopped the last load (a `ParseError`, a fetch error), or null. */
  get error() {
    return this.#error;
  }

  /** Resolves when the load in progress (if any) has rendered, or failed. */
  get ready() {
    return this.#ready;
  }

  /** The findings of validation of the plan and its returns. */
  get diagnostics() {
    return this.#diagnostics;
  }

  /** The whole current result (DESIGN 6.10), or null before a plan is loaded. */
  get rollup() {
    return this.#engine ? this.#engine.rollup() : null;
  }

  /** The current filter. */
  get filter() {
    return { ...this.#filter };
  }
  set filter(value) {
    this.#filter = { text: value?.text ?? "", theme: value?.theme ?? "", status: value?.status ?? "" };
    this.#search.value = this.#filter.text;
    this.#themeSelect.value = this.#filter.theme;
    this.#statusSelect.value = this.#filter.status;
    this.#applyFilter();
  }

  /**
   * Applies one more return (an update object) and redraws only the rows and cells it changed.
   * @param {Update} update
   * @returns {Changes}
   */
  applyUpdate(update) {
    return this.appendUpdates([update]);
  }

  /**
   * Applies returns in order (an array of update objects, or CSV or JSON text) and redraws only
   * the rows and cells they changed. Returns what changed.
   * @param {Update[] | string} updates
   * @returns {Changes}
   */
  appendUpdates(updates) {
    const engine = this.#engine;
    if (!engine) throw Object.assign(new Error("no plan is loaded yet: await element.ready first"), { code: "not_ready" });
    /** @type {Update[]} */
    let list;
    if (Array.isArray(updates)) {
      list = updates;
    } else {
      const parsed = Updates.fromBytes(new TextEncoder().encode(updates));
      list = parsed.toObject();
      parsed.free();
    }
    /** @type {Map<string, RollupRow>} */
    const rows = new Map();
    /** @type {Map<string, AdoptionCell>} */
    const cells = new Map();
    for (const update of list) {
      const changes = engine.applyChanges(update);
      this.#applied.push(update);
      for (const row of changes.rows) rows.set(row.id, row);
      for (const cell of changes.cells) cells.set(`${cell.item}\u0000${cell.member}`, cell);
    }
    const changed = { rows: [...rows.values()], cells: [...cells.values()] };
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
   * How the numbers of one item were found (DESIGN 6.9).
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
    if (id !== null && !this.#items.has(id)) throw Object.assign(new Error(`no item \`${id}\` in the plan`), { code: "unknown_item" });
    const previous = this.#selected ? this.#items.get(this.#selected) : undefined;
    if (previous) {
      previous.setAttribute("aria-selected", "false");
      previous.querySelector(":scope>.explain")?.remove();
    }
    this.#selected = id;
    if (id === null) return;
    this.#reveal(id);
    this.#items.get(id)?.setAttribute("aria-selected", "true");
    const explanation = this.#showExplanation(id);
    this.#emit("workplan-select", { id, explanation });
  }

  /** Opens every item. */
  expandAll() {
    for (const [id, children] of this.#children) if (children.length) this.#setExpanded(id, true);
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
    this.#showStatus("Loading the plan…");
    /** @type {Plan | null} */
    let plan = null;
    let ownPlan = false;
    /** @type {Updates | null} */
    let updates = null;
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
      updates = await this.#loadUpdates();
      if (generation !== this.#generation) return;
      const diagnostics = updates ? plan.validateWith(updates) : plan.validate();
      const all = (updates ? updates.toObject() : []).concat(this.#applied);
      const asOf = this.asOf || undefined;
      const engine = new RollupEngine(plan, { updates: all, asOf, settings: this.#settings ?? undefined });
      this.#replace(plan, ownPlan, engine);
      plan = null;
      this.#diagnostics = diagnostics;
      this.#render();
      this.#setState("ready");
      this.#emit("workplan-load", { rollup: engine.rollup(), diagnostics });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#replace(null, false, null);
      this.#showError(error);
      this.#setState("error");
      this.#emit("workplan-error", { error, diagnostics: this.#diagnostics });
    } finally {
      if (plan && ownPlan) plan.free();
      updates?.free();
    }
  }

  /** The returns from the property or the `updates` attribute, or null. */
  async #loadUpdates() {
    const input = this.#updatesInput;
    if (input instanceof Updates) return Updates.fromObject(input.toObject());
    if (typeof input === "string") return Updates.fromBytes(new TextEncoder().encode(input));
    if (Array.isArray(input)) return Updates.fromObject(input);
    const url = this.getAttribute("updates");
    if (!url) return null;
    const format = formatOf(url);
    return Updates.fromBytes(await fetchBytes(url, "returns"), format);
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
    const e = /** @type {{name?: string, message?: string, code?: string, line?: number | null, column?: number | null, hint?: string | null, path?: (string | number)[]}} */ (
      error ?? {}
    );
    const where = e.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ""})` : "";
    const path = e.path && e.path.length ? `/${e.path.join("/")}` : "";
    this.#status.className = "status error";
    this.#status.setAttribute("role", "alert");
    this.#status.replaceChildren(
      ...present([
        h("p", {}, [h("strong", {}, [e.name === "ParseError" ? "The plan could not be read" : "The plan could not be shown"])]),
        h("p", {}, [`${e.message ?? String(error)}${where}`]),
        e.hint ? h("p", {}, [`Hint: ${e.hint}`]) : null,
        e.code ? h("p", { class: "code" }, [`${e.code}${path ? ` at ${path}` : ""}`]) : null,
      ]),
    );
    this.#status.hidden = false;
    this.#head.replaceChildren();
    this.#tools.hidden = true;
    this.#diagnosticsBox.hidden = true;
    this.#tree.replaceChildren();
    this.#matrix.hidden = true;
    this.#matrix.replaceChildren();
    this.#items.clear();
    this.#cells.clear();
  }

  // ---- rendering -------------------------------------------------------------------------

  #render() {
    const engine = /** @type {RollupEngine} */ (this.#engine);
    const plan = /** @type {Plan} */ (this.#plan);
    const rollup = engine.rollup();
    const documentData = plan.toObject();
    this.#status.hidden = true;
    this.#renderHead(documentData, rollup);
    this.#renderDiagnostics();
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
    const sameShape =
      this.#items.size === rollup.rows.length && rollup.rows.every((row) => this.#rows.get(row.id)?.parent === row.parent && this.#items.has(row.id));
    if (sameShape) {
      // Same tree (e.g. a new as-of date): patch the rows and cells that differ.
      for (const row of rollup.rows) {
        const old = this.#rows.get(row.id);
        this.#rows.set(row.id, row);
        if (JSON.stringify(old) !== JSON.stringify(row)) this.#renderRow(row);
      }
      for (const cell of rollup.adoption) this.#renderCell(cell);
      this.#applyFilter();
      if (this.#selected) this.#showExplanation(this.#selected);
      return;
    }
    this.#rows = new Map(rollup.rows.map((row) => [row.id, row]));
    this.#children = new Map(rollup.rows.map((row) => [row.id, []]));
    for (const row of rollup.rows) if (row.parent !== null) this.#children.get(row.parent)?.push(row.id);
    const openDepth = Number(this.getAttribute("open-depth") ?? "1");
    this.#expanded = new Set(rollup.rows.filter((r) => r.depth < openDepth && this.#children.get(r.id)?.length).map((r) => r.id));
    this.#selected = null;
    this.#focused = rollup.rows[0]?.id ?? null;
    this.#renderTree(rollup.rows, documentData.title);
    this.#renderMatrix(rollup.adoption, rollup.rows);
    this.#applyFilter();
  }

  /**
   * @param {PlanDocument} data
   * @param {Rollup} rollup
   */
  #renderHead(data, rollup) {
    const levels = (data.levels ?? []).map((l) => l.name ?? l.id);
    this.#levelNames = levels;
    const period = `${data.period.start} to ${data.period.end}`;
    this.#head.replaceChildren(
      ...present([
        h("h2", { part: "title" }, [data.title]),
        h("p", { class: "meta" }, [
          data.organisation ? `${data.organisation} · ` : "",
          `${period} · progress at `,
          h("strong", { class: "as-of" }, [rollup.as_of]),
        ]),
        levels.length ? h("p", { class: "levels" }, [`Levels: ${levels.join(" › ")}`]) : null,
        h(
          "ul",
          { class: "legend", "aria-label": "Key" },
          STATUS_ORDER.map((status) =>
            h("li", { class: `count s-${status}` }, [h("i", { "aria-hidden": "true" }, [STATUS_ICONS[status]]), ` ${STATUS_WORDS[status]}`]),
          ).concat([h("li", {}, ["| expected progress"])]),
        ),
      ]),
    );
  }

  #renderDiagnostics() {
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
    const words = [
      errors.length ? `${errors.length} error${errors.length === 1 ? "" : "s"}` : "",
      warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "",
      notes ? `${notes} note${notes === 1 ? "" : "s"}` : "",
    ].filter(Boolean);
    box.className = errors.length ? "diagnostics errors" : "diagnostics";
    box.setAttribute("role", errors.length ? "alert" : "region");
    box.setAttribute("aria-label", "Validation findings");
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
    box.replaceChildren(h("details", { open: errors.length > 0 }, [h("summary", {}, [`Validation: ${words.join(", ")}`]), list]));
    box.hidden = false;
  }

  #buildTools() {
    const searchLabel = h("label", {}, ["Search", this.#search]);
    const themeLabel = h("label", { class: "theme" }, ["Theme", this.#themeSelect]);
    const statusLabel = h("label", {}, ["Status", this.#statusSelect]);
    const expand = h("button", { type: "button" }, ["Expand all"]);
    const collapse = h("button", { type: "button" }, ["Collapse all"]);
    expand.addEventListener("click", () => this.expandAll());
    collapse.addEventListener("click", () => this.collapseAll());
    this.#search.addEventListener("input", () => {
      this.#filter.text = this.#search.value;
      this.#applyFilter();
    });
    this.#themeSelect.addEventListener("change", () => {
      this.#filter.theme = this.#themeSelect.value;
      this.#applyFilter();
    });
    this.#statusSelect.addEventListener("change", () => {
      this.#filter.status = this.#statusSelect.value;
      this.#applyFilter();
    });
    this.#tools.append(searchLabel, themeLabel, statusLabel, h("div", { class: "buttons" }, [expand, collapse]), this.#shownText);
    this.#shownText.style.flexBasis = "100%";
  }

  /** @param {PlanDocument} data */
  #renderTools(data) {
    const themes = data.themes ?? [];
    this.#themeSelect.replaceChildren(h("option", { value: "" }, ["All themes"]), ...themes.map((t) => h("option", { value: t.id }, [t.title])));
    /** @type {HTMLElement} */ (this.#themeSelect.parentElement).hidden = themes.length === 0;
    this.#statusSelect.replaceChildren(
      h("option", { value: "" }, ["Any status"]),
      ...STATUS_ORDER.map((s) => h("option", { value: s }, [`${STATUS_ICONS[s]} ${STATUS_WORDS[s]}`])),
      h("option", { value: "excluded" }, ["left out (deferred, cancelled)"]),
    );
    if (!themes.some((t) => t.id === this.#filter.theme)) this.#filter.theme = "";
    this.#themeSelect.value = this.#filter.theme;
    this.#statusSelect.value = this.#filter.status;
    this.#search.value = this.#filter.text;
    this.#tools.hidden = false;
  }

  /**
   * @param {RollupRow[]} rows
   * @param {string} title
   */
  #renderTree(rows, title) {
    this.#items = new Map();
    this.#tree.setAttribute("aria-label", `Progress of ${title}`);
    /** @type {Map<string, HTMLUListElement>} */
    const groups = new Map();
    const top = h("ul", {});
    for (const row of rows) {
      const siblings = row.parent === null ? rows.filter((r) => r.parent === null).map((r) => r.id) : this.#children.get(row.parent) ?? [];
      const hasChildren = (this.#children.get(row.id)?.length ?? 0) > 0;
      const li = h("li", {
        role: "treeitem",
        "data-id": row.id,
        class: `depth${Math.min(row.depth, 3)}`,
        "aria-level": row.depth + 1,
        "aria-setsize": siblings.length,
        "aria-posinset": siblings.indexOf(row.id) + 1,
        "aria-selected": "false",
        tabindex: row.id === this.#focused ? 0 : -1,
      });
      li.style.setProperty("--depth", String(row.depth));
      const rowBox = h("div", { class: "row", part: "row" }, [
        h("span", { class: "twisty", "aria-hidden": "true" }),
        h("span", { class: "name" }, [h("span", { class: "label" }), h("span", { class: "title" })]),
        h("span", { class: "figures" }, [
          h("span", { class: "bar", "aria-hidden": "true" }, [h("span", { class: "fill" }), h("span", { class: "marker" })]),
          h("span", { class: "pct" }),
          h("span", { class: "chip" }, [h("span", { "aria-hidden": "true", class: "icon" }), h("span", { class: "words" })]),
          h("span", { class: "trend", "aria-hidden": "true" }),
          h("span", { class: "when" }),
        ]),
        hasChildren ? h("span", { class: "counts", "aria-hidden": "true" }) : null,
      ]);
      li.append(rowBox);
      if (hasChildren) {
        const group = h("ul", { role: "group" });
        li.append(group);
        groups.set(row.id, group);
      }
      this.#items.set(row.id, li);
      (row.parent === null ? top : groups.get(row.parent) ?? top).append(li);
      this.#renderRow(row);
    }
    for (const id of this.#children.keys()) this.#syncExpanded(id);
    this.#tree.replaceChildren(...top.children);
  }

  /**
   * Writes one row's numbers into its DOM nodes, touching only what differs.
   * @param {RollupRow} row
   */
  #renderRow(row) {
    const li = this.#items.get(row.id);
    if (!li) return;
    const box = /** @type {HTMLElement} */ (li.firstElementChild);
    const q = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (box.querySelector(selector));
    const status = row.included ? row.status : "excluded";
    const level = this.#levelNames[row.depth] ?? row.level ?? "item";
    setText(q(".label"), row.label ?? "");
    setText(q(".title"), row.title);
    setAttr(q(".name"), "title", `${level} ${row.id}`);
    const fill = q(".fill");
    setAttr(fill, "class", `fill s-${status}`);
    const width = row.progress === null ? "0%" : `${row.progress * 100}%`;
    if (fill.style.width !== width) fill.style.width = width;
    const marker = q(".marker");
    marker.hidden = row.expected === null;
    const left = row.expected === null ? "" : `${row.expected * 100}%`;
    if (marker.style.left !== left) marker.style.left = left;
    const pct = q(".pct");
    setText(pct, row.progress === null ? "no data" : formatPercent(row.progress));
    setAttr(pct, "class", row.progress === null ? "pct none" : "pct");
    setAttr(pct, "data-progress", row.progress === null ? null : String(row.progress));
    setAttr(pct, "data-expected", row.expected === null ? null : String(row.expected));
    const chip = q(".chip");
    setAttr(chip, "class", `chip s-${status}`);
    setAttr(chip, "data-status", status);
    setText(q(".icon"), row.included ? STATUS_ICONS[row.status] : "–");
    setText(q(".words"), row.included ? STATUS_WORDS[row.status] : row.state);
    const trend = row.trend ? TRENDS[row.trend] : null;
    const trendBox = q(".trend");
    setText(trendBox, trend ? trend[0] : "");
    setAttr(trendBox, "title", trend ? trend[1] : null);
    const when = q(".when");
    const stale = row.stale === true;
    if (when.textContent !== (row.last_update ?? "") + (stale ? " stale" : "")) {
      when.replaceChildren(row.last_update ?? "", stale ? " " : "", stale ? h("span", { class: "stale" }, ["stale"]) : "");
    }
    const counts = box.querySelector(".counts");
    const countWords = [];
    if (counts) {
      const parts = [];
      for (const s of STATUS_ORDER) {
        const n = row.status_counts[s];
        if (!n) continue;
        countWords.push(`${n} ${STATUS_WORDS[s]}`);
        parts.push(h("span", { class: `count s-${s}`, "data-status": s }, [h("i", {}, [STATUS_ICONS[s]]), " ", h("b", {}, [String(n)]), ` ${STATUS_WORDS[s]}`]));
      }
      const key = countWords.join(",");
      if (counts.getAttribute("data-key") !== key) {
        counts.setAttribute("data-key", key);
        counts.replaceChildren(...parts);
      }
    }
    const figures = row.progress === null ? "no data" : `${formatPercent(row.progress)} done`;
    const label = [
      `${level} ${row.label ? `${row.label} ` : ""}${row.title}`,
      row.included ? `${figures}, expected ${formatPercent(row.expected)}, ${STATUS_WORDS[row.status]}` : `${row.state}, left out of the figures`,
      trend ? trend[1] : "",
      row.last_update ? `last update ${row.last_update}${stale ? ", stale" : ""}` : "",
      countWords.length ? `items below: ${countWords.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    setAttr(li, "aria-label", label);
  }

  /**
   * @param {AdoptionCell[]} cells
   * @param {RollupRow[]} rows
   */
  #renderMatrix(cells, rows) {
    this.#cells = new Map();
    this.#cellData = new Map();
    if (!cells.length) {
      this.#matrix.hidden = true;
      this.#matrix.replaceChildren();
      return;
    }
    /** @type {string[]} */
    const items = [];
    /** @type {string[]} */
    const members = [];
    for (const cell of cells) {
      if (!items.includes(cell.item)) items.push(cell.item);
      if (!members.includes(cell.member)) members.push(cell.member);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const head = h("tr", {}, [h("th", { scope: "col" }, [h("span", {}, ["member"])])]);
    for (const item of items) {
      const row = byId.get(item);
      head.append(h("th", { scope: "col", title: row ? `${row.label ? `${row.label} ` : ""}${row.title}` : item }, [h("span", {}, [row?.label ?? item])]));
    }
    const body = h("tbody", {});
    for (const member of members) {
      const tr = h("tr", {}, [h("th", { scope: "row", title: this.#memberNames.get(member) ?? member }, [this.#memberNames.get(member) ?? member])]);
      for (const item of items) {
        const td = h("td", { tabindex: -1, "data-item": item, "data-member": member });
        this.#cells.set(`${item}\u0000${member}`, td);
        tr.append(td);
      }
      body.append(tr);
    }
    const first = this.#cells.values().next().value;
    if (first) first.tabIndex = 0;
    for (const cell of cells) this.#renderCell(cell);
    const table = h("table", { role: "grid", "aria-label": "Adoption and returns: members by member item", "aria-describedby": "matrix-key" }, [
      h("thead", {}, [head]),
      body,
    ]);
    const wrap = h("div", { class: "wrap", tabindex: -1 }, [table]);
    table.addEventListener("pointerover", (event) => this.#showTip(/** @type {Element} */ (event.target)));
    table.addEventListener("pointerout", () => (this.#tip.hidden = true));
    table.addEventListener("focusin", (event) => this.#showTip(/** @type {Element} */ (event.target)));
    table.addEventListener("focusout", () => (this.#tip.hidden = true));
    table.addEventListener("keydown", (event) => this.#onGridKey(event));
    wrap.addEventListener("scroll", () => {
      if (!this.#tip.hidden && this.#tipCell) this.#placeTip(this.#tipCell, wrap);
    });
    this.#matrix.replaceChildren(
      h("h3", {}, ["Adoption and returns by member"]),
      h("p", { class: "meta", id: "matrix-key" }, [
        "Numbers are each member's progress (%), darker is further; N no return, A not adopted, – not in scope. Point at or focus a cell for details; arrow keys move.",
      ]),
      wrap,
    );
    this.#matrix.hidden = false;
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
    const reported = cell.state === "reported";
    const p = cell.progress;
    const text = reported ? (p === null ? "R" : String(Math.round(p * 100))) : cell.state === "no_report" ? "N" : cell.state === "not_adopted" ? "A" : "–";
    setText(td, text);
    setAttr(td, "class", `c-${cell.state}${reported && p !== null && p > 0.55 ? " hi" : ""}`);
    const heat = reported && p !== null ? String(p) : "";
    if (td.style.getPropertyValue("--p") !== heat) td.style.setProperty("--p", heat);
    setAttr(td, "data-state", cell.state);
    setAttr(td, "data-progress", p === null ? null : String(p));
    setAttr(td, "aria-label", this.#cellWords(cell).join(", "));
  }

  /**
   * The words of a cell's tooltip: member, item, state, numbers.
   * @param {AdoptionCell} cell
   * @returns {string[]}
   */
  #cellWords(cell) {
    const row = this.#rows.get(cell.item);
    const item = row ? `${row.label ? `${row.label} ` : ""}${row.title}` : cell.item;
    const words = [this.#memberNames.get(cell.member) ?? cell.member, `${cell.item}: ${item}`, CELL_WORDS[cell.state]];
    if (cell.progress !== null) words.push(`progress ${formatPercent(cell.progress)}`);
    if (cell.value !== null) words.push(`value ${formatNumber(cell.value)}${row?.unit ? ` ${row.unit}` : ""}`);
    if (cell.status) words.push(STATUS_WORDS[cell.status]);
    if (cell.date) words.push(`last return ${cell.date}`);
    return words;
  }

  /** @param {Element} target */
  #showTip(target) {
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
   * @param {HTMLTableCellElement} td
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

  /** @param {KeyboardEvent} event */
  #onGridKey(event) {
    const td = /** @type {Element} */ (event.target).closest?.("td");
    if (!(td instanceof HTMLTableCellElement)) return;
    const tr = /** @type {HTMLTableRowElement} */ (td.parentElement);
    const rows = [.../** @type {HTMLTableSectionElement} */ (tr.parentElement).rows];
    const r = rows.indexOf(tr);
    const c = td.cellIndex;
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
    if (next instanceof HTMLTableCellElement && next.dataset.item) {
      td.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  }

  // ---- explanation -----------------------------------------------------------------------

  /**
   * Shows the explanation of an item under its row.
   * @param {string} id
   * @returns {Explanation | null}
   */
  #showExplanation(id) {
    const li = this.#items.get(id);
    const engine = this.#engine;
    if (!li || !engine) return null;
    const explanation = engine.explain(id);
    const box = h("div", { class: "explain", part: "explanation", role: "note", "aria-label": `How the numbers of ${id} were found` }, [
      h("p", { class: "text" }, [explanation.text]),
    ]);
    box.style.setProperty("--depth", li.style.getPropertyValue("--depth"));
    if (explanation.children.length) {
      const table = h("table", {}, [
        h("thead", {}, [h("tr", {}, [h("th", {}, ["item"]), h("th", {}, ["progress"]), h("th", {}, ["weight"]), h("th", {}, ["counted"])])]),
        h(
          "tbody",
          {},
          explanation.children.map((child) => {
            const row = this.#rows.get(child.item);
            return h("tr", {}, [
              h("td", {}, [row?.label ? `${row.label} ` : "", child.item]),
              h("td", { class: "n" }, [formatPercent(child.progress)]),
              h("td", { class: "n" }, [String(child.weight)]),
              h("td", {}, [child.counted ? "yes" : `no${child.reason ? ` (${child.reason})` : ""}`]),
            ]);
          }),
        ),
      ]);
      box.append(table);
    } else if (explanation.updates.length) {
      box.append(
        h(
          "ul",
          {},
          explanation.updates.map((u) =>
            h("li", {}, [`${u.field} ${u.value} on ${u.date}${u.member ? ` by ${this.#memberNames.get(u.member) ?? u.member}` : ""} (recorded ${u.recorded})`]),
          ),
        ),
      );
    }
    const old = li.querySelector(":scope>.explain");
    if (old) old.replaceWith(box);
    else li.firstElementChild?.after(box);
    return explanation;
  }

  // ---- tree state ------------------------------------------------------------------------

  /** @param {string} id */
  #syncExpanded(id) {
    const li = this.#items.get(id);
    if (!li || !this.#children.get(id)?.length) return;
    const open = this.#expanded.has(id);
    setAttr(li, "aria-expanded", open ? "true" : "false");
    const group = li.querySelector(":scope>ul[role=group]");
    if (group instanceof HTMLElement && group.hidden === open) group.hidden = !open;
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

  /** Opens the ancestors of an item. @param {string} id */
  #reveal(id) {
    let parent = this.#rows.get(id)?.parent ?? null;
    while (parent !== null) {
      this.#setExpanded(parent, true);
      parent = this.#rows.get(parent)?.parent ?? null;
    }
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
    return [...this.#rows.keys()].filter((id) => this.#isVisible(id));
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
      this.#expanded = new Set([...shown].filter((id) => [...(this.#children.get(id) ?? [])].some((c) => shown.has(c))));
    }
    for (const [id, li] of this.#items) {
      const hidden = this.#shown !== null && !this.#shown.has(id);
      if (li.hidden !== hidden) li.hidden = hidden;
      li.classList.toggle("context", this.#shown !== null && !this.#matches.has(id));
      const title = /** @type {HTMLElement} */ (li.querySelector(":scope>.row .title"));
      const row = this.#rows.get(id);
      if (row) this.#highlight(title, row.title, needle);
      this.#syncExpanded(id);
    }
    const total = this.#rows.size;
    setText(this.#shownText, active ? `${this.#matches.size} of ${total} items match` : `${total} items`);
    if (this.#focused && !this.#isVisible(this.#focused)) {
      const first = this.#visibleIds()[0];
      if (first) this.#focusItem(first, false);
    }
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
