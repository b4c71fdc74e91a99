// Issue 8, JS side by side in Chromium: serves the repository and the generated plans on 127.0.0.1
// (cross-origin isolated, so performance.now() is precise), opens bench/browser.html in headless
// Chromium (/usr/bin/chromium, driven by playwright-core from bindings-wasm's devDependencies),
// and prints the page's table: the same measurement and checks as bench/js_bench.mjs in Node.
//
//   node bench/browser_bench.mjs --sizes 1000,10000,100000 [--repeat 5] [--as-of 2020-12-31] [--build fast]
//   node bench/browser_bench.mjs --smoke
//
// Needs the web build (scripts/build-wasm) and Chromium (cargo xtask setup installs it).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { parseArgs, planFile, repo } from "./js_bench.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

/** Serves `/data/*` from `data` and everything else from the repository; nothing outside them. */
function serve(data) {
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
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const args = parseArgs(process.argv.slice(2));
for (const size of args.sizes) planFile(args.data, size, args.cli);
const { chromium } = createRequire(path.join(repo, "bindings-wasm/package.json"))("playwright-core");
const server = await serve(args.data);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-bench-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(String(error)));
  const query = new URLSearchParams({ sizes: args.sizes.join(","), repeat: String(args.repeat), asOf: args["as-of"], build: args.build });
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/browser.html?${query}`);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 0, polling: 1000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error || problems.length > 0) {
    console.error(result.error ?? "", problems.join("\n"));
    failed = true;
  } else {
    console.log(`workplan (wasm, ${args.build} build) in ${result.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0]}, as_of ${args["as-of"]}, best of ${args.repeat}, cross-origin isolated: ${result.isolated}\n`);
    console.log(result.table);
    console.log("\nevery item: the same progress, expected, status and coverage from both, after the full rollup and after the applies");
    if (!args.smoke) console.log(result.verdict);
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
