// Type-checked by `tsc --noEmit` in the test run: the package's declarations are complete enough
// to write real code against.
import { Plan, RollupEngine, Updates, schema, version } from "../pkg/node/workplan_wasm.js";
import type { BurnUp, Diagnostic, Explanation, PlanDocument, Item, OutlineRow, ParseError, PlanSummary, Rollup, RollupRow, RollupSeries, Update } from "../pkg/node/workplan_wasm.js";

const document: PlanDocument = {
  workplan: 1,
  id: "demo",
  title: "Demo",
  period: { start: "2020-04-01", end: "2021-03-31" },
  items: [{ id: "a", title: "A", measure: { unit: "homes", target: 10 }, members: "all", "x-colour": "red" }],
  "x-source": "typed",
};
const plan: Plan = Plan.fromObject(document);
const back: PlanDocument = plan.toObject();
const first: Item | undefined = back.items?.[0];
const summary: PlanSummary = plan.summary();
const findings: Diagnostic[] = plan.validate();
const firstLine: number | null = findings[0]?.line ?? null;
const rolled: Rollup = plan.rollup({ asOf: "2020-12-31", updates: "item,date,percent\na,2020-06-30,40\n" });
const row: RollupRow | undefined = rolled.rows[0];
const series: RollupSeries = plan.rollupSeries({ dates: ["2020-06-30", "2020-12-31"], settings: { weighting: "equal" } });
const burnUp: BurnUp | undefined = series.burn_up[0];
const outline: OutlineRow[] = plan.outline();
const engine = new RollupEngine(plan, { asOf: "2020-12-31" });
const changed: RollupRow[] = engine.apply({ item: "a", date: "2020-09-30", percent: 50 });
const why: Explanation = engine.explain("a");
const page: string = plan.paper({ asOf: "2020-12-31" }, "html");
const rows: Update[] = Updates.fromCsv("item,date\na,2020-06-30\n").toObject();
try {
  Plan.fromJson("{");
} catch (e) {
  const error = e as ParseError;
  const where: [number | null, number | null] = [error.line, error.column];
  void where;
}
void [series, burnUp, outline, first, summary, rows, firstLine, row, changed, why, page, schema(), version()];
