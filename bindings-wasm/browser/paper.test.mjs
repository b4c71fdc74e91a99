// The HTML committee paper printed to PDF in headless Chromium: each top-level item starts a page,
// no row is split across pages, every row says how much of its data is in. The papers are the
// snapshots that core/tests/papers.rs checks against the library's output.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { repo } from "../tests/load.mjs";

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
});
after(async () => {
  await browser?.close();
});

/** The number of pages of a PDF (the largest /Count of its page tree). */
function pageCount(pdf) {
  const text = pdf.toString("latin1");
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)];
  return Math.max(...counts.map((m) => Number(m[1] ?? m[2])));
}

for (const stem of ["business-plan-2020-21", "pledges-2019-2022"]) {
  test(`the ${stem} paper prints with a page per top-level item and no row cut`, async () => {
    const html = fs.readFileSync(path.join(repo, "tests", "snapshots", `${stem}.html`), "utf8");
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      await page.emulateMedia({ media: "print" });
      const layout = await page.evaluate(() => {
        const bodies = [...document.querySelectorAll("table.plan tbody.top")];
        const rows = [...document.querySelectorAll("table.plan tbody tr")];
        return {
          tops: bodies.length,
          breaks: bodies.map((b) => getComputedStyle(b).breakBefore),
          rows: rows.length,
          unbroken: rows.filter((r) => getComputedStyle(r).breakInside === "avoid").length,
          withData: rows.filter((r) => r.cells[5]?.textContent.trim()).length,
          shown: rows.filter((r) => r.getBoundingClientRect().height > 0).length,
          headerRepeats: getComputedStyle(document.querySelector("table.plan thead")).display,
        };
      });
      assert.ok(layout.tops > 1, `${layout.tops} top-level items`);
      assert.deepEqual(layout.breaks, ["auto", ...Array(layout.tops - 1).fill("page")], "each top-level item after the first starts a page");
      assert.equal(layout.unbroken, layout.rows, "no row may be split across pages");
      assert.equal(layout.shown, layout.rows, "every row is printed");
      assert.equal(layout.withData, layout.rows, "every row says how much of its data is in");
      assert.equal(layout.headerRepeats, "table-header-group", "the column heads repeat on every page");
      const pages = pageCount(await page.pdf({ format: "A4", printBackground: true }));
      assert.ok(pages >= layout.tops && pages < layout.rows, `${pages} pages for ${layout.tops} top-level items and ${layout.rows} rows`);
    } finally {
      await page.close();
    }
  });
}
