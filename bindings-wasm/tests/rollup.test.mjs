// Rollup in JS: plan.rollup, RollupEngine.apply (incremental equals batch), explain.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const examples = path.join(repo, "examples", "london-councils");
const read = (name) => fs.readFileSync(path.join(examples, name), "utf8");

test("the London Councils plan rolls up with its returns at two dates", () => {
  const plan = workplan.Plan.fromYaml(read("business-plan-2020-21.yaml"));
  const updates = read("business-plan-2020-21-updates.csv");
  const december = plan.rollup({ updates, asOf: "2020-12-31" });
  const march = plan.rollup({ updates, asOf: "2021-03-31" });
  assert.equal(december.rows.length, 202);
  const finance = (r) => r.rows.find((row) => row.id === "finance.1");
  assert.ok(finance(march).progress > finance(december).progress);
  assert.equal(finance(december).status_counts.done + finance(december).status_counts.on_track > 0, true);
  const viaClass = plan.rollupWith(workplan.Updates.fromCsv(updates), { asOf: "2020-12-31" });
  assert.deepEqual(viaClass, december);
});

test("an Updates in options.updates counts as its returns do as objects or CSV, and stays the caller's", () => {
  const plan = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const csv = read("pledges-2019-2022-updates.csv");
  const updates = workplan.Updates.fromCsv(csv);
  const objects = updates.toObject();
  const options = { asOf: "2020-12-31" };
  const fromText = new workplan.RollupEngine(plan, { ...options, updates: csv }).rollup();
  const fromObjects = new workplan.RollupEngine(plan, { ...options, updates: objects }).rollup();
  const engine = new workplan.RollupEngine(plan, { ...options, updates });
  assert.deepEqual(engine.rollup(), fromText);
  assert.deepEqual(engine.rollup(), fromObjects);
  assert.ok(engine.rollup().rows.some((row) => row.progress !== null && row.progress > 0), "the returns counted");
  assert.deepEqual(plan.rollup({ ...options, updates }), fromText);
  assert.deepEqual(plan.rollupSeries({ updates, dates: ["2020-12-31"] }).rollups[0], fromText);
  // The caller's instance is untouched and still usable; freeing it leaves the engine whole.
  assert.equal(updates.length, objects.length);
  assert.deepEqual(updates.toObject(), objects);
  updates.free();
  assert.deepEqual(engine.rollup(), fromText);
  // A freed instance or another class is refused with an error, not read as something else.
  assert.throws(() => new workplan.RollupEngine(plan, { updates }), /null pointer|freed|Updates|destroyed/i);
  assert.throws(() => new workplan.RollupEngine(plan, { updates: plan }), (e) => e instanceof Error);
  assert.throws(() => new workplan.RollupEngine(plan, { updates: { __copy: () => plan } }), (e) => e.code === "invalid_option" && e.option === "updates");
});

test("applying returns one by one gives the batch rollup, and reports only changed rows", () => {
  const plan = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const updates = workplan.Updates.fromCsv(read("pledges-2019-2022-updates.csv")).toObject();
  const options = { asOf: "2021-03-31" };
  const engine = new workplan.RollupEngine(plan, options);
  let changedRows = 0;
  for (const update of updates.slice(0, 300)) {
    const changed = engine.apply(update);
    changedRows += changed.length;
    for (const row of changed) assert.ok(typeof row.id === "string");
  }
  const batch = plan.rollup({ ...options, updates: updates.slice(0, 300) });
  assert.deepEqual(engine.rollup(), batch);
  assert.ok(changedRows > 0 && changedRows < 300 * 62, `changed ${changedRows} rows`);
});

test("applyChanges reports the changed rows and adoption cells; cells(item) reads one item's", () => {
  const plan = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const options = { updates: read("pledges-2019-2022-updates.csv"), asOf: "2020-12-31" };
  const engine = new workplan.RollupEngine(plan, options);
  const before = engine.rollup();
  const update = { item: "housing.4.a", member: "islington", date: "2020-12-31", percent: 80 };
  const changes = engine.applyChanges(update);
  const after = engine.rollup();
  const changedRows = after.rows.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before.rows[i]));
  const changedCells = after.adoption.filter((cell, i) => JSON.stringify(cell) !== JSON.stringify(before.adoption[i]));
  assert.deepEqual(changes.rows, changedRows);
  assert.deepEqual(changes.cells, changedCells);
  assert.deepEqual(changes.cells.map((c) => [c.item, c.member, c.state, c.progress]), [["housing.4.a", "islington", "reported", 0.8]]);
  const cells = engine.cells("housing.4.a");
  assert.equal(cells.length, 33);
  assert.deepEqual(cells, after.adoption.filter((c) => c.item === "housing.4.a"));
  assert.deepEqual(engine.cells("housing"), []);
  assert.deepEqual(engine.cells("nope"), []);
  // The same return again changes nothing; apply and applyChanges agree.
  assert.deepEqual(engine.applyChanges(update), { rows: [], cells: [] });
  const twin = new workplan.RollupEngine(plan, options);
  assert.deepEqual(twin.apply(update), changes.rows);
  assert.throws(() => engine.applyChanges({ item: "housing.4.a", date: "2020-13-01" }), (e) => e.name === "ParseError" && e.code === "invalid_value");
});

test("a return that cannot count is refused with its code and changes nothing; a batch is all or nothing", () => {
  const plan = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const engine = new workplan.RollupEngine(plan, { updates: read("pledges-2019-2022-updates.csv"), asOf: "2020-12-31" });
  const before = engine.rollup();
  const refused = [
    [{ item: "nope", date: "2020-12-31", percent: 5 }, "unknown_item"],
    [{ item: "housing.4.a", date: "2020-12-31", percent: 5 }, "member_missing"],
    [{ item: "housing.4.a", member: "atlantis", date: "2020-12-31", percent: 5 }, "unknown_member"],
  ];
  for (const [update, code] of refused) {
    assert.throws(() => engine.applyChanges(update), (e) => e instanceof Error && e.code === code && e.item === update.item, code);
    assert.throws(() => engine.apply(update), (e) => e.code === code);
  }
  const good = { item: "housing.4.a", member: "islington", date: "2020-12-31", percent: 80 };
  assert.throws(
    () => engine.applyChanges([good, refused[0][0]]),
    (e) => e.code === "unknown_item" && e.index === 1 && /return 1 of the batch/.test(e.message),
  );
  assert.deepEqual(engine.rollup(), before, "nothing was applied");
  const changes = engine.applyChanges([good, { ...good, percent: 90 }]);
  assert.deepEqual(changes.cells.map((c) => [c.item, c.member, c.progress]), [["housing.4.a", "islington", 0.9]], "each cell once, final");
  assert.equal(new Set(changes.rows.map((r) => r.id)).size, changes.rows.length, "each row once");
});

test("explain says how a number was found", () => {
  const plan = workplan.Plan.fromYaml(read("business-plan-2020-21.yaml"));
  const engine = new workplan.RollupEngine(plan, { updates: read("business-plan-2020-21-updates.csv"), asOf: "2020-12-31" });
  const explanation = engine.explain("finance.1");
  assert.equal(explanation.kind, "parent");
  assert.equal(
    explanation.summary,
    "Priority 1, \u201cDelivering fair levels of funding for local public services in London\u201d, is 45.7% done against 75.3% expected by 31 December 2020 (29.6 points behind): off track, derived from the schedule. Data is in for 6 of 7 items.",
  );
  assert.ok(explanation.text.startsWith(`${explanation.summary}\nPriority finance.1: 45.7% = (1 x 55% + `), explanation.text);
  assert.equal(explanation.members, null);
  const pledges = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const member = new workplan.RollupEngine(pledges, { updates: read("pledges-2019-2022-updates.csv"), asOf: "2021-03-31" }).explain("housing.2.a");
  assert.deepEqual(member.members, {
    count: 33,
    reported: 2,
    lowest: 0,
    highest: 0.5,
    behind: [
      { member: "southwark", name: "Southwark", progress: 0 },
      { member: "ealing", name: "Ealing", progress: 0.5 },
    ],
  });
  assert.match(member.summary, /2 of 33 members have reported; their progress runs from 0% to 50%; furthest behind: Southwark \(0%\), Ealing \(50%\)\. Too little data is in/);
  assert.equal(explanation.children.length, 7);
  assert.throws(() => engine.explain("nope"), (e) => e instanceof Error && e.code === "unknown_item");
});

test("bad options throw located errors", () => {
  const plan = workplan.Plan.fromYaml(read("business-plan-2020-21.yaml"));
  assert.throws(() => plan.rollup({ asOf: "2021-02-30" }), (e) => e instanceof Error && e.code === "invalid_value");
  assert.throws(() => plan.rollup({ settings: { weighting: "heavy" } }), (e) => e.code === "invalid_value" && e.path.join("/") === "settings/weighting");
});

test("committee papers match the snapshots", () => {
  const plan = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const options = { updates: read("pledges-2019-2022-updates.csv"), asOf: "2021-03-31" };
  const snapshots = path.join(repo, "tests", "snapshots");
  assert.equal(plan.paper(options, "markdown"), fs.readFileSync(path.join(snapshots, "pledges-2019-2022.md"), "utf8"));
  assert.equal(plan.paper(options, "html"), fs.readFileSync(path.join(snapshots, "pledges-2019-2022.html"), "utf8"));
  assert.throws(() => plan.paper(options, "pdf"), (e) => e.name === "InvalidOptionError" && e.code === "invalid_option");
  assert.equal(plan.paper(options, "html", "en-GB"), plan.paper(options, "html"));
  assert.throws(() => plan.paper(options, "html", "fr-FR"), (e) => e.name === "UnknownLocaleError" && e.tag === "fr-FR");
});

test("a rollup series equals a rollup at each date, and gives the burn-up", () => {
  const plan = workplan.Plan.fromYaml(read("pledges-2019-2022.yaml"));
  const updates = read("pledges-2019-2022-updates.csv");
  const series = plan.rollupSeries({ updates, dates: ["2021-03-31", "2020-03-31", "2021-03-31"], settings: { trend_days: 30 } });
  assert.equal(series.plan, "pledges-2019-2022");
  assert.deepEqual(series.rollups.map((r) => r.as_of), ["2020-03-31", "2021-03-31"]);
  for (const rollup of series.rollups) {
    assert.deepEqual(rollup, plan.rollup({ updates, asOf: rollup.as_of, settings: { trend_days: 30 } }));
  }
  const [before, after] = series.burn_up;
  assert.equal(before.scope, 52);
  assert.ok(after.earned > before.earned && after.expected > before.expected);
  const monthly = plan.rollupSeries({ updates });
  assert.equal(monthly.rollups.length, 36);
  assert.equal(monthly.rollups[35].as_of, "2022-03-31");
  assert.throws(() => plan.rollupSeries({ dates: ["2021-02-30"] }), (error) => error instanceof Error && error.code === "invalid_option");
  assert.throws(() => plan.rollupSeries({ dates: "2021-02-28" }), (error) => error.option === "dates" && error.expected === "an array of dates");
});

test("the outline has one row per item with its number and kind", () => {
  const plan = workplan.Plan.fromYaml(read("business-plan-2020-21.yaml"));
  const outline = plan.outline();
  assert.equal(outline.length, 202);
  const a = outline.find((row) => row.id === "finance.1.a");
  assert.deepEqual([a.number, a.kind, a.parent, a.pointer], ["1.1.a", "leaf", "finance.1", "/items/0/children/0/children/0"]);
});
