// Shared by the widget's browser tests: the repository served by python3 -m http.server, headless
// Chromium (Debian's /usr/bin/chromium) driven by playwright-core, the Node build of the same wasm
// for the expected numbers, and axe-core for the WCAG checks.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { repo, workplan } from "../tests/load.mjs";

export { repo, workplan };
export const examples = path.join(repo, "examples", "london-councils");
export const read = (name) => fs.readFileSync(path.join(examples, name), "utf8");
export const screenshots = path.join(repo, "bindings-wasm", "browser", "screenshots");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const PLANS = {
  pledges: { plan: "pledges-2019-2022.yaml", updates: "pledges-2019-2022-updates.csv" },
  "business-plan": { plan: "business-plan-2020-21.yaml", updates: "business-plan-2020-21-updates.csv" },
};

/** The rollup a widget must show, from the Node build. */
export function expectedRollup(widget, asOf, settings) {
  const plan = workplan.Plan.fromYaml(read(PLANS[widget].plan));
  try {
    return plan.rollup({ updates: read(PLANS[widget].updates), asOf, settings });
  } finally {
    plan.free();
  }
}

/** An engine like the widget's. */
export function expectedEngine(widget, asOf, settings) {
  const plan = workplan.Plan.fromYaml(read(PLANS[widget].plan));
  const engine = new workplan.RollupEngine(plan, { updates: read(PLANS[widget].updates), asOf, settings });
  plan.free();
  return engine;
}

/** The member names of a plan, by id. */
export function memberNames(widget) {
  const plan = workplan.Plan.fromYaml(read(PLANS[widget].plan));
  try {
    return new Map((plan.toObject().members ?? []).map((m) => [m.id, m.name]));
  } finally {
    plan.free();
  }
}

/** Starts python3 -m http.server on a free port at the repository root. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", repo], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`http.server did not start: ${output}`)), 15000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/port (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.stderr.on("data", () => {}); // the request log
    child.on("exit", (code) => reject(new Error(`http.server exited with ${code}: ${output}`)));
  });
}

/**
 * Starts the server and Chromium; returns `{base, context, page, problems, close}`. `problems`
 * collects console errors, page errors and failed requests.
 */
export async function startBrowser({ width = 1280, height = 900 } = {}) {
  fs.mkdirSync(screenshots, { recursive: true });
  const started = await startServer();
  const base = `http://127.0.0.1:${started.port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width, height },
    acceptDownloads: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  const close = async () => {
    await context.close();
    started.child.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { base, context, page, problems, close };
}

/** Waits until the widget with this id has loaded (or failed). */
export async function waitReady(page, id) {
  await page.waitForFunction(
    (id) => {
      const widget = document.getElementById(id);
      return widget && (widget.state === "ready" || widget.state === "error") && !widget.hasAttribute("aria-busy");
    },
    id,
    { timeout: 30000 },
  );
  await page.evaluate((id) => document.getElementById(id).ready, id);
}

/** The WCAG contrast ratio of two `rgb()`/`rgba()` colours (alpha ignored). */
export function contrast(a, b) {
  const lum = (colour) => {
    const [r, g, bl] = colour.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/**
 * Runs axe-core in the page with the WCAG 2.2 AA tags; returns the violations. (Its experimental
 * `label-content-name-mismatch` is not among them: a11y.test.mjs checks label in name itself.)
 */
export async function axe(page) {
  const source = fs.readFileSync(path.join(repo, "bindings-wasm", "node_modules", "axe-core", "axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
      count: v.nodes.length,
    }));
  });
}

/** Dates and percentages as the widget writes them in a locale: a percentage has the library's
 * digits (`formatPercent`: whole, or one decimal) written by `Intl`. */
export function formats(locale = "en-GB") {
  const whole = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const tenths = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (v) => {
    const text = workplan.formatPercent(v);
    return (text.includes(".") ? tenths : whole).format(Number.parseFloat(text) / 100);
  };
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    percent: (v) => (v === null ? "–" : pct(v)),
    date: (iso) => (iso ? date.format(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))) : ""),
  };
}

/** How much of a row's data is in, in the widget's English words. */
export function coverageWords(row) {
  if (row.members_adopted !== null && row.members_reported !== null) {
    return `${row.members_reported} of ${row.members_adopted} member${row.members_adopted === 1 ? "" : "s"}`;
  }
  const withData = row.leaves_with_data ?? row.leaves - row.status_counts.unknown;
  return `${withData} of ${row.leaves} item${row.leaves === 1 ? "" : "s"}`;
}

/** Whether a row must be drawn as low-confidence. */
export function isLow(row) {
  if (!row.included) return false;
  if (typeof row.low_coverage === "boolean") return row.low_coverage;
  return row.coverage !== null && row.coverage < 0.5;
}
