// Type-checked by `tsc --noEmit -p tsconfig.widget.json` in the test run: the widget's declarations
// are complete enough to write a page against.
import { WorkplanProgress, formatPercent, loadWasm } from "../widget/workplan-progress.js";
import type { Changes, Explanation, Filter, LoadDetail } from "../widget/workplan-progress.js";

const widget = document.createElement("workplan-progress");
const same: WorkplanProgress = widget;
widget.setAttribute("src", "plan.yaml");
widget.plan = { workplan: 1, id: "x", title: "X", period: { start: "2020-01-01", end: "2020-12-31" } };
widget.updates = "item,date,percent\nx,2020-06-30,40\n";
widget.asOf = "2020-12-31";
widget.settings = { weighting: "equal" };
widget.filter = { status: "off_track" };
const filter: Filter = widget.filter;
widget.addEventListener("workplan-load", (event) => {
  const detail: LoadDetail = event.detail;
  void detail.rollup.rows.length;
});
async function use(): Promise<void> {
  await loadWasm();
  await widget.ready;
  const changes: Changes = widget.applyUpdate({ item: "x", date: "2020-07-31", percent: 50 });
  const more: Changes = widget.appendUpdates("item,date,percent\nx,2020-08-31,60\n");
  const why: Explanation = widget.explain("x");
  widget.select("x");
  widget.expandAll();
  widget.collapseAll();
  const batch: Changes = widget.appendUpdates([{ item: "x", date: "2020-09-30", percent: 70 }]);
  widget.strings = { low_coverage: "prin o ddata" };
  const words: Record<string, string> = widget.strings;
  const locale: string = widget.locale;
  const table: string = widget.csv();
  widget.setAttribute("theme", "dark");
  widget.addEventListener("workplan-error", (event) => void event.detail.error);
  const lastError: unknown = widget.error;
  const lead: string = why.summary;
  const behind = why.members?.behind[0]?.name;
  void [batch, words, locale, table, lastError, lead, behind];
  void [changes, more, why, formatPercent(0.5), widget.state, widget.rollup?.as_of, widget.diagnostics.length];
}
void [same, filter, use];
