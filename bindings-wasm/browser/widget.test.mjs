// The <workplan-progress> widget in a real browser: headless Chromium (Debian's /usr/bin/chromium)
// driven by playwright-core, against examples/web/index.html served by python3 -m http.server.
// Every number in the DOM is checked against the rollup of the Node build of the same wasm for the
// same inputs. Screenshots go to bindings-wasm/browser/screenshots/ (ignored by git).
// Run: node --test browser/ (from bindings-wasm, after scripts/build-wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { repo, workplan } from "../tests/load.mjs";
import { startServer } from "./helpers.mjs";

const examples = path.join(repo, "examples", "london-councils");
const read = (name) => fs.readFileSync(path.join(examples, name), "utf8");
const screenshots = path.join(repo, "bindings-wasm", "browser", "screenshots");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

const PLANS = {
  pledges: { plan: "pledges-2019-2022.yaml", updates: "pledges-2019-2022-updates.csv" },
  "business-plan": { plan: "business-plan-2020-21.yaml", updates: "business-plan-2020-21-updates.csv" },
};

/** The rollup the page must show, from the Node build. */
function expectedRollup(widget, asOf) {
  const plan = workplan.Plan.fromYaml(read(PLANS[widget].plan));
  try {
    return plan.rollup({ updates: read(PLANS[widget].updates), asOf });
  } finally {
    plan.free();
  }
}

/** An engine like the widget's, to replay live updates. */
function expectedEngine(widget, asOf) {
  const plan = workplan.Plan.fromYaml(read(PLANS[widget].plan));
  const engine = new workplan.RollupEngine(plan, { updates: read(PLANS[widget].updates), asOf });
  plan.free();
  return engine;
}

/** A fraction as the widget writes it in its default locale (en-GB): the library's text (`formatPercent`). */
function percent(value) {
  return value === null ? "–" : workplan.formatPercent(value);
}

/** A date as the widget writes it in en-GB (`31 Dec 2020`). */
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
function date(iso) {
  return iso ? dateFormat.format(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))) : "";
}

let server;
let profile;
let context;
let page;
let base;
const problems = [];
/** Console errors the tests provoke on purpose (a missing file). */
const expectedMissing = "/examples/web/no-such-plan.yaml";

async function waitReady(id) {
  await page.waitForFunction(
    (id) => {
      const widget = document.getElementById(id);
      return widget && (widget.state === "ready" || widget.state === "error") && !widget.hasAttribute("aria-busy");
    },
    id,
    { timeout: 30000 },
  );
  await page.evaluate((id) => document.getElementById(id).ready, id);
}

before(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  const started = await startServer();
  server = started.child;
  base = `http://127.0.0.1:${started.port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-chromium-"));
  // No skip: if Chromium cannot be launched, this throws and every test fails.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    if (message.location().url.endsWith(expectedMissing)) return;
    problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith(expectedMissing)) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(`${base}/examples/web/index.html`);
  await waitReady("pledges");
  await waitReady("business-plan");
});

after(async () => {
  await context?.close();
  server?.kill();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

/** What the widget shows, read from its shadow DOM. */
function readWidget(id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    // Subtrees are built when first opened: build them all as for printing, then restore.
    window.dispatchEvent(new Event("beforeprint"));
    window.dispatchEvent(new Event("afterprint"));
    const rows = [...root.querySelectorAll("li[role=treeitem]")].map((li) => {
      const row = li.querySelector(":scope>.row");
      const pct = row.querySelector(".pct");
      return {
        id: li.dataset.id,
        level: Number(li.getAttribute("aria-level")),
        progress: pct.dataset.progress === undefined ? null : Number(pct.dataset.progress),
        expected: pct.dataset.expected === undefined ? null : Number(pct.dataset.expected),
        text: pct.textContent,
        width: row.querySelector(".fill").style.width,
        marker: row.querySelector(".marker").style.left,
        status: row.querySelector(".chip").dataset.status,
        statusText: row.querySelector(".chip").textContent,
        trend: row.querySelector(".trend").getAttribute("title"),
        when: row.querySelector(".when").textContent,
        counts: Object.fromEntries([...row.querySelectorAll(".counts .count")].map((c) => [c.dataset.status, Number(c.querySelector("b").textContent)])),
        label: li.getAttribute("aria-label"),
      };
    });
    const cells = [...root.querySelectorAll("td[data-item]")].map((td) => ({
      item: td.dataset.item,
      member: td.dataset.member,
      state: td.dataset.state,
      progress: td.dataset.progress === undefined ? null : Number(td.dataset.progress),
      text: td.textContent,
    }));
    return { rows, cells, asOf: root.querySelector(".as-of")?.dataset.date };
  }, id);
}

const WORDS = { done: "done", on_track: "on track", at_risk: "at risk", off_track: "off track", not_started: "not started", unknown: "no data" };

function assertShows(shown, rollup) {
  assert.equal(shown.asOf, rollup.as_of);
  assert.equal(shown.rows.length, rollup.rows.length);
  for (const [i, row] of rollup.rows.entries()) {
    const dom = shown.rows[i];
    assert.equal(dom.id, row.id);
    assert.equal(dom.level, row.depth + 1, row.id);
    assert.equal(dom.progress, row.progress, `${row.id} progress`);
    assert.equal(dom.expected, row.expected, `${row.id} expected`);
    assert.equal(dom.text, row.progress === null ? "no data" : percent(row.progress), `${row.id} text`);
    assert.ok(Math.abs(parseFloat(dom.width) - (row.progress ?? 0) * 100) < 1e-3, `${row.id} bar ${dom.width}`);
    if (row.expected !== null) assert.ok(Math.abs(parseFloat(dom.marker) - row.expected * 100) < 1e-3, `${row.id} marker ${dom.marker}`);
    assert.equal(dom.status, row.included ? row.status : "excluded", `${row.id} status`);
    assert.ok(dom.statusText.includes(row.included ? WORDS[row.status] : row.state), `${row.id} status words`);
    assert.equal(dom.trend, row.trend, `${row.id} trend`);
    assert.equal(dom.when, `${date(row.last_update)}${row.stale ? " stale" : ""}`, `${row.id} last update`);
    const isParent = rollup.rows.some((r) => r.parent === row.id);
    if (isParent) {
      const nonzero = Object.fromEntries(Object.entries(row.status_counts).filter(([, n]) => n > 0));
      assert.deepEqual(dom.counts, nonzero, `${row.id} counts`);
    }
    assert.ok(dom.label.startsWith(`${row.label ? `${row.label} ` : ""}${row.title}`), `${row.id} accessible name starts with the visible label and title`);
  }
  assert.equal(shown.cells.length, rollup.adoption.length);
  const cells = new Map(shown.cells.map((c) => [`${c.item} ${c.member}`, c]));
  for (const cell of rollup.adoption) {
    const dom = cells.get(`${cell.item} ${cell.member}`);
    assert.ok(dom, `cell ${cell.item} ${cell.member}`);
    assert.equal(dom.state, cell.state);
    assert.equal(dom.progress, cell.progress);
    const text = { no_report: "○", not_adopted: "✕", out_of_scope: "–" }[cell.state] ?? (cell.progress === null ? "●" : String(Math.round(cell.progress * 100)));
    assert.equal(dom.text, text);
  }
}

test("the numbers in the DOM equal the rollup, for both plans", async () => {
  for (const id of ["pledges", "business-plan"]) {
    const rollup = expectedRollup(id, "2020-12-31");
    const shown = await readWidget(id);
    assertShows(shown, rollup);
  }
  const pledges = await readWidget("pledges");
  assert.equal(pledges.cells.length, 33 * 52, "the adoption heat map: 33 members by 52 member items");
  assert.ok(pledges.cells.some((c) => c.state === "reported") && pledges.cells.some((c) => c.state === "not_adopted"));
});

test("screenshots at 1280 px", async () => {
  await page.locator("#pledges").screenshot({ path: path.join(screenshots, "pledges-1280.png") });
  await page.locator("#business-plan").screenshot({ path: path.join(screenshots, "business-plan-1280.png") });
  await page.locator("#pledges >> section.matrix").screenshot({ path: path.join(screenshots, "heatmap-1280.png") });
});

test("expanding and collapsing with the mouse", async () => {
  const item = page.locator('#pledges li[data-id="housing.2"]');
  assert.equal(await item.getAttribute("aria-expanded"), "false");
  const child = page.locator('#pledges li[data-id="housing.2.a"]');
  assert.equal(await child.isVisible(), false);
  await page.locator('#pledges li[data-id="housing.2"] > .row .twisty').click();
  assert.equal(await item.getAttribute("aria-expanded"), "true");
  assert.equal(await child.isVisible(), true);
  await page.locator('#pledges li[data-id="housing.2"] > .row .twisty').click();
  assert.equal(await item.getAttribute("aria-expanded"), "false");
  assert.equal(await child.isVisible(), false);
});

/** Ids of the visible items that match the filter (not shown only as context). */
function visibleMatches(id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    return [...root.querySelectorAll("li[role=treeitem]")].filter((li) => li.checkVisibility() && !li.classList.contains("context")).map((li) => li.dataset.id);
  }, id);
}

test("filters: text search, status and theme", async () => {
  const rollup = expectedRollup("business-plan", "2020-12-31");
  const search = page.locator("#business-plan >> input[type=search]");
  await search.fill("climate");
  await page.waitForFunction(() => document.getElementById("business-plan").shadowRoot.querySelector(".shown").textContent.includes("match"));
  const expected = rollup.rows.filter((r) => [r.label ?? "", r.title, r.id].some((t) => t.toLowerCase().includes("climate"))).map((r) => r.id);
  assert.ok(expected.length > 0);
  assert.deepEqual(await visibleMatches("business-plan"), expected);
  assert.equal(await page.locator("#business-plan >> .shown").textContent(), `${expected.length} of 202 items match`);
  await search.fill("");
  await page.waitForFunction(() => document.getElementById("business-plan").shadowRoot.querySelector(".shown").textContent === "202 items");

  await page.locator("#business-plan >> label:has-text('Status') select").selectOption("off_track");
  const offTrack = rollup.rows.filter((r) => r.included && r.status === "off_track").map((r) => r.id);
  assert.ok(offTrack.length > 0);
  assert.deepEqual(await visibleMatches("business-plan"), offTrack);
  await page.locator("#business-plan >> label:has-text('Status') select").selectOption("");

  const plan = workplan.Plan.fromYaml(read(PLANS["business-plan"].plan)).toObject();
  const themed = [];
  const walk = (items, inherited) => {
    for (const item of items) {
      const themes = [...inherited, ...(item.themes ?? [])];
      if (themes.includes("devolution")) themed.push(item.id);
      walk(item.children ?? [], themes);
    }
  };
  walk(plan.items, []);
  await page.locator("#business-plan >> label:has-text('Theme') select").selectOption("devolution");
  assert.ok(themed.length > 0);
  assert.deepEqual(await visibleMatches("business-plan"), themed);
  await page.locator("#business-plan >> label:has-text('Theme') select").selectOption("");
  assert.equal(await page.locator("#business-plan >> .shown").textContent(), "202 items");
  assert.equal(await page.locator('#business-plan li[data-id="finance.1.a"]').isVisible(), false, "the first level is open again, the second closed");
});

/** The id of the focused tree item. */
function focused(id) {
  return page.evaluate((id) => document.getElementById(id).shadowRoot.activeElement?.dataset?.id ?? null, id);
}

test("keyboard navigation: arrows, Home/End, Enter shows the explanation", async () => {
  const engine = expectedEngine("business-plan", "2020-12-31");
  // Keyboard only: Tab from the Collapse all button into the tree.
  await page.locator("#business-plan >> button:has-text('Collapse all')").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab"); // the validation summary
  await page.keyboard.press("Tab"); // the tree's one tab stop
  assert.notEqual(await focused("business-plan"), null);
  await page.keyboard.press("Home");
  assert.equal(await focused("business-plan"), "finance");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused("business-plan"), "skills", "collapsed: down goes to the next portfolio");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator('#business-plan li[data-id="finance"]').getAttribute("aria-expanded"), "true");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused("business-plan"), "finance.1");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused("business-plan"), "finance.1.a");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focused("business-plan"), "finance.1");
  await page.keyboard.press("Enter");
  const text = await page.locator('#business-plan .explain[data-for="finance.1"] .text').textContent();
  assert.equal(text, engine.explain("finance.1").text);
  assert.ok(text.includes("45.7%") && text.includes("75.3%"), text);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator('#business-plan .explain[data-for="finance.1"]').count(), 0);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.locator('#business-plan li[data-id="finance.1"]').getAttribute("aria-expanded"), "false");
  await page.keyboard.press("End");
  const rollup = expectedRollup("business-plan", "2020-12-31");
  const last = rollup.rows.filter((r) => r.depth === 0).at(-1).id;
  assert.equal(await focused("business-plan"), last);
  await page.keyboard.press("Home");
  assert.equal(await focused("business-plan"), "finance");
  await page.keyboard.press("ArrowLeft");
  engine.free();
});

test("clicking a number shows its explanation", async () => {
  const engine = expectedEngine("pledges", "2020-12-31");
  const selected = page.evaluate(
    () => new Promise((resolve) => document.getElementById("pledges").addEventListener("workplan-select", (e) => resolve(e.detail.id), { once: true })),
  );
  await page.locator('#pledges li[data-id="housing"] > .row .pct').click();
  assert.equal(await selected, "housing");
  assert.equal(await page.locator('#pledges li[data-id="housing"]').getAttribute("aria-selected"), "true");
  assert.equal(await page.locator('#pledges .explain[data-for="housing"] .text').textContent(), engine.explain("housing").text);
  assert.equal(await page.locator('#pledges .explain[data-for="housing"] tbody tr').count(), engine.explain("housing").children.length);
  await page.locator('#pledges li[data-id="housing"] > .row .pct').click();
  assert.equal(await page.locator('#pledges .explain[data-for="housing"]').count(), 0);
  engine.free();
});

test("the heat map has a tooltip per cell and arrow keys move between cells", async () => {
  const cell = page.locator('#pledges td[data-item="housing.4.a"][data-member="islington"]');
  await cell.hover();
  const tip = page.locator("#pledges >> .tip");
  assert.equal(await tip.isVisible(), true);
  const text = await tip.textContent();
  assert.ok(text.includes("Islington") && text.includes("housing.4.a"), text);
  assert.ok((await cell.getAttribute("aria-label")).startsWith("Islington, housing.4.a: "));
  await cell.focus();
  await page.keyboard.press("ArrowRight");
  const next = await page.evaluate(() => {
    const active = document.getElementById("pledges").shadowRoot.activeElement;
    return `${active.dataset.item} ${active.dataset.member}`;
  });
  assert.equal(next, "housing.4.b islington");
  assert.ok((await tip.textContent()).includes("housing.4.b"));
});

/**
 * Applies an update in the page while a MutationObserver records which rows and cells the DOM
 * changes touched; returns them with the changes the widget reported.
 */
function applyInPage(id, update) {
  return page.evaluate(
    ({ id, update }) => {
      const widget = document.getElementById(id);
      const touched = new Set();
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
          const cell = node.closest("td[data-item]");
          const item = node.closest("li[role=treeitem]");
          touched.add(cell ? `cell ${cell.dataset.item} ${cell.dataset.member}` : item ? `row ${item.dataset.id}` : `other ${node.className}`);
        }
      });
      observer.observe(widget.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
      const changes = widget.applyUpdate(update);
      const records = observer.takeRecords();
      observer.disconnect();
      for (const record of records) {
        const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
        const cell = node.closest("td[data-item]");
        const item = node.closest("li[role=treeitem]");
        touched.add(cell ? `cell ${cell.dataset.item} ${cell.dataset.member}` : item ? `row ${item.dataset.id}` : `other ${node.className}`);
      }
      return { changes, touched: [...touched].sort() };
    },
    { id, update },
  );
}

test("applying an update redraws exactly the rows (and cells) it changes", async () => {
  // The business plan: a leaf without data gets a return.
  const engine = expectedEngine("business-plan", "2020-12-31");
  const update = { item: "finance.1.d", date: "2020-12-31", percent: 100 };
  const expected = engine.applyChanges(update);
  const before = await readWidget("business-plan");
  const { changes, touched } = await applyInPage("business-plan", update);
  assert.deepEqual(changes, expected);
  assert.deepEqual(
    changes.rows.map((r) => r.id),
    ["finance", "finance.1", "finance.1.d"],
  );
  assert.deepEqual(touched, expected.rows.map((r) => `row ${r.id}`).sort());
  const after = await readWidget("business-plan");
  assertShows(after, engine.rollup());
  const bar = (shown) => shown.rows.find((r) => r.id === "finance.1.d").width;
  assert.equal(bar(before), "0%");
  assert.equal(bar(after), "100%");
  const unchanged = before.rows.filter((r) => !expected.rows.some((x) => x.id === r.id));
  for (const row of unchanged) assert.deepEqual(after.rows.find((r) => r.id === row.id), row);
  // Returns as CSV text, through appendUpdates.
  const csvExpected = engine.applyChanges({ item: "finance.1.g", date: "2020-12-31", percent: 50 });
  const csvChanges = await page.evaluate(() => document.getElementById("business-plan").appendUpdates("item,date,percent\nfinance.1.g,2020-12-31,50\n"));
  assert.deepEqual(csvChanges, csvExpected);
  assertShows(await readWidget("business-plan"), engine.rollup());
  engine.free();

  // The pledges: a borough's return on a member item changes its cell, the pledge and the area.
  const pledges = expectedEngine("pledges", "2020-12-31");
  const memberUpdate = { item: "housing.4.a", member: "islington", date: "2020-12-31", percent: 80 };
  const memberExpected = pledges.applyChanges(memberUpdate);
  const member = await applyInPage("pledges", memberUpdate);
  assert.deepEqual(member.changes, memberExpected);
  assert.deepEqual(memberExpected.cells.map((c) => `${c.item} ${c.member}`), ["housing.4.a islington"]);
  assert.deepEqual(member.touched, [...memberExpected.rows.map((r) => `row ${r.id}`), "cell housing.4.a islington"].sort());
  assertShows(await readWidget("pledges"), pledges.rollup());
  pledges.free();
  await page.locator('#pledges li[data-id="housing.4"] > .row .twisty').click();
  await page.locator('#pledges li[data-id="housing.4"]').screenshot({ path: path.join(screenshots, "pledges-after-update-1280.png") });
});

test("the as-of date picker re-renders both widgets at the new date", async () => {
  await page.locator("#as-of").fill("2021-03-31");
  await page.locator("#as-of").dispatchEvent("change");
  await waitReady("pledges");
  await waitReady("business-plan");
  await page.waitForFunction(() => document.getElementById("pledges").shadowRoot.querySelector(".as-of")?.dataset.date === "2021-03-31");
  // The live returns applied above stay applied at the new date.
  const business = expectedEngine("business-plan", "2021-03-31");
  business.applyChanges({ item: "finance.1.d", date: "2020-12-31", percent: 100 });
  business.applyChanges({ item: "finance.1.g", date: "2020-12-31", percent: 50 });
  assertShows(await readWidget("business-plan"), business.rollup());
  business.free();
  const pledges = expectedEngine("pledges", "2021-03-31");
  pledges.applyChanges({ item: "housing.4.a", member: "islington", date: "2020-12-31", percent: 80 });
  assertShows(await readWidget("pledges"), pledges.rollup());
  pledges.free();
});

test("the page's own form applies a return live", async () => {
  const engine = expectedEngine("business-plan", "2021-03-31");
  engine.applyChanges({ item: "finance.1.d", date: "2020-12-31", percent: 100 });
  engine.applyChanges({ item: "finance.1.g", date: "2020-12-31", percent: 50 });
  // A leaf whose latest return is older than the as-of date, so that a return on that date counts.
  const rows = engine.rows();
  const leaf = rows.find((r) => r.included && !rows.some((c) => c.parent === r.id) && r.last_update < "2021-03-31" && r.unit === null && r.reported_status !== "done" && r.progress !== 0.7);
  await page.locator("#return-item").fill(leaf.id);
  await page.locator("#return-percent").fill("70");
  await page.locator("button:has-text('Apply to the business plan')").click();
  const changes = engine.applyChanges({ item: leaf.id, date: "2021-03-31", percent: 70 });
  assert.ok(changes.rows.some((r) => r.id === leaf.id));
  assert.equal(await page.locator("#return-help").textContent(), `${changes.rows.length} rows changed`);
  assertShows(await readWidget("business-plan"), engine.rollup());
  assert.equal(await page.locator(`#business-plan li[data-id="${leaf.id}"] > .row .pct`).textContent(), "70%");
  engine.free();
});

test("loading and error states: a bad plan shows its diagnostics, not a blank box", async () => {
  const loading = await page.evaluate(async () => {
    const widget = document.createElement("workplan-progress");
    widget.setAttribute("src", "../london-councils/pledges-2019-2022.yaml");
    document.body.append(widget);
    await Promise.resolve();
    await Promise.resolve();
    const seen = { busy: widget.getAttribute("aria-busy"), state: widget.state, status: widget.shadowRoot.querySelector(".status").textContent };
    await widget.ready;
    widget.expandAll(); // subtrees are built when first opened
    seen.after = { busy: widget.getAttribute("aria-busy"), state: widget.state, items: widget.shadowRoot.querySelectorAll("[role=treeitem]").length };
    widget.remove();
    return seen;
  });
  assert.deepEqual(loading, { busy: "true", state: "loading", status: "Loading the plan…", after: { busy: null, state: "ready", items: 62 } });
  const result = await page.evaluate(async () => {
    const make = async (setup) => {
      const widget = document.createElement("workplan-progress");
      setup(widget);
      document.body.append(widget);
      await widget.ready;
      const root = widget.shadowRoot;
      const out = {
        state: widget.state,
        status: root.querySelector(".status:not([hidden])")?.textContent ?? "",
        role: root.querySelector(".status:not([hidden])")?.getAttribute("role") ?? null,
        diagnostics: root.querySelector(".diagnostics:not([hidden])")?.textContent ?? "",
        items: root.querySelectorAll("[role=treeitem]").length,
      };
      widget.remove();
      return out;
    };
    return {
      syntax: await make((w) => (w.plan = "workplan: 1\nid: x\ntitle: X\nperiod: {start: 2020-01-01, end: 2020-12-31}\ntittle: typo\n")),
      invalid: await make(
        (w) =>
          (w.plan = {
            workplan: 1,
            id: "dup",
            title: "Two items, one id",
            period: { start: "2020-01-01", end: "2020-12-31" },
            items: [
              { id: "a", title: "First" },
              { id: "a", title: "Second" },
            ],
          }),
      ),
      missing: await make((w) => w.setAttribute("src", "no-such-plan.yaml")),
      badDate: await make((w) => {
        w.plan = { workplan: 1, id: "x", title: "X", period: { start: "2020-01-01", end: "2020-12-31" } };
        w.asOf = "2021-02-30";
      }),
    };
  });
  assert.equal(result.syntax.state, "error");
  assert.equal(result.syntax.role, "alert");
  assert.match(result.syntax.status, /unknown field `tittle`.*did you mean `title`.*line 5, column 1/);
  assert.match(result.syntax.status, /unknown_field/);
  assert.equal(result.invalid.state, "ready");
  assert.match(result.invalid.diagnostics, /1 error/);
  assert.match(result.invalid.diagnostics, /error\[duplicate_id\]/);
  assert.equal(result.invalid.items, 2);
  assert.equal(result.missing.state, "error");
  assert.match(result.missing.status, /HTTP 404/);
  assert.equal(result.badDate.state, "error");
  assert.match(result.badDate.status, /2021-02-30/);
});

test("no styles leak in or out of the widget", async () => {
  const result = await page.evaluate(async () => {
    const style = document.createElement("style");
    style.textContent =
      "body{color:rgb(255,0,255)!important;font-family:fantasy!important;text-transform:uppercase;letter-spacing:3px} li,.row,.chip,td{background:rgb(255,0,255)!important;color:rgb(255,0,255)!important}";
    document.head.append(style);
    const outside = document.createElement("div");
    outside.innerHTML = '<ul><li class="row chip" id="outside">outside</li></ul><span class="bar fill">x</span>';
    document.body.append(outside);
    const widget = document.getElementById("business-plan");
    const title = widget.shadowRoot.querySelector("li[role=treeitem] .title");
    const row = widget.shadowRoot.querySelector("li[role=treeitem] .row");
    const inside = getComputedStyle(title);
    const mine = document.getElementById("outside");
    const out = {
      color: inside.color,
      font: inside.fontFamily,
      transform: inside.textTransform,
      spacing: inside.letterSpacing,
      rowBackground: getComputedStyle(row).backgroundColor,
      outsideBorder: getComputedStyle(mine).borderLeftWidth,
      outsideDisplay: getComputedStyle(mine).display,
      outsidePadding: getComputedStyle(mine).paddingLeft,
      barPosition: getComputedStyle(outside.querySelector(".bar")).position,
    };
    style.remove();
    outside.remove();
    return out;
  });
  assert.notEqual(result.color, "rgb(255, 0, 255)");
  assert.ok(!result.font.includes("fantasy"), result.font);
  assert.equal(result.transform, "none");
  assert.equal(result.spacing, "normal");
  assert.notEqual(result.rowBackground, "rgb(255, 0, 255)");
  assert.equal(result.outsideDisplay, "list-item");
  assert.equal(result.outsidePadding, "0px");
  assert.equal(result.outsideBorder, "0px");
  assert.equal(result.barPosition, "static");
});

test("readable at 320 px: nothing wider than the screen but the heat map, which scrolls", async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  const sizes = await page.evaluate(() => {
    const out = { page: document.documentElement.scrollWidth, widgets: [] };
    for (const widget of document.querySelectorAll("workplan-progress")) {
      const root = widget.shadowRoot;
      const wrap = root.querySelector(".matrix .wrap");
      // Rows off screen skip layout (content-visibility: auto): lay every row out to measure it.
      for (const li of root.querySelectorAll("li[role=treeitem], .matrix")) li.style.contentVisibility = "visible";
      const tooWide = [...root.querySelectorAll("li[role=treeitem] > .row")].filter((row) => row.scrollWidth > row.clientWidth + 1).map((row) => row.parentElement.dataset.id);
      const wrapSize = wrap ? [wrap.clientWidth, wrap.scrollWidth] : null;
      for (const li of root.querySelectorAll("li[role=treeitem], .matrix")) li.style.contentVisibility = "";
      out.widgets.push({ width: widget.getBoundingClientRect().width, scroll: widget.scrollWidth, client: widget.clientWidth, tooWide, wrap: wrapSize });
    }
    return out;
  });
  assert.ok(sizes.page <= 320, `page is ${sizes.page} px wide`);
  for (const widget of sizes.widgets) {
    assert.ok(widget.width <= 320);
    assert.ok(widget.scroll <= widget.client, JSON.stringify(widget));
    assert.deepEqual(widget.tooWide, []);
  }
  assert.ok(sizes.widgets[0].wrap[1] > sizes.widgets[0].wrap[0], "the heat map scrolls inside its box");
  await page.locator('#business-plan li[data-id="finance"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, "business-plan-320.png") });
  await page.locator("#pledges").screenshot({ path: path.join(screenshots, "pledges-320.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("the README's embed snippet, pasted into a page, shows the pledges with their heat map", async () => {
  const readme = fs.readFileSync(path.join(repo, "bindings-wasm", "README.md"), "utf8");
  const snippet = readme.split("<!-- embed-snippet -->")[1].match(/```html\n([\s\S]*?)```/)[1];
  // A site where the package is installed in node_modules/workplan and the plan sits beside the page.
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".yaml": "text/yaml", ".csv": "text/csv" };
  await context.route(`${base}/site/**`, (route) => {
    const url = new URL(route.request().url());
    const name = url.pathname.slice("/site/".length);
    const file = name === "index.html" ? null : name.startsWith("node_modules/workplan/") ? path.join(repo, "bindings-wasm", name.slice("node_modules/workplan/".length)) : path.join(examples, name);
    const body = file === null ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>snippet</title><link rel="icon" href="data:,"></head><body>${snippet}</body></html>` : fs.existsSync(file) ? fs.readFileSync(file) : null;
    if (body === null) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ status: 200, contentType: types[path.extname(name || "index.html")] ?? "application/octet-stream", body });
  });
  const snippetPage = await context.newPage();
  snippetPage.on("console", (message) => message.type() === "error" && problems.push(`snippet console: ${message.text()}`));
  snippetPage.on("pageerror", (error) => problems.push(`snippet page error: ${error.message}`));
  await snippetPage.goto(`${base}/site/index.html`);
  await snippetPage.waitForFunction(() => document.querySelector("workplan-progress")?.state === "ready", null, { timeout: 30000 });
  const shown = await snippetPage.evaluate(() => {
    const widget = document.querySelector("workplan-progress");
    widget.expandAll(); // subtrees are built when first opened
    const root = widget.shadowRoot;
    return { title: root.querySelector("h2").textContent, items: root.querySelectorAll("[role=treeitem]").length, cells: root.querySelectorAll("td[data-item]").length };
  });
  assert.deepEqual(shown, { title: "Our Pledges to Londoners", items: 62, cells: 33 * 52 });
  await snippetPage.screenshot({ path: path.join(screenshots, "snippet-1280.png") });
  await snippetPage.close();
});

test("no console errors, page errors or failed requests", () => {
  assert.deepEqual(problems, []);
});
