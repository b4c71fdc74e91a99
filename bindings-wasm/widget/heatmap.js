// @ts-check
// The adoption heat map of `<workplan-progress>` (`part=matrix`): a grid of members by member
// items, each cell the engine's (`RollupEngine.cells`), with its key, a tooltip per cell, arrow
// keys between cells, and tables of a few columns for print.
import { escapeHtml, h, setAttr, setHtml, setText } from "./dom.js";

/**
 * @typedef {import("./rollup-view.js").RollupView} RollupView
 * @typedef {import("../pkg/web/workplan_wasm.js").AdoptionCell} AdoptionCell
 */

/** The symbol of each heat-map state (a reported cell shows its number instead). */
const CELL_SYMBOLS = /** @type {const} */ ({ reported: "●", no_report: "○", not_adopted: "✕", out_of_scope: "–" });
const CELL_STATES = /** @type {const} */ (["reported", "no_report", "not_adopted", "out_of_scope"]);
/** Heat-map columns per printed table. */
const PRINT_COLUMNS = 12;
/** Characters of an item's title shown in a heat-map column heading. */
const HEADING_CHARS = 28;

/**
 * The heat-map band of a member's progress: 1 (below 20%) to 5 (80% and more).
 * @param {number | null} progress
 */
function band(progress) {
  if (progress === null) return 1;
  return Math.max(1, Math.min(5, Math.floor(progress * 5) + 1));
}

/** The heat map, its tooltip and its cells. */
export class Heatmap {
  /** The heat map's section. */
  section = h("section", { class: "matrix", part: "matrix", hidden: true });
  /** The tooltip of a cell or column heading. */
  tip = h("div", { class: "tip", role: "tooltip", id: "tip", hidden: true });
  /** The cells while the heat map waits to be built (after the first paint). @type {AdoptionCell[] | null} */
  pending = null;
  #view;
  /** @type {Map<string, HTMLTableCellElement>} */
  #cells = new Map();
  /** The cells' data, by the same keys. @type {Map<string, AdoptionCell>} */
  #cellData = new Map();
  /** The heat map's columns and rows. @type {{items: string[], members: string[]}} */
  #shape = { items: [], members: [] };
  /** The cell the tooltip is for. @type {HTMLElement | null} */
  #tipCell = null;

  /** @param {RollupView} view */
  constructor(view) {
    this.#view = view;
  }

  /** Builds the heat map if it waits to be built. */
  flush() {
    const cells = this.pending;
    if (!cells) return;
    this.pending = null;
    this.#render(cells);
  }

  /** Removes the heat map (a load failed). */
  clear() {
    this.section.hidden = true;
    this.section.replaceChildren();
    this.pending = null;
    this.#cells.clear();
  }

  /** @param {AdoptionCell[]} cells */
  #render(cells) {
    const f = this.#view.fmt;
    this.#cells = new Map();
    this.#cellData = new Map();
    if (!cells.length) {
      this.section.hidden = true;
      this.section.replaceChildren();
      this.#shape = { items: [], members: [] };
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
    this.#shape = { items: [...items], members: [...members] };
    const head = h("tr", {}, [h("th", { scope: "col" }, [h("span", {}, [f.t("member")])])]);
    for (const item of items) {
      const row = this.#view.rows.get(item);
      const mark = row?.label ?? row?.number ?? item;
      const title = row?.title ?? "";
      const short = title.length > HEADING_CHARS ? `${title.slice(0, HEADING_CHARS - 1).trimEnd()}…` : title;
      head.append(
        h("th", { scope: "col", tabindex: -1, "data-col": item, title: `${mark} ${title}`, "aria-label": `${mark} ${title}` }, [
          h("span", {}, [h("b", {}, [mark]), " ", short]),
        ]),
      );
    }
    const body = this.#body(cells, [...items], [...members]);
    const table = h("table", { role: "grid", "aria-label": f.t("matrix_label"), "aria-describedby": "matrix-key" }, [h("thead", {}, [head]), body]);
    const wrap = h("div", { class: "wrap", tabindex: -1 }, [table]);
    table.addEventListener("pointerover", (event) => this.#showTip(/** @type {Element} */ (event.target)));
    table.addEventListener("pointerout", () => (this.tip.hidden = true));
    table.addEventListener("focusin", (event) => this.#showTip(/** @type {Element} */ (event.target)));
    table.addEventListener("focusout", () => (this.tip.hidden = true));
    table.addEventListener("keydown", (event) => this.#onKey(event));
    wrap.addEventListener("scroll", () => {
      if (!this.tip.hidden && this.#tipCell) this.#placeTip(this.#tipCell, wrap);
    });
    const sample = { reported: "45", no_report: CELL_SYMBOLS.no_report, not_adopted: CELL_SYMBOLS.not_adopted, out_of_scope: CELL_SYMBOLS.out_of_scope };
    this.section.replaceChildren(
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
    this.section.hidden = false;
  }

  /**
   * The heat map's body, written as one string of escaped HTML (far faster than cell by cell).
   * @param {AdoptionCell[]} cells
   * @param {string[]} items
   * @param {string[]} members
   * @returns {HTMLTableSectionElement}
   */
  #body(cells, items, members) {
    const body = h("tbody", {});
    /** @type {Map<string, AdoptionCell>} */
    const byKey = new Map(cells.map((cell) => [`${cell.item}\u0000${cell.member}`, cell]));
    const html = [];
    let first = true;
    for (const member of members) {
      const escaped = escapeHtml(member);
      html.push(`<tr><th scope="row">${escapeHtml(this.#view.memberName(member))}</th>`);
      for (const item of items) {
        const cell = byKey.get(`${item}\u0000${member}`);
        html.push(`<td tabindex="${first ? 0 : -1}" data-item="${escapeHtml(item)}" data-member="${escaped}"`);
        first = false;
        if (!cell) {
          html.push("></td>");
          continue;
        }
        const look = this.#look(cell);
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
  #look(cell) {
    const reported = cell.state === "reported";
    const p = cell.progress;
    return {
      text: reported && p !== null ? this.#view.fmt.number(Math.round(p * 100)) : CELL_SYMBOLS[cell.state],
      className: `c-${cell.state}${reported ? ` h${band(p)}` : ""}`,
      label: this.#words(cell).join(", "),
    };
  }

  /**
   * Writes one cell of the heat map, touching only what differs.
   * @param {AdoptionCell} cell
   */
  renderCell(cell) {
    const key = `${cell.item}\u0000${cell.member}`;
    const td = this.#cells.get(key);
    if (!td) return;
    this.#cellData.set(key, cell);
    const look = this.#look(cell);
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
  #words(cell) {
    const f = this.#view.fmt;
    const row = this.#view.rows.get(cell.item);
    const item = row ? `${row.label ? `${row.label} ` : ""}${row.title}` : cell.item;
    const words = [this.#view.memberName(cell.member), `${cell.item}: ${item}`, f.t(`cell_${cell.state}`)];
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
      const row = this.#view.rows.get(th.dataset.col ?? "");
      this.tip.replaceChildren(h("b", {}, [row?.label ?? row?.number ?? th.dataset.col ?? ""]), row?.title ?? "");
      this.tip.hidden = false;
      this.#tipCell = th;
      this.#placeTip(th, /** @type {HTMLElement} */ (th.closest(".wrap")));
      return;
    }
    const td = target.closest?.("td");
    if (!(td instanceof HTMLTableCellElement) || !td.dataset.item || !td.dataset.member) {
      this.tip.hidden = true;
      return;
    }
    const cell = this.#cellData.get(`${td.dataset.item}\u0000${td.dataset.member}`);
    if (!cell) return;
    const [member, item, ...rest] = this.#words(cell);
    this.tip.replaceChildren(h("b", {}, [member]), h("span", {}, [item]), h("br"), rest.join(" · "));
    this.tip.hidden = false;
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
      this.tip.hidden = true;
      return;
    }
    const tip = this.tip.getBoundingClientRect();
    const left = Math.max(4, Math.min(box.left + box.width / 2 - tip.width / 2, window.innerWidth - tip.width - 4));
    const top = box.top - tip.height - 6 >= 0 ? box.top - tip.height - 6 : box.bottom + 6;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
  }

  /** Arrow keys in the heat map: between cells, and up into the column headings. @param {KeyboardEvent} event */
  #onKey(event) {
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

  /** For print: the heat map again in tables of a few columns each (in `.print-only`). */
  printTables() {
    const print = this.section.querySelector(".print-only");
    if (!print) return;
    const f = this.#view.fmt;
    const { items, members } = this.#shape;
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
                const row = this.#view.rows.get(item);
                return h("th", { scope: "col" }, [h("span", {}, [row?.label ?? row?.number ?? item])]);
              }),
            ]),
          ]),
          h(
            "tbody",
            {},
            members.map((member) =>
              h("tr", {}, [
                h("th", { scope: "row" }, [this.#view.memberName(member)]),
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

  /** After print: the print tables removed. */
  clearPrint() {
    this.section.querySelector(".print-only")?.replaceChildren();
  }
}
