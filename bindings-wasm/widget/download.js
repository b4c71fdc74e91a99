// @ts-check
// The rows of `<workplan-progress>` as CSV (RFC 4180), and the Download CSV button's file.
import { h } from "./dom.js";
import { coverageWords, isLowCoverage } from "./row.js";

/**
 * @typedef {import("./rollup-view.js").RollupView} RollupView
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 */

/**
 * One CSV field, quoted when it must be (RFC 4180).
 * @param {string | number | null} value
 */
function csvField(value) {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV text: id, label, title, progress, expected, status (or the state of an item left
 * out), status source and coverage (with the low-coverage words).
 * @param {RollupView} view
 * @param {string[]} ids the rows, in order
 */
export function rowsCsv(view, ids) {
  const f = view.fmt;
  const lines = [["id", "label", "title", "progress", "expected", "status", "status_source", "coverage"].join(",")];
  for (const id of ids) {
    const row = /** @type {RollupRow} */ (view.rows.get(id));
    lines.push(
      [
        row.id,
        row.label,
        row.title,
        row.progress,
        row.expected,
        row.included ? row.status : row.state,
        row.included ? row.status_source : null,
        `${coverageWords(row, f)}${row.included && isLowCoverage(row) ? ` (${f.t("low_coverage")})` : ""}`,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Downloads CSV text as a file, through a link added to (and removed from) a root.
 * @param {ShadowRoot} root
 * @param {string} name the file's name
 * @param {string} csv
 */
export function downloadCsv(root, name, csv) {
  const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
