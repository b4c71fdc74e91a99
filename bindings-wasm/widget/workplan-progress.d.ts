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
  /**
   * A `ParseError` (`code`, `path`, `line`, `column`, `hint`), an `Error` with `code: "fetch_error"`,
   * or the `Error` of a return that could not be applied (`code`: `unknown_item`, `member_missing`,
   * `unknown_member`, `member_not_in_scope`, `member_not_expected`, ...).
   */
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

/**
 * A fraction as the library writes it (the package's `formatPercent`, the same text in every face):
 * `62.5%`, `100%`, `-` for none. Needs the wasm loaded (`await loadWasm()`).
 */
export function formatPercent(value: number | null | undefined): string;

/**
 * Every word the widget shows, in British English, with `{placeholders}`; keys ending in `_one`,
 * `_other` (`_two`, `_few`, `_many`) are plural forms. Override them with `element.strings`.
 */
export const STRINGS: Readonly<Record<string, string>>;

/**
 * `<workplan-progress>`: the progress rollup of a plan as a collapsible tree with filters, the
 * adoption heat map and explanations. Attributes: `src`, `updates`, `as-of`, `open-depth`,
 * `theme` (`light` | `dark` | `auto`), `locale` (else the closest `lang`, else `en-GB`), `download`
 * (shows a Download CSV button). On a page that enforces Trusted Types it writes its HTML (built
 * from escaped text) through a policy named `workplan-progress`, which a `trusted-types` directive
 * listing policies must allow.
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
  /** Settings that override the plan's (the toolbar's "Missing returns" merges `missing` in). */
  get settings(): Settings | null;
  set settings(value: Settings | null);
  /** The words in use (`STRINGS` with the overrides); setting merges overrides and redraws. */
  get strings(): Record<string, string>;
  set strings(value: Record<string, string> | null);
  /** The locale numbers and dates are written in. */
  readonly locale: string;
  /** The current filter. */
  get filter(): Filter;
  set filter(value: Partial<Filter>);
  readonly state: "idle" | "loading" | "ready" | "error";
  /** The last error: what stopped the last load, or a return that could not be applied; null after a load that succeeds. */
  readonly error: unknown;
  /** Resolves when the load in progress has rendered (tree painted first, then validated and its heat map built), or failed. */
  readonly ready: Promise<void>;
  /** The findings of validation of the plan and its returns: those of a load once `ready` resolves (validation runs after the first paint). */
  readonly diagnostics: Diagnostic[];
  /** The whole current result, or null before a plan is loaded. */
  readonly rollup: Rollup | null;
  /** Applies one return; redraws only what changed; returns what changed. Throws (changing nothing) for a return that cannot be applied. */
  applyUpdate(update: Update): Changes;
  /** Applies returns in order (objects, or CSV or JSON text); redraws only what changed. If one cannot be applied, none is: it throws an `Error` with `code`. */
  appendUpdates(updates: Update[] | string): Changes;
  /** How the numbers of one item were found. */
  explain(id: string): Explanation;
  /** Selects an item and shows its explanation; null clears. */
  select(id: string | null): void;
  expandAll(): void;
  collapseAll(): void;
  /** The rows shown (id, label, title, progress, expected, status, status_source, coverage) as CSV text. */
  csv(): string;
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
