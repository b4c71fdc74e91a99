// The <workplan-progress> widget at scale, in headless Chromium (/usr/bin/chromium, driven by
// playwright-core from bindings-wasm's devDependencies): generates a plan of about --items items
// with its returns (workplan generate), serves it with the repository on 127.0.0.1
// (cross-origin isolated, so performance.now() is precise), and times in bench/widget.html, over
// --repeat runs: the first render (text in, rollup, tree built and laid out in the first frame
// that shows it), `ready` (then validated and the heat map built, after that frame is painted),
// and Expand all (every row built and laid out). Prints the minimum and the median of each. A
// measurement, not a test.
//
//   node bench/widget_bench.mjs [--items 10000] [--repeat 7] [--cli target/debug/workplan]
//
// Needs the web build (scripts/build-wasm) and Chromium.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = { items: "10000", repeat: "7", cli: "" };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, "");
  if (!(name in args)) throw new Error(`unknown option ${process.argv[i]}`);
  args[name] = process.argv[i + 1];
}
const data = path.join(repo, "target", "bench", `widget-${args.items}`);
const plan = path.join(data, "plan.json");
if (!fs.existsSync(plan)) {
  fs.mkdirSync(data, { recursive: true });
  const [command, ...rest] = args.cli ? [args.cli] : ["cargo", "run", "--quiet", "--release", "--locked", "-p", "workplan-cli", "--"];
  execFileSync(command, [...rest, "generate", "--items", args.items, "-o", plan, "--updates-out", path.join(data, "updates.csv")], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".csv": "text/csv" };
const server = http.createServer((request, response) => {
  const url = new URL(request.url, "http://127.0.0.1");
  const [root, rest] = url.pathname.startsWith("/data/") ? [data, url.pathname.slice(5)] : [repo, url.pathname];
  const file = path.resolve(root, `.${decodeURIComponent(rest)}`);
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
  });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));

const { chromium } = createRequire(path.join(repo, "bindings-wasm/package.json"))("playwright-core");
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-widget-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/widget.html?repeat=${args.repeat}`);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 0, polling: 500 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  const { runs } = result;
  const stats = (key) => {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    return `min ${sorted[0].toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`;
  };
  const { rows, built, cells } = runs[0];
  console.log(`${rows} items (${built} rows built at first, ${cells} heat-map cells), ${runs.length} runs, Chromium headless, 1280 x 900`);
  console.log(`first render (tree laid out):            ${stats("first")}`);
  console.log(`ready (validated, heat map built, laid out): ${stats("ready")}`);
  console.log(`expand all (to laid out):                ${stats("expand")}`);
} catch (error) {
  console.error(String(error));
  failed = true;
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
