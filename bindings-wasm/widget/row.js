// @ts-check
// One row of the tree: its box (bar, percentage, status chip, trend, date, coverage, counts) as
// escaped HTML, and its name for assistive technology; with the status shapes and trend arrows
// that the header's key and the toolbar show too.
import { escapeHtml } from "./dom.js";

/**
 * @typedef {import("./format.js").Format} Format
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 */

/** Shapes beside the colours, so that colour is never the only signal. */
export const STATUS_ICONS = /** @type {const} */ ({
  done: "✔",
  on_track: "●",
  at_risk: "▲",
  off_track: "✖",
  not_started: "○",
  unknown: "?",
});
/** The statuses in the order the key, the counts and the status filter list them. */
export const STATUS_ORDER = /** @type {const} */ (["off_track", "at_risk", "on_track", "done", "not_started", "unknown"]);
const TREND_ARROWS = /** @type {const} */ ({ improving: "↗", steady: "→", worsening: "↘" });

/**
 * Whether a row is drawn as low-confidence: the engine's `low_coverage` (docs/rollup.md).
 * @param {RollupRow} row
 */
export function isLowCoverage(row) {
  return row.low_coverage;
}

/**
 * How much of a row's data is in: `12 of 33 members` for a member item, `5 of 7 items` for a
 * parent or a plain leaf.
 * @param {RollupRow} row
 * @param {Format} f
 */
export function coverageWords(row, f) {
  if (row.members_adopted !== null && row.members_reported !== null) {
    return f.plural("members_coverage", row.members_adopted, { n: f.number(row.members_reported), total: f.number(row.members_adopted) });
  }
  return f.plural("items_coverage", row.leaves, { n: f.number(row.leaves_with_data), total: f.number(row.leaves) });
}

/**
 * What one row shows: its box (`div.row`) as HTML, its name (what it shows, then what only the
 * drawing tells) and whether it is drawn as low-confidence.
 * @param {RollupRow} row
 * @param {Format} f
 * @param {string[]} levelNames the names of the plan's levels, from the top
 */
export function rowView(row, f, levelNames) {
  const e = escapeHtml;
  const status = row.included ? row.status : "excluded";
  const level = levelNames[row.depth] ?? row.level ?? f.t("item");
  const low = row.included && isLowCoverage(row);
  const source = row.status_source === "reported" ? "reported" : "derived";
  const pct = row.progress === null ? f.t("no_data") : f.percent(row.progress);
  const words = row.included ? f.t(`status_${row.status}`) : f.t(`state_${row.state}`);
  const stale = row.stale === true ? f.t("stale") : "";
  const when = f.date(row.last_update);
  const coverage = coverageWords(row, f);
  const counts = [];
  const countWords = [];
  if (!row.is_leaf) {
    for (const s of STATUS_ORDER) {
      const n = row.status_counts[s];
      if (!n) continue;
      const [number, name] = [f.number(n), f.t(`status_${s}`)];
      counts.push(`<span class="count s-${s}" data-status="${s}"><i aria-hidden="true">${STATUS_ICONS[s]}</i> <b>${e(number)}</b> ${e(name)}</span>`);
      countWords.push(f.t("count_status", { n: number, status: name }));
    }
  }
  const chipTitle = row.included ? f.t(source === "reported" ? "key_reported" : "key_derived") : null;
  const trendTitle = row.trend ? f.t(`trend_${row.trend}`) : null;
  // Spaces between the parts: not drawn (flex and grid drop them), but they keep the words of
  // neighbouring parts apart in the text that assistive technology and label-in-name checks read.
  const box = [
    `<div class="row" part="row"><span class="twisty" aria-hidden="true"></span> <span class="name" title="${e(`${level} ${row.id}`)}"><span class="label">${e(row.label ?? "")}</span> <span class="title">${e(row.title)}</span></span> `,
    `<span class="figures" aria-hidden="true"><span class="bar" aria-hidden="true"><span class="fill s-${status}" style="width: ${row.progress === null ? 0 : row.progress * 100}%;"></span>`,
    `<span class="marker"${row.expected === null ? " hidden" : ` style="left: ${row.expected * 100}%;"`}></span></span> `,
    `<span class="pct${row.progress === null ? " none" : ""}"${row.progress === null ? "" : ` data-progress="${row.progress}"`}${row.expected === null ? "" : ` data-expected="${row.expected}"`}>${e(pct)}</span> `,
    `<span class="chip s-${status}${row.included && source === "derived" ? " derived" : ""}" data-status="${status}"${row.included ? ` data-source="${source}"` : ""}${chipTitle === null ? "" : ` title="${e(chipTitle)}"`}>`,
    `<span aria-hidden="true" class="icon">${row.included ? STATUS_ICONS[row.status] : "–"}</span> <span class="words">${e(words)}</span></span> `,
    `<span class="trend" aria-hidden="true"${trendTitle === null ? "" : ` title="${e(trendTitle)}"`}>${row.trend ? TREND_ARROWS[row.trend] : ""}</span> `,
    `<span class="when"${row.last_update === null ? "" : ` data-date="${e(row.last_update)}"`}>${e(when)}${stale ? ` <span class="stale">${e(stale)}</span>` : ""}</span></span> `,
    `<span class="counts" aria-hidden="true"><span class="coverage">${e(coverage)}</span> <span class="low"${low ? "" : " hidden"}>${e(f.t("low_coverage"))}</span> ${counts.join("")}</span></div>`,
  ].join("");
  // The name says first what the row shows, in the order it shows it (WCAG 2.5.3, label in
  // name), then what only the drawing tells: expected progress, status source, trend, level.
  const shown = [`${row.label ? `${row.label} ` : ""}${row.title}`, pct, words, row.last_update ? `${when}${stale ? ` ${stale}` : ""}` : "", coverage, low ? f.t("low_coverage") : "", ...countWords];
  const more = [row.included ? `${f.t("expected_percent", { percent: f.percent(row.expected) })}, ${chipTitle}` : f.t("left_out", { state: words }), trendTitle, level];
  return { box, low, shown: shown.filter(Boolean).join(", "), more: more.filter(Boolean).join("; ") };
}
