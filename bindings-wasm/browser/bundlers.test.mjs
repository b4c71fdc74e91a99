// The npm package as users consume it, in a real browser: a temporary project gets the packed
// package (`npm pack`, extracted into node_modules/workplan); pages that import it by its name are
// built with esbuild (two recipes, bundlers/esbuild/build.mjs) and with Vite (`build()`, and its
// dev server), or use the import map of the README's plain page; each is served by a small static
// server (or Vite's) and loaded in headless Chromium. Each must render the widget's rows with the numbers of the Node build, call
// the library through `workplan`, fetch the wasm, and have no failed request and no console error.
// Also: the packed package holds every file its `exports` name, and Node runs `import init` from it.
// Run: node --test browser/ (from bindings-wasm, after scripts/build-wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import * as esbuild from "esbuild";
import { createServer, build as viteBuild } from "vite";
import { exportTargets, installPacked, packageDir } from "../bundlers/pack.mjs";
import { buildCopyingWasm, buildWithFileLoader } from "../bundlers/esbuild/build.mjs";
import { repo, workplan } from "../tests/load.mjs";

const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const fixtures = path.join(packageDir, "bundlers");
const examples = path.join(repo, "examples", "london-councils");
const PLAN = "pledges-2019-2022.yaml";
const UPDATES = "pledges-2019-2022-updates.csv";
const AS_OF = "2021-03-31";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".yaml": "text/yaml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};

let scratch;
/** A project where the packed package was installed; newProject copies its node_modules. */
let installed;
let packedFiles;
let browser;
const servers = [];

/** Serves the files under `root` (GET only; 404 for anything else); resolves to its base URL. */
function serve(root) {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) file = root; // no escape from root
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (request.method !== "GET" || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}/`)));
}

let projects = 0;

/**
 * A new project: a copy of the fixture directory bundlers/<fixture> (if given), a package.json and
 * a copy of the installed package in node_modules/workplan.
 */
function newProject(fixture) {
  const dir = path.join(scratch, `project-${++projects}`);
  if (fixture) fs.cpSync(path.join(fixtures, fixture), dir, { recursive: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  fs.cpSync(path.join(installed, "node_modules"), path.join(dir, "node_modules"), { recursive: true });
  return dir;
}

/** Puts the plan and its returns where the page fetches them. */
function addData(dir) {
  for (const name of [PLAN, UPDATES]) fs.copyFileSync(path.join(examples, name), path.join(dir, name));
}

/**
 * Loads `url` in a fresh page and waits for the widget. Returns what it shows, the library's
 * version as the page's own script wrote it, the wasm responses, and every problem seen.
 */
async function load(url) {
  const page = await browser.newPage();
  const problems = [];
  const wasm = [];
  page.on("console", (message) => {
    if (message.location().url.endsWith("/favicon.ico")) return; // the browser's own request, not the page's
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    if (response.url().endsWith(".wasm")) wasm.push({ url: response.url(), status: response.status(), type: response.headers()["content-type"] });
  });
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const widget = document.querySelector("workplan-progress");
        return widget && (widget.state === "ready" || widget.state === "error");
      },
      null,
      { timeout: 30000 },
    );
    await page.evaluate(() => document.querySelector("workplan-progress").ready);
    await page.waitForFunction(() => document.getElementById("version")?.textContent !== "", null, { timeout: 10000 });
    const shown = await page.evaluate(() => {
      const widget = document.querySelector("workplan-progress");
      return {
        state: widget.state,
        error: widget.error ? String(widget.error) : null,
        treeitems: widget.shadowRoot.querySelectorAll("li[role=treeitem]").length,
        rows: (widget.rollup?.rows ?? []).map((row) => ({ id: row.id, progress: row.progress, expected: row.expected, status: row.status })),
        version: document.getElementById("version").textContent,
      };
    });
    return { shown, problems, wasm };
  } finally {
    await page.close();
  }
}

/** The rollup the widget must show, from the Node build. */
function expectedRows() {
  const plan = workplan.Plan.fromYaml(fs.readFileSync(path.join(examples, PLAN), "utf8"));
  try {
    const rollup = plan.rollup({ updates: fs.readFileSync(path.join(examples, UPDATES), "utf8"), asOf: AS_OF });
    return rollup.rows.map((row) => ({ id: row.id, progress: row.progress, expected: row.expected, status: row.status }));
  } finally {
    plan.free();
  }
}

/** The page rendered the plan with the wasm's numbers, called the library, and nothing failed. */
function assertWorks({ shown, problems, wasm }) {
  assert.deepEqual(problems, []);
  assert.equal(shown.state, "ready", `widget error: ${shown.error}`);
  const rows = expectedRows();
  assert.ok(rows.length > 1);
  // The tree may draw only its open levels: rows drawn, none beyond the rollup's.
  assert.ok(shown.treeitems > 0 && shown.treeitems <= rows.length, `${shown.treeitems} li[role=treeitem] in the shadow root for ${rows.length} rows`);
  assert.deepEqual(shown.rows, rows);
  assert.equal(shown.version, workplan.version(), "the page's own call through `workplan`");
  assert.equal(wasm.length, 1, `one wasm fetched: ${JSON.stringify(wasm)}`);
  assert.equal(wasm[0].status, 200);
  assert.equal(wasm[0].type, "application/wasm");
}

before(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-bundlers-"));
  installed = path.join(scratch, "installed");
  packedFiles = installPacked(installed);
  // No skip: if Chromium cannot be launched, this throws and every test fails.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test("the packed package holds every file its exports name, with types", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));
  const targets = [...new Set([...exportTargets(manifest.exports), manifest.main, manifest.browser, manifest.types].map((p) => p.replace(/^\.\//, "")))];
  assert.ok(targets.length >= 10, targets.join(" "));
  for (const target of targets) assert.ok(packedFiles.includes(target), `${target} is not in the tarball (files: ${packedFiles.join(", ")})`);
  for (const file of ["pkg/web/workplan_wasm_bg.wasm", "pkg/node/workplan_wasm_bg.wasm", "pkg/web/package.json", "pkg/node/package.json", "widget/package.json"]) {
    assert.ok(packedFiles.includes(file), `${file} is not in the tarball`);
  }
  // Every module of the widget is shipped (it may be split into several files).
  for (const file of fs.readdirSync(path.join(packageDir, "widget"))) assert.ok(packedFiles.includes(`widget/${file}`), `widget/${file}`);
});

test("Node: import init and the library from `workplan` (ES module) and require it (CommonJS)", () => {
  const dir = newProject();
  fs.writeFileSync(
    path.join(dir, "esm.mjs"),
    `import init, { initSync, Plan, version } from "workplan";\n` +
      `import { createRequire } from "node:module";\n` +
      `const resolved = await init();\n` +
      `initSync();\n` +
      `const cjs = createRequire(import.meta.url)("workplan");\n` +
      `const plan = Plan.fromYaml('workplan: 1\\nid: x\\ntitle: X\\nperiod: {start: 2020-04-01, end: 2021-03-31}\\nitems: [{id: a, title: A}]\\n');\n` +
      `console.log(JSON.stringify({ resolved: resolved === undefined, version: version(), same: cjs.Plan === Plan, cjsInit: typeof cjs.default, rows: plan.rollup({}).rows.length }));\n`,
  );
  const output = JSON.parse(execFileSync(process.execPath, ["esm.mjs"], { cwd: dir, encoding: "utf8" }));
  assert.deepEqual(output, { resolved: true, version: workplan.version(), same: true, cjsInit: "undefined", rows: 1 });
});

test("esbuild, wasm copied next to the bundle: the widget renders and the page calls `workplan`", async () => {
  const dir = newProject("esbuild");
  await buildCopyingWasm(dir, path.join(dir, "dist"));
  addData(dir);
  const result = await load(await serve(dir));
  assertWorks(result);
  assert.match(result.wasm[0].url, /\/dist\/workplan_wasm_bg\.wasm$/);
});

test("esbuild, without the copy: the page gets a 404 for the wasm (the problem the recipes solve)", async () => {
  const dir = newProject("esbuild");
  await buildCopyingWasm(dir, path.join(dir, "dist"));
  fs.rmSync(path.join(dir, "dist", "workplan_wasm_bg.wasm"));
  addData(dir);
  const page = await browser.newPage();
  const failures = [];
  page.on("response", (response) => response.status() >= 400 && failures.push(`${response.status()} ${new URL(response.url()).pathname}`));
  try {
    await page.goto(await serve(dir));
    await page.waitForFunction(() => document.querySelector("workplan-progress")?.state === "error", null, { timeout: 30000 });
    assert.deepEqual(failures, ["404 /dist/workplan_wasm_bg.wasm"]);
  } finally {
    await page.close();
  }
});

test("esbuild, the `file` loader and loadWasm(url): the widget renders and the page calls `workplan`", async () => {
  const dir = newProject("esbuild");
  await buildWithFileLoader(dir, path.join(dir, "dist"));
  addData(dir);
  const written = fs.readdirSync(path.join(dir, "dist"));
  assert.ok(written.some((name) => /^workplan_wasm_bg-[A-Z0-9]+\.wasm$/.test(name)), written.join(" "));
  const result = await load(await serve(dir));
  assertWorks(result);
  assert.match(result.wasm[0].url, /\/dist\/workplan_wasm_bg-[A-Z0-9]+\.wasm$/);
});

test("a side-effect-only `import \"workplan/widget\"` keeps the element in esbuild and Vite bundles (sideEffects)", async () => {
  const dir = newProject();
  fs.writeFileSync(path.join(dir, "entry.js"), `import "workplan/widget";\n`);
  fs.writeFileSync(path.join(dir, "index.html"), `<!doctype html><html lang="en"><title>t</title><script type="module" src="/entry.js"></script></html>\n`);
  const esbuilt = await esbuild.build({ absWorkingDir: dir, entryPoints: ["entry.js"], bundle: true, format: "esm", minify: true, write: false, logLevel: "silent" });
  const viteOut = path.join(dir, "vite-dist");
  await viteBuild({ root: dir, configFile: false, logLevel: "silent", build: { outDir: viteOut, emptyOutDir: true } });
  const viteJs = fs.readdirSync(path.join(viteOut, "assets")).filter((name) => name.endsWith(".js"));
  const bundles = { esbuild: esbuilt.outputFiles[0].text, vite: viteJs.map((name) => fs.readFileSync(path.join(viteOut, "assets", name), "utf8")).join("\n") };
  for (const [tool, code] of Object.entries(bundles)) {
    assert.ok(/customElements\.define\(\s*["'`]workplan-progress["'`]/.test(code), `${tool} dropped the element's definition`);
  }
});

test("Vite build(): the widget renders and the page calls `workplan`", async () => {
  const dir = newProject("vite");
  const outDir = path.join(dir, "dist");
  await viteBuild({ root: dir, logLevel: "silent", build: { outDir, emptyOutDir: true } });
  addData(outDir);
  const result = await load(await serve(outDir));
  assertWorks(result);
  assert.match(result.wasm[0].url, /\/assets\/workplan_wasm_bg-[\w-]+\.wasm$/);
});

test("Vite dev server (createServer): the widget renders and the page calls `workplan`", async () => {
  const dir = newProject("vite");
  addData(dir);
  const server = await createServer({ root: dir, logLevel: "silent", server: { host: "127.0.0.1", port: 0, strictPort: false } });
  try {
    await server.listen();
    const result = await load(server.resolvedUrls.local[0]);
    assertWorks(result);
    assert.match(result.wasm[0].url, /workplan_wasm_bg\.wasm/);
  } finally {
    await server.close();
  }
});

test("plain page with the README's import map, no bundler", async () => {
  const readme = fs.readFileSync(path.join(packageDir, "README.md"), "utf8");
  const match = readme.match(/<!-- importmap-page -->\s*```html\n([\s\S]*?)```/);
  assert.ok(match, "README.md has the plain page after <!-- importmap-page -->");
  const html = match[1];
  assert.match(html, /<script type="importmap">/);
  const dir = newProject();
  fs.writeFileSync(path.join(dir, "index.html"), html);
  addData(dir);
  assertWorks(await load(await serve(dir)));
});
