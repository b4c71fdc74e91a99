// @ts-check
// Loading for `<workplan-progress>`: the wasm module (once), the plan and the returns, from the
// element's properties (objects, text, `Plan`, `Updates`) or fetched from its attributes' URLs.
import init, { Plan, Updates } from "../pkg/web/workplan_wasm.js";

/**
 * @typedef {import("../pkg/web/workplan_wasm.js").PlanDocument} PlanDocument
 * @typedef {import("../pkg/web/workplan_wasm.js").Update} Update
 */

/** @type {Promise<unknown> | null} */
let wasm = null;

/**
 * Loads the wasm module once. Call it yourself only to load the `.wasm` from another URL
 * (before the first element renders); by default it is fetched next to `workplan_wasm.js`.
 * @param {string | URL} [url]
 * @returns {Promise<unknown>}
 */
export function loadWasm(url) {
  wasm ??= init(url === undefined ? undefined : { module_or_path: url });
  return wasm;
}

/** The format of a fetched file, from its name. */
function formatOf(/** @type {string} */ url) {
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return "yaml";
  if (path.endsWith(".csv")) return "csv";
  return undefined;
}

/**
 * Fetches a file as bytes; an HTTP error becomes an `Error` with `code: "fetch_error"`.
 * @param {string} url
 * @param {string} what
 */
async function fetchBytes(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw Object.assign(new Error(`Could not fetch the ${what} ${url}: ${String(cause)}`), { code: "fetch_error" });
  }
  if (!response.ok) {
    throw Object.assign(new Error(`Could not fetch the ${what} ${url}: HTTP ${response.status} ${response.statusText}`), {
      code: "fetch_error",
    });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The plan given as the `plan` property: a `Plan` as it is (it stays the caller's), else read
 * from JSON or YAML text or a plan document (then it is read here and is freed by the caller).
 * @param {Plan | PlanDocument | string} input
 * @returns {{plan: Plan, own: boolean}}
 */
export function readPlan(input) {
  if (input instanceof Plan) return { plan: input, own: false };
  if (typeof input === "string") return { plan: Plan.fromBytes(new TextEncoder().encode(input)), own: true };
  return { plan: Plan.fromObject(input), own: true };
}

/**
 * Fetches and reads the plan at a URL (the `src` attribute): JSON or YAML, by its name, else as
 * the engine detects it.
 * @param {string} url
 * @returns {Promise<Plan>}
 */
export async function fetchPlan(url) {
  const bytes = await fetchBytes(url, "plan");
  const format = formatOf(url);
  return Plan.fromBytes(bytes, format === "csv" ? undefined : format);
}

/**
 * The returns given as the `updates` property: an `Updates` as it is (it stays the caller's),
 * else read from CSV or JSON text or update objects (then read here, and freed by the caller);
 * null for anything else.
 * @param {unknown} input
 * @returns {{updates: Updates, own: boolean} | null}
 */
export function readUpdates(input) {
  if (input instanceof Updates) return { updates: input, own: false };
  if (typeof input === "string") return { updates: Updates.fromBytes(new TextEncoder().encode(input)), own: true };
  if (Array.isArray(input)) return { updates: Updates.fromObject(input), own: true };
  return null;
}

/**
 * Fetches and reads the returns at a URL (the `updates` attribute): CSV, JSON or YAML, by its name.
 * @param {string} url
 * @returns {Promise<Updates>}
 */
export async function fetchUpdates(url) {
  const bytes = await fetchBytes(url, "returns");
  return Updates.fromBytes(bytes, formatOf(url));
}

/**
 * Returns given to `appendUpdates` as update objects: an array as it is, CSV or JSON text read.
 * @param {Update[] | string} updates
 * @returns {Update[]}
 */
export function updateList(updates) {
  if (Array.isArray(updates)) return updates;
  const parsed = Updates.fromBytes(new TextEncoder().encode(updates));
  const list = parsed.toObject();
  parsed.free();
  return list;
}

/** Resolves after the next frame is painted (at once in a hidden page, which paints none). @returns {Promise<void>} */
export function afterPaint() {
  return new Promise((resolve) => {
    if (document.visibilityState === "hidden") setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
