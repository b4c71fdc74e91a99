// The <workplan-progress> widget in another language, its explanations as a committee reads them,
// and print: a French strings table supplied here with the fr-FR locale (dates and percentages by
// Intl), every word from the strings table, the `lang` of the page as the default locale; the
// explanation panel leading with the plain sentence, the members' returns in a closed <details>;
// print media with every row built and shown, the heat map split into tables, a PDF of several
// pages. Run: node --test browser/ (from bindings-wasm, after scripts/build-wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { expectedEngine, expectedRollup, formats, memberNames, screenshots, startBrowser, waitReady } from "./helpers.mjs";

let browser;
let page;
const AS_OF = "2020-12-31";

/** A French table for some of the words: the rest stays in English. */
const FRENCH = {
  search: "Rechercher",
  expand_all: "Tout ouvrir",
  collapse_all: "Tout fermer",
  status_off_track: "en retard",
  status_on_track: "dans les temps",
  status_done: "terminé",
  items_other: "{total} éléments",
  items_coverage_other: "{n} sur {total} éléments",
  summary_parent: "{item} : {progress} fait contre {expected} attendu au {date}, donc {status} ; {coverage}.",
};

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

/** Adds a widget of the business plan to the page, set up by `setup`, and waits for it. */
async function addWidget(id, attributes, strings) {
  await page.evaluate(
    async ({ id, attributes, strings }) => {
      const widget = document.createElement("workplan-progress");
      widget.id = id;
      for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
      widget.setAttribute("src", "../london-councils/business-plan-2020-21.yaml");
      widget.setAttribute("updates", "../london-councils/business-plan-2020-21-updates.csv");
      widget.setAttribute("as-of", "2020-12-31");
      if (strings) widget.strings = strings;
      document.body.append(widget);
      await widget.ready;
    },
    { id, attributes, strings },
  );
}

const spaces = (text) => text.replace(/[\u202f\u00a0]/g, " ");

test("French: dates, percentages and the words of a strings table", async () => {
  await addWidget("french", { locale: "fr-FR" }, FRENCH);
  const fr = formats("fr-FR");
  const rollup = expectedRollup("business-plan", AS_OF);
  const shown = await page.evaluate(() => {
    const widget = document.getElementById("french");
    const root = widget.shadowRoot;
    const row = root.querySelector('li[data-id="finance.1"] > .row');
    return {
      locale: widget.locale,
      asOf: root.querySelector(".as-of").textContent,
      pct: row.querySelector(".pct").textContent,
      when: row.querySelector(".when").textContent,
      status: row.querySelector(".chip .words").textContent,
      coverage: row.querySelector(".coverage").textContent,
      tools: root.querySelector(".tools").textContent,
      shown: root.querySelector(".shown").textContent,
      strings: widget.strings.search,
    };
  });
  const finance1 = rollup.rows.find((r) => r.id === "finance.1");
  assert.equal(shown.locale, "fr-FR");
  assert.equal(shown.asOf, fr.date(AS_OF));
  assert.equal(spaces(shown.asOf), "31 déc. 2020");
  assert.equal(spaces(shown.pct), "45,7 %");
  assert.equal(shown.pct, fr.percent(finance1.progress));
  assert.equal(shown.when, fr.date(finance1.last_update));
  assert.equal(shown.status, "en retard");
  assert.equal(shown.coverage, `${finance1.leaves_with_data} sur ${finance1.leaves} éléments`);
  assert.ok(shown.tools.includes("Rechercher") && shown.tools.includes("Tout ouvrir"), shown.tools);
  assert.equal(shown.shown, "202 éléments");
  assert.equal(shown.strings, "Rechercher");
  // The explanation's sentence comes from the table too, with French numbers and dates.
  const summary = await page.evaluate(() => {
    const widget = document.getElementById("french");
    widget.select("finance.1");
    return widget.shadowRoot.querySelector('.explain[data-for="finance.1"] .summary').textContent;
  });
  assert.ok(summary.startsWith("1 Delivering fair levels"), summary);
  assert.ok(spaces(summary).includes(`: 45,7 % fait contre ${spaces(fr.percent(finance1.expected))} attendu au 31 déc. 2020, donc en retard`), summary);
  await page.locator("#french").screenshot({ path: path.join(screenshots, "french-1280.png") });
});

test("a new locale or new strings redraw in place, keeping what is open and selected", async () => {
  const after = await page.evaluate(() => {
    const widget = document.getElementById("french");
    widget.setAttribute("locale", "en-GB");
    widget.strings = { expand_all: "Open everything" };
    const root = widget.shadowRoot;
    return {
      pct: root.querySelector('li[data-id="finance.1"] > .row .pct').textContent,
      selected: root.querySelector('li[aria-selected="true"]')?.dataset.id,
      explained: root.querySelectorAll(".explain").length,
      button: root.querySelector("button.expand").textContent,
      search: root.querySelector("label.search-field").textContent,
    };
  });
  assert.deepEqual(after, { pct: "45.7%", selected: "finance.1", explained: 1, button: "Open everything", search: "Rechercher" });
  await page.evaluate(() => document.getElementById("french").remove());
});

test("every word comes from the strings table", async () => {
  const { STRINGS } = await page.evaluate(async () => ({ STRINGS: { ...(await import("/bindings-wasm/widget/format.js")).STRINGS } }));
  // Each value marked, placeholders kept.
  const marked = Object.fromEntries(Object.entries(STRINGS).map(([key, value]) => [key, `⟦${value.replace(/[A-Za-z%]+(?![^{]*\})/g, "")}⟧`]));
  await addWidget("marked", { lang: "en-GB" }, marked);
  const leftovers = await page.evaluate(() => {
    const widget = document.getElementById("marked");
    widget.select("finance.1");
    const root = widget.shadowRoot;
    const words = [];
    for (const part of [".tools label > .words", ".tools button", ".legend", ".shown", ".explain h4", ".explain thead", '[role=tree] li[data-id="finance"] > .row .counts']) {
      for (const element of root.querySelectorAll(part)) words.push(element.textContent);
    }
    return words.map((w) => w.replace(/⟦[^⟧]*⟧/g, "").replace(/[^A-Za-z]+/g, " ").trim()).filter(Boolean);
  });
  assert.deepEqual(leftovers, []);
  await page.evaluate(() => document.getElementById("marked").remove());
});

test("without a locale attribute, the closest lang decides; else en-GB", async () => {
  const locales = await page.evaluate(async () => {
    const box = document.createElement("div");
    box.lang = "de";
    const widget = document.createElement("workplan-progress");
    box.append(widget);
    document.body.append(box);
    const inside = widget.locale;
    box.remove();
    return { inside, page: document.getElementById("pledges").locale };
  });
  assert.deepEqual(locales, { inside: "de", page: "en-GB" });
});

test("an explanation leads with the plain sentence, then the arithmetic; members' returns are behind a closed <details>", async () => {
  const engine = expectedEngine("pledges", AS_OF);
  const explanation = engine.explain("housing.4.a");
  const cells = engine.cells("housing.4.a");
  engine.free();
  const names = memberNames("pledges");
  const f = formats();
  const shown = await page.evaluate(() => {
    const widget = document.getElementById("pledges");
    widget.select("housing.4.a");
    const box = widget.shadowRoot.querySelector('.explain[data-for="housing.4.a"]');
    const details = box.querySelector("details");
    return {
      first: box.firstElementChild.className,
      summary: box.querySelector(".summary").textContent,
      order: [...box.children].map((c) => c.tagName.toLowerCase()),
      text: box.querySelector(".text").textContent,
      open: details.open,
      label: details.querySelector("summary").textContent,
      rows: [...details.querySelectorAll("tbody tr")].map((tr) => [...tr.cells].map((td) => td.textContent)),
      visibleLines: box.innerText.split("\n").filter(Boolean).length,
    };
  });
  assert.equal(shown.first, "summary");
  assert.equal(shown.summary, explanation.summary ?? shown.summary);
  assert.ok(shown.summary.includes("4 of 33 members") || shown.summary.includes(`${explanation.members?.reported} of`), shown.summary);
  assert.deepEqual(shown.order.slice(0, 3), ["p", "h4", "p"]);
  assert.equal(shown.text, explanation.text);
  assert.equal(shown.open, false, "the members' returns are closed by default");
  const expected = cells.filter((c) => c.state !== "out_of_scope");
  assert.equal(shown.label, `Show the ${expected.length} members' returns`);
  assert.deepEqual(
    shown.rows,
    expected.map((c) => [names.get(c.member), c.state === "reported" ? f.percent(c.progress) : { no_report: "no return", not_adopted: "not adopted" }[c.state], f.date(c.date)]),
  );
  assert.ok(shown.visibleLines < 12, `a short panel by default (${shown.visibleLines} lines)`);
  await page.evaluate(() => document.getElementById("pledges").select(null));
});

test("print: every row built and shown, toolbar hidden, heat map in tables of a few columns, several pages", async () => {
  const rollup = expectedRollup("pledges", AS_OF);
  const open = await page.evaluate(() => document.getElementById("pledges").shadowRoot.querySelectorAll('li[aria-expanded="true"]').length);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const out = {};
    for (const widget of document.querySelectorAll("workplan-progress")) {
      const root = widget.shadowRoot;
      const rows = [...root.querySelectorAll("li[role=treeitem] > .row")];
      out[widget.id] = {
        rows: rows.length,
        shown: rows.filter((r) => r.getBoundingClientRect().height > 0).length,
        clipped: rows.filter((r) => r.scrollHeight > r.clientHeight + 1).length,
        breakInside: getComputedStyle(rows[0]).breakInside,
        toolbar: getComputedStyle(root.querySelector(".tools")).display,
        tables: root.querySelectorAll(".matrix .print-only table").length,
        columns: [...root.querySelectorAll(".matrix .print-only table")].map((t) => t.rows[0].cells.length - 1),
        names: [...root.querySelectorAll(".matrix .print-only table")].map((t) => t.tBodies[0].rows.length),
        screenTable: root.querySelector(".matrix .wrap") ? getComputedStyle(root.querySelector(".matrix .wrap")).display : null,
      };
    }
    return out;
  });
  const business = expectedRollup("business-plan", AS_OF);
  assert.deepEqual(
    { rows: printed.pledges.rows, shown: printed.pledges.shown, clipped: printed.pledges.clipped },
    { rows: rollup.rows.length, shown: rollup.rows.length, clipped: 0 },
  );
  assert.deepEqual(
    { rows: printed["business-plan"].rows, shown: printed["business-plan"].shown },
    { rows: business.rows.length, shown: business.rows.length },
  );
  assert.equal(printed.pledges.breakInside, "avoid");
  assert.equal(printed.pledges.toolbar, "none");
  assert.equal(printed.pledges.screenTable, "none");
  assert.equal(printed.pledges.tables, Math.ceil(52 / 12));
  assert.equal(printed.pledges.columns.reduce((a, b) => a + b, 0), 52);
  assert.ok(printed.pledges.names.every((n) => n === 33), "member names repeated in every table");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const counts = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  const pages = Math.max(...counts);
  assert.ok(pages > 5 && pages < 200, `${pages} pages`);
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  const restored = await page.evaluate(() => {
    const root = document.getElementById("pledges").shadowRoot;
    return { open: root.querySelectorAll('li[aria-expanded="true"]').length, printTables: root.querySelectorAll(".matrix .print-only table").length };
  });
  assert.deepEqual(restored, { open, printTables: 0 }, "the tree as it was before printing");
});

test("no console errors, page errors or failed requests", () => {
  assert.deepEqual(browser.problems, []);
});
