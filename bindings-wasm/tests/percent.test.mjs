// Percentages as every face writes them: the shared cases of tests/display/percent.json through the
// package's `formatPercent` (the library's formatter), and the widget's `Format.percent`, which
// writes the library's digits in its locale.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";
import { initSync } from "../pkg/web/workplan_wasm.js";
import { Format, formatPercent } from "../widget/format.js";

const { cases } = JSON.parse(fs.readFileSync(path.join(repo, "tests", "display", "percent.json"), "utf8"));
initSync({ module: fs.readFileSync(path.join(repo, "bindings-wasm", "pkg", "web", "workplan_wasm_bg.wasm")) });

/** The digits of a text, whatever the locale puts around them: `45,7 %` -> `457`. */
const digits = (text) => text.replace(/[^0-9]/g, "");

test("the package writes the shared cases as the library does", () => {
  assert.ok(cases.length > 20);
  for (const [value, text] of cases) {
    assert.equal(workplan.formatPercent(value), text, String(value));
    assert.equal(formatPercent(value), text, `the widget's export, ${value}`);
  }
  assert.equal(workplan.formatPercent(undefined), "-");
});

test("the widget writes the library's digits in its locale", () => {
  const english = new Format("en-GB");
  const french = new Format("fr-FR");
  for (const [value, text] of cases) {
    if (value === null) {
      assert.equal(english.percent(value), "–");
      continue;
    }
    assert.equal(english.percent(value), text, String(value));
    assert.equal(digits(french.percent(value)), digits(text), `fr-FR ${value}: ${french.percent(value)}`);
  }
  assert.equal(french.percent(0.457).replace(/\s/g, " "), "45,7 %");
  // A tie: the library writes 31.2%; Intl alone would round it to 31.3%.
  assert.equal(new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }).format(0.3125), "31.3%");
  assert.equal(english.percent(0.3125), "31.2%");
});
