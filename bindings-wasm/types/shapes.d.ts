// Generated from the Rust types by `WORKPLAN_BLESS=1 cargo test -p workplan --test shapes`: do not edit.
// The data shapes the JS API takes and returns (docs/format.md, docs/rollup.md, docs/diagnostics.md).

/**
 * A plan: a business plan, a set of pledges, a portfolio: a tree of items with the bodies that
 * deliver them, their progress returns and their governance history.
 */
export interface PlanDocument {
  /** The format version; always `1`. */
  workplan: FormatVersion;
  /** The plan's id, a slug (`[a-z0-9][a-z0-9._-]*`), stable across versions of the plan. */
  id: string;
  /** The plan's title. */
  title: string;
  /** The organisation whose plan it is. */
  organisation?: string | null;
  /** The period the plan covers. */
  period: Period;
  /** Where the plan is in its approval path; `draft` when absent. */
  status?: PlanStatus | null;
  /** The hierarchy, top-down; `area`, `objective`, `output` when absent. */
  levels?: Level[] | null;
  /** Cross-cutting tags that items refer to by id. */
  themes?: Theme[];
  /** Bodies that adopt and report (e.g. the London boroughs). */
  members?: Member[];
  /** Rollup policy (docs/rollup.md#settings). */
  settings?: Settings | null;
  /** The top level of the tree. */
  items?: Item[];
  /** Progress returns carried in the plan itself (they may also come from a separate file). */
  updates?: Update[];
  /** Governance history: drafted, discussed, approved, reviewed... */
  events?: PlanEvent[];
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/** The format version; always 1. */
export type FormatVersion = 1;

/** The period a plan covers, both ends included. */
export interface Period {
  /** First day. */
  start: DateString;
  /** Last day. */
  end: DateString;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/** A calendar date, YYYY-MM-DD. */
export type DateString = string;

/**
 * Where a plan is in its approval path.
 *
 * - `draft`: Being written.
 * - `consultation`: Out for comment.
 * - `approved`: Approved by the body that owns it.
 * - `archived`: No longer in force.
 */
export type PlanStatus = "draft" | "consultation" | "approved" | "archived";

/** A level of the hierarchy (e.g. portfolio, priority, output). */
export interface Level {
  /** The level's id, e.g. `priority`. */
  id: string;
  /** The level's name as printed, e.g. `Priority`. */
  name?: string | null;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/** A cross-cutting theme that items are tagged with. */
export interface Theme {
  /** The theme's id. */
  id: string;
  /** The theme's title. */
  title: string;
  /** What the theme covers. */
  description?: string | null;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/** A body that adopts items and reports progress on them (e.g. a London borough). */
export interface Member {
  /** The member's id; `all` is reserved. */
  id: string;
  /** The member's name. */
  name: string;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/** How progress rolls up. Every field is optional; absent fields take the defaults of docs/rollup.md#settings. */
export interface Settings {
  /** How children are weighted in a parent's mean; `weight` when absent. */
  weighting?: Weighting | null;
  /** How a child without data counts; `zero` when absent. */
  missing?: Missing | null;
  /** How a parent's status is found; `derived` when absent. */
  status?: StatusPolicy | null;
  /** Variance bands for `at_risk` and `off_track`. */
  bands?: Bands | null;
  /** Days after which the latest update is stale; 92 when absent. */
  stale_after_days?: number | null;
  /** Days back to compare progress with for the trend; 91 when absent. */
  trend_days?: number | null;
  /**
   * A row whose coverage (the share of its data that is in) is below this fraction is drawn as
   * low confidence rather than as a judgement; 0.5 when absent.
   */
  coverage_threshold?: number | null;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/**
 * How children are weighted in a parent's progress.
 *
 * - `weight`: Each child's `weight` (default 1).
 * - `equal`: 1 each.
 * - `leaves`: The number of included leaves under each child.
 */
export type Weighting = "weight" | "equal" | "leaves";

/**
 * How a child without data counts in its parent's progress.
 *
 * - `zero`: As 0 progress.
 * - `exclude`: Left out.
 */
export type Missing = "zero" | "exclude";

/**
 * How a parent's status is found.
 *
 * - `derived`: From its own progress and expected progress.
 * - `worst`: The worst status of its included children.
 */
export type StatusPolicy = "derived" | "worst";

/**
 * Variance bands, as fractions: how far behind expected an item may be before it is at risk or
 * off track.
 */
export interface Bands {
  /** Behind by more than this: at risk; 0.10 when absent. */
  at_risk?: number | null;
  /** Behind by more than this: off track; 0.25 when absent. */
  off_track?: number | null;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/** One node of the plan's tree. Its level is its depth. */
export interface Item {
  /** The item's id, a slug unique in the plan and stable across versions. */
  id: string;
  /** The numbering as printed: `1`, `a`, `iii`. */
  label?: string | null;
  /** The item's title (for an output, its whole text). */
  title: string;
  /** What success looks like. */
  outcome?: string | null;
  /** Who is responsible. */
  owner?: string | null;
  /** Ids of the plan's themes this item is tagged with. */
  themes?: string[];
  /** First day of work; the parent's, else the plan period's, when absent. */
  start?: DateString | null;
  /** Due date; the parent's, else the plan period's, when absent. */
  due?: DateString | null;
  /** Weight among siblings, `>= 0`; 1 when absent. */
  weight?: number | null;
  /** `active` (when absent), `deferred` or `cancelled`. */
  state?: ItemState | null;
  /** A numeric target. */
  measure?: Measure | null;
  /**
   * The members that deliver this item (a pledge); inherited by descendants that do not set
   * their own.
   */
  members?: Members | null;
  /** With `members`: whether only members who adopted the item count; inherited like `members`. */
  adoption?: Adoption | null;
  /** Links to items this one delivers, supports or relates to. */
  links?: Link[];
  /** The items below this one. */
  children?: Item[];
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/**
 * Whether an item is being worked on.
 *
 * - `active`: In the plan and counted.
 * - `deferred`: Put off: left out of every denominator.
 * - `cancelled`: Dropped: left out of every denominator.
 */
export type ItemState = "active" | "deferred" | "cancelled";

/** A numeric target for an item, e.g. 1,000 charging points. */
export interface Measure {
  /** What is counted, e.g. `charging points`. */
  unit: string;
  /** The starting value; 0 when absent. */
  baseline?: number | null;
  /** The target value; below the baseline means lower is better. */
  target: number;
  /** How members' values combine; `sum` when absent. */
  aggregate?: Aggregate | null;
  /** A target for each member (e.g. 20 charge points in each borough). */
  member_target?: number | null;
  /** Time-phased targets, dates ascending. */
  milestones?: Milestone[];
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/**
 * How members' values of a measure combine.
 *
 * - `sum`: Add them up.
 * - `mean`: Their mean.
 * - `min`: The smallest.
 * - `max`: The largest.
 */
export type Aggregate = "sum" | "mean" | "min" | "max";

/** A time-phased target: the value the measure should reach by `date`. */
export interface Milestone {
  /** When. */
  date: DateString;
  /** The value due by then. */
  target: number;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/** `all`, or a list of member ids. */
export type Members = "all" | string[];

/**
 * Whether members must adopt an item before they count for it.
 *
 * - `assumed`: Every member in scope counts.
 * - `required`: Only members whose latest adoption event says adopted count.
 */
export type Adoption = "assumed" | "required";

/** A reference from an item to another item, in this plan or another. */
export interface Link {
  /** `item-id` in the same plan, or `plan-id:item-id`. */
  to: string;
  /** How the items relate; `relates` when absent. */
  rel?: LinkRel | null;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/**
 * How one item relates to another.
 *
 * - `delivers`: Doing this item delivers the target.
 * - `supports`: This item contributes to the target.
 * - `relates`: The items are related.
 */
export type LinkRel = "delivers" | "supports" | "relates";

/** A progress return for an item (and a member), or an adoption event when `adopted` is set. */
export interface Update {
  /** The id of the item reported on. */
  item: string;
  /** The date the return is for. */
  date: DateString;
  /** The member reporting, for items delivered by members. */
  member?: string | null;
  /** The reported status. */
  status?: UpdateStatus | null;
  /** The reported percent complete, 0 to 100. */
  percent?: number | null;
  /** The measure's actual value to date (a level, not an increment). */
  value?: number | null;
  /** A comment. */
  note?: string | null;
  /** When the return was entered; the start of `date` when absent. */
  recorded?: TimestampString | null;
  /** An adoption event: `true` when the member adopts the item, `false` when it withdraws. */
  adopted?: boolean | null;
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/**
 * The status a return reports.
 *
 * - `not_started`: Work has not begun.
 * - `on_track`: On course.
 * - `at_risk`: Behind, recoverable.
 * - `off_track`: Badly behind.
 * - `done`: Complete.
 */
export type UpdateStatus = "not_started" | "on_track" | "at_risk" | "off_track" | "done";

/** When a return was entered: RFC 3339 date-time (e.g. 2020-07-03T10:00:00Z); without an offset, UTC; a bare date is midnight UTC. */
export type TimestampString = string;

/** Something a body did with the plan on a date. */
export interface PlanEvent {
  /** When. */
  date: DateString;
  /** Who, e.g. `Leaders' Committee`. */
  body: string;
  /** What. */
  action: EventAction;
  /** A note, e.g. the decision in words. */
  note?: string | null;
  /** For `reviewed`: the ids of the items (the cluster) reviewed. */
  items?: string[];
  /** Extension data: any key starting with `x-`. */
  [extension: `x-${string}`]: unknown;
}

/**
 * What a body did with a plan.
 *
 * - `drafted`: A draft was written.
 * - `discussed`: The plan was discussed.
 * - `commented`: Comments were made.
 * - `amended`: The plan was changed.
 * - `approved`: The plan was approved.
 * - `published`: The plan was published.
 * - `archived`: The plan was archived.
 * - `reviewed`: Progress on a cluster of items was reviewed.
 */
export type EventAction =
  | "drafted"
  | "discussed"
  | "commented"
  | "amended"
  | "approved"
  | "published"
  | "archived"
  | "reviewed";

/** How a returns table (CSV, a workbook's sheets, a data frame) maps onto returns. */
export interface Mapping {
  /**
   * Header -> column of the format (`item`, `date`, `member`, `status`, `percent`, `value`,
   * `note`, `recorded`, `adopted`, or an `x-` name). Headers are compared without regard to
   * case, spaces, `_` and `-`.
   */
  columns?: Record<string, string>;
  /** Headers whose columns are read past (kept nowhere), such as an officer's own notes. */
  ignore?: string[];
  /**
   * The status vocabulary: the preset `rag`, or a table from words to statuses (words compared
   * without regard to case and spaces). The format's own words are always understood.
   */
  status?: StatusWords | null;
  /** The scale percents are written in. */
  percent_scale?: PercentScale;
  /** The sheets of a workbook to read, by name; every sheet when empty. */
  sheets?: string[];
}

/**
 * A status vocabulary: a named preset or a table of words. Read from a preset's name (`rag`) or
 * a table (`{Slipping: at_risk}`).
 */
export type StatusWords = StatusPreset | Record<string, UpdateStatus>;

/**
 * A built-in status vocabulary.
 *
 * - `rag`: Red, amber, green: `green` on track, `amber` at risk, `red` off track, `blue`, `complete` and `completed` done, `grey`/`gray` and `not started` not started.
 */
export type StatusPreset = "rag";

/**
 * How percents are written.
 *
 * - `auto`: 0 to 100; returns that look like fractions give the warning `percent_looks_fractional`.
 * - `percent`: 0 to 100, as declared: no warning.
 * - `fraction`: 0 to 1 (`0.55` for 55%, as a cell formatted as a percentage holds it): multiplied by 100 when read, digit for digit (`0.55` becomes exactly `55`).
 */
export type PercentScale = "auto" | "percent" | "fraction";

/** The result of a rollup (docs/rollup.md#the-result). */
export interface Rollup {
  /** The plan's id. */
  plan: string;
  /** The date the numbers are for. */
  as_of: DateString;
  /** One row per item, in document order. */
  rows: RollupRow[];
  /** Every member x every member item. */
  adoption: AdoptionCell[];
  /** Every item left out of a denominator, and why. */
  excluded: ExcludedItem[];
}

/** One item's numbers (docs/rollup.md#rows). Progress, expected, coverage are fractions 0..1. */
export interface RollupRow {
  /** The item's id. */
  id: string;
  /** The parent's id (`null` at the top level). */
  parent: string | null;
  /** 0 at the top level. */
  depth: number;
  /** The id of the level at that depth. */
  level: string | null;
  /** The printed label. */
  label: string | null;
  /** The title. */
  title: string;
  /** Whether the item has no children. */
  is_leaf: boolean;
  /**
   * The full number: the labels from the top down joined by dots (`7.2.a`), as in the
   * outline; `null` when the item or an item above it has no label.
   */
  number: string | null;
  /** The id of the item's top-level ancestor (its own id at depth 0). */
  top: string;
  /** The item's own state. */
  state: ItemState;
  /** Whether it counts in its parent's numbers (not deferred or cancelled, nor under such an item). */
  included: boolean;
  /** Progress, 0..1; `null` when there is no data. */
  progress: number | null;
  /** Expected progress at `as_of`, 0..1. */
  expected: number | null;
  /** progress - expected. */
  variance: number | null;
  /**
   * The status shown: a leaf's reported status if it has one, else derived (for parents, per
   * the `status` setting).
   */
  status: RollupStatus;
  /** The latest reported status (leaves without members only). */
  reported_status: RollupStatus | null;
  /** The status derived from progress and expected progress. */
  derived_status: RollupStatus;
  /** Where `status` comes from. */
  status_source: StatusSource;
  /** Progress now against `trend_days` ago. */
  trend: Trend | null;
  /** The date of the latest update counted. */
  last_update: DateString | null;
  /** Whether the latest update is older than `stale_after_days`. */
  stale: boolean | null;
  /** The share of data behind the number (see docs/rollup.md, "Time and trust"). */
  coverage: number | null;
  /**
   * Whether `coverage` is below the `coverage_threshold` setting: too little data is in for the
   * number to be read as a judgement (a display draws it as low confidence, not as failure).
   */
  low_coverage: boolean;
  /** Included leaves below and including the item. */
  leaves: number;
  /** Those of `leaves` that have data (progress): "5 of 7 items" is `leaves_with_data` of `leaves`. */
  leaves_with_data: number;
  /** Statuses of the included leaves below and including the item. */
  status_counts: StatusCounts;
  /** A measured leaf's value to date (for a member item, the members' values combined). */
  value: number | null;
  /** The measure's target. */
  target: number | null;
  /** The measure's unit. */
  unit: string | null;
  /** Member items: the members in scope (all, or those listed). */
  members_in_scope: number | null;
  /** Member items: those of them that count (adopted, when adoption is required). */
  members_adopted: number | null;
  /** Member items: those that count and have data. */
  members_reported: number | null;
}

/**
 * A status in the result: the five reported statuses, and `unknown` when there is no data.
 *
 * - `not_started`: Work has not begun.
 * - `on_track`: On course.
 * - `at_risk`: Behind, recoverable.
 * - `off_track`: Badly behind.
 * - `done`: Complete.
 * - `unknown`: No data.
 */
export type RollupStatus = "not_started" | "on_track" | "at_risk" | "off_track" | "done" | "unknown";

/**
 * Where a row's status comes from.
 *
 * - `reported`: The latest reported status of a leaf.
 * - `derived`: Computed from progress and expected progress (or the parent policy).
 */
export type StatusSource = "reported" | "derived";

/**
 * Progress now against progress `trend_days` ago.
 *
 * - `improving`: Up by more than half a point.
 * - `steady`: Within half a point.
 * - `worsening`: Down by more than half a point.
 */
export type Trend = "improving" | "steady" | "worsening";

/** How many included leaves (below and including an item) have each status. */
export interface StatusCounts {
  /** Not started. */
  not_started: number;
  /** On track. */
  on_track: number;
  /** At risk. */
  at_risk: number;
  /** Off track. */
  off_track: number;
  /** Done. */
  done: number;
  /** No data. */
  unknown: number;
}

/** One member x member item cell. */
export interface AdoptionCell {
  /** The item's id. */
  item: string;
  /** The member's id. */
  member: string;
  /** The cell's state. */
  state: CellState;
  /** The member's progress on the item, 0..1. */
  progress: number | null;
  /** The item's expected progress at `as_of` (the `expected` of its row). */
  expected: number | null;
  /** progress - expected. */
  variance: number | null;
  /**
   * Whether the member's figure is a share of a summed total: the item has a measure that
   * sums the members' values (`aggregate: sum`, the default) and no `member_target`, so the
   * member's progress is its value scored against the whole item's target.
   */
  share_of_sum: boolean;
  /** The member's latest value. */
  value: number | null;
  /** The date of the member's latest update. */
  date: DateString | null;
  /** The member's latest reported status. */
  status: RollupStatus | null;
}

/**
 * The state of one cell of the adoption matrix.
 *
 * - `out_of_scope`: The item is not delivered by this member (it lists other members).
 * - `not_adopted`: Adoption is required and the member has not adopted the item.
 * - `no_report`: The member counts but has no data.
 * - `reported`: The member counts and has data.
 */
export type CellState = "out_of_scope" | "not_adopted" | "no_report" | "reported";

/** An entry of the denominator audit. */
export interface ExcludedItem {
  /** The item left out. */
  item: string;
  /** Why. */
  reason: ExclusionReason;
  /** The item whose state leaves it out: itself or an ancestor (`null` for `no_data`). */
  because_of: string | null;
}

/**
 * Why an item is left out of a denominator.
 *
 * - `cancelled`: The item (or the item named in `because_of`) is cancelled.
 * - `deferred`: The item (or the item named in `because_of`) is deferred.
 * - `no_data`: It has no data and `missing` is `exclude`.
 */
export type ExclusionReason = "cancelled" | "deferred" | "no_data";

/**
 * The rollup of a plan at several dates (ascending, each once). As JSON, with its burn-up
 * numbers: `{"plan": id, "rollups": [...], "burn_up": [...]}` (read back, `burn_up` is found
 * again from the rollups).
 */
export interface RollupSeries {
  /** The plan's id. */
  plan: string;
  /** One rollup per date, in date order. */
  rollups: Rollup[];
  /** The burn-up numbers at each date (found from the rollups; ignored when read back). */
  burn_up: BurnUp[];
}

/**
 * The numbers of a burn-up chart at one date, over the included leaves of the whole plan
 * (each leaf counts as one unit of work, whatever its weight).
 */
export interface BurnUp {
  /** The date. */
  as_of: DateString;
  /** The scope: how many included leaves. */
  scope: number;
  /** The work done: the sum of their progress (a leaf without data counts 0). */
  earned: number;
  /** The work expected by then: the sum of their expected progress. */
  expected: number;
  /** Not started. */
  not_started: number;
  /** On track. */
  on_track: number;
  /** At risk. */
  at_risk: number;
  /** Off track. */
  off_track: number;
  /** Done. */
  done: number;
  /** No data. */
  unknown: number;
}

/** How one item's numbers were found. */
export interface Explanation {
  /** The item's id. */
  item: string;
  /** The date of the numbers. */
  as_of: DateString;
  /** `leaf`, `member_item` or `parent`. */
  kind: ItemKind;
  /** Whether the item counts in its parent. */
  included: boolean;
  /** Its progress. */
  progress: number | null;
  /** Its expected progress. */
  expected: number | null;
  /** progress - expected. */
  variance: number | null;
  /** The status shown. */
  status: RollupStatus;
  /**
   * Which rule gave the progress: `done`, `measure`, `percent`, `not_started`, `no_data`,
   * `members_mean`, `members_measure`, `weighted_mean`, `excluded`.
   */
  rule: ProgressRule;
  /** The arithmetic, in words and numbers. */
  formula: string;
  /** The returns used (leaves and member items). */
  updates: UsedUpdate[];
  /** The children and their weights (parents). */
  children: ChildTerm[];
  /** How expected progress was found. */
  expected_basis: string;
  /** How the status was found. */
  status_basis: string;
  /** The settings in force. */
  settings: EffectiveSettings;
  /**
   * The plain-language lead: what the number is, how much data stands behind it and what it
   * is compared with (dates in words).
   */
  summary: string;
  /** For a member item: how many members count and reported, the spread, who is furthest behind. */
  members: MemberSummary | null;
  /** The summary, then the arithmetic as one paragraph (on the next line). */
  text: string;
}

/**
 * What kind of item a row is.
 *
 * - `parent`: An item with children: its numbers come from them.
 * - `leaf`: An item without children, reported on as a whole.
 * - `member_item`: An item without children delivered by members (a pledge): reported on member by member.
 */
export type ItemKind = "parent" | "leaf" | "member_item";

/**
 * Which rule gave an item's progress (docs/rollup.md).
 *
 * - `done`: A leaf whose latest status is done: 100%.
 * - `measure`: A leaf with a measure: its latest value against the baseline and target.
 * - `percent`: A leaf's latest percent reported.
 * - `not_started`: A leaf whose latest status is not started: 0%.
 * - `no_data`: No return gives progress.
 * - `members_mean`: A member item: the mean of the progress of the members that count.
 * - `members_measure`: A member item with a measure: the members' values combined, against the target.
 * - `weighted_mean`: A parent: the weighted mean of its children.
 * - `excluded`: The item (or an item above it) is deferred or cancelled and left out.
 */
export type ProgressRule =
  | "done"
  | "measure"
  | "percent"
  | "not_started"
  | "no_data"
  | "members_mean"
  | "members_measure"
  | "weighted_mean"
  | "excluded";

/** A return that a number was taken from. */
export interface UsedUpdate {
  /** The field taken: `status`, `percent` or `value`. */
  field: ReturnField;
  /** Its value, as text. */
  value: string;
  /** The return's date. */
  date: DateString;
  /** The member who reported, for member items. */
  member: string | null;
  /** When it was entered. */
  recorded: string;
  /** Its position in the input (0-based), which breaks ties. */
  position: number;
}

/**
 * The field of a return that a number was taken from.
 *
 * - `status`: The reported status.
 * - `percent`: The percent complete.
 * - `value`: The measured value.
 */
export type ReturnField = "status" | "percent" | "value";

/** One child's part in a parent's number. */
export interface ChildTerm {
  /** The child's id. */
  item: string;
  /** Its progress. */
  progress: number | null;
  /** Its expected progress. */
  expected: number | null;
  /** Its weight under the settings in force. */
  weight: number;
  /** Whether it counts in the parent's progress. */
  counted: boolean;
  /** Why not, when it does not. */
  reason: string | null;
}

/** Every rollup setting, resolved. */
export interface EffectiveSettings {
  /** How children are weighted. */
  weighting: Weighting;
  /** How a child without data counts. */
  missing: Missing;
  /** How a parent's status is found. */
  status: StatusPolicy;
  /** Behind expected by more than this (a fraction): at risk. */
  at_risk: number;
  /** Behind expected by more than this: off track. */
  off_track: number;
  /** Days after which the latest update is stale. */
  stale_after_days: number;
  /** Days back for the trend. */
  trend_days: number;
  /** A row whose coverage is below this fraction is low coverage (`Row::low_coverage`). */
  coverage_threshold: number;
}

/**
 * How the members of a member item stand: how many count, how many reported, the spread of
 * their progress and who is furthest behind.
 */
export interface MemberSummary {
  /** The members that count (in scope and, when adoption is required, adopted). */
  count: number;
  /** Those of them that reported progress. */
  reported: number;
  /** The lowest progress reported. */
  lowest: number | null;
  /** The highest progress reported. */
  highest: number | null;
  /** Up to three members furthest behind, lowest progress first (ties in plan order). */
  behind: MemberProgress[];
}

/** One member's progress, for the members furthest behind. */
export interface MemberProgress {
  /** The member's id. */
  member: string;
  /** The member's name. */
  name: string;
  /** The member's progress, 0..1. */
  progress: number;
}

/** What one `RollupEngine::apply_changes` changed, in document order. */
export interface Changes {
  /** The rows whose numbers changed. */
  rows: RollupRow[];
  /** The cells of the adoption matrix that changed (item by item, members in plan order). */
  cells: AdoptionCell[];
}

/** One item of the outline. */
export interface OutlineRow {
  /** The item's id. */
  id: string;
  /** The parent's id (`null` at the top level). */
  parent: string | null;
  /** 0 at the top level. */
  depth: number;
  /** The id of the level at that depth (`null` deeper than the declared levels). */
  level: string | null;
  /** The printed label. */
  label: string | null;
  /** The labels from the top down joined by dots (`7.2.a`), when every one of them has a label. */
  number: string | null;
  /** The item's place in the document as a JSON Pointer (`/items/6/children/1/children/0`). */
  pointer: string;
  /** The title. */
  title: string;
  /** What success looks like. */
  outcome: string | null;
  /** Who owns it. */
  owner: string | null;
  /** Its theme ids. */
  themes: string[];
  /** Its start: its own, else inherited. */
  start: DateString;
  /** Its due date: its own, else inherited. */
  due: DateString;
  /** Its weight (default 1). */
  weight: number;
  /** Its own state. */
  state: ItemState;
  /** Whether it counts (neither it nor an item above it is deferred or cancelled). */
  included: boolean;
  /** The item whose state leaves it out: itself or an ancestor. */
  excluded_by: string | null;
  /** Parent, leaf or member item. */
  kind: ItemKind;
  /** The members that deliver it, own or inherited (`all` written out as every member). */
  members: string[] | null;
  /** Its adoption rule, own or inherited. */
  adoption: Adoption | null;
  /** The measure's unit. */
  unit: string | null;
  /** The measure's baseline (default 0). */
  baseline: number | null;
  /** The measure's target. */
  target: number | null;
  /** How many children it has. */
  children: number;
  /** How many links it has to other items. */
  links: number;
}

/** Everything that differs between two versions of a plan. */
export interface PlanDiff {
  /** The old plan's id. */
  old: string;
  /** The new plan's id. */
  new: string;
  /** Fields of the plan itself that differ (items excluded). */
  plan: FieldChange[];
  /** Items only in the new version, in its document order. */
  added: ItemSummary[];
  /** Items only in the old version, in its document order. */
  removed: ItemSummary[];
  /** Items under a different parent. */
  moved: Moved[];
  /** Items with a different label. */
  relabelled: Relabelled[];
  /** Items whose other fields differ, in the new version's order. */
  changed: ItemChanges[];
  /** Removed and added items that look like one item renamed. */
  possible_renames: PossibleRename[];
}

/** One field that differs. */
export interface FieldChange {
  /** The field, e.g. `title`, `due`, `measure`. */
  field: string;
  /** Its old value (`null` when absent). */
  old: unknown;
  /** Its new value (`null` when absent). */
  new: unknown;
  /** Text that differs only in typography: dashes, quotes, spaces, a final full stop. */
  cosmetic: boolean;
}

/** An item added or removed. */
export interface ItemSummary {
  /** Its id. */
  id: string;
  /** Its label. */
  label: string | null;
  /** Its title. */
  title: string;
  /** Its parent's id (`null` at the top level). */
  parent: string | null;
}

/** An item whose parent changed. */
export interface Moved {
  /** Its id. */
  id: string;
  /** The old parent. */
  from: string | null;
  /** The new parent. */
  to: string | null;
}

/** An item whose printed label changed. */
export interface Relabelled {
  /** Its id. */
  id: string;
  /** The old label. */
  from: string | null;
  /** The new label. */
  to: string | null;
}

/** An item kept by id whose fields changed. */
export interface ItemChanges {
  /** Its id. */
  id: string;
  /** The fields that differ. */
  changes: FieldChange[];
}

/** A removed and an added item whose titles are nearly the same: perhaps one item renamed. */
export interface PossibleRename {
  /** The removed item's id. */
  removed: string;
  /** The added item's id. */
  added: string;
  /** Title similarity, 0..1. */
  similarity: number;
}

/** One finding: what is wrong, how serious, and exactly where. */
export interface Diagnostic {
  /** The stable code of the rule, e.g. `due_outside_period` (listed in `docs/diagnostics.md`). */
  code: DiagnosticCode;
  /** How serious it is: the code's `severity`. */
  severity: Severity;
  /** What is wrong, in words for a committee officer. */
  message: string;
  /** JSON Pointer to the offending value in its document. */
  path: Pointer;
  /** The id of the item concerned, where there is one. */
  item: string | null;
  /** Line of the offending value (from 1), when the document came from text. */
  line: number | null;
  /** Column of the offending value (from 1, in characters), when the document came from text. */
  column: number | null;
  /** How to fix it, where there is a suggestion. */
  hint: string | null;
  /** The document the path points into. */
  document: DiagnosticDocument;
  /**
   * For returns read from a workbook: the sheet (`line` and `column` are then the cell's row
   * and column).
   */
  sheet?: string;
}

/** The stable code of a finding (listed in docs/diagnostics.md). */
export type DiagnosticCode =
  | "bad_slug"
  | "duplicate_id"
  | "empty_title"
  | "deeper_than_levels"
  | "reserved_member_id"
  | "unknown_theme"
  | "unknown_member"
  | "unknown_update_item"
  | "unknown_link_target"
  | "unresolved_link"
  | "unknown_event_item"
  | "period_reversed"
  | "start_after_due"
  | "start_outside_period"
  | "due_outside_period"
  | "milestones_not_ascending"
  | "milestone_outside_dates"
  | "update_after_period"
  | "update_before_period"
  | "non_finite"
  | "percent_out_of_range"
  | "percent_looks_fractional"
  | "negative_weight"
  | "all_weights_zero"
  | "target_equals_baseline"
  | "member_target_without_members"
  | "update_for_inactive_item"
  | "update_for_parent"
  | "done_below_100"
  | "value_without_measure"
  | "member_on_plain_item"
  | "member_outside_scope"
  | "member_missing"
  | "sum_with_missing_values"
  | "label_out_of_sequence"
  | "label_repeated"
  | "not_linked"
  | "duplicate_plan_id"
  | "blank_rows_skipped"
  | "summary_row_skipped"
  | "cells_trimmed"
  | "events_out_of_order"
  | "review_without_items"
  | "status_mismatch";

/**
 * How serious a finding is: the three levels `docs/diagnostics.md` defines.
 *
 * - `error`: The plan is wrong: numbers computed from it cannot be trusted.
 * - `warning`: Probably a mistake; the numbers can still be computed.
 * - `info`: Worth knowing.
 */
export type Severity = "error" | "warning" | "info";

/** A JSON Pointer (RFC 6901) into a document, such as `/items/0/children/2/due`. */
export type Pointer = PathSegment[];

/** One step of a `Pointer`: an object key or a list index. */
export type PathSegment = number | string;

/**
 * Which document a finding is in: the plan, or a separate file of progress returns.
 *
 * - `plan`: The plan document (its embedded `updates` included).
 * - `updates`: The separate updates passed to `Plan::validate_with`.
 */
export type DiagnosticDocument = "plan" | "updates";

/** The findings for one plan of a workspace. As JSON, `{"plan": id, "diagnostics": [...]}`. */
export interface PlanReport {
  /** The plan's id. */
  plan: string;
  /** Every finding, in document order (the plan's, then the separate updates'). */
  diagnostics: Diagnostic[];
}

/** Which items of a plan the other plans of a workspace link to. */
export interface Coverage {
  /** The target plan's id. */
  plan: string;
  /** Every item of the target plan, in document order. */
  items: CoverageEntry[];
  /** The ids of the items nothing links to, nor to any item above or below them. */
  unlinked: string[];
}

/** One item of a target plan with the items that link to it. */
export interface CoverageEntry {
  /** The item's id. */
  item: string;
  /** Its depth (0 for the top level). */
  depth: number;
  /** The items of other plans that link to it. */
  linked_from: LinkSource[];
  /** Whether it, an item above it or an item below it is linked to. */
  covered: boolean;
}

/** An item of another plan that links to an item. */
export interface LinkSource {
  /** The linking plan's id. */
  plan: string;
  /** The linking item's id. */
  item: string;
  /** How it relates. */
  rel: LinkRel;
}

/** The rotation of clusters over meetings and its checks. */
export interface Cadence {
  /** The level whose items are the clusters (0: the top level). */
  level: number;
  /** The window every cluster must be reviewed in, in months. */
  window_months: number;
  /** The clusters, in document order. */
  clusters: string[];
  /** Each meeting with the cluster it reviews, in rotation. */
  schedule: Slot[];
  /** Stretches where the rotation leaves a cluster unreviewed for longer than the window. */
  gaps: Gap[];
  /** Clusters overdue at `as_of` by the recorded `reviewed` events. */
  overdue: Overdue[];
  /** The date overdue reviews are judged at. */
  as_of: DateString | null;
}

/** A meeting and the cluster it reviews. */
export interface Slot {
  /** The meeting. */
  date: DateString;
  /** The id of the cluster reviewed. */
  cluster: string;
}

/** A stretch longer than the window in which a cluster is not reviewed. */
export interface Gap {
  /** The cluster. */
  cluster: string;
  /** The last review before the gap (or the first meeting). */
  from: DateString;
  /** The next review (or the last meeting). */
  to: DateString;
}

/** A cluster whose last recorded review is older than the window. */
export interface Overdue {
  /** The cluster. */
  cluster: string;
  /** Its last `reviewed` event, if any. */
  last_reviewed: DateString | null;
  /** When the next review fell due. */
  due: DateString;
}

/** Where a plan is in its approval path. */
export interface ApprovalState {
  /** The status the plan declares. */
  status: PlanStatus;
  /**
   * The status its events give: approved after an approval (amendments after it keep it
   * approved), archived after archiving, in consultation after comments, else draft.
   */
  stage: PlanStatus;
  /** The last approval, if any. */
  approved: ApprovalStep | null;
  /** The latest event. */
  last: ApprovalStep | null;
  /** Every event, in date order (the order given for the same date). */
  path: ApprovalStep[];
  /** Whether the declared status matches the events and the events are listed in date order. */
  consistent: boolean;
}

/** One step of the approval path. */
export interface ApprovalStep {
  /** When. */
  date: DateString;
  /** Who. */
  body: string;
  /** What. */
  action: EventAction;
}

/** Counts that describe a plan's shape. */
export interface PlanSummary {
  /** The plan's id. */
  plan: string;
  /** The plan's title. */
  title: string;
  /** Items at each declared level, top-down: `(level id, level name, count)`. */
  levels: LevelCount[];
  /** All items. */
  items: number;
  /** Items without children. */
  leaves: number;
  /** Items with a measure. */
  measures: number;
  /** Members of the plan. */
  members: number;
  /** Themes of the plan. */
  themes: number;
  /** Links from items. */
  links: number;
  /** Governance events. */
  events: number;
  /** Items deeper than the declared levels (a validation error later). */
  beyond_levels: number;
}

/** How many items a level has. */
export interface LevelCount {
  /** The level's id. */
  id: string;
  /** The level's name, or its id when it has none. */
  name: string;
  /** Items at that depth. */
  items: number;
}

/** What the import did: items per level, labels inferred, measures proposed, lines not used. */
export interface ImportSummary {
  /** The shape the paper was read as. */
  shape: PaperShape;
  /** The levels, top down, with their items. */
  levels: LevelSummary[];
  /** Items whose label was inferred (`x-label-inferred: true`). */
  labels_inferred: number;
  /** Measures proposed from numeric targets in the prose. */
  measures_proposed: number;
  /** Lines in the text. */
  lines_total: number;
  /** Lines the draft was read from (items' text, labels, and structure such as "Outputs"). */
  lines_used: number;
  /** Lines not used, in order, with why (blank lines included). */
  unused: UnusedLine[];
}

/**
 * Which of the shapes docs/import.md describes the paper was read as.
 *
 * - `numbered`: Numbered headings, numbered priorities, lettered outputs (`1.`, `1`, `a.`).
 * - `headed`: Headings with bullet lists, indented bullets below them.
 */
export type PaperShape = "numbered" | "headed";

/** One level of the draft: its name, its items, and where the name came from. */
export interface LevelSummary {
  /** The level's name ("Output"). */
  name: string;
  /** Items at this level. */
  items: number;
  /** Where the name came from ("named from the word \"Outputs\" heading the lists", "given by the caller"). */
  named_from: string;
}

/** A line of the text that the draft does not use, and why. */
export interface UnusedLine {
  /** 1-based line number. */
  line: number;
  /** Why it is not used. */
  why: Unused;
  /** The line's text, trimmed. */
  text: string;
}

/**
 * Why a line of the text is not used in the draft (as data: `blank`, `front_matter`,
 * `page_furniture`, `stray_marker`, `unplaced`, `prose`).
 *
 * - `blank`: An empty line (or spaces only).
 * - `front_matter`: Before the outline: the covering report, its summary and recommendations.
 * - `page_furniture`: A page number or a running header or footer repeated on many pages.
 * - `stray_marker`: A bullet or label character with no text after it and no paragraph to give it to.
 * - `unplaced`: Text between a portfolio heading and its first priority that the outline has no place for.
 * - `prose`: Prose of a paper read as headed lists: a paragraph that introduces no list, or a heading with no list under it (an introduction, a context section).
 */
export type Unused = "blank" | "front_matter" | "page_furniture" | "stray_marker" | "unplaced" | "prose";
