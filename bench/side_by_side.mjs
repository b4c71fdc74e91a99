// The JS side-by-side measurement, shared by Node (bench/js_bench.mjs) and Chromium
// (bench/browser.html): the wasm path against the plain-JS rollup of bench/rollup_plain.mjs on one
// plan's JSON text, with a check that both give the same numbers for every item. No Node or
// browser API: the caller passes the loaded `workplan` module and a clock.

import { rollup as plainRollup } from "./rollup_plain.mjs";

/** Raises unless both rollups give, per item in order, the same id, status, and progress,
 * expected and coverage within 1e-9 (null only where the other is null). Returns the row count. */
export function sameNumbers(reference, plain, what) {
  if (reference.length !== plain.length) {
    throw new Error(`${what}: ${reference.length} rows from workplan, ${plain.length} from the plain rollup`);
  }
  const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9);
  const problems = [];
  for (let i = 0; i < reference.length && problems.length < 10; i++) {
    const ours = reference[i];
    const theirs = plain[i];
    if (ours.id !== theirs.id) problems.push(`row order: ${ours.id} vs ${theirs.id}`);
    for (const field of ["progress", "expected", "coverage"]) {
      if (!close(ours[field], theirs[field])) problems.push(`${ours.id}.${field}: workplan ${ours[field]}, plain ${theirs[field]}`);
    }
    if (ours.status !== theirs.status) problems.push(`${ours.id}.status: workplan ${ours.status}, plain ${theirs.status}`);
  }
  if (problems.length > 0) {
    throw new Error(`${what}: the plain rollup disagrees with workplan:\n  ${problems.join("\n  ")}`);
  }
  return reference.length;
}

/** The best time of `repeat` runs of `run`, and that run's phases. `run` returns its timed phases
 * (their sum is the run's time, so clean-up after them is not counted), or `{}` to be timed whole. */
function bestOf(repeat, now, run) {
  let best = { total: Infinity, phases: {} };
  for (let i = 0; i < repeat; i++) {
    const start = now();
    const phases = run();
    const times = Object.values(phases);
    const total = times.length > 0 ? times.reduce((a, b) => a + b, 0) : now() - start;
    if (total < best.total) best = { total, phases };
  }
  return best;
}

/** The last leaf in document order that is not delivered by members (it takes a plain return). */
function lastPlainLeaf(items, inherited = false, found = { id: null }) {
  for (const item of items) {
    const members = inherited || item.members != null;
    if (item.children && item.children.length > 0) lastPlainLeaf(item.children, members, found);
    else if (!members && item.state == null) found.id = item.id;
  }
  return found.id;
}

/**
 * Measures one plan. `workplan` is the loaded package (pkg/node or pkg/web), `now` a clock in
 * milliseconds, `applies` how many incremental applies are timed together (a browser's clock is
 * coarse). Returns the figures, in milliseconds.
 */
export function measure({ workplan, text, asOf, repeat, now, applies = 200 }) {
  const options = { asOf };
  // The full rollup: JSON text -> Plan -> rollup, against JSON.parse -> plain rollup.
  let wasmResult = null;
  const wasm = bestOf(repeat, now, () => {
    wasmResult = null;
    const t0 = now();
    const plan = workplan.Plan.fromJson(text);
    const t1 = now();
    wasmResult = plan.rollup(options);
    const t2 = now();
    plan.free();
    return { load: t1 - t0, rollup: t2 - t1 };
  });
  let plainResult = null;
  const plain = bestOf(repeat, now, () => {
    plainResult = null;
    const t0 = now();
    const document = JSON.parse(text);
    const t1 = now();
    plainResult = plainRollup(document, options);
    const t2 = now();
    return { "JSON.parse": t1 - t0, rollup: t2 - t1 };
  });
  const items = sameNumbers(wasmResult.rows, plainResult, "full rollup");
  wasmResult = plainResult = null;

  // One more return: an incremental apply against a full plain recompute from the parsed plan.
  const document = JSON.parse(text);
  const leaf = lastPlainLeaf(document.items ?? []);
  if (leaf === null) throw new Error("the plan has no leaf without members to send a return to");
  // Two returns in turn, so that every apply changes the leaf and its ancestors.
  const returns = [
    { item: leaf, date: asOf, status: "on_track", percent: 77 },
    { item: leaf, date: asOf, status: "at_risk", percent: 33 },
  ];
  const plan = workplan.Plan.fromJson(text);
  const engine = new workplan.RollupEngine(plan, options);
  const applied = [];
  let changed = 0;
  const apply = bestOf(repeat, now, () => {
    for (let i = 0; i < applies; i++) {
      const update = returns[applied.length % 2];
      applied.push(update);
      changed = engine.apply(update).length;
    }
    return {};
  });
  apply.total /= applies;
  const recompute = bestOf(repeat, now, () => {
    plainRollup(document, { ...options, updates: [returns[0]] });
    return {};
  });
  // The engine, after every apply, against the plain rollup of the plan with the same returns.
  sameNumbers(engine.rows(), plainRollup(document, { ...options, updates: applied }), "after incremental applies");
  if (changed < 1) throw new Error("the last apply changed no row");
  engine.free();
  plan.free();
  return { items, wasm, plain, apply, recompute, changed, applies };
}

/** Figures in milliseconds as text. */
export function ms(value) {
  if (value < 0.1) return `${(value * 1000).toFixed(1)} µs`;
  if (value < 10000) return `${value.toLocaleString("en", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** The Markdown table of `results` (from `measure`), with the goals of issue 8. */
export function table(results) {
  const phases = (best) => Object.values(best.phases).map(ms).join(" / ");
  const lines = [
    "| items | wasm: Plan.fromJson + rollup | (load / rollup) | plain: JSON.parse + rollup | (JSON.parse / rollup) | wasm / plain | one apply | plain recompute | recompute / apply |",
    "|---:|---:|---|---:|---|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    lines.push(
      `| ${r.items.toLocaleString("en")} | ${ms(r.wasm.total)} | ${phases(r.wasm)} | ${ms(r.plain.total)} | ${phases(r.plain)} ` +
        `| ${(r.wasm.total / r.plain.total).toFixed(2)}x | ${ms(r.apply.total)} | ${ms(r.recompute.total)} | ${Math.round(r.recompute.total / r.apply.total).toLocaleString("en")}x |`,
    );
  }
  return lines.join("\n");
}

/** The goals of issue 8, judged on the largest plan. */
export function verdict(results) {
  const largest = results.reduce((a, b) => (b.items > a.items ? b : a));
  const full = largest.wasm.total / largest.plain.total;
  const incremental = largest.recompute.total / largest.apply.total;
  return [
    `goal (full rollup within 1.5x of plain JS) at ${largest.items.toLocaleString("en")} items: ${full <= 1.5 ? "met" : "MISSED"} (${full.toFixed(2)}x)`,
    `goal (one apply >= 50x faster than a plain recompute): ${incremental >= 50 ? "met" : "MISSED"} (${Math.round(incremental).toLocaleString("en")}x)`,
  ].join("\n");
}
