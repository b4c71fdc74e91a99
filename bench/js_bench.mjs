// Issue 8, JS side by side in Node: the wasm path (JSON text -> Plan.fromJson -> rollup) against the
// plain-JS rollup of bench/rollup_plain.mjs (JSON.parse -> rollup), and one incremental
// RollupEngine.apply against a full plain recompute, on generated plans (the returns inside the
// document). Both must give the same numbers for every item; the script fails loudly if not.
//
//   node bench/js_bench.mjs --sizes 1000,10000,100000 [--repeat 5] [--as-of 2020-12-31]
//   node bench/js_bench.mjs --smoke        # one tiny plan, one run: checks, times nothing
//
// Plans are read from --data (plan-<items>.json, default target/bench) and generated there with
// `workplan generate` when missing (--cli names the binary; by default cargo run). Needs the Node
// build (scripts/build-wasm); --build fast measures the package's speed build (`workplan/fast`)
// instead of its size build, and --pkg names any other build of it (to compare build settings).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { measure, table, verdict } from "./side_by_side.mjs";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `--name value` pairs and `--flag`s. */
export function parseArgs(argv) {
  const args = { sizes: "1000,10000,100000", repeat: "5", "as-of": "2020-12-31", data: path.join(repo, "target/bench"), cli: null, pkg: null, build: "size", smoke: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "");
    if (!(name in args)) throw new Error(`unknown option ${argv[i]}`);
    if (typeof args[name] === "boolean") args[name] = true;
    else args[name] = argv[++i];
  }
  if (!["size", "fast"].includes(args.build)) throw new Error(`--build is size or fast, not ${args.build}`);
  args.pkg ??= path.join(repo, args.build === "fast" ? "bindings-wasm/pkg/fast/node" : "bindings-wasm/pkg/node");
  const sizes = args.smoke ? [100] : args.sizes.split(",").filter((s) => s.trim()).map((s) => Number(s.replace(/_/g, "")));
  return { ...args, sizes, repeat: args.smoke ? 1 : Math.max(1, Number(args.repeat)) };
}

/** The generated plan of about `items` items, made if it is not there yet. */
export function planFile(data, items, cli) {
  const file = path.join(data, `plan-${items}.json`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(data, { recursive: true });
    const [command, ...rest] = cli ? [cli] : ["cargo", "run", "--quiet", "--release", "--locked", "-p", "workplan-cli", "--"];
    execFileSync(command, [...rest, "generate", "--items", String(items), "--embed-updates", "-o", file], { cwd: repo, stdio: ["ignore", "ignore", "pipe"] });
  }
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const workplan = createRequire(import.meta.url)(path.resolve(args.pkg, "workplan_wasm.js"));
  const now = () => performance.now();
  console.log(`workplan (wasm: ${path.relative(repo, args.pkg)}, Node ${process.version}), as_of ${args["as-of"]}, best of ${args.repeat}\n`);
  const results = [];
  for (const size of args.sizes) {
    const text = fs.readFileSync(planFile(args.data, size, args.cli), "utf8");
    results.push(measure({ workplan, text, asOf: args["as-of"], repeat: args.repeat, now }));
  }
  console.log(table(results));
  console.log("\nevery item: the same progress, expected, status and coverage from both, after the full rollup and after the applies");
  if (!args.smoke) console.log(verdict(results));
}
