// The rollup of docs/rollup.md in plain JavaScript: the yardstick the wasm benchmarks are measured
// against (bench/js_bench.mjs in Node, bench/browser.html in Chromium). The same rules as
// bench/rollup_plain.py, line for line: it works on the plan as JSON.parse gives it and walks the
// items recursively. It covers which return counts (field by field, by date, recorded and
// position, filtered by asOf and knownAt), leaf progress, member items with adoption,
// parents (every weighting and missing policy), expected progress with milestones, the
// derived status with the bands and the `worst` policy, and coverage. It returns, per
// item in document order, `{id, progress, expected, status, coverage}`; trend, staleness and the
// adoption matrix are not computed. No Node or browser API: the same file runs in both.

const BADNESS = { off_track: 5, at_risk: 4, on_track: 3, not_started: 2, done: 1, unknown: 0 };
const DAY = 86400000;

/** `YYYY-MM-DD` as a day number. */
function day(text) {
  return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY;
}

/** An RFC 3339 date-time in milliseconds; without an offset, UTC; a bare date, midnight UTC. */
function timestamp(text) {
  let t = text.replace(" ", "T");
  if (t.length > 10 && !/(Z|[+-]\d\d:?\d\d)$/i.test(t)) t += "Z";
  return Date.parse(t);
}

const clamp = (x) => Math.min(Math.max(x, 0), 1);

function score(value, baseline, target) {
  const span = target - baseline;
  if (span === 0 || !Number.isFinite(span)) return null;
  return clamp((value - baseline) / span);
}

/** (date, recorded, position) of `a` after that of `b`. */
function after(a, b) {
  if (a.date !== b.date) return a.date > b.date;
  if (a.recorded !== b.recorded) return a.recorded > b.recorded;
  return a.position > b.position;
}

/** The latest status, percent and value of one (item, member), each with the key of its return. */
class Latest {
  constructor() {
    this.status = null;
    this.percent = null;
    this.value = null;
  }

  add(update, key) {
    for (const field of ["status", "percent", "value"]) {
      if (update[field] != null && (this[field] === null || after(key, this[field].key))) {
        this[field] = { key, value: update[field] };
      }
    }
  }
}

/** docs/rollup.md#leaf-progress: done, then the measure's value, then percent, then not started. */
function leafProgress(latest, measure, target) {
  if (!latest) return null;
  const status = latest.status ? latest.status.value : null;
  if (status === "done") return 1;
  if (measure && latest.value) {
    return score(latest.value.value, measure.baseline ?? 0, target ?? measure.target);
  }
  if (latest.percent) return clamp(latest.percent.value / 100);
  if (status === "not_started") return 0;
  return null;
}

function interpolate(points, at) {
  if (at <= points[0][0]) return points[0][1];
  if (at >= points[points.length - 1][0]) return points[points.length - 1][1];
  for (let i = 0; i + 1 < points.length; i++) {
    const [d0, v0] = points[i];
    const [d1, v1] = points[i + 1];
    if (at >= d0 && at <= d1) {
      const span = d1 - d0;
      if (span === 0) return v1;
      return v0 + (v1 - v0) * ((at - d0) / span);
    }
  }
  return points[points.length - 1][1];
}

/** docs/rollup.md#expected-progress: the time share, or the milestone target at asOf scored like a value. */
function expected(item, start, due, asOf) {
  const measure = item.measure;
  if (measure && measure.milestones && measure.milestones.length > 0) {
    const baseline = measure.baseline ?? 0;
    const points = [[start, baseline], ...measure.milestones.map((m) => [day(m.date), m.target]), [due, measure.target]];
    points.sort((a, b) => a[0] - b[0]);
    return score(interpolate(points, asOf), baseline, measure.target);
  }
  if (due <= start) return asOf >= due ? 1 : 0;
  return clamp((asOf - start) / (due - start));
}

/** docs/rollup.md#status. */
function deriveStatus(p, e, asOf, start, due, bands) {
  if (p === null) return "unknown";
  if (p >= 1) return "done";
  if (p === 0 && asOf < start) return "not_started";
  if (asOf > due) return "off_track";
  if (e === null) return "unknown";
  const v = p - e;
  if (v >= -bands.atRisk) return "on_track";
  if (v >= -bands.offTrack) return "at_risk";
  return "off_track";
}

/**
 * Per item in document order: `{id, progress, expected, status, coverage}`.
 * Options: `updates` (after the plan's own), `asOf`, `knownAt`, `settings` (over the plan's).
 */
export function rollup(plan, { updates = [], asOf = null, knownAt = null, settings = null } = {}) {
  const periodStart = day(plan.period.start);
  const periodEnd = day(plan.period.end);
  const asOfText = asOf ?? plan.period.end;
  const asOfDay = day(asOfText);
  const known = knownAt ? timestamp(knownAt) : null;

  // Settings: the call's, then the plan's, then the defaults.
  const layers = [settings ?? {}, plan.settings ?? {}];
  const setting = (name, fallback) => layers.map((l) => l[name]).find((v) => v != null) ?? fallback;
  const band = (name, fallback) => layers.map((l) => (l.bands ?? {})[name]).find((v) => v != null) ?? fallback;
  const weighting = setting("weighting", "weight");
  const missing = setting("missing", "zero");
  const policy = setting("status", "derived");
  const bands = { atRisk: band("at_risk", 0.1), offTrack: band("off_track", 0.25) };
  const members = (plan.members ?? []).map((m) => m.id);
  const knownMembers = new Set(members);

  // The items in document order, with what they inherit.
  const nodes = [];
  const byId = new Map();
  function walk(item, parent) {
    const node = {
      item,
      parent,
      start: item.start ? day(item.start) : parent ? parent.start : periodStart,
      due: item.due ? day(item.due) : parent ? parent.due : periodEnd,
      members: item.members !== undefined ? item.members : parent ? parent.members : null,
      adoption: item.adoption !== undefined ? item.adoption : parent ? parent.adoption : null,
      included: (parent === null || parent.included) && (item.state ?? "active") === "active",
      children: [],
      result: null,
    };
    nodes.push(node);
    if (!byId.has(item.id)) byId.set(item.id, node);
    node.children = (item.children ?? []).map((child) => walk(child, node));
    return node;
  }
  const top = (plan.items ?? []).map((item) => walk(item, null));

  // docs/rollup.md#which-returns-count: the latest fields of each (item, member), and the latest adoption event.
  const latest = new Map();
  const adoption = new Map();
  const all = (plan.updates ?? []).concat(updates);
  for (let position = 0; position < all.length; position++) {
    const update = all[position];
    if (update.date > asOfText || !byId.has(update.item)) continue;
    const member = update.member ?? null;
    if (member !== null && !knownMembers.has(member)) continue;
    const recorded = update.recorded != null ? timestamp(update.recorded) : day(update.date) * DAY;
    if (known !== null && recorded > known) continue;
    const key = { date: update.date, recorded, position };
    const slot = `${update.item}\u0000${member ?? ""}`;
    if (update.adopted != null && member !== null) {
      const previous = adoption.get(slot);
      if (!previous || !after(previous.key, key)) adoption.set(slot, { key, adopted: update.adopted });
    }
    const progressFields = ["status", "percent", "value", "note"].some((f) => update[f] != null);
    if (progressFields || update.adopted == null) {
      if (!latest.has(slot)) latest.set(slot, new Latest());
      latest.get(slot).add(update, key);
    }
  }

  function adopted(node, member) {
    if (node.adoption !== "required") return true;
    for (let at = node; at !== null; at = at.parent) {
      const event = adoption.get(`${at.item.id}\u0000${member}`);
      if (event) return event.adopted;
    }
    return false;
  }

  function plainLeaf(node) {
    const found = latest.get(`${node.item.id}\u0000`);
    const progress = leafProgress(found, node.item.measure, null);
    const reported = found && found.status ? found.status.value : null;
    return { progress, reported, coverage: progress !== null ? 1 : 0 };
  }

  function memberLeaf(node) {
    const measure = node.item.measure;
    const memberTarget = measure ? measure.member_target ?? null : null;
    const scope = node.members === "all" ? members : members.filter((m) => node.members.includes(m));
    let counted = 0;
    let reported = 0;
    const values = [];
    let total = 0;
    let count = 0;
    let anyProgress = false;
    for (const member of scope) {
      const found = latest.get(`${node.item.id}\u0000${member}`);
      if (!adopted(node, member)) continue;
      const progress = leafProgress(found, measure, memberTarget);
      const value = found && found.value ? found.value.value : null;
      counted += 1;
      if (progress !== null || value !== null) reported += 1;
      if (value !== null) values.push(value);
      if (progress !== null) {
        total += progress;
        count += 1;
        anyProgress = true;
      } else if (missing === "zero") {
        count += 1;
      }
    }
    let progress = null;
    if (measure) {
      if (values.length > 0) {
        const aggregate = measure.aggregate ?? "sum";
        let combined;
        if (aggregate === "min") combined = Math.min(...values);
        else if (aggregate === "max") combined = Math.max(...values);
        else {
          combined = 0;
          for (const value of values) combined += value;
          if (aggregate === "mean") combined /= values.length;
        }
        progress = score(combined, measure.baseline ?? 0, measure.target);
      }
    } else if (anyProgress) {
      progress = total / count;
    }
    return { progress, reported: null, coverage: counted ? reported / counted : null };
  }

  function weight(child) {
    if (weighting === "equal") return 1;
    if (weighting === "leaves") return child.result.leaves;
    return child.item.weight ?? 1;
  }

  function parent(node) {
    const children = node.children.filter((c) => c.included);
    const anyProgress = children.some((c) => c.result.progress !== null);
    let sumWp = 0;
    let sumW = 0;
    let sumWe = 0;
    let sumWeW = 0;
    let coverageSum = 0;
    let coverageCount = 0;
    let leaves = 0;
    for (const child of children) {
      const result = child.result;
      const w = weight(child);
      if (result.progress !== null) {
        sumWp += w * result.progress;
        sumW += w;
      } else if (missing === "zero") {
        sumW += w;
      }
      if (result.expected !== null) {
        sumWe += w * result.expected;
        sumWeW += w;
      }
      leaves += result.leaves;
      coverageSum += result.coverageSum;
      coverageCount += result.coverageCount;
    }
    const progress = anyProgress && sumW > 0 ? sumWp / sumW : null;
    const expect = sumWeW > 0 ? sumWe / sumWeW : null;
    let status = deriveStatus(progress, expect, asOfDay, node.start, node.due, bands);
    if (policy === "worst") {
      status = children.reduce((worst, c) => (BADNESS[c.result.status] >= BADNESS[worst] ? c.result.status : worst), "unknown");
    }
    return {
      progress,
      expected: expect,
      status,
      reported: null,
      leaves,
      coverage: coverageCount ? coverageSum / coverageCount : null,
      coverageSum,
      coverageCount,
    };
  }

  function compute(node) {
    for (const child of node.children) compute(child);
    let result;
    if (node.children.length > 0) result = parent(node);
    else if (node.members !== null) result = memberLeaf(node);
    else result = plainLeaf(node);
    if (!node.included) {
      result = { progress: null, expected: null, coverage: null, leaves: 0, coverageSum: 0, coverageCount: 0, status: result.reported ?? "unknown" };
    } else if (node.children.length === 0) {
      result.expected = expected(node.item, node.start, node.due, asOfDay);
      result.status = result.reported ?? deriveStatus(result.progress, result.expected, asOfDay, node.start, node.due, bands);
      result.leaves = 1;
      result.coverageSum = result.coverage ?? 0;
      result.coverageCount = result.coverage !== null ? 1 : 0;
    }
    node.result = result;
  }

  for (const node of top) compute(node);
  return nodes.map((node) => ({
    id: node.item.id,
    progress: node.result.progress,
    expected: node.result.expected,
    status: node.result.status,
    coverage: node.result.coverage,
  }));
}
