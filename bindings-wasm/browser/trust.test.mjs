// The <workplan-progress> widget must not mislead (issue 17): how much data is in on every row,
// low coverage drawn as such, reported and derived statuses told apart, the missing-returns switch,
// a heat map that reads (four states, contrast, headings, names, sticky corner), the error
// contract of live returns, the CSV download and the debounced search. Headless Chromium, against
// examples/web/index.html; every expectation comes from the Node build of the same wasm.
// Run: node --test browser/ (from bindings-wasm, after scripts/build-wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { contrast, coverageWords, expectedEngine, expectedRollup, formats, isLow, memberNames, screenshots, startBrowser, waitReady } from "./helpers.mjs";

let browser;
let page;
const AS_OF = "2020-12-31";

before(async () => {
  browser = await startBrowser();
  page = browser.page;
  await page.goto(`${browser.base}/examples/web/index.html`);
  await waitReady(page, "pledges");
  await waitReady(page, "business-plan");
});

after(async () => {
  await browser?.close();
});

/** Every row as shown: coverage words, low-coverage drawing, chip source and style, name. */
function readRows(id) {
  return page.evaluate((id) => {
    const widget = document.getElementById(id);
    widget.expandAll();
    return [...widget.shadowRoot.querySelectorAll("li[role=treeitem]")].map((li) => {
      const row = li.querySelector(":scope>.row");
      const chip = row.querySelector(".chip");
      const low = row.querySelector(".low");
      const chipStyle = getComputedStyle(chip);
      return {
        id: li.dataset.id,
        coverage: row.querySelector(".coverage").textContent,
        coverageShown: row.querySelector(".coverage").checkVisibility(),
        lowShown: low.checkVisibility(),
        lowText: low.textContent,
        lowClass: li.classList.contains("low-coverage"),
        barImage: getComputedStyle(row.querySelector(".bar")).backgroundImage,
        source: chip.dataset.source ?? null,
        chipBorder: chipStyle.borderTopStyle,
        chipBackground: chipStyle.backgroundColor,
        name: li.getAttribute("aria-label"),
        visible: `${row.querySelector(".label").textContent} ${row.querySelector(".title").textContent}`.trim(),
      };
    });
  }, id);
}

test("every row says how much of its data is in, and low coverage is drawn as such", async () => {
  let lows = 0;
  let fine = 0;
  for (const id of ["pledges", "business-plan"]) {
    const rollup = expectedRollup(id, AS_OF);
    const shown = await readRows(id);
    assert.equal(shown.length, rollup.rows.length);
    const byId = new Map(shown.map((r) => [r.id, r]));
    for (const row of rollup.rows) {
      const dom = byId.get(row.id);
      const words = coverageWords(row);
      assert.equal(dom.coverage, words, `${row.id} coverage`);
      assert.ok(dom.coverageShown, `${row.id} coverage visible`);
      assert.ok(dom.name.includes(words), `${row.id} name says the coverage: ${dom.name}`);
      assert.ok(dom.name.startsWith(dom.visible), `${row.id} name starts with the visible text: ${dom.name}`);
      const low = isLow(row);
      assert.equal(dom.lowClass, low, `${row.id} low coverage class`);
      assert.equal(dom.lowShown, low, `${row.id} low coverage words shown`);
      assert.equal(dom.lowText, "low coverage");
      assert.equal(dom.name.includes("low coverage"), low, `${row.id} name says low coverage`);
      assert.equal(dom.barImage.includes("repeating-linear-gradient"), low, `${row.id} hatched bar: ${dom.barImage}`);
      if (low) lows += 1;
      else if (row.included) fine += 1;
    }
  }
  assert.ok(lows > 0 && fine > 0, `both kinds of rows are in the examples (${lows} low, ${fine} not)`);
  await page.locator("#pledges").screenshot({ path: path.join(screenshots, "pledges-coverage-1280.png") });
});

test("reported and derived statuses look different, and the key says what each means", async () => {
  let reported = 0;
  let derived = 0;
  for (const id of ["pledges", "business-plan"]) {
    const rollup = expectedRollup(id, AS_OF);
    const shown = new Map((await readRows(id)).map((r) => [r.id, r]));
    for (const row of rollup.rows.filter((r) => r.included)) {
      const dom = shown.get(row.id);
      assert.equal(dom.source, row.status_source, row.id);
      if (row.status_source === "reported") {
        reported += 1;
        assert.equal(dom.chipBorder, "solid", row.id);
        assert.notEqual(dom.chipBackground, "rgba(0, 0, 0, 0)", row.id);
        assert.ok(dom.name.includes("reported by the officer"), dom.name);
      } else {
        derived += 1;
        assert.equal(dom.chipBorder, "dashed", row.id);
        assert.equal(dom.chipBackground, "rgba(0, 0, 0, 0)", row.id);
        assert.ok(dom.name.includes("derived from the schedule"), dom.name);
      }
    }
  }
  assert.ok(reported > 0 && derived > 0, `${reported} reported, ${derived} derived`);
  const legend = await page.locator("#business-plan >> .legend").textContent();
  for (const words of ["reported by the officer", "derived from the schedule", "low coverage: less than 50% of the data is in"]) {
    assert.ok(legend.includes(words), `the key says "${words}": ${legend}`);
  }
  await page.evaluate(() => document.getElementById("business-plan").collapseAll());
  await page.evaluate(() => document.getElementById("pledges").collapseAll());
});

test("the toolbar switches missing returns between zero and left out, and re-rolls up", async () => {
  const select = page.locator("#business-plan >> label.missing-field select");
  assert.equal(await select.inputValue(), "zero");
  const zero = expectedRollup("business-plan", AS_OF);
  const exclude = expectedRollup("business-plan", AS_OF, { missing: "exclude" });
  const differ = exclude.rows.filter((r, i) => r.progress !== zero.rows[i].progress);
  assert.ok(differ.length > 0, "the setting changes some numbers");
  await select.selectOption("exclude");
  await waitReady(page, "business-plan");
  const after = await page.evaluate(() => {
    const widget = document.getElementById("business-plan");
    return { settings: widget.settings, rows: widget.rollup.rows };
  });
  assert.deepEqual(after.settings, { missing: "exclude" });
  assert.deepEqual(after.rows, exclude.rows);
  const top = differ.find((r) => r.depth === 0) ?? differ[0];
  const f = formats();
  await page.evaluate((id) => document.getElementById("business-plan").select(id), top.id);
  assert.equal(await page.locator(`#business-plan li[data-id="${top.id}"] > .row .pct`).textContent(), top.progress === null ? "no data" : f.percent(top.progress));
  await page.evaluate(() => document.getElementById("business-plan").select(null));
  await select.selectOption("zero");
  await waitReady(page, "business-plan");
  assert.deepEqual(await page.evaluate(() => document.getElementById("business-plan").rollup.rows), zero.rows);
  await page.evaluate(() => (document.getElementById("business-plan").settings = null));
  await waitReady(page, "business-plan");
});

/** The heat map's cells with their computed colours. */
function readCells(id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const host = getComputedStyle(root.host);
    const colour = (name) => {
      const probe = document.createElement("span");
      probe.style.color = `var(${name})`;
      root.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    const stripes = [colour("--_not-adopted"), colour("--_not-adopted-stripe")];
    return [...root.querySelectorAll("td[data-item]")].map((td) => {
      const style = getComputedStyle(td);
      return {
        item: td.dataset.item,
        member: td.dataset.member,
        state: td.dataset.state,
        text: td.textContent,
        color: style.color,
        backgrounds: td.dataset.state === "not_adopted" ? stripes : [style.backgroundColor],
        fontSize: parseFloat(style.fontSize),
        host: host.color,
      };
    });
  }, id);
}

test("the heat map has four labelled states, each with its own fill and symbol, all readable", async () => {
  const rollup = expectedRollup("pledges", AS_OF);
  const cells = await readCells("pledges");
  assert.equal(cells.length, rollup.adoption.length);
  const byKey = new Map(cells.map((c) => [`${c.item} ${c.member}`, c]));
  const fills = new Map();
  for (const cell of rollup.adoption) {
    const dom = byKey.get(`${cell.item} ${cell.member}`);
    assert.equal(dom.state, cell.state);
    const text = cell.state === "reported" ? (cell.progress === null ? "●" : String(Math.round(cell.progress * 100))) : { no_report: "○", not_adopted: "✕", out_of_scope: "–" }[cell.state];
    assert.equal(dom.text, text, `${cell.item} ${cell.member}`);
    for (const background of dom.backgrounds) {
      const ratio = contrast(dom.color, background);
      assert.ok(ratio >= 4.5, `${cell.item} ${cell.member} (${cell.state} ${cell.progress}): ${dom.color} on ${background} is ${ratio.toFixed(2)}:1`);
    }
    if (cell.state !== "reported") fills.set(cell.state, dom.backgrounds.join(" "));
  }
  assert.equal(new Set(fills.values()).size, fills.size, `distinct fills besides the greens: ${[...fills]}`);
  // The key shows all four states, each with its own fill (and the cells' symbols).
  const swatches = await page.evaluate(() =>
    [...document.getElementById("pledges").shadowRoot.querySelectorAll(".cellkey .swatch")].map((s) => {
      const style = getComputedStyle(s);
      return { text: s.textContent, fill: `${style.backgroundColor} ${style.backgroundImage}` };
    }),
  );
  assert.equal(swatches.length, 4);
  assert.equal(new Set(swatches.map((s) => s.fill)).size, 4, JSON.stringify(swatches));
  const key = await page.locator("#pledges >> .cellkey").textContent();
  for (const words of ["reported", "no return", "not adopted", "not in scope"]) assert.ok(key.includes(words), key);
  for (const symbol of ["○", "✕", "–"]) assert.ok(key.includes(symbol), key);
});

test("column headings show the label and a short title, the full title on hover and on focus", async () => {
  const rollup = expectedRollup("pledges", AS_OF);
  const rows = new Map(rollup.rows.map((r) => [r.id, r]));
  const headings = await page.evaluate(() =>
    [...document.getElementById("pledges").shadowRoot.querySelectorAll("th[data-col]")].map((th) => ({ id: th.dataset.col, text: th.textContent, title: th.getAttribute("title") })),
  );
  assert.equal(headings.length, 52);
  for (const heading of headings) {
    const row = rows.get(heading.id);
    const mark = row.label ?? row.number ?? row.id;
    assert.ok(heading.text.startsWith(`${mark} `), heading.text);
    assert.notEqual(heading.text, `${mark} ${heading.id}`);
    const short = heading.text.slice(mark.length + 1);
    assert.ok(short.length <= 28, short);
    assert.ok(row.title.startsWith(short.replace(/…$/, "")), `${short} is the start of ${row.title}`);
    assert.equal(heading.title, `${mark} ${row.title}`);
  }
  const long = headings.find((h) => rows.get(h.id).title.length > 28);
  assert.ok(long, "a long title to truncate");
  const th = page.locator(`#pledges th[data-col="${long.id}"]`);
  await th.hover();
  assert.ok((await page.locator("#pledges >> .tip").textContent()).includes(rows.get(long.id).title));
  await page.mouse.move(0, 0);
  // Keyboard: from the first cell up into the headings.
  await page.locator(`#pledges td[data-item="${headings[0].id}"]`).first().focus();
  await page.keyboard.press("ArrowUp");
  const focused = await page.evaluate(() => document.getElementById("pledges").shadowRoot.activeElement?.dataset.col);
  assert.equal(focused, headings[0].id);
  assert.equal(await page.locator("#pledges >> .tip").isVisible(), true);
  assert.ok((await page.locator("#pledges >> .tip").textContent()).includes(rows.get(headings[0].id).title));
});

test("member names are written in full, and the corner stays above both sticky headers", async () => {
  const names = memberNames("pledges");
  const shown = await page.evaluate(() =>
    [...document.getElementById("pledges").shadowRoot.querySelectorAll(".matrix .wrap tbody th")].map((th) => ({
      text: th.textContent,
      clipped: th.scrollWidth > th.clientWidth + 1 || th.scrollHeight > th.clientHeight + 1,
      overflow: getComputedStyle(th).textOverflow,
    })),
  );
  assert.deepEqual(
    shown.map((s) => s.text),
    [...names.values()],
  );
  for (const s of shown) {
    assert.equal(s.clipped, false, s.text);
    assert.notEqual(s.overflow, "ellipsis");
  }
  const corner = await page.evaluate(async () => {
    const root = document.getElementById("pledges").shadowRoot;
    const wrap = root.querySelector(".matrix .wrap");
    wrap.scrollTop = 200;
    wrap.scrollLeft = 300;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const th = root.querySelector(".matrix thead th:first-child");
    const box = th.getBoundingClientRect();
    const hit = root.elementFromPoint(box.left + 3, box.top + 3);
    const style = getComputedStyle(th);
    const out = { hit: hit === th || th.contains(hit), zIndex: style.zIndex, background: style.backgroundColor };
    wrap.scrollTop = 0;
    wrap.scrollLeft = 0;
    return out;
  });
  assert.deepEqual(corner, { hit: true, zIndex: "2", background: corner.background });
  assert.notEqual(corner.background, "rgba(0, 0, 0, 0)");
  await page.locator("#pledges >> section.matrix").screenshot({ path: path.join(screenshots, "heatmap-1280.png") });
});

test("a return that cannot be applied throws with a code, changes nothing, and sets error", async () => {
  const cases = [
    [{ item: "no.such.item", date: AS_OF, percent: 10 }, "unknown_item"],
    [{ item: "housing.4.a", date: AS_OF, percent: 10 }, "member_missing"],
    [{ item: "housing.4.a", member: "atlantis", date: AS_OF, percent: 10 }, "unknown_member"],
  ];
  for (const [update, code] of cases) {
    const result = await page.evaluate((update) => {
      const widget = document.getElementById("pledges");
      const before = JSON.stringify(widget.rollup);
      const dom = widget.shadowRoot.querySelector("ul[role=tree]").innerHTML;
      let events = 0;
      const listen = () => (events += 1);
      widget.addEventListener("workplan-error", listen);
      let thrown = null;
      try {
        widget.applyUpdate(update);
      } catch (error) {
        thrown = { isError: error instanceof Error, code: error.code, message: error.message, same: widget.error === error };
      }
      widget.removeEventListener("workplan-error", listen);
      return { thrown, events, unchanged: JSON.stringify(widget.rollup) === before, domUnchanged: widget.shadowRoot.querySelector("ul[role=tree]").innerHTML === dom };
    }, update);
    assert.ok(result.thrown, `${code}: it throws`);
    assert.equal(result.thrown.isError, true);
    assert.equal(result.thrown.code, code, result.thrown.message);
    assert.equal(result.thrown.same, true, "widget.error is the error thrown");
    assert.equal(result.events, 1, "one workplan-error event");
    assert.equal(result.unchanged, true);
    assert.equal(result.domUnchanged, true);
  }
  // A batch with one bad return applies none of them.
  const batch = await page.evaluate(() => {
    const widget = document.getElementById("business-plan");
    const before = JSON.stringify(widget.rollup);
    try {
      widget.appendUpdates([
        { item: "finance.1.d", date: "2020-12-31", percent: 90 },
        { item: "nope", date: "2020-12-31", percent: 10 },
      ]);
      return "applied";
    } catch (error) {
      return { code: error.code, unchanged: JSON.stringify(widget.rollup) === before };
    }
  });
  assert.deepEqual(batch, { code: "unknown_item", unchanged: true });
});

test("Download CSV (opt-in) exports the rows shown, with their status source and coverage", async () => {
  assert.equal(await page.locator("#business-plan >> button.download").isVisible(), false, "off by default");
  await page.evaluate(() => document.getElementById("business-plan").setAttribute("download", ""));
  const button = page.locator("#business-plan >> button.download");
  assert.equal(await button.textContent(), "Download CSV");
  await page.evaluate(() => (document.getElementById("business-plan").filter = { status: "off_track" }));
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const text = fs.readFileSync(await download.path(), "utf8");
  const visible = await page.evaluate(() =>
    [...document.getElementById("business-plan").shadowRoot.querySelectorAll("li[role=treeitem]")].filter((li) => li.checkVisibility()).map((li) => li.dataset.id),
  );
  const rows = new Map(expectedRollup("business-plan", AS_OF).rows.map((r) => [r.id, r]));
  const lines = text.trimEnd().split("\r\n");
  assert.equal(lines[0], "id,label,title,progress,expected,status,status_source,coverage");
  const parse = (line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, 8).map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]));
  const body = lines.slice(1).map(parse);
  assert.deepEqual(
    body.map((r) => r[0]),
    visible,
  );
  for (const [id, label, title, progress, expected, status, source, coverage] of body) {
    const row = rows.get(id);
    assert.equal(label, row.label ?? "");
    assert.equal(title, row.title);
    assert.equal(progress, row.progress === null ? "" : String(row.progress));
    assert.equal(expected, row.expected === null ? "" : String(row.expected));
    assert.equal(status, row.included ? row.status : row.state);
    assert.equal(source, row.included ? row.status_source : "");
    assert.equal(coverage, `${coverageWords(row)}${isLow(row) ? " (low coverage)" : ""}`);
  }
  assert.ok(body.some((r) => r[5] === "off_track"));
  await page.evaluate(() => {
    const widget = document.getElementById("business-plan");
    widget.filter = {};
    widget.removeAttribute("download");
  });
});

test("the search waits for typing to pause", async () => {
  const shown = page.locator("#business-plan >> .shown");
  assert.equal(await shown.textContent(), "202 items");
  const search = page.locator("#business-plan >> input[type=search]");
  await search.pressSequentially("clim", { delay: 20 });
  assert.equal(await shown.textContent(), "202 items", "not yet: typing goes on");
  await page.waitForFunction(() => document.getElementById("business-plan").shadowRoot.querySelector(".shown").textContent !== "202 items", null, { timeout: 2000 });
  assert.match(await shown.textContent(), /^\d+ of 202 items? match/);
  await search.fill("");
  await page.waitForFunction(() => document.getElementById("business-plan").shadowRoot.querySelector(".shown").textContent === "202 items", null, { timeout: 2000 });
});

test("rows are built when first opened, searched for or selected, with their place in the tree", async () => {
  const rows = expectedRollup("business-plan", AS_OF).rows;
  const deep = rows.filter((r) => r.depth === 2);
  const [opened, searched, selected] = [deep[0], deep[deep.length - 1], deep[Math.floor(deep.length / 2)]];
  const built = (id) => page.evaluate((id) => {
    const widget = document.getElementById("lazy");
    const li = widget.shadowRoot.querySelector(`li[data-id="${id}"]`);
    return li ? { visible: li.checkVisibility(), level: li.getAttribute("aria-level"), posinset: li.getAttribute("aria-posinset"), setsize: li.getAttribute("aria-setsize") } : null;
  }, id);
  const place = (row) => {
    const siblings = rows.filter((r) => r.parent === row.parent);
    return { level: String(row.depth + 1), posinset: String(siblings.indexOf(row) + 1), setsize: String(siblings.length) };
  };
  await page.evaluate(async () => {
    const widget = document.createElement("workplan-progress");
    widget.id = "lazy";
    widget.setAttribute("src", "../london-councils/business-plan-2020-21.yaml");
    widget.setAttribute("updates", "../london-councils/business-plan-2020-21-updates.csv");
    widget.setAttribute("as-of", "2020-12-31");
    document.body.append(widget);
    await widget.ready;
  });
  const first = await page.evaluate(() => document.getElementById("lazy").shadowRoot.querySelectorAll("li[role=treeitem]").length);
  assert.ok(first < rows.length / 2, `only the open levels are built at first (${first} of ${rows.length})`);
  for (const row of [opened, searched, selected]) assert.equal(await built(row.id), null, `${row.id} not built yet`);
  await page.locator(`#lazy li[data-id="${opened.parent}"] > .row .twisty`).click();
  assert.deepEqual(await built(opened.id), { visible: true, ...place(opened) });
  await page.evaluate((title) => (document.getElementById("lazy").filter = { text: title }), searched.title);
  assert.deepEqual(await built(searched.id), { visible: true, ...place(searched) });
  await page.evaluate(() => (document.getElementById("lazy").filter = {}));
  await page.evaluate((id) => document.getElementById("lazy").select(id), selected.id);
  assert.deepEqual(await built(selected.id), { visible: true, ...place(selected) });
  await page.evaluate(() => document.getElementById("lazy").remove());
});

test("no console errors, page errors or failed requests", () => {
  assert.deepEqual(browser.problems, []);
});
