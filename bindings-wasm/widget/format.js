// @ts-check
// The words and formats of `<workplan-progress>`: every user-visible string in one table
// (`STRINGS`, overridden by `element.strings`), and the numbers and dates written with `Intl` in
// the element's locale. Nothing here computes a number: the engine does (see workplan-progress.js),
// and the library decides the digits of a percentage (`formatPercent`).
import { formatPercent } from "../pkg/web/workplan_wasm.js";

/**
 * Every user-visible string of the widget, in British English. `{name}` is a placeholder. A key
 * ending in `_one`, `_two`, `_few`, `_many` or `_other` is a plural form (`Intl.PluralRules` of the
 * locale picks one; `_other` is the fallback). Override any of them with `element.strings = {...}`.
 */
export const STRINGS = Object.freeze({
  // Loading and errors.
  loading: "Loading the plan…",
  error_read: "The plan could not be read",
  error_show: "The plan could not be shown",
  error_apply: "The return could not be applied",
  error_where: "line {line}",
  error_where_column: "line {line}, column {column}",
  error_hint: "Hint: {hint}",
  error_code_at: "{code} at {path}",
  // The header.
  period: "{start} to {end}",
  progress_at: "progress at",
  levels: "Levels: {levels}",
  key: "Key",
  key_expected: "| expected progress",
  key_reported: "reported by the officer",
  key_derived: "derived from the schedule",
  key_low: "low coverage: less than {threshold} of the data is in",
  // Statuses, trends, item states.
  status_done: "done",
  status_on_track: "on track",
  status_at_risk: "at risk",
  status_off_track: "off track",
  status_not_started: "not started",
  status_unknown: "no data",
  status_excluded: "left out (deferred, cancelled)",
  state_deferred: "deferred",
  state_cancelled: "cancelled",
  state_active: "active",
  trend_improving: "improving",
  trend_steady: "steady",
  trend_worsening: "worsening",
  source_reported: "reported",
  source_derived: "derived",
  // The toolbar.
  search: "Search",
  search_placeholder: "label, title or id",
  theme: "Theme",
  all_themes: "All themes",
  status: "Status",
  any_status: "Any status",
  missing: "Missing returns",
  missing_zero: "count as 0%",
  missing_exclude: "leave out",
  expand_all: "Expand all",
  collapse_all: "Collapse all",
  download: "Download CSV",
  items_match_one: "{n} of {total} item matches",
  items_match_other: "{n} of {total} items match",
  items_one: "{total} item",
  items_other: "{total} items",
  // Validation findings.
  validation: "Validation: {words}",
  validation_label: "Validation findings",
  errors_one: "{n} error",
  errors_other: "{n} errors",
  warnings_one: "{n} warning",
  warnings_other: "{n} warnings",
  notes_one: "{n} note",
  notes_other: "{n} notes",
  // A row.
  tree_label: "Progress of {title}",
  item: "item",
  no_data: "no data",
  expected_percent: "expected {percent}",
  left_out: "{state}, left out of the figures",
  members_coverage_one: "{n} of {total} member",
  members_coverage_other: "{n} of {total} members",
  items_coverage_one: "{n} of {total} item",
  items_coverage_other: "{n} of {total} items",
  low_coverage: "low coverage",
  stale: "stale",
  count_status: "{n} {status}",
  // The explanation panel.
  explanation_label: "How the numbers of {item} were found",
  summary_leaf: "{item}: {progress} done against {expected} expected by {date}, so {status}.",
  summary_leaf_none: "{item} has no return by {date}, so no progress can be shown.",
  summary_parent: "{item}: {progress} done against {expected} expected by {date}, so {status}; {coverage}.",
  summary_members: "{reported} of {count} members reported; their progress runs from {lowest} to {highest}.",
  summary_members_none: "None of the {count} members has reported yet.",
  summary_behind: "Furthest behind: {names}.",
  behind_entry: "{name} ({progress})",
  arithmetic: "The arithmetic",
  th_item: "item",
  th_progress: "progress",
  th_weight: "weight",
  th_counted: "counted",
  th_member: "member",
  th_value: "return",
  th_date: "date",
  counted_yes: "yes",
  counted_no: "no",
  counted_no_because: "no ({reason})",
  update_line: "{field} {value} on {date}",
  update_by: "{field} {value} on {date} by {member}",
  recorded: "(recorded {date})",
  show_returns_one: "Show the {n} return used",
  show_returns_other: "Show the {n} returns used",
  show_members_one: "Show the {n} member's returns",
  show_members_other: "Show the {n} members' returns",
  // The heat map.
  matrix_title: "Adoption and returns by member",
  matrix_label: "Adoption and returns: members by member item",
  matrix_key: "Point at or focus a cell or a column heading for details; the arrow keys move.",
  member: "member",
  cell_reported: "reported",
  cell_no_report: "no return",
  cell_not_adopted: "not adopted",
  cell_out_of_scope: "not in scope",
  key_cell_reported: "reported: the member's progress in per cent, darker is further",
  key_cell_no_report: "no return: adopted but nothing reported",
  key_cell_not_adopted: "not adopted",
  key_cell_out_of_scope: "not in scope",
  cell_progress: "progress {percent}",
  cell_value: "value {value}",
  cell_last_return: "last return {date}",
  // Print.
  print_columns: "columns {from} to {to} of {total}",
});

/** @typedef {Record<string, string>} Strings */

/** How many percentages (and numbers) a `Format` keeps written, at most. */
const CACHED = 65536;

/**
 * Puts values into a template: `{name}` becomes `values.name`; an unknown name stays as written.
 * @param {string} template
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
export function fill(template, values = {}) {
  let parts = SPLIT.get(template);
  if (!parts) {
    if (SPLIT.size >= CACHED) SPLIT.clear();
    parts = template.split(/\{(\w+)\}/);
    SPLIT.set(template, parts);
  }
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) text += (parts[i] in values ? String(values[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
  return text;
}

/** Templates split at their placeholders (text, name, text, ...), once. @type {Map<string, string[]>} */
const SPLIT = new Map();

/**
 * A fraction as the library writes it (`workplan::display::percent`, the wasm's `formatPercent`):
 * `62.5%`, `100%`, `-` for none; the same text as the CLI, the papers and Python's
 * `workplan.format_percent`. Call it once the wasm is loaded (`await loadWasm()`). The widget
 * writes the same digits in its locale (`Format.percent`).
 */
export { formatPercent };

/**
 * The locale of an element: its `locale` attribute, else the closest `lang` (of the element, its
 * ancestors or the document), else `en-GB`. A tag `Intl` does not accept is replaced by `en-GB`.
 * @param {Element} element
 * @returns {string}
 */
export function localeOf(element) {
  const wanted = element.getAttribute("locale") || element.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "en-GB";
  try {
    return Intl.getCanonicalLocales(wanted)[0] ?? "en-GB";
  } catch {
    return "en-GB";
  }
}

/**
 * Numbers, percentages, dates and words in one locale, with one strings table.
 */
export class Format {
  /**
   * @param {string} locale
   * @param {Partial<Strings>} [overrides]
   */
  constructor(locale, overrides = {}) {
    /** The BCP 47 tag everything is written in. */
    this.locale = locale;
    /** @type {Strings} */
    this.strings = { ...STRINGS, ...overrides };
    // A percentage's digits are the library's (`formatPercent`: whole, or one decimal); these
    // write them in the locale (`45,7 %` in French).
    this.wholePercentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    this.tenthsPercentFormat = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    this.plurals = new Intl.PluralRules(locale);
    /** Dates already written (a plan has few distinct ones). @type {Map<string, string>} */
    this.dates = new Map();
    /** Percentages and numbers already written (rows and cells share many). @type {Map<string, string>} */
    this.written = new Map();
  }

  /**
   * A string of the table with its placeholders filled.
   * @param {string} key
   * @param {Record<string, string | number>} [values]
   */
  t(key, values) {
    const template = this.strings[key] ?? key;
    return values ? fill(template, values) : template;
  }

  /**
   * A plural string: `key_one`, `key_other`, ... as `Intl.PluralRules` picks for `n`.
   * @param {string} key
   * @param {number} n
   * @param {Record<string, string | number>} [values]
   */
  plural(key, n, values = {}) {
    const form = this.strings[`${key}_${this.plurals.select(n)}`] ?? this.strings[`${key}_other`] ?? key;
    return fill(form, { n: this.number(n), ...values });
  }

  /**
   * A fraction as a percentage with the library's digits (`formatPercent`: `45.7%`, `100%`) in the
   * locale (`45,7 %` in French); `–` for none.
   * @param {number | null | undefined} value
   */
  percent(value) {
    if (value === null || value === undefined) return "–";
    const key = `%${value}`;
    let text = this.written.get(key);
    if (text === undefined) {
      if (this.written.size >= CACHED) this.written.clear();
      const digits = formatPercent(value);
      text = this.written.get(digits);
      if (text === undefined) {
        // `62.5%` is 62.5 with one decimal; the rounded figure is exact to well under the half
        // tenth at which Intl would round it again.
        const format = digits.includes(".") ? this.tenthsPercentFormat : this.wholePercentFormat;
        text = format.format(Number.parseFloat(digits) / 100);
        this.written.set(digits, text);
      }
      this.written.set(key, text);
    }
    return text;
  }

  /**
   * A number for a value or a target (`1,000`, `2.5`), written once; `–` for none.
   * @param {number | null | undefined} value
   */
  number(value) {
    if (value === null || value === undefined) return "–";
    const key = String(value);
    let text = this.written.get(key);
    if (text === undefined) {
      if (this.written.size >= CACHED) this.written.clear();
      text = this.numberFormat.format(value);
      this.written.set(key, text);
    }
    return text;
  }

  /**
   * A date (`YYYY-MM-DD`, or a timestamp starting with one) in the medium style of the locale
   * (`31 Dec 2020`); text that is not a date is returned as it is.
   * @param {string | null | undefined} iso
   */
  date(iso) {
    if (!iso) return "";
    const known = this.dates.get(iso);
    if (known !== undefined) return known;
    const text = this.#date(iso);
    this.dates.set(iso, text);
    return text;
  }

  /** @param {string} iso */
  #date(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!match) return iso;
    const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return Number.isNaN(time) ? iso : this.dateFormat.format(time);
  }

  /**
   * A list in the locale (`a, b and c`).
   * @param {string[]} parts
   */
  list(parts) {
    return new Intl.ListFormat(this.locale, { type: "conjunction" }).format(parts);
  }
}
