// @ts-check
// The rollup as `<workplan-progress>` shows it: its rows by id in the plan's tree, the plan's
// member names, themes and level names, and the words and formats in use. Every part of the
// widget (tree, heat map, explanations, filters, CSV) reads it; the display writes it.
import { Format } from "./format.js";

/**
 * @typedef {import("../pkg/web/workplan_wasm.js").Item} Item
 * @typedef {import("../pkg/web/workplan_wasm.js").PlanDocument} PlanDocument
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 */

/** What every part of the widget reads of the rollup shown. */
export class RollupView {
  /** The words and formats in use. */
  fmt = new Format("en-GB");
  /** The plan document of the loaded plan. @type {PlanDocument | null} */
  document = null;
  /** Rows by id, in document order. @type {Map<string, RollupRow>} */
  rows = new Map();
  /** The children of each item, in order. @type {Map<string, string[]>} */
  children = new Map();
  /** The top-level items, in order. @type {string[]} */
  roots = [];
  /** Each item's position among its siblings, from 1. @type {Map<string, number>} */
  position = new Map();
  /** Themes of each item, with those of its ancestors. @type {Map<string, string[]>} */
  themes = new Map();
  /** Member names by id. @type {Map<string, string>} */
  memberNames = new Map();
  /** The names of the plan's levels, from the top. @type {string[]} */
  levelNames = [];

  /**
   * Reads what the parts need of a plan document: its level names, each item's themes (with
   * those of its ancestors) and the member names.
   * @param {PlanDocument} data
   */
  readDocument(data) {
    this.document = data;
    this.levelNames = (data.levels ?? []).map((l) => l.name ?? l.id);
    this.themes = new Map();
    /** @param {Item[]} items @param {string[]} inherited */
    const walk = (items, inherited) => {
      for (const item of items) {
        const themes = [...inherited, ...(item.themes ?? [])];
        this.themes.set(item.id, themes);
        walk(item.children ?? [], themes);
      }
    };
    walk(data.items ?? [], []);
    this.memberNames = new Map((data.members ?? []).map((m) => [m.id, m.name]));
  }

  /**
   * Whether rows have the tree of the rows shown: the same items, each under the same parent.
   * @param {RollupRow[]} rows
   */
  sameTree(rows) {
    return this.rows.size === rows.length && rows.every((row) => this.rows.has(row.id) && this.rows.get(row.id)?.parent === row.parent);
  }

  /**
   * Takes rows with their tree: children, top-level items and positions among siblings.
   * @param {RollupRow[]} rows
   */
  readTree(rows) {
    this.rows = new Map(rows.map((row) => [row.id, row]));
    this.children = new Map(rows.map((row) => [row.id, []]));
    this.roots = [];
    for (const row of rows) {
      const siblings = row.parent === null ? this.roots : this.children.get(row.parent);
      siblings?.push(row.id);
      this.position.set(row.id, siblings ? siblings.length : 1);
    }
  }

  /**
   * A member's name (its id when the plan names none).
   * @param {string} id
   */
  memberName(id) {
    return this.memberNames.get(id) ?? id;
  }
}
