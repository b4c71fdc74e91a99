// Type-checked by `tsc --noEmit` in the test run: the package's declarations are complete enough
// to write real code against.
import { Plan, RollupEngine, Updates, schema, version } from "../pkg/node/workplan_wasm.js";
import type { BurnUp, Diagnostic, Explanation, Mapping, PlanDocument, Item, OutlineRow, ParseError, ParseProblem, PlanSummary, ReadOptions, Rollup, RollupRow, RollupSeries, SetAsideRow, Update } from "../pkg/node/workplan_wasm.js";

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
const placed: [boolean, string | null, string] | undefined = row && [row.is_leaf, row.number, row.top];
const share: [number | null, boolean] | undefined = rolled.adoption[0] && [rolled.adoption[0].variance, rolled.adoption[0].share_of_sum];
void [placed, share];
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
// Returns as officers write them: a mapping, every bad row at once, rows set aside.
const mapping: Mapping = {
  columns: { "Return date": "date", RAG: "status", "% complete": "percent" },
  ignore: ["Officer"],
  status: "rag",
  percent_scale: "fraction",
};
const words: Mapping = { status: { Purple: "off_track" }, percent_scale: "auto", sheets: ["Q2"] };
const options: ReadOptions = { mapping, onError: "collect" };
const kept: Updates = Updates.fromCsv("Item,Return date,RAG\na,2020-06-30,Green\n", options);
const fromBytes: Updates = Updates.fromBytes(new Uint8Array([105, 116, 101, 109, 44, 100, 97, 116, 101, 10]), "csv", { mapping: words });
const plainBytes: Updates = Updates.fromBytes(new Uint8Array([105, 116, 101, 109, 44, 100, 97, 116, 101, 10]));
const aside: SetAsideRow[] = kept.setAside;
const asideCells: Record<string, string> | undefined = aside[0]?.cells;
const asideWhere: [string | null, number | null, string[]] | undefined = aside[0] && [aside[0].cell, aside[0].line, aside[0].errors];
const sheetOfFinding: string | undefined = findings[0]?.sheet;
try {
  Updates.fromCsv("item,date\na,2020-13-01\n", { onError: "raise" });
} catch (e) {
  const error = e as ParseError;
  const all: ParseProblem[] = error.errors;
  const count: number = error.total;
  const cells: (string | null)[] = all.map((p) => p.cell ?? p.sheet);
  void [count, cells];
}
void [series, burnUp, outline, first, summary, rows, firstLine, row, changed, why, page, schema(), version()];
void [fromBytes, plainBytes, asideCells, asideWhere, sheetOfFinding];
