// @ts-check
// What `<workplan-progress>` shows: the parts of its shadow tree (header, toolbar, status,
// validation findings, tree, heat map and its tooltip) and a rollup drawn into them, built anew
// or patched where it differs; the filter, the selection with its explanation, and print.
import { h } from "./dom.js";
import { downloadCsv, rowsCsv } from "./download.js";
import { explanationPanel } from "./explain.js";
import { Toolbar, filterRows } from "./filters.js";
import { renderDiagnostics, renderHead, showError, showStatus } from "./header.js";
import { Heatmap } from "./heatmap.js";
import { RollupView } from "./rollup-view.js";
import { STYLE } from "./style.js";
import { Tree } from "./tree.js";

/**
 * @typedef {import("./filters.js").Filter} Filter
 * @typedef {import("../pkg/web/workplan_wasm.js").Changes} Changes
 * @typedef {import("../pkg/web/workplan_wasm.js").Diagnostic} Diagnostic
 * @typedef {import("../pkg/web/workplan_wasm.js").Explanation} Explanation
 * @typedef {import("../pkg/web/workplan_wasm.js").Plan} Plan
 * @typedef {import("../pkg/web/workplan_wasm.js").Rollup} Rollup
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupEngine} RollupEngine
 * @typedef {import("../pkg/web/workplan_wasm.js").Settings} Settings
 */

/**
 * What the display asks of the element, for what a user does in it.
 * @typedef {object} DisplayActions
 * @property {(id: string | null) => void} select an item was clicked or chosen with the keys
 * @property {() => void} expand
 * @property {() => void} collapse
 * @property {() => void} download
 * @property {(missing: "zero" | "exclude") => void} missing the "Missing returns" switch changed
 */

/** The shadow tree's parts and the rollup drawn into them. */
export class Display {
  /** The rollup as shown, which every part reads. */
  view = new RollupView();
  #actions;
  /** The rollup setting `missing` the plan itself has (the toolbar's default). @type {"zero" | "exclude"} */
  #planMissing = "zero";
  /** @type {Filter} */
  #filter = { text: "", theme: "", status: "" };
  #head = h("div", { class: "head", part: "header" });
  #status = h("div", { class: "status", role: "status", "aria-live": "polite", part: "status" });
  #diagnosticsBox = h("div", { part: "diagnostics", hidden: true });
  #toolbar;
  #tree;
  #heatmap = new Heatmap(this.view);

  /**
   * Builds the parts into a shadow root.
   * @param {ShadowRoot} root
   * @param {DisplayActions} actions
   */
  constructor(root, actions) {
    this.#actions = actions;
    this.#toolbar = new Toolbar({
      expand: actions.expand,
      collapse: actions.collapse,
      download: actions.download,
      missing: actions.missing,
      filter: (change) => {
        Object.assign(this.#filter, change);
        this.#applyFilter();
      },
    });
    this.#tree = new Tree(this.view, actions.select);
    const style = h("style", {}, [STYLE]);
    root.append(style, this.#head, this.#toolbar.element, this.#status, this.#diagnosticsBox, this.#tree.list, this.#heatmap.section, this.#heatmap.tip);
  }

  /** The current filter. */
  get filter() {
    return { ...this.#filter };
  }

  /**
   * Sets the filter (absent fields empty), shows it in the toolbar and applies it.
   * @param {Partial<Filter> | null | undefined} value
   */
  setFilter(value) {
    this.#toolbar.cancelSearch();
    this.#filter = { text: value?.text ?? "", theme: value?.theme ?? "", status: value?.status ?? "" };
    this.#toolbar.show(this.#filter);
    this.#applyFilter();
  }

  /**
   * Writes the toolbar's fixed words in the words in use.
   * @param {boolean} download whether the Download CSV button shows
   */
  label(download) {
    this.#toolbar.label(this.view.fmt, download);
  }

  /** @param {boolean} visible whether the Download CSV button shows */
  showDownload(visible) {
    this.#toolbar.showDownload(visible);
  }

  /** Hides the heat map's tooltip. */
  hideTip() {
    this.#heatmap.tip.hidden = true;
  }

  /** @param {string} text a line for the status box, e.g. while loading */
  showStatus(text) {
    showStatus(this.#status, text);
  }

  /**
   * Shows what stopped a load, and nothing of a plan.
   * @param {unknown} error
   */
  showError(error) {
    showError(this.#status, error, this.view.fmt);
    this.#head.replaceChildren();
    this.#toolbar.element.hidden = true;
    this.#diagnosticsBox.hidden = true;
    this.#tree.clear();
    this.#heatmap.clear();
  }

  /** @param {Diagnostic[]} diagnostics the findings of validation to show */
  renderDiagnostics(diagnostics) {
    renderDiagnostics(this.#diagnosticsBox, diagnostics, this.view.fmt);
  }

  /** Builds the heat map if it waits to be built. */
  flushMatrix() {
    this.#heatmap.flush();
  }

  /**
   * Draws an engine's rollup: patches the rows and cells that differ when the tree has the same
   * shape (a new as-of date, new settings), else builds it anew.
   * @param {RollupEngine} engine
   * @param {Plan} plan
   * @param {Settings | null} settings the element's settings (over the plan's)
   * @param {number} openDepth levels open in a new tree
   * @param {boolean} rebuild build anew but keep what is open, selected and focused (new words)
   * @param {boolean} [later] leave the heat map to `flushMatrix` (after the first paint)
   * @returns {Rollup} the rollup drawn
   */
  render(engine, plan, settings, openDepth, rebuild, later = false) {
    const view = this.view;
    const rollup = engine.rollup();
    const documentData = plan.toObject();
    view.readDocument(documentData);
    this.#planMissing = documentData.settings?.missing === "exclude" ? "exclude" : "zero";
    this.#status.hidden = true;
    renderHead(this.#head, documentData, rollup, view.fmt, settings);
    if (!(documentData.themes ?? []).some((t) => t.id === this.#filter.theme)) this.#filter.theme = "";
    this.#toolbar.render(documentData, view.fmt, this.#filter, settings?.missing ?? this.#planMissing);
    const rows = rollup.rows;
    const sameTree = view.sameTree(rows);
    if (!rebuild && sameTree && this.#tree.size > 0) {
      // Same tree (e.g. a new as-of date): patch the rows and cells that differ.
      for (const row of rows) {
        const old = view.rows.get(row.id);
        view.rows.set(row.id, row);
        if (JSON.stringify(old) !== JSON.stringify(row)) this.#tree.renderRow(row);
      }
      if (this.#heatmap.pending) this.#heatmap.pending = rollup.adoption;
      else for (const cell of rollup.adoption) this.#heatmap.renderCell(cell);
      this.#applyFilter();
      if (this.#tree.selected) this.#showExplanation(engine, this.#tree.selected);
      return rollup;
    }
    const keep = rebuild && sameTree;
    view.readTree(rows);
    if (!keep) this.#tree.reset(rows, openDepth);
    this.#tree.render(view.fmt.t("tree_label", { title: documentData.title }));
    this.#heatmap.pending = rollup.adoption;
    if (!later) this.#heatmap.flush();
    this.#applyFilter();
    if (keep && this.#tree.selected) this.#actions.select(this.#tree.forgetSelection());
    return rollup;
  }

  /**
   * Draws what returns applied live changed: those rows and cells, the filter if it is by status,
   * the explanation shown if its numbers moved.
   * @param {RollupEngine} engine
   * @param {Changes} changed
   */
  update(engine, changed) {
    if (this.#heatmap.pending && changed.cells.length) this.#heatmap.pending = engine.rollup().adoption;
    for (const row of changed.rows) {
      this.view.rows.set(row.id, row);
      this.#tree.renderRow(row);
    }
    for (const cell of changed.cells) this.#heatmap.renderCell(cell);
    if (this.#filter.status && changed.rows.length) this.#applyFilter();
    const selected = this.#tree.selected;
    if (selected && changed.rows.some((row) => row.id === selected || row.parent === selected)) this.#showExplanation(engine, selected);
  }

  #applyFilter() {
    const result = filterRows(this.view, this.#filter);
    this.#tree.applyFilter(result);
    this.#toolbar.count(this.view.fmt, result ? result.matches.size : null, this.view.rows.size);
  }

  /**
   * Selects an item (opening its ancestors) and shows its explanation; null clears.
   * @param {RollupEngine | null} engine
   * @param {string | null} id
   * @returns {Explanation | null} the explanation shown
   */
  select(engine, id) {
    this.#tree.select(id);
    return id === null ? null : this.#showExplanation(engine, id);
  }

  /**
   * Shows the explanation of an item under its row.
   * @param {RollupEngine | null} engine
   * @param {string} id
   * @returns {Explanation | null}
   */
  #showExplanation(engine, id) {
    const li = this.#tree.item(id);
    if (!li || !engine) return null;
    const { box, text, explanation } = explanationPanel(engine, id, this.view, li.style.getPropertyValue("--depth"));
    this.#tree.showExplanation(id, box, text);
    return explanation;
  }

  /** Opens every item. */
  expandAll() {
    this.#tree.expandAll();
  }

  /** Closes every item. */
  collapseAll() {
    this.#tree.collapseAll();
  }

  /** Before printing: every row built and open, the heat map split into tables of a few columns. */
  preparePrint() {
    if (this.#tree.printing) return;
    this.#heatmap.flush();
    this.#tree.openForPrint();
    this.#heatmap.printTables();
  }

  /** After printing: the tree as it was. */
  restoreAfterPrint() {
    if (this.#tree.closeAfterPrint()) this.#heatmap.clearPrint();
  }

  /** The rows shown (the filter's, with their ancestors open) as CSV text. */
  csv() {
    return rowsCsv(this.view, this.#tree.visibleIds());
  }

  /**
   * Downloads `csv()` as a file named after the plan and the date of its numbers.
   * @param {ShadowRoot} root
   * @param {string} asOf
   */
  download(root, asOf) {
    downloadCsv(root, `${this.view.document?.id ?? "plan"}-${asOf}.csv`, this.csv());
  }
}
