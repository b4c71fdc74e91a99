// Returns as officers write them: a mapping of columns and words, every bad row at once, rows
// set aside, workbooks (not read by this build) and the findings on how returns were read.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { workplan, repo } from "./load.mjs";

const { Plan, Updates } = workplan;

function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error");
}

const CANONICAL =
  "item,date,status,percent,note\n" +
  "finance.1.a,2020-06-30,on_track,40,Started\n" +
  "finance.1.b,2020-09-30,at_risk,55,\n" +
  "finance.1.c,2020-12-31,done,100,Signed off\n" +
  "finance.1.d,2020-12-31,on_track,5,\n";

const OFFICERS =
  "Item ID,Return Date,RAG,% Complete,Comment\n" +
  "finance.1.a,2020-06-30,Green,0.4,Started\n" +
  "finance.1.b,2020-09-30,amber,0.55,\n" +
  "finance.1.c,2020-12-31,Complete,1,Signed off\n" +
  "finance.1.d,2020-12-31,On track,0.05,\n";

const MAPPING = {
  columns: { "Return date": "date", RAG: "status", "% complete": "percent", Comment: "note" },
  status: "rag",
  percent_scale: "fraction",
};

test("Title-Case headers and RAG words read through a mapping give the canonical returns", () => {
  const canonical = Updates.fromCsv(CANONICAL).toObject();
  assert.deepEqual(Updates.fromCsv(OFFICERS, { mapping: MAPPING }).toObject(), canonical);
  const bytes = new TextEncoder().encode(OFFICERS);
  assert.deepEqual(Updates.fromBytes(bytes, "csv", { mapping: MAPPING }).toObject(), canonical);
  assert.deepEqual(Updates.fromBytes(bytes, undefined, { mapping: MAPPING }).toObject(), canonical);
  // The one-argument calls still read the canonical form, and options may be left out or null.
  assert.deepEqual(Updates.fromCsv(CANONICAL, null).toObject(), canonical);
  assert.deepEqual(Updates.fromBytes(new TextEncoder().encode(CANONICAL)).toObject(), canonical);
  // Without the mapping, every unknown header is named with its place.
  const error = thrown(() => Updates.fromCsv(OFFICERS));
  assert.equal(error.name, "ParseError");
  assert.equal(error.code, "unknown_field");
  assert.deepEqual(
    error.errors.filter((e) => e.code === "unknown_field").map((e) => [e.message, e.line, e.column]),
    [
      ["unknown column `Return Date` in the header (line 1, column 9)", 1, 9],
      ["unknown column `RAG` in the header (line 1, column 21)", 1, 21],
      ["unknown column `% Complete` in the header (line 1, column 25)", 1, 25],
      ["unknown column `Comment` in the header (line 1, column 36)", 1, 36],
    ],
  );
  assert.equal(error.total, error.errors.length);
});

test("a bad mapping or onError throws the error core gives", () => {
  const error = thrown(() => Updates.fromCsv(CANONICAL, { mapping: { colums: {} } }));
  assert.ok(error instanceof Error);
  assert.equal(error.name, "ParseError");
  assert.equal(error.code, "unknown_field");
  assert.match(error.message, /unknown field `colums`.*did you mean `columns`/);
  const status = thrown(() => Updates.fromCsv(CANONICAL, { mapping: { status: { Purple: "purple" } } }));
  assert.equal(status.name, "ParseError");
  const onError = thrown(() => Updates.fromCsv(CANONICAL, { onError: "ignore" }));
  assert.equal(onError.name, "InvalidOptionError");
  assert.equal(onError.code, "invalid_option");
  assert.equal(onError.message, "invalid `onError`: `ignore` is not raise or collect");
  assert.deepEqual([onError.option, onError.value, onError.expected], ["onError", "ignore", "raise or collect"]);
});

const THREE_BAD =
  "item,date,status,percent\n" +
  "finance.1.a,2020-06-30,on_track,40\n" +
  "finance.1.b,2020-13-01,on_track,50\n" +
  "finance.1.c,2020-09-30,purple,60\n" +
  "finance.1.d,2020-09-30,at_risk,lots\n" +
  "finance.1.e,2020-12-31,done,100\n";

test("every bad row of a returns table is thrown at once, each with its place", () => {
  const error = thrown(() => Updates.fromCsv(THREE_BAD));
  assert.ok(error instanceof Error);
  assert.equal(error.name, "ParseError");
  assert.equal(error.total, 3);
  assert.equal(error.errors.length, 3);
  assert.match(error.message, /^3 problems in the returns; the first: /);
  for (const problem of error.errors) {
    assert.ok(problem instanceof Error);
    assert.equal(problem.name, "ParseError");
    assert.equal(problem.sheet, null);
    assert.equal(problem.cell, null);
  }
  assert.deepEqual(
    error.errors.map((e) => [e.line, e.column]),
    [[3, 13], [4, 24], [5, 32]],
  );
  assert.deepEqual(error.errors.map((e) => e.path), [[1, "date"], [2, "status"], [3, "percent"]]);
  assert.deepEqual(error.errors.map((e) => e.code), ["invalid_value", "invalid_value", "wrong_type"]);
  assert.equal(error.errors[0].message, "`2020-13-01` is not a real date at /1/date");
  // The error's own place is its first problem's.
  assert.deepEqual([error.code, error.line, error.column, error.path], [error.errors[0].code, 3, 13, error.errors[0].path]);
  assert.equal([error.sheet, error.cell].join(), ",");
});

test("a single problem is its own only element", () => {
  const error = thrown(() => Plan.fromJson("{"));
  assert.equal(error.total, 1);
  assert.equal(error.errors.length, 1);
  assert.equal(error.errors[0], error);
  assert.equal(error.sheet, null);
  assert.equal(error.cell, null);
});

test('onError: "collect" keeps the good rows and sets the bad ones aside', () => {
  const updates = Updates.fromCsv(THREE_BAD, { onError: "collect" });
  assert.deepEqual(updates.toObject().map((u) => u.item), ["finance.1.a", "finance.1.e"]);
  const aside = updates.setAside;
  assert.equal(aside.length, 3);
  assert.deepEqual(aside.map((row) => [row.line, row.column, row.path]), [[3, 1, [1]], [4, 1, [2]], [5, 1, [3]]]);
  assert.deepEqual(aside[0].cells, { item: "finance.1.b", date: "2020-13-01", status: "on_track", percent: "50" });
  assert.deepEqual(Object.keys(aside[0]).sort(), ["cell", "cells", "column", "errors", "line", "path", "sheet"]);
  assert.equal(aside[0].sheet, null);
  assert.equal(aside[0].cell, null);
  for (const row of aside) {
    assert.equal(row.errors.length, 1);
    assert.equal(typeof row.errors[0], "string");
  }
  assert.equal(aside[0].errors[0], "`2020-13-01` is not a real date at /1/date");
  assert.match(aside[1].errors[0], /^`purple` is not a status/);
  // Nothing is set aside when every row is read.
  assert.deepEqual(Updates.fromCsv(CANONICAL, { onError: "collect" }).setAside, []);
  assert.deepEqual(Updates.fromCsv(CANONICAL).setAside, []);
});

test("a workbook is not read by the wasm build: save the sheet as CSV", () => {
  const bytes = fs.readFileSync(path.join(repo, "examples", "london-councils", "business-plan-2020-21-returns.xlsx"));
  const error = thrown(() => Updates.fromBytes(bytes));
  assert.ok(error instanceof Error);
  assert.equal(error.code, "encoding_error");
  assert.match(error.message, /CSV/);
  const mapped = thrown(() => Updates.fromBytes(bytes, undefined, { mapping: { status: "rag", percent_scale: "fraction" } }));
  assert.equal(mapped.code, "encoding_error");
});

test("percents that look like fractions are a finding of validateWith", () => {
  const fixture = path.join(repo, "tests", "fixtures", "validate-percent-looks-fractional");
  const plan = Plan.fromYaml(fs.readFileSync(path.join(fixture, "plan.yaml"), "utf8"));
  const updates = Updates.fromCsv(fs.readFileSync(path.join(fixture, "updates.csv"), "utf8"));
  const found = plan.validateWith(updates).find((d) => d.code === "percent_looks_fractional");
  assert.ok(found, "percent_looks_fractional is reported");
  assert.equal(found.severity, "warning");
  assert.equal(found.document, "updates");
  assert.deepEqual([found.path, found.line, found.column], [[0, "percent"], 2, 23]);
  assert.equal("sheet" in found, false);
  // Declared as fractions, the same returns are read as percents and give no warning.
  const declared = Updates.fromCsv(fs.readFileSync(path.join(fixture, "updates.csv"), "utf8"), {
    mapping: { percent_scale: "fraction" },
  });
  assert.deepEqual(declared.toObject().map((u) => u.percent), [55, 100, 20]);
  assert.equal(plan.validateWith(declared).some((d) => d.code === "percent_looks_fractional"), false);
});
