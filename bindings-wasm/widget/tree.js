// @ts-check
// The tree of `<workplan-progress>` (`part=tree`, the WAI-ARIA tree pattern): its items built as
// escaped HTML (subtrees when first opened) and patched row by row, the selected item with its
// explanation, the roving focus, and the mouse and keys that move through it. What is open and
// what the filter shows is tree-state.js.
import { escapeHtml, h, setAttr, setClass, setHtml } from "./dom.js";
import { highlight } from "./filters.js";
import { rowView } from "./row.js";
import { TreeState } from "./tree-state.js";

/**
 * @typedef {import("./filters.js").FilterResult} FilterResult
 * @typedef {import("./rollup-view.js").RollupView} RollupView
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 */

/** The tree's items, selection and focus. */
export class Tree {
  /** The tree's list (`role=tree`). */
  list = h("ul", { role: "tree", part: "tree" });
  #view;
  /** What is open and what the filter shows. */
  #state;
  /** Selects an item (or, with null, none): the element's `select`. @type {(id: string | null) => void} */
  #select;
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
  /** @type {string | null} */
  #selected = null;
  /** @type {string | null} */
  #focused = null;

  /**
   * @param {RollupView} view
   * @param {(id: string | null) => void} select the element's `select`
   */
  constructor(view, select) {
    this.#view = view;
    this.#state = new TreeState(view);
    this.#select = select;
    this.list.addEventListener("click", (event) => this.#onClick(event));
    this.list.addEventListener("keydown", (event) => this.#onKey(event));
    this.list.addEventListener("focusin", (event) => {
      const item = /** @type {Element} */ (event.target).closest?.("li[role=treeitem]");
      if (item instanceof HTMLLIElement && item.dataset.id) this.#focusItem(item.dataset.id, false);
    });
  }

  /** The selected item, if any. */
  get selected() {
    return this.#selected;
  }

  /** How many items are built. */
  get size() {
    return this.#items.size;
  }

  /** Whether the tree is opened for print. */
  get printing() {
    return this.#state.printing;
  }

  /**
   * The built item of an id.
   * @param {string} id
   */
  item(id) {
    return this.#items.get(id);
  }

  /**
   * A new tree: the items above `openDepth` open, none selected, the first focusable.
   * @param {RollupRow[]} rows
   * @param {number} openDepth
   */
  reset(rows, openDepth) {
    this.#state.reset(rows, openDepth);
    this.#selected = null;
    this.#focused = rows[0]?.id ?? null;
  }

  /**
   * Builds the top of the tree (subtrees are built when first opened).
   * @param {string} label the tree's name
   */
  render(label) {
    this.#items = new Map();
    this.#holders = new Map();
    this.#serial = new Map([...this.#view.rows.keys()].map((id, i) => [id, i]));
    this.#built = new Set();
    this.list.setAttribute("aria-label", label);
    this.list.replaceChildren();
    this.#buildItems(this.list, this.#view.roots);
    for (const id of this.#view.roots) this.#syncExpanded(id);
  }

  /** Removes every item (a load failed). */
  clear() {
    this.list.replaceChildren();
    this.#items.clear();
    this.#holders.clear();
    this.#built.clear();
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
        if (this.#state.filtered) this.#paintFilter(item, li);
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
    this.#buildItems(group, this.#view.children.get(id) ?? []);
    for (const child of this.#view.children.get(id) ?? []) if (this.#state.isOpen(child)) this.#syncExpanded(child);
  }

  /**
   * Writes a changed row into its item (other rows are not touched): its box (`div.row`) anew,
   * its name and class where they differ.
   * @param {RollupRow} row
   * @param {boolean} [box] false: only the name (an explanation shown or gone)
   */
  renderRow(row, box = true) {
    const li = this.#items.get(row.id);
    if (!li) return;
    const v = rowView(row, this.#view.fmt, this.#view.levelNames);
    if (box) {
      const template = document.createElement("template");
      setHtml(template, v.box);
      li.firstElementChild?.replaceWith(template.content);
      if (this.#state.filtered) this.#paintFilter(row.id, li);
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
    const view = this.#view;
    const row = /** @type {RollupRow} */ (view.rows.get(id));
    const v = rowView(row, view.fmt, view.levelNames);
    const e = escapeHtml;
    const children = view.children.get(id) ?? [];
    const siblings = row.parent === null ? view.roots : view.children.get(row.parent) ?? [];
    const open = this.#state.isOpen(id);
    const group = children.length ? `g${this.#serial.get(id) ?? 0}` : "";
    out.push(
      `<li role="treeitem" data-id="${e(id)}" class="depth${Math.min(row.depth, 3)}${v.low ? " low-coverage" : ""}" aria-level="${row.depth + 1}"`,
      ` aria-setsize="${siblings.length}" aria-posinset="${view.position.get(id) ?? 1}" aria-selected="${this.#selected === id}" tabindex="${id === this.#focused ? 0 : -1}"`,
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
   * Marks an item selected (opening its ancestors), the one selected before no longer (its
   * explanation removed); null selects none.
   * @param {string | null} id
   */
  select(id) {
    const previous = this.#selected ? this.#items.get(this.#selected) : undefined;
    const old = this.#selected;
    this.#selected = id;
    if (previous && old) {
      previous.setAttribute("aria-selected", "false");
      previous.querySelector(":scope>.explain")?.remove();
      this.#explainText = "";
      const row = this.#view.rows.get(old);
      if (row) this.renderRow(row, false);
    }
    if (id === null) return;
    for (const ancestor of this.#state.ancestors(id)) this.#setExpanded(ancestor, true);
    this.#items.get(id)?.setAttribute("aria-selected", "true");
  }

  /** Forgets the selection without touching the items (rebuilt since), and returns it. */
  forgetSelection() {
    const selected = this.#selected;
    this.#selected = null;
    return selected;
  }

  /**
   * Puts an explanation panel under an item's row (in place of the one there) and its text into
   * the item's name.
   * @param {string} id
   * @param {HTMLElement} box
   * @param {string} text
   */
  showExplanation(id, box, text) {
    const li = this.#items.get(id);
    if (!li) return;
    const old = li.querySelector(":scope>.explain");
    if (old) old.replaceWith(box);
    else li.firstElementChild?.after(box);
    this.#explainText = text;
    const row = this.#view.rows.get(id);
    if (row) this.renderRow(row, false);
  }

  /** Opens every item. */
  expandAll() {
    this.#state.openAll();
    this.syncAll();
  }

  /** Closes every item. */
  collapseAll() {
    for (const [id, children] of this.#view.children) if (children.length) this.#setExpanded(id, false);
    if (this.#focused && !this.#state.isVisible(this.#focused)) this.#focusItem(this.#state.topOf(this.#focused), false);
  }

  /** Before printing: every item built and open; what was open is kept for `closeAfterPrint`. */
  openForPrint() {
    this.#state.openForPrint();
    this.syncAll();
  }

  /** After printing: the tree as it was. Returns false when it was not opened for print. */
  closeAfterPrint() {
    if (!this.#state.closeAfterPrint()) return false;
    this.syncAll();
    return true;
  }

  /**
   * Shows what a filter lets through (null: every item), opening the items with children shown;
   * clearing the filter opens again what was open before it.
   * @param {FilterResult | null} result
   */
  applyFilter(result) {
    this.#state.filter(result);
    this.syncAll();
    for (const [id, li] of this.#items) this.#paintFilter(id, li);
    if (this.#focused && !this.#state.isVisible(this.#focused)) {
      const first = this.#state.visibleIds()[0];
      if (first) this.#focusItem(first, false);
    }
  }

  /** The visible items, in document order. */
  visibleIds() {
    return this.#state.visibleIds();
  }

  /**
   * Shows an item as the filter says: hidden, greyed as context, its matching text marked.
   * @param {string} id
   * @param {HTMLLIElement} li
   */
  #paintFilter(id, li) {
    const hidden = !this.#state.isShown(id);
    if (li.hidden !== hidden) li.hidden = hidden;
    this.#syncHolder(id);
    setClass(li, "context", this.#state.isContext(id));
    const row = this.#view.rows.get(id);
    const title = li.querySelector(":scope>.row .title");
    if (row && title instanceof HTMLElement) highlight(title, row.title, this.#state.needle);
  }

  /** @param {string} id */
  #syncExpanded(id) {
    const li = this.#items.get(id);
    if (!li || !this.#view.children.get(id)?.length) return;
    const open = this.#state.isOpen(id);
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
    const open = this.#state.isOpen(id);
    const group = holder.firstElementChild;
    if (group instanceof HTMLElement && group.hidden === open) group.hidden = !open;
    const hidden = li.hidden || !open;
    if (holder.hidden !== hidden) holder.hidden = hidden;
    setAttr(li, "aria-owns", group?.id ?? null);
  }

  /** Shows every built item as the state says, building the subtrees newly opened. */
  syncAll() {
    for (const id of this.#view.roots) this.#syncExpanded(id);
    for (const id of [...this.#items.keys()]) this.#syncExpanded(id);
  }

  /**
   * @param {string} id
   * @param {boolean} open
   */
  #setExpanded(id, open) {
    this.#state.setOpen(id, open);
    this.#syncExpanded(id);
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
  #onClick(event) {
    const target = /** @type {Element} */ (event.target);
    if (target.closest(".explain")) return;
    const li = target.closest("li[role=treeitem]");
    if (!(li instanceof HTMLLIElement) || !li.dataset.id) return;
    const id = li.dataset.id;
    this.#focusItem(id, true);
    if (target.closest(".twisty")) {
      this.#setExpanded(id, !this.#state.isOpen(id));
      return;
    }
    this.#select(this.#selected === id ? null : id);
  }

  /** Keyboard navigation of the tree (WAI-ARIA tree pattern). @param {KeyboardEvent} event */
  #onKey(event) {
    const id = this.#focused;
    if (!id || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = /** @type {Element} */ (event.target);
    if (target.closest(".explain")) return;
    const visible = this.#state.visibleIds();
    const index = visible.indexOf(id);
    const hasChildren = (this.#view.children.get(id)?.length ?? 0) > 0;
    const open = this.#state.isOpen(id);
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
        else next = this.#view.rows.get(id)?.parent ?? undefined;
        break;
      case "Enter":
      case " ":
        this.#select(this.#selected === id ? null : id);
        break;
      case "Escape":
        if (this.#selected === null) return;
        this.#select(null);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.#focusItem(next, true);
  }
}
