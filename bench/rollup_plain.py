"""The rollup of docs/rollup.md in plain Python: the yardstick the workplan benchmarks are measured
against (bench/python_bench.py).

It works on the plan as `json.loads` gives it (dicts and lists) and walks the items recursively, the
way someone would write it without the library. It covers every rule the numbers depend on: which
return counts (field by field, by date, recorded and position, filtered by as_of and known_at),
leaf progress, member items with adoption, parents (every weighting and missing
policy), expected progress with milestones, the derived status with the bands and the
`worst` policy, and coverage. It returns, per item in document order, `progress`,
`expected`, `status` and `coverage`; the rest of a row (trend, staleness, the adoption matrix) is not
computed.

    >>> import json
    >>> plan = json.loads('{"period": {"start": "2021-01-01", "end": "2021-01-11"},'
    ...     ' "items": [{"id": "a", "children": [{"id": "a.1"}, {"id": "a.2", "weight": 3}]}],'
    ...     ' "updates": [{"item": "a.1", "date": "2021-01-06", "percent": 40},'
    ...     ' {"item": "a.2", "date": "2021-01-06", "status": "done"}]}')
    >>> [(r["id"], r["progress"], r["status"]) for r in rollup(plan, as_of="2021-01-06")]
    [('a', 0.85, 'on_track'), ('a.1', 0.4, 'on_track'), ('a.2', 1.0, 'done')]
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional, Tuple

BADNESS = {"off_track": 5, "at_risk": 4, "on_track": 3, "not_started": 2, "done": 1, "unknown": 0}
UTC = datetime.timezone.utc


def parse_date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def parse_timestamp(text: str) -> datetime.datetime:
    """An RFC 3339 date-time; without an offset, UTC; a bare date, midnight UTC."""
    moment = datetime.datetime.fromisoformat(text.replace(" ", "T"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def clamp(x: float) -> float:
    return min(max(x, 0.0), 1.0)


def score(value: float, baseline: float, target: float) -> Optional[float]:
    span = target - baseline
    if span == 0 or span != span or span in (float("inf"), float("-inf")):
        return None
    return clamp((value - baseline) / span)


class Latest:
    """The latest status, percent and value of one (item, member), each with the key of its return."""

    def __init__(self) -> None:
        self.status: Optional[Tuple[Any, str]] = None
        self.percent: Optional[Tuple[Any, float]] = None
        self.value: Optional[Tuple[Any, float]] = None

    def add(self, update: Dict[str, Any], key: Any) -> None:
        for field in ("status", "percent", "value"):
            if update.get(field) is not None:
                current = getattr(self, field)
                if current is None or key > current[0]:
                    setattr(self, field, (key, update[field]))


def leaf_progress(latest: Optional[Latest], measure: Optional[Dict[str, Any]], target: Optional[float]) -> Optional[float]:
    """docs/rollup.md#leaf-progress: done, then the measure's value, then percent, then not started."""
    if latest is None:
        return None
    status = latest.status[1] if latest.status else None
    if status == "done":
        return 1.0
    if measure is not None and latest.value is not None:
        goal = target if target is not None else measure["target"]
        return score(latest.value[1], measure.get("baseline", 0.0), goal)
    if latest.percent is not None:
        return clamp(latest.percent[1] / 100.0)
    if status == "not_started":
        return 0.0
    return None


def interpolate(points: List[Tuple[datetime.date, float]], at: datetime.date) -> float:
    if at <= points[0][0]:
        return points[0][1]
    if at >= points[-1][0]:
        return points[-1][1]
    for (d0, v0), (d1, v1) in zip(points, points[1:]):
        if d0 <= at <= d1:
            span = (d1 - d0).days
            if span == 0:
                return v1
            return v0 + (v1 - v0) * ((at - d0).days / span)
    return points[-1][1]


def expected(item: Dict[str, Any], start: datetime.date, due: datetime.date, as_of: datetime.date) -> Optional[float]:
    """docs/rollup.md#expected-progress: the time share, or the milestone target at as_of scored like a value."""
    measure = item.get("measure")
    if measure and measure.get("milestones"):
        baseline = measure.get("baseline", 0.0)
        points = [(start, baseline)]
        points += [(parse_date(m["date"]), m["target"]) for m in measure["milestones"]]
        points.append((due, measure["target"]))
        points.sort(key=lambda p: p[0])
        return score(interpolate(points, as_of), baseline, measure["target"])
    if due <= start:
        return 1.0 if as_of >= due else 0.0
    return clamp((as_of - start).days / (due - start).days)


def derive_status(p: Optional[float], e: Optional[float], as_of: datetime.date, start: datetime.date,
                  due: datetime.date, bands: Tuple[float, float]) -> str:
    """docs/rollup.md#status."""
    if p is None:
        return "unknown"
    if p >= 1.0:
        return "done"
    if p == 0.0 and as_of < start:
        return "not_started"
    if as_of > due:
        return "off_track"
    if e is None:
        return "unknown"
    v = p - e
    if v >= -bands[0]:
        return "on_track"
    if v >= -bands[1]:
        return "at_risk"
    return "off_track"


def rollup(plan: Dict[str, Any], updates: Optional[List[Dict[str, Any]]] = None, as_of: Optional[str] = None,
           known_at: Optional[str] = None, settings: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Per item in document order: `id`, `progress`, `expected`, `status`, `coverage`.

    `updates` come after the plan's own; `settings` override the plan's field by field."""
    period_start, period_end = parse_date(plan["period"]["start"]), parse_date(plan["period"]["end"])
    as_of_text = as_of or plan["period"]["end"]
    as_of_date = parse_date(as_of_text)
    known = parse_timestamp(known_at) if known_at else None

    # Settings: the call's, then the plan's, then the defaults.
    layers = [settings or {}, plan.get("settings") or {}]

    def setting(name: str, default: Any) -> Any:
        for layer in layers:
            if layer.get(name) is not None:
                return layer[name]
        return default

    def band(name: str, default: float) -> float:
        for layer in layers:
            value = (layer.get("bands") or {}).get(name)
            if value is not None:
                return value
        return default

    weighting, missing, policy = setting("weighting", "weight"), setting("missing", "zero"), setting("status", "derived")
    bands = (band("at_risk", 0.10), band("off_track", 0.25))
    members = [m["id"] for m in plan.get("members") or []]
    known_members = set(members)

    # The items in document order, with what they inherit.
    nodes: List[Dict[str, Any]] = []
    by_id: Dict[str, Dict[str, Any]] = {}

    def walk(item: Dict[str, Any], parent: Optional[Dict[str, Any]]) -> Dict[str, Any]:
        state = item.get("state", "active")
        node = {
            "item": item,
            "parent": parent,
            "start": parse_date(item["start"]) if item.get("start") else (parent["start"] if parent else period_start),
            "due": parse_date(item["due"]) if item.get("due") else (parent["due"] if parent else period_end),
            "members": item.get("members", parent["members"] if parent else None),
            "adoption": item.get("adoption", parent["adoption"] if parent else None),
            "included": (parent is None or parent["included"]) and state == "active",
            "children": [],
        }
        nodes.append(node)
        by_id.setdefault(item["id"], node)
        node["children"] = [walk(child, node) for child in item.get("children") or []]
        return node

    top = [walk(item, None) for item in plan.get("items") or []]

    # docs/rollup.md#which-returns-count: the latest fields of each (item, member), and the latest adoption event.
    midnight: Dict[str, datetime.datetime] = {}
    latest: Dict[Tuple[str, Optional[str]], Latest] = {}
    adoption: Dict[Tuple[str, str], Tuple[Any, bool]] = {}
    for position, update in enumerate((plan.get("updates") or []) + (updates or [])):
        if update["date"] > as_of_text or update["item"] not in by_id:
            continue
        member = update.get("member")
        if member is not None and member not in known_members:
            continue
        if "recorded" in update and update["recorded"] is not None:
            recorded = parse_timestamp(update["recorded"])
        else:
            if update["date"] not in midnight:
                midnight[update["date"]] = parse_timestamp(update["date"])
            recorded = midnight[update["date"]]
        if known is not None and recorded > known:
            continue
        key = (update["date"], recorded, position)
        if update.get("adopted") is not None and member is not None:
            previous = adoption.get((update["item"], member))
            if previous is None or key >= previous[0]:
                adoption[(update["item"], member)] = (key, update["adopted"])
        progress_fields = any(update.get(f) is not None for f in ("status", "percent", "value", "note"))
        if progress_fields or update.get("adopted") is None:
            latest.setdefault((update["item"], member), Latest()).add(update, key)

    def adopted(node: Dict[str, Any], member: str) -> bool:
        if node["adoption"] != "required":
            return True
        at: Optional[Dict[str, Any]] = node
        while at is not None:
            event = adoption.get((at["item"]["id"], member))
            if event is not None:
                return event[1]
            at = at["parent"]
        return False

    def plain_leaf(node: Dict[str, Any]) -> Dict[str, Any]:
        found = latest.get((node["item"]["id"], None))
        progress = leaf_progress(found, node["item"].get("measure"), None)
        reported = found.status[1] if found and found.status else None
        return {"progress": progress, "reported": reported, "coverage": 1.0 if progress is not None else 0.0}

    def member_leaf(node: Dict[str, Any]) -> Dict[str, Any]:
        measure = node["item"].get("measure")
        member_target = measure.get("member_target") if measure else None
        scope = members if node["members"] == "all" else [m for m in members if m in node["members"]]
        counted = reported = 0
        values: List[float] = []
        total, count, any_progress = 0.0, 0, False
        for member in scope:
            found = latest.get((node["item"]["id"], member))
            if not adopted(node, member):
                continue
            progress = leaf_progress(found, measure, member_target)
            value = found.value[1] if found and found.value else None
            counted += 1
            if progress is not None or value is not None:
                reported += 1
            if value is not None:
                values.append(value)
            if progress is not None:
                total += progress
                count += 1
                any_progress = True
            elif missing == "zero":
                count += 1
        progress = None
        if measure is not None:
            if values:
                aggregate = measure.get("aggregate", "sum")
                if aggregate == "min":
                    combined = min(values)
                elif aggregate == "max":
                    combined = max(values)
                else:
                    combined = 0.0
                    for value in values:
                        combined += value
                    if aggregate == "mean":
                        combined /= len(values)
                progress = score(combined, measure.get("baseline", 0.0), measure["target"])
        elif any_progress:
            progress = total / count
        return {"progress": progress, "reported": None, "coverage": reported / counted if counted else None}

    results: Dict[int, Dict[str, Any]] = {}

    def compute(node: Dict[str, Any]) -> Dict[str, Any]:
        for child in node["children"]:
            compute(child)
        if node["children"]:
            result = parent(node)
        elif node["members"] is not None:
            result = member_leaf(node)
        else:
            result = plain_leaf(node)
        if not node["included"]:
            result = {"progress": None, "expected": None, "coverage": None, "leaves": 0,
                      "coverage_sum": 0.0, "coverage_count": 0, "status": result["reported"] or "unknown"}
        elif not node["children"]:
            result["expected"] = expected(node["item"], node["start"], node["due"], as_of_date)
            derived = derive_status(result["progress"], result["expected"], as_of_date, node["start"], node["due"], bands)
            result["status"] = result["reported"] or derived
            result["leaves"] = 1
            has_coverage = result["coverage"] is not None
            result["coverage_sum"], result["coverage_count"] = (result["coverage"], 1) if has_coverage else (0.0, 0)
        results[id(node)] = result
        return result

    def weight(child: Dict[str, Any]) -> float:
        if weighting == "equal":
            return 1.0
        if weighting == "leaves":
            return float(results[id(child)]["leaves"])
        return child["item"].get("weight", 1.0)

    def parent(node: Dict[str, Any]) -> Dict[str, Any]:
        children = [c for c in node["children"] if c["included"]]
        any_progress = any(results[id(c)]["progress"] is not None for c in children)
        sum_wp = sum_w = sum_we = sum_we_w = coverage_sum = 0.0
        leaves = coverage_count = 0
        for child in children:
            result = results[id(child)]
            w = weight(child)
            if result["progress"] is not None:
                sum_wp += w * result["progress"]
                sum_w += w
            elif missing == "zero":
                sum_w += w
            if result["expected"] is not None:
                sum_we += w * result["expected"]
                sum_we_w += w
            leaves += result["leaves"]
            coverage_sum += result["coverage_sum"]
            coverage_count += result["coverage_count"]
        progress = sum_wp / sum_w if any_progress and sum_w > 0 else None
        expected_ = sum_we / sum_we_w if sum_we_w > 0 else None
        derived = derive_status(progress, expected_, as_of_date, node["start"], node["due"], bands)
        if policy == "worst":
            statuses = [results[id(c)]["status"] for c in children]
            derived = max(statuses, key=lambda s: BADNESS[s]) if statuses else "unknown"
        return {"progress": progress, "expected": expected_, "status": derived, "reported": None, "leaves": leaves,
                "coverage": coverage_sum / coverage_count if coverage_count else None,
                "coverage_sum": coverage_sum, "coverage_count": coverage_count}

    for node in top:
        compute(node)
    rows = []
    for node in nodes:
        result = results[id(node)]
        rows.append({"id": node["item"]["id"], "progress": result["progress"], "expected": result["expected"],
                     "status": result["status"], "coverage": result["coverage"]})
    return rows
