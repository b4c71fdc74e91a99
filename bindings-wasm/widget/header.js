// @ts-check
// What `<workplan-progress>` shows above its tree: the plan's heading with the key, the status
// line (loading, or what stopped a load) and the findings of validation.
import { h, present } from "./dom.js";
import { STATUS_ICONS, STATUS_ORDER } from "./row.js";

/**
 * @typedef {import("./format.js").Format} Format
 * @typedef {import("../pkg/web/workplan_wasm.js").Diagnostic} Diagnostic
 * @typedef {import("../pkg/web/workplan_wasm.js").PlanDocument} PlanDocument
 * @typedef {import("../pkg/web/workplan_wasm.js").Rollup} Rollup
 * @typedef {import("../pkg/web/workplan_wasm.js").Settings} Settings
 */

/** The engine's default `coverage_threshold`, for the key's words when no setting names one. */
const DEFAULT_COVERAGE_THRESHOLD = 0.5;

/**
 * The coverage below which a row is drawn as low-confidence (the setting `coverage_threshold`:
 * the element's settings, else the plan's).
 * @param {PlanDocument} data
 * @param {Settings | null} settings
 */
function coverageThreshold(data, settings) {
  const setting = /** @type {Record<string, unknown>} */ ({ ...(data.settings ?? {}), ...(settings ?? {}) }).coverage_threshold;
  return typeof setting === "number" ? setting : DEFAULT_COVERAGE_THRESHOLD;
}

/**
 * Writes the heading (`part=header`): title, organisation, period, the date of the numbers, the
 * plan's levels and the key.
 * @param {HTMLElement} head
 * @param {PlanDocument} data
 * @param {Rollup} rollup
 * @param {Format} f
 * @param {Settings | null} settings the element's settings (over the plan's)
 */
export function renderHead(head, data, rollup, f, settings) {
  const levels = (data.levels ?? []).map((l) => l.name ?? l.id);
  const period = f.t("period", { start: f.date(data.period.start), end: f.date(data.period.end) });
  const threshold = coverageThreshold(data, settings);
  head.replaceChildren(
    ...present([
      h("h2", { part: "title" }, [data.title]),
      h("p", { class: "meta" }, [
        data.organisation ? `${data.organisation} · ` : "",
        `${period} · ${f.t("progress_at")} `,
        h("strong", { class: "as-of", "data-date": rollup.as_of }, [f.date(rollup.as_of)]),
      ]),
      levels.length ? h("p", { class: "levels" }, [f.t("levels", { levels: levels.join(" › ") })]) : null,
      h(
        "ul",
        { class: "legend", "aria-label": f.t("key") },
        STATUS_ORDER.map((status) =>
          h("li", { class: `count s-${status}` }, [h("i", { "aria-hidden": "true" }, [STATUS_ICONS[status]]), ` ${f.t(`status_${status}`)}`]),
        ).concat([
          h("li", {}, [f.t("key_expected")]),
          h("li", { class: "key-source" }, [h("span", { class: "chip s-on_track" }, [f.t("source_reported")]), ` ${f.t("key_reported")}`]),
          h("li", { class: "key-source" }, [h("span", { class: "chip derived s-on_track" }, [f.t("source_derived")]), ` ${f.t("key_derived")}`]),
          h("li", { class: "key-low" }, [
            h("span", { class: "bar hatched", "aria-hidden": "true" }, [h("span", { class: "fill s-on_track", style: "width:60%" })]),
            ` ${f.t("key_low", { threshold: f.percent(threshold) })}`,
          ]),
        ]),
      ),
    ]),
  );
}

/**
 * Writes the findings of validation (`part=diagnostics`), errors first, or hides the box when
 * there are none.
 * @param {HTMLElement} box
 * @param {Diagnostic[]} diagnostics
 * @param {Format} f
 */
export function renderDiagnostics(box, diagnostics, f) {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const others = diagnostics.filter((d) => d.severity !== "error");
  if (!diagnostics.length) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const warnings = others.filter((d) => d.severity === "warning").length;
  const notes = others.length - warnings;
  const words = [errors.length ? f.plural("errors", errors.length) : "", warnings ? f.plural("warnings", warnings) : "", notes ? f.plural("notes", notes) : ""].filter(
    Boolean,
  );
  box.className = errors.length ? "diagnostics errors" : "diagnostics";
  box.setAttribute("role", errors.length ? "alert" : "region");
  box.setAttribute("aria-label", f.t("validation_label"));
  const list = h(
    "ul",
    {},
    [...errors, ...others].map((d) =>
      h("li", {}, [
        h("span", { class: "code" }, [`${d.severity}[${d.code}]${d.line ? ` line ${d.line}` : ""}${d.item ? ` ${d.item}` : ""}: `]),
        d.message,
        d.hint ? h("span", { class: "code" }, [` (${d.hint})`]) : null,
      ]),
    ),
  );
  box.replaceChildren(h("details", { open: errors.length > 0 }, [h("summary", {}, [f.t("validation", { words: words.join(", ") })]), list]));
  box.hidden = false;
}

/**
 * Shows a line in the status box (`part=status`), e.g. while loading.
 * @param {HTMLElement} status
 * @param {string} text
 */
export function showStatus(status, text) {
  status.className = "status";
  status.setAttribute("role", "status");
  status.replaceChildren(h("p", {}, [text]));
  status.hidden = false;
}

/**
 * Shows what stopped a load in the status box, as an alert: what failed, the message with its
 * line and column, the hint, the code with its path.
 * @param {HTMLElement} status
 * @param {unknown} error
 * @param {Format} f
 */
export function showError(status, error, f) {
  const e = /** @type {{name?: string, message?: string, code?: string, line?: number | null, column?: number | null, hint?: string | null, path?: (string | number)[]}} */ (
    error ?? {}
  );
  const where = e.line ? ` (${e.column ? f.t("error_where_column", { line: e.line, column: e.column }) : f.t("error_where", { line: e.line })})` : "";
  const path = e.path && e.path.length ? `/${e.path.join("/")}` : "";
  status.className = "status error";
  status.setAttribute("role", "alert");
  status.replaceChildren(
    ...present([
      h("p", {}, [h("strong", {}, [f.t(e.name === "ParseError" ? "error_read" : "error_show")])]),
      h("p", {}, [`${e.message ?? String(error)}${where}`]),
      e.hint ? h("p", {}, [f.t("error_hint", { hint: e.hint })]) : null,
      e.code ? h("p", { class: "code" }, [path ? f.t("error_code_at", { code: e.code, path }) : e.code]) : null,
    ]),
  );
  status.hidden = false;
}
