/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;
/** An RFC 3339 date-time, e.g. `2020-07-03T10:00:00Z`. */
export type TimestampString = string;

/** A plan document (`workplan: 1`). Keys starting with `x-` are extension data. */
export interface PlanDocument {
  workplan: 1;
  id: string;
  title: string;
  organisation?: string;
  period: Period;
  status?: "draft" | "consultation" | "approved" | "archived";
  levels?: Level[];
  themes?: Theme[];
  members?: Member[];
  settings?: Settings;
  items?: Item[];
  updates?: Update[];
  events?: PlanEvent[];
  [extension: `x-${string}`]: unknown;
}

/** The period a plan covers, both ends included. */
export interface Period {
  start: DateString;
  end: DateString;
  [extension: `x-${string}`]: unknown;
}

/** A level of the hierarchy, top-down. */
export interface Level {
  id: string;
  name?: string;
  [extension: `x-${string}`]: unknown;
}

/** A cross-cutting theme. */
export interface Theme {
  id: string;
  title: string;
  description?: string;
  [extension: `x-${string}`]: unknown;
}

/** A body that adopts items and reports on them. */
export interface Member {
  id: string;
  name: string;
  [extension: `x-${string}`]: unknown;
}

/** Rollup policy (DESIGN 6.8). */
export interface Settings {
  weighting?: "weight" | "equal" | "leaves";
  missing?: "zero" | "exclude";
  status?: "derived" | "worst";
  bands?: Bands;
  stale_after_days?: number;
  trend_days?: number;
  /** A row whose coverage is below this fraction is low coverage; 0.5 when absent. */
  coverage_threshold?: number;
  [extension: `x-${string}`]: unknown;
}

/** Variance bands as fractions. */
export interface Bands {
  at_risk?: number;
  off_track?: number;
  [extension: `x-${string}`]: unknown;
}

/** One node of the plan's tree. */
export interface Item {
  id: string;
  label?: string;
  title: string;
  outcome?: string;
  owner?: string;
  themes?: string[];
  start?: DateString;
  due?: DateString;
  weight?: number;
  state?: "active" | "deferred" | "cancelled";
  measure?: Measure;
  members?: "all" | string[];
  adoption?: "assumed" | "required";
  links?: Link[];
  children?: Item[];
  [extension: `x-${string}`]: unknown;
}

/** A numeric target. */
export interface Measure {
  unit: string;
  baseline?: number;
  target: number;
  aggregate?: "sum" | "mean" | "min" | "max";
  member_target?: number;
  milestones?: Milestone[];
  [extension: `x-${string}`]: unknown;
}

/** A time-phased target. */
export interface Milestone {
  date: DateString;
  target: number;
  [extension: `x-${string}`]: unknown;
}

/** A link to another item: `item-id` or `plan-id:item-id`. */
export interface Link {
  to: string;
  rel?: "delivers" | "supports" | "relates";
  [extension: `x-${string}`]: unknown;
}

/** A progress return, or an adoption event when `adopted` is set. */
export interface Update {
  item: string;
  date: DateString;
  member?: string;
  status?: "not_started" | "on_track" | "at_risk" | "off_track" | "done";
  percent?: number;
  value?: number;
  note?: string;
  recorded?: TimestampString;
  adopted?: boolean;
  [extension: `x-${string}`]: unknown;
}

/** A governance event (named `Event` in the format; `PlanEvent` here to avoid the DOM's). */
export interface PlanEvent {
  date: DateString;
  body: string;
  action: "drafted" | "discussed" | "commented" | "amended" | "approved" | "published" | "archived" | "reviewed";
  note?: string;
  items?: string[];
  [extension: `x-${string}`]: unknown;
}

/** Items at one level. */
export interface LevelCount {
  id: string;
  name: string;
  items: number;
}

/** A plan's shape in counts. */
export interface PlanSummary {
  plan: string;
  title: string;
  levels: LevelCount[];
  items: number;
  leaves: number;
  measures: number;
  members: number;
  themes: number;
  links: number;
  events: number;
  beyond_levels: number;
}

/** One problem of a document that cannot be loaded: an `Error` named `ParseError`, with its place. */
export interface ParseProblem extends Error {
  name: "ParseError";
  /** Stable code, e.g. `unknown_field`. */
  code: string;
  /** JSON Pointer path as keys and indexes, e.g. `["items", 2]`. */
  path: (string | number)[];
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

/** One finding of validation: what is wrong, where, and how to fix it. */
export interface Diagnostic {
  /** Stable code of the rule, e.g. `due_outside_period`. */
  code: string;
  severity: "error" | "warning" | "info";
  /** What is wrong, in words for a committee officer. */
  message: string;
  /** JSON Pointer path as keys and indexes, e.g. `["items", 0, "due"]`. */
  path: (string | number)[];
  /** The id of the item concerned. */
  item: string | null;
  /** Line (from 1) of the offending value, when the plan came from text. */
  line: number | null;
  /** Column (from 1, in characters). */
  column: number | null;
  /** How to fix it. */
  hint: string | null;
  /** `plan`, or `updates` for findings in returns passed separately. */
  document: "plan" | "updates";
  /** The sheet of a workbook the finding is on (absent outside workbooks). */
  sheet?: string;
}

/**
 * How the columns and words of a returns table map onto the returns format (`docs/returns.md`):
 * declared, never guessed. Headers are compared without regard to case, spaces, `_` and `-`.
 */
export interface Mapping {
  /** Header -> column of the format (`item`, `date`, `member`, `status`, `percent`, `value`, `note`, `recorded`, `adopted`, or an `x-` name). */
  columns?: Record<string, string>;
  /** Headers whose columns are read past (kept nowhere). */
  ignore?: string[];
  /** The status vocabulary: the preset `rag` (Green, Amber, Red, Blue/Complete, Grey/Not started), or a table from words to statuses. */
  status?: "rag" | Record<string, "not_started" | "on_track" | "at_risk" | "off_track" | "done">;
  /** `auto` (0 to 100, with a warning when they look like fractions), `percent` (0 to 100) or `fraction` (0 to 1, multiplied by 100). */
  percent_scale?: "auto" | "percent" | "fraction";
  /** The sheets of a workbook to read (workbooks are read by the CLI and Python, not by this package). */
  sheets?: string[];
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
  path: (string | number)[];
  /** The row's cells as written, by header. */
  cells: Record<string, string>;
  /** Why it could not be read: the messages. */
  errors: string[];
}

/** The findings for one plan of a workspace. */
export interface PlanReport {
  plan: string;
  diagnostics: Diagnostic[];
}

/** An item of another plan that links to an item. */
export interface LinkSource {
  plan: string;
  item: string;
  rel: "delivers" | "supports" | "relates";
}

/** One item of a plan, with the items that link to it. */
export interface CoverageEntry {
  item: string;
  depth: number;
  linked_from: LinkSource[];
  covered: boolean;
}

/** Which items of a plan the other plans of a workspace link to. */
export interface Coverage {
  plan: string;
  items: CoverageEntry[];
  unlinked: string[];
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

export type RollupStatus = "not_started" | "on_track" | "at_risk" | "off_track" | "done" | "unknown";

/** Statuses of the included leaves below and including an item. */
export interface StatusCounts {
  not_started: number;
  on_track: number;
  at_risk: number;
  off_track: number;
  done: number;
  unknown: number;
}

/** One item's numbers (DESIGN 6.10); fractions are 0..1. */
export interface RollupRow {
  id: string;
  parent: string | null;
  depth: number;
  level: string | null;
  label: string | null;
  title: string;
  /** Whether the item has no children. */
  is_leaf: boolean;
  /** The labels from the top down joined by dots (`7.2.a`); null when one of them is missing. */
  number: string | null;
  /** The id of the item's top-level ancestor (its own id at depth 0). */
  top: string;
  state: "active" | "deferred" | "cancelled";
  included: boolean;
  progress: number | null;
  expected: number | null;
  variance: number | null;
  status: RollupStatus;
  reported_status: RollupStatus | null;
  derived_status: RollupStatus;
  status_source: "reported" | "derived";
  trend: "improving" | "steady" | "worsening" | null;
  last_update: DateString | null;
  stale: boolean | null;
  coverage: number | null;
  /** `coverage` is below the `coverage_threshold` setting: too little data to read as a judgement. */
  low_coverage: boolean;
  leaves: number;
  /** Those of `leaves` that have data: "5 of 7 items" is `leaves_with_data` of `leaves`. */
  leaves_with_data: number;
  status_counts: StatusCounts;
  value: number | null;
  target: number | null;
  unit: string | null;
  members_in_scope: number | null;
  members_adopted: number | null;
  members_reported: number | null;
}

/** One member x member item cell of the adoption matrix. */
export interface AdoptionCell {
  item: string;
  member: string;
  state: "out_of_scope" | "not_adopted" | "no_report" | "reported";
  progress: number | null;
  /** The item's expected progress at `as_of` (the `expected` of its row). */
  expected: number | null;
  /** progress - expected. */
  variance: number | null;
  /** The progress is the member's share of a summed target (a measure with `aggregate: sum` and no `member_target`). */
  share_of_sum: boolean;
  value: number | null;
  date: DateString | null;
  status: RollupStatus | null;
}

/** An item left out of a denominator. */
export interface ExcludedItem {
  item: string;
  reason: "cancelled" | "deferred" | "no_data";
  because_of: string | null;
}

/** The result of a rollup (DESIGN 6.10). */
export interface Rollup {
  plan: string;
  as_of: DateString;
  rows: RollupRow[];
  adoption: AdoptionCell[];
  excluded: ExcludedItem[];
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

/** The burn-up numbers at one date, over the included leaves of the whole plan. */
export interface BurnUp extends StatusCounts {
  as_of: DateString;
  /** How many included leaves. */
  scope: number;
  /** The sum of their progress (a leaf without data counts 0). */
  earned: number;
  /** The sum of their expected progress. */
  expected: number;
}

/** The rollup at several dates: each exactly `plan.rollup({asOf: date, ...})`. */
export interface RollupSeries {
  plan: string;
  rollups: Rollup[];
  burn_up: BurnUp[];
}

/** One item of a plan's outline (`plan.outline()`). */
export interface OutlineRow {
  id: string;
  parent: string | null;
  depth: number;
  level: string | null;
  label: string | null;
  /** The labels from the top down joined by dots (`7.2.a`), when all have one. */
  number: string | null;
  /** The item's place in the document as a JSON Pointer. */
  pointer: string;
  title: string;
  outcome: string | null;
  owner: string | null;
  themes: string[];
  start: DateString;
  due: DateString;
  weight: number;
  state: "active" | "deferred" | "cancelled";
  included: boolean;
  excluded_by: string | null;
  kind: "parent" | "leaf" | "member_item";
  /** The members that deliver it (`all` written out). */
  members: string[] | null;
  adoption: "assumed" | "required" | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  children: number;
  links: number;
}

/** What one `RollupEngine.applyChanges` changed, in document order. */
export interface Changes {
  /** The rows whose numbers changed. */
  rows: RollupRow[];
  /** The cells of the adoption matrix that changed (item by item, members in plan order). */
  cells: AdoptionCell[];
}

/** How one number was found (DESIGN 6.9). */
export interface Explanation {
  item: string;
  as_of: DateString;
  kind: "leaf" | "member_item" | "parent";
  included: boolean;
  progress: number | null;
  expected: number | null;
  variance: number | null;
  status: RollupStatus;
  rule: string;
  formula: string;
  updates: { field: string; value: string; date: DateString; member: string | null; recorded: string; position: number }[];
  children: { item: string; progress: number | null; expected: number | null; weight: number; counted: boolean; reason: string | null }[];
  expected_basis: string;
  status_basis: string;
  settings: Record<string, unknown>;
  /** The plain-language lead: what the number is, how much data stands behind it, what it is compared with. */
  summary: string;
  /** For a member item: how many members count and reported, the spread, who is furthest behind (up to 3). */
  members: {
    count: number;
    reported: number;
    lowest: number | null;
    highest: number | null;
    behind: { member: string; name: string; progress: number }[];
  } | null;
  /** The summary, then the arithmetic (on the next line). */
  text: string;
}

/** One field that differs between two versions. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
  /** Differs only in typography (dashes, quotes, spaces, a final full stop). */
  cosmetic: boolean;
}

/** An item added or removed. */
export interface ItemSummary {
  id: string;
  label: string | null;
  title: string;
  parent: string | null;
}

/** Everything that differs between two versions of a plan. */
export interface PlanDiff {
  old: string;
  new: string;
  plan: FieldChange[];
  added: ItemSummary[];
  removed: ItemSummary[];
  moved: { id: string; from: string | null; to: string | null }[];
  relabelled: { id: string; from: string | null; to: string | null }[];
  changed: { id: string; changes: FieldChange[] }[];
  possible_renames: { removed: string; added: string; similarity: number }[];
}

/** A step of the approval path. */
export interface ApprovalStep {
  date: DateString;
  body: string;
  action: PlanEvent["action"];
}

/** Where a plan is in its approval path. */
export interface ApprovalState {
  status: "draft" | "consultation" | "approved" | "archived";
  stage: "draft" | "consultation" | "approved" | "archived";
  approved: ApprovalStep | null;
  last: ApprovalStep | null;
  path: ApprovalStep[];
  consistent: boolean;
}

/** The review rotation of a plan's clusters over meetings. */
export interface Cadence {
  level: number;
  window_months: number;
  clusters: string[];
  schedule: { date: DateString; cluster: string }[];
  gaps: { cluster: string; from: DateString; to: DateString }[];
  overdue: { cluster: string; last_reviewed: DateString | null; due: DateString }[];
  as_of: DateString | null;
}
