// A typed use of the package as a consumer writes it: `workplan`, `workplan/fast` and
// `workplan/widget` by name.
// typecheck/resolution.test.mjs checks it with each tsconfig.*.json here (moduleResolution bundler,
// node16 and NodeNext; lib ES2022 and DOM; strict; skipLibCheck false) in a project whose
// node_modules/workplan is the packed package.
import init, { Plan, RollupEngine, Updates, version } from "workplan";
import type { Explanation, PlanDocument, Rollup, RollupRow, Update } from "workplan";
import { formatPercent, loadWasm, WorkplanProgress } from "workplan/widget";
import type { Filter, LoadDetail } from "workplan/widget";
import initFast, { Plan as FastPlan, Updates as FastUpdates } from "workplan/fast";
import type { RollupRow as FastRollupRow } from "workplan/fast";

// The same code for the web build and Node: `init` loads the wasm in a browser, resolves at once in Node.
await init();
// With a bundler that moves the wasm: load it from where the bundler put it, before the first render.
await loadWasm(new URL("./workplan_wasm_bg.wasm", import.meta.url));

const document_: PlanDocument = {
  workplan: 1,
  id: "demo",
  title: "Demo",
  period: { start: "2020-04-01", end: "2021-03-31" },
  items: [{ id: "a", title: "A", measure: { unit: "homes", target: 10 } }],
};
const plan = Plan.fromObject(document_);
const updates = Updates.fromCsv("item,date,percent\na,2020-06-30,40\n");
const rollup: Rollup = plan.rollupWith(updates, { asOf: "2020-12-31" });
const first: RollupRow | undefined = rollup.rows[0];
const engine = new RollupEngine(plan, { asOf: "2020-12-31" });
const update: Update = { item: "a", date: "2020-09-30", percent: 50 };
const changed: RollupRow[] = engine.apply(update);
const why: Explanation = engine.explain("a");
const text: string = `${version()} ${first?.id ?? ""} ${changed.length} ${why.text} ${formatPercent(first?.progress)}`;

// The widget: typed through HTMLElementTagNameMap and HTMLElementEventMap.
const widget: WorkplanProgress = document.createElement("workplan-progress");
widget.plan = plan;
widget.updates = [update];
widget.asOf = "2020-12-31";
const filter: Filter = widget.filter;
widget.addEventListener("workplan-load", (event) => {
  const detail: LoadDetail = event.detail;
  console.log(detail.rollup.rows.length, filter.text, text);
});
document.body.append(widget);
await widget.ready;

// The speed build: the same API and types, its own classes (a plan of one build throws on returns
// read by the other: tests/fast.test.mjs).
await initFast();
const fastPlan = FastPlan.fromObject(document_);
const fastRows: FastRollupRow[] = fastPlan.rollupWith(FastUpdates.fromCsv("item,date,percent\na,2020-06-30,40\n"), { asOf: "2020-12-31" }).rows;
console.log(fastRows.length);
fastPlan.free();

// `[Symbol.dispose]` is declared by the package even where the lib lacks it (ES2022 here).
engine[Symbol.dispose]();
updates.free();
plan.free();
