// @ts-check
// What the tree of `<workplan-progress>` shows, without its DOM: which items are open (and were
// before a filter or printing), which the filter lets through and which match it, and so which
// items are visible, in order. tree.js draws it.

/**
 * @typedef {import("./filters.js").FilterResult} FilterResult
 * @typedef {import("./rollup-view.js").RollupView} RollupView
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 */

/** Which items of the tree are open and which the filter shows. */
export class TreeState {
  #view;
  /** The open items. @type {Set<string>} */
  #expanded = new Set();
  /** Expansion before a filter was set, restored when it is cleared. @type {Set<string> | null} */
  #expandedBeforeFilter = null;
  /** Expansion before printing, restored after. @type {Set<string> | null} */
  #expandedBeforePrint = null;
  /** Items the filter shows (null: all). @type {Set<string> | null} */
  #shown = null;
  /** Items that match the filter (the others shown are context). @type {Set<string>} */
  #matches = new Set();
  /** The search text of the filter, lower case. */
  #needle = "";

  /** @param {RollupView} view */
  constructor(view) {
    this.#view = view;
  }

  /**
   * A new tree: the items above `openDepth` open.
   * @param {RollupRow[]} rows
   * @param {number} openDepth
   */
  reset(rows, openDepth) {
    this.#expanded = new Set(rows.filter((r) => r.depth < openDepth && this.#view.children.get(r.id)?.length).map((r) => r.id));
  }

  /** @param {string} id */
  isOpen(id) {
    return this.#expanded.has(id);
  }

  /**
   * @param {string} id
   * @param {boolean} open
   */
  setOpen(id, open) {
    if (open) this.#expanded.add(id);
    else this.#expanded.delete(id);
  }

  /** Opens every item with children. */
  openAll() {
    for (const [id, children] of this.#view.children) if (children.length) this.#expanded.add(id);
  }

  /** Whether the tree is opened for print. */
  get printing() {
    return this.#expandedBeforePrint !== null;
  }

  /** Before printing: every item open; what was open is kept for `closeAfterPrint`. */
  openForPrint() {
    this.#expandedBeforePrint = new Set(this.#expanded);
    this.openAll();
  }

  /** After printing: open what was open before. Returns false when it was not opened for print. */
  closeAfterPrint() {
    const before = this.#expandedBeforePrint;
    if (!before) return false;
    this.#expandedBeforePrint = null;
    this.#expanded = before;
    return true;
  }

  /**
   * Takes what a filter lets through (null: every item), opening the items with children shown;
   * clearing the filter opens again what was open before it.
   * @param {FilterResult | null} result
   */
  filter(result) {
    if (!result) {
      if (this.#expandedBeforeFilter) {
        this.#expanded = this.#expandedBeforeFilter;
        this.#expandedBeforeFilter = null;
      }
      this.#shown = null;
      this.#matches = new Set();
      return;
    }
    this.#expandedBeforeFilter ??= new Set(this.#expanded);
    const shown = result.shown;
    this.#shown = shown;
    this.#matches = result.matches;
    this.#needle = result.needle;
    this.#expanded = new Set([...shown].filter((id) => (this.#view.children.get(id) ?? []).some((c) => shown.has(c))));
  }

  /** Whether a filter is set. */
  get filtered() {
    return this.#shown !== null;
  }

  /**
   * Whether the filter lets an item through (as a match or as context).
   * @param {string} id
   */
  isShown(id) {
    return this.#shown === null || this.#shown.has(id);
  }

  /**
   * Whether an item shows only as the context of a match (a filter is set and it does not match).
   * @param {string} id
   */
  isContext(id) {
    return this.#shown !== null && !this.#matches.has(id);
  }

  /** The search text to mark in the titles ("" when no filter is set). */
  get needle() {
    return this.#shown === null ? "" : this.#needle;
  }

  /** The ancestors of an item, top first. @param {string} id */
  ancestors(id) {
    const ancestors = [];
    let parent = this.#view.rows.get(id)?.parent ?? null;
    while (parent !== null) {
      ancestors.unshift(parent);
      parent = this.#view.rows.get(parent)?.parent ?? null;
    }
    return ancestors;
  }

  /** The highest of an item and its ancestors that is hidden or closed (where its focus goes). @param {string} id */
  topOf(id) {
    let current = id;
    let parent = this.#view.rows.get(current)?.parent ?? null;
    while (parent !== null) {
      if (!this.isVisible(parent) || !this.#expanded.has(parent)) current = parent;
      parent = this.#view.rows.get(parent)?.parent ?? null;
    }
    return current;
  }

  /** Whether an item shows: the filter lets it through and its ancestors are open. @param {string} id */
  isVisible(id) {
    if (this.#shown && !this.#shown.has(id)) return false;
    let parent = this.#view.rows.get(id)?.parent ?? null;
    while (parent !== null) {
      if (!this.#expanded.has(parent)) return false;
      parent = this.#view.rows.get(parent)?.parent ?? null;
    }
    return true;
  }

  /** The visible items, in document order. */
  visibleIds() {
    /** @type {string[]} */
    const out = [];
    /** @param {string[]} ids */
    const walk = (ids) => {
      for (const id of ids) {
        if (this.#shown && !this.#shown.has(id)) continue;
        out.push(id);
        if (this.#expanded.has(id)) walk(this.#view.children.get(id) ?? []);
      }
    };
    walk(this.#view.roots);
    return out;
  }
}
