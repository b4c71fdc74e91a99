// Hand-kept declarations of the JS API: the option bags it takes (camelCase, as JS passes
// them), the rows `Updates.setAside` gives, and the error a document that cannot be loaded
// throws. Every data shape (the plan document, returns, rollup, explanation, diff, findings...) is
// generated from the Rust types into shapes.d.ts (core/tests/shapes.rs): never declare one here.

/** One problem of a document that cannot be loaded: an `Error` named `ParseError`, with its place. */
export interface ParseProblem extends Error {
  name: "ParseError";
  /** Stable code, e.g. `unknown_field`. */
  code: string;
  /** JSON Pointer path as keys and indexes, e.g. `["items", 2]`. */
  path: Pointer;
  /** 1-based line in the source text, or null when the input was not text. */
  line: number | null;
  /** 1-based column in characters, or null. */
  column: number | null;
  /** The sheet of a workbook the problem is on, or null. */
  sheet: string | null;
  /** The cell of a workbook, such as `Q2!C14`, or null. */
  cell: string | null;
  /** A suggestion of how to fix it, or null. */
  hint: string | null;
}

/**
 * The `Error` thrown when a document cannot be loaded. Its own `code`, `path`, `line`, ... are
 * those of the first problem.
 */
export interface ParseError extends ParseProblem {
  /**
   * Every problem, each with its own place: every bad row of a returns table at once (at most
   * 100), or this error itself as the only element.
   */
  errors: ParseProblem[];
  /** How many problems there are in all (more than `errors.length` past the cap). */
  total: number;
}

/** How `Updates.fromCsv` and `Updates.fromBytes` read a returns table. */
export interface ReadOptions {
  /** Columns, status words and percent scale. */
  mapping?: Mapping;
  /** `raise` (the default): throw every bad row at once; `collect`: keep the good rows and set the bad ones aside (`updates.setAside`). */
  onError?: "raise" | "collect";
}

/** A row that could not be read, set aside by `onError: "collect"`. */
export interface SetAsideRow {
  /** The sheet of a workbook, or null. */
  sheet: string | null;
  /** The row's first cell in a workbook, such as `Q2!A3`, or null. */
  cell: string | null;
  /** Line (from 1) of the row in the text (the row, in a workbook). */
  line: number | null;
  /** Column (from 1) of the row's first cell. */
  column: number | null;
  /** JSON Pointer path as keys and indexes, e.g. `[2]`. */
  path: Pointer;
  /** The row's cells as written, by header. */
  cells: Record<string, string>;
  /** Why it could not be read: the messages. */
  errors: string[];
}

/** What a rollup is asked for. */
export interface RollupOptions {
  /**
   * Returns: an `Updates` (read as it is, far faster than objects for many returns; it stays
   * the caller's to free), an array of update objects, or CSV text.
   */
  updates?: Updates | Update[] | string;
  /** The date the numbers are for (`YYYY-MM-DD`); the plan period's end by default. */
  asOf?: DateString;
  /** Count only returns recorded by then. */
  knownAt?: TimestampString;
  /** Settings that override the plan's. */
  settings?: Settings;
}

/** What a rollup series is asked for (`plan.rollupSeries`). */
export interface RollupSeriesOptions {
  /** Returns: an `Updates` (it stays the caller's), an array of update objects, or CSV text. */
  updates?: Updates | Update[] | string;
  /** The dates (sorted and deduplicated); the month ends of the plan's period by default. */
  dates?: DateString[];
  /** Count only returns recorded by then. */
  knownAt?: TimestampString;
  /** Settings that override the plan's. */
  settings?: Settings;
}
