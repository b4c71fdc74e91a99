// Types of the `<workplan-progress>` custom element (bindings-wasm/widget/workplan-progress.js).
import type {
  AdoptionCell,
  Changes,
  Diagnostic,
  Explanation,
  Plan,
  PlanDocument,
  Rollup,
  RollupRow,
  Settings,
  Update,
  Updates,
} from "../pkg/web/workplan_wasm.js";

export type { AdoptionCell, Changes, Diagnostic, Explanation, PlanDocument, Rollup, RollupRow, Settings, Update };

/** What the filters ask for: text in a label, title or id; a theme id; a status (or `excluded`). */
export interface Filter {
  text: string;
  theme: string;
  status: "" | RollupRow["status"] | "excluded";
}

/** `detail` of the `workplan-load` event. */
export interface LoadDetail {
  rollup: Rollup;
  diagnostics: Diagnostic[];
}

/** `detail` of the `workplan-error` event. */
export interface ErrorDetail {
  /** A `ParseError` (`code`, `path`, `line`, `column`, `hint`), or an `Error` with `code: "fetch_error"`. */
  error: unknown;
  diagnostics: Diagnostic[];
}

/** `detail` of the `workplan-select` event. */
export interface SelectDetail {
  id: string;
  explanation: Explanation | null;
}

/**
 * Loads the wasm module once; by default it is fetched next to `workplan_wasm.js`. Call it only
 * to load the `.wasm` from another URL, before the first element renders.
 */
export function loadWasm(url?: string | URL): Promise<unknown>;

/** A fraction as the library writes it: `62.5%`, `100%`, `–` for none. */
export function formatPercent(value: number | null | undefined): string;

/**
 * `<workplan-progress>`: the progress rollup of a plan as a collapsible tree with filters, the
 * adoption heat map and explanations. Attributes: `src`, `updates`, `as-of`, `open-depth`.
 */
export class WorkplanProgress extends HTMLElement {
  static observedAttributes: string[];
  /** The plan: a `Plan`, a plan document, or JSON or YAML text (wins over `src`). Reads back the loaded `Plan`. */
  get plan(): Plan | null;
  set plan(value: Plan | PlanDocument | string | null);
  /** The returns: update objects, CSV or JSON text, or `Updates` (wins over the `updates` attribute). */
  get updates(): Update[] | string | Updates | null;
  set updates(value: Update[] | string | Updates | null);
  /** `YYYY-MM-DD`; the `as-of` attribute, else the plan period's end. */
  get asOf(): string | null;
  set asOf(value: string | null);
  /** Settings that override the plan's. */
  get settings(): Settings | null;
  set settings(value: Settings | null);
  /** The current filter. */
  get filter(): Filter;
  set filter(value: Partial<Filter>);
  readonly state: "idle" | "loading" | "ready" | "error";
  /** The error that stopped the last load, or null. */
  readonly error: unknown;
  /** Resolves when the load in progress has rendered, or failed. */
  readonly ready: Promise<void>;
  /** The findings of validation of the plan and its returns. */
  readonly diagnostics: Diagnostic[];
  /** The whole current result, or null before a plan is loaded. */
  readonly rollup: Rollup | null;
  /** Applies one return; redraws only what changed; returns what changed. */
  applyUpdate(update: Update): Changes;
  /** Applies returns in order (objects, or CSV or JSON text); redraws only what changed. */
  appendUpdates(updates: Update[] | string): Changes;
  /** How the numbers of one item were found. */
  explain(id: string): Explanation;
  /** Selects an item and shows its explanation; null clears. */
  select(id: string | null): void;
  expandAll(): void;
  collapseAll(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "workplan-progress": WorkplanProgress;
  }
  interface HTMLElementEventMap {
    "workplan-load": CustomEvent<LoadDetail>;
    "workplan-error": CustomEvent<ErrorDetail>;
    "workplan-select": CustomEvent<SelectDetail>;
    "workplan-change": CustomEvent<Changes>;
  }
}
