// The errors the library throws for a misuse of the API (docs/api.md, "Errors"). Generated from
// workplan::ApiError::CODES by core/tests/api_errors.rs (WORKPLAN_BLESS=1 cargo test -p workplan
// --test api_errors): do not edit. A document that cannot be loaded throws a `ParseError` instead.

/** The stable code of an API error; codes are added, never renamed. */
export type ApiErrorCode =
  | "unknown_item"
  | "unknown_plan"
  | "unknown_member"
  | "member_on_plain_item"
  | "member_outside_scope"
  | "member_missing"
  | "invalid_option"
  | "invalid_rule"
  | "unknown_word"
  | "unknown_locale"
  | "conversion_error"
  | "validation_failed"
  | "internal_error";

/** The `name` of an API error: its kind, the name of the same error's class in Python. */
export type ApiErrorName =
  | "UnknownItemError"
  | "UnknownPlanError"
  | "UnknownMemberError"
  | "RefusedReturnError"
  | "InvalidOptionError"
  | "InvalidRuleError"
  | "UnknownWordError"
  | "UnknownLocaleError"
  | "ConversionError"
  | "ValidationError"
  | "WorkplanError";

/**
 * The `Error` thrown when a call cannot be answered as asked: an id that is not there, an option
 * with a value it cannot have, a return the live engine refuses, a word or locale it does not
 * know. The message is the library's, the same in every language; the properties below say what
 * the error is about, each only where its kind has it.
 */
export interface ApiError extends Error {
  name: ApiErrorName;
  code: ApiErrorCode;
  /** The item id as given (`unknown_item`), or the item a refused return is for. */
  item?: string;
  /** The plan id as given (`unknown_plan`). */
  plan?: string;
  /** The member a refused return names. */
  member?: string;
  /** For a refused return of a batch (`applyChanges([...])`), its 0-based index. */
  index?: number;
  /** The option or argument (`invalid_option`), e.g. `"onError"`. */
  option?: string;
  /** The value as given (`invalid_option`): text as it is, anything else as JSON. */
  value?: string;
  /** What the value must be (`invalid_option`), or the words that are (`unknown_word`). */
  expected?: string;
  /** The meeting rule as given (`invalid_rule`). */
  rule?: string;
  /** The word as given (`unknown_word`). */
  word?: string;
  /** The locale tag as given (`unknown_locale`). */
  tag?: string;
}
