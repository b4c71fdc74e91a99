// Themes and WCAG 2.2 AA of the <workplan-progress> widget: light and dark (prefers-color-scheme
// and the `theme` attribute), every colour a documented `--wp-*` property, and axe-core (tags
// wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) with no serious or critical violation on both
// London Councils examples, light and dark, at 1280 and 375 px, with a row explained and the heat
// map shown. Run: node --test browser/ (from bindings-wasm, after scripts/build-wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { COLOURS, SIZES, STYLE } from "../widget/style.js";
import { axe, contrast, repo, screenshots, startBrowser, waitReady } from "./helpers.mjs";

let browser;
let page;

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

test("every colour in the stylesheet is a --wp-* property with a light and a dark value", () => {
  // The declarations of the schemes are the only place colour literals may appear.
  const rules = STYLE.replace(/--_[\w-]+:var\(--wp-[\w-]+,[^)]*\)/g, "");
  const literals = rules.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|(?<![\w-])(white|black|red|green|blue|yellow|gray|grey)(?![\w-])/gi) ?? [];
  assert.deepEqual(literals, [], "hard-coded colours in the rules");
  const used = new Set([...STYLE.matchAll(/var\(--_([\w-]+)\)/g)].map((m) => `--wp-${m[1]}`));
  const defined = new Set(COLOURS.map((c) => c[0]));
  for (const name of used) assert.ok(defined.has(name), `${name} is used but has no light and dark value`);
  for (const [name, light, dark] of COLOURS) {
    assert.match(light, /^#[0-9a-f]{6}([0-9a-f]{2})?$/, name);
    assert.match(dark, /^#[0-9a-f]{6}([0-9a-f]{2})?$/, name);
  }
});

test("README.md documents every custom property with its light and dark values", () => {
  const readme = fs.readFileSync(path.join(repo, "bindings-wasm", "README.md"), "utf8");
  for (const [name, light, dark] of COLOURS) {
    const line = readme.split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
    assert.ok(line, `${name} has a row in the table`);
    assert.ok(line.includes(`\`${light}\``) && line.includes(`\`${dark}\``), `${name}: ${line}`);
  }
  for (const [name] of SIZES) assert.ok(readme.includes(`\`${name}\``), name);
});

/** The widget's own background and text colours, and the colour scheme its inputs get. */
function hostColours(id) {
  return page.evaluate((id) => {
    const widget = document.getElementById(id);
    const style = getComputedStyle(widget);
    const input = getComputedStyle(widget.shadowRoot.querySelector("input[type=search]"));
    return { background: style.backgroundColor, text: style.color, input: input.backgroundColor, inputText: input.color };
  }, id);
}

test("light and dark follow prefers-color-scheme, and the theme attribute wins", async () => {
  await page.emulateMedia({ colorScheme: "light" });
  const light = await hostColours("pledges");
  assert.equal(light.background, "rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await hostColours("pledges");
  assert.equal(dark.background, "rgb(13, 17, 23)");
  assert.notEqual(dark.input, light.input, "inputs follow the theme");
  assert.ok(contrast(dark.text, dark.background) >= 4.5);
  assert.ok(contrast(dark.inputText, dark.input) >= 4.5);
  await page.evaluate(() => document.getElementById("pledges").setAttribute("theme", "light"));
  assert.equal((await hostColours("pledges")).background, "rgb(255, 255, 255)", "theme=light in a dark page");
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => document.getElementById("pledges").setAttribute("theme", "dark"));
  assert.equal((await hostColours("pledges")).background, "rgb(13, 17, 23)", "theme=dark in a light page");
  await page.evaluate(() => document.getElementById("pledges").setAttribute("theme", "auto"));
  assert.equal((await hostColours("pledges")).background, "rgb(255, 255, 255)", "theme=auto follows the page");
  // A page's own value wins over both schemes.
  await page.evaluate(() => document.getElementById("pledges").style.setProperty("--wp-background", "#fdf6e3"));
  assert.equal((await hostColours("pledges")).background, "rgb(253, 246, 227)");
  await page.evaluate(() => document.getElementById("pledges").style.removeProperty("--wp-background"));
});

/** Opens a second-level row and explains it, in both widgets, and shows the heat map. */
async function explainRows() {
  await page.evaluate(() => {
    const business = document.getElementById("business-plan");
    business.select("finance.1");
    const pledges = document.getElementById("pledges");
    pledges.select("housing.4.a");
  });
}

for (const scheme of ["light", "dark"]) {
  for (const width of [1280, 375]) {
    test(`axe: no serious or critical WCAG 2.2 AA violation, ${scheme}, ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await explainRows();
      assert.equal(await page.locator("#pledges >> section.matrix").isVisible(), true, "the heat map is shown");
      assert.equal(await page.locator('#business-plan .explain[data-for="finance.1"]').isVisible(), true);
      const violations = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(violations, []);
      await page.screenshot({ path: path.join(screenshots, `a11y-${scheme}-${width}.png`), fullPage: false });
    });
  }
}

/** Words as axe-core compares them for label in name: lower case, no punctuation or symbols. */
const tokens = (text) =>
  text
    .normalize("NFKD")
    .replace(/\([^()]*\)/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .split(/\s+/)
    .filter(Boolean);

test("every row's name starts with its label and title, and holds all its visible text in order", async () => {
  for (const id of ["pledges", "business-plan"]) {
    const rows = await page.evaluate((id) => {
      const widget = document.getElementById(id);
      widget.expandAll();
      return [...widget.shadowRoot.querySelectorAll("li[role=treeitem]")].map((li) => {
        const row = li.querySelector(":scope>.row");
        return { id: li.dataset.id, name: li.getAttribute("aria-label"), title: row.querySelector(".name").innerText, text: row.innerText };
      });
    }, id);
    assert.ok(rows.length > 50);
    for (const row of rows) {
      assert.ok(row.name.startsWith(row.title.replace(/\s+/g, " ").trim()), `${row.id}: ${row.name}`);
      const name = tokens(row.name).join(" ");
      const shown = tokens(row.text).join(" ");
      assert.ok(name.startsWith(shown), `${row.id}: the visible "${shown}" is the start of the name "${name}"`);
    }
    await page.evaluate((id) => document.getElementById(id).collapseAll(), id);
  }
});

test("keyboard focus is the GOV.UK yellow with a dark edge, in both schemes", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator("#business-plan >> button.collapse").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const root = document.getElementById("business-plan").shadowRoot;
      const li = root.activeElement;
      const row = getComputedStyle(li.querySelector(":scope>.row"));
      return { role: li.getAttribute("role"), background: row.backgroundColor, color: row.color, shadow: row.boxShadow };
    });
    assert.equal(focus.role, "treeitem");
    assert.equal(focus.background, "rgb(255, 221, 0)", scheme);
    assert.equal(focus.color, "rgb(11, 12, 12)");
    assert.match(focus.shadow, /rgb\(11, 12, 12\)/);
  }
  await page.emulateMedia({ colorScheme: "light" });
});

test("no console errors, page errors or failed requests", () => {
  assert.deepEqual(browser.problems, []);
});
