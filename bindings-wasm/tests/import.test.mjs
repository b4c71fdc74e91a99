// importPaper(text) (docs/import.md): a committee paper's text read into a draft plan, as the
// command line reads it; a text with no outline throws a PaperImportError.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { workplan } from "./load.mjs";

const papers = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../examples/london-councils/papers");

test("the numbered paper gives the draft and a summary that counts every line", () => {
  const text = fs.readFileSync(path.join(papers, "business-plan-2020-21.txt"), "utf8");
  const imported = workplan.importPaper(text);
  assert.ok(imported.plan instanceof workplan.Plan);
  assert.equal(imported.plan.id, "business-plan-2020-21");
  const summary = imported.summary;
  assert.equal(summary.shape, "numbered");
  assert.deepEqual(
    summary.levels.map((l) => [l.name, l.items]),
    [["Portfolio", 11], ["Priority", 33], ["Output", 145], ["Sub-output", 13]],
  );
  assert.equal(summary.lines_total, text.split("\n").length - (text.endsWith("\n") ? 1 : 0));
  assert.equal(summary.lines_used + summary.unused.length, summary.lines_total);
  assert.equal(imported.plan.validate().filter((d) => d.severity === "error").length, 0);
  assert.match(imported.summaryText(), /^read as: numbered headings and lettered outputs\nitems: 11 Portfolio/);
});

test("levels are named from the paper's words, or as given", () => {
  const text = fs.readFileSync(path.join(papers, "pledges-to-londoners.txt"), "utf8");
  const imported = workplan.importPaper(text);
  assert.deepEqual(imported.summary.levels.map((l) => l.name), ["Area", "Pledge", "Sub-pledge"]);
  assert.match(imported.summaryText(true), /level Area: named from the paper's words "46 specific pledges/);
  const given = workplan.importPaper(text, { levels: ["Policy area"] });
  assert.equal(given.summary.levels[0].name, "Policy area");
  assert.throws(() => workplan.importPaper(text, { levels: "Area" }), { name: "InvalidOptionError", option: "levels" });
});

test("a text with no outline throws a PaperImportError that says so", () => {
  assert.throws(() => workplan.importPaper("Minutes\n\nMembers discussed the budget.\n"), (error) => {
    assert.ok(error instanceof Error);
    assert.equal(error.name, "PaperImportError");
    assert.equal(error.code, "paper_nothing_read");
    assert.equal(error.lines, 3);
    assert.match(error.message, /no items read from the paper's 3 lines/);
    return true;
  });
});

test("idsFrom gives the draft the ids of another version of the plan", () => {
  const paper = fs.readFileSync(path.join(papers, "business-plan-2020-21-draft-2020-03-03.txt"), "utf8");
  const finalText = fs.readFileSync(path.join(papers, "../business-plan-2020-21.yaml"), "utf8");
  const final = workplan.Plan.fromYaml(finalText);
  const ids = (plan) => new Set(plan.toObject().items.map((item) => item.id));
  assert.ok(ids(workplan.importPaper(paper).plan).has("regional"));
  const kept = workplan.importPaper(paper, { idsFrom: final.toObject() }).plan;
  assert.ok(ids(kept).has("employers") && !ids(kept).has("regional"));
  assert.throws(() => workplan.importPaper(paper, { idsFrom: { workplan: 1 } }), { name: "ParseError" });
});
