"""Plans written the way another program writes them, not by `workplan generate`: for the
whole-process benchmarks (BENCHMARKS.md, "Foreign documents").

A directorate > priority > output outline (the shape of a council's business plan) with about nine
returns per output in the plan's `updates`, written by Python's own json module or by a YAML writer
of its own style (4-space indents, every text double-quoted), in five kinds:

- ``pretty``: JSON indented by 2, keys in this writer's order (title before id);
- ``minified``: the same JSON without white space;
- ``yaml``: the same plan as YAML;
- ``x-keys``: the pretty JSON with an ``x-source`` object on every item and every return;
- ``warnings``: the pretty JSON with labels counted from 0 (a numbering warning per list).

    python3 bench/foreign_plans.py --items 100000 --out target/bench/foreign
    python3 -m doctest bench/foreign_plans.py
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

KINDS = ("pretty", "minified", "yaml", "x-keys", "warnings")
STATUSES = ("not_started", "on_track", "on_track", "at_risk", "off_track", "done")
MONTHS = ("2020-04-30", "2020-05-29", "2020-06-30", "2020-07-31", "2020-08-28", "2020-09-30",
          "2020-10-30", "2020-11-30", "2020-12-18")


def shape(items: int) -> tuple[int, int, int]:
    """Directorates, priorities per directorate and outputs per priority for about `items` items.

    >>> shape(100_000)
    (50, 40, 49)
    >>> d, p, o = shape(100_000); d + d * p + d * p * o
    100050
    """
    directorates = max(1, round((items / 2000) ** 0.5 * 7.07))
    priorities = 40 if items >= 2000 else max(1, items // (directorates * 10))
    outputs = max(1, round((items - directorates - directorates * priorities) / (directorates * priorities)))
    return directorates, priorities, outputs


def plan(items: int, kind: str, seed: int = 7) -> dict[str, Any]:
    """The plan as Python data.

    >>> p = plan(300, "pretty"); p["workplan"], len(p["items"]) > 0, len(p["updates"]) > 0
    (1, True, True)
    >>> plan(300, "warnings")["items"][0]["label"]
    '0'
    """
    rng = random.Random(seed)
    start = 0 if kind == "warnings" else 1
    directorates, priorities, outputs = shape(items)
    tree: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for d in range(directorates):
        priority_list = []
        for p in range(priorities):
            output_list = []
            for o in range(outputs):
                item_id = f"d{d}-p{p}-o{o}"
                output: dict[str, Any] = {
                    "title": f"Deliver the programme of work number {o} for priority {p}, reporting each month",
                    "id": item_id,
                    "label": str(o + start),
                    "due": "2021-03-31" if o % 3 else "2020-12-31",
                    "weight": rng.choice((1, 1, 2, 3)),
                }
                if o % 7 == 0:
                    output["measure"] = {"unit": "homes", "target": rng.choice((100, 250, 1000))}
                if kind == "x-keys":
                    output["x-source"] = {"sheet": f"Directorate {d}", "row": o + 2, "checked": o % 2 == 0}
                output_list.append(output)
                progress = 0
                for month in MONTHS[: rng.randint(6, 9)]:
                    progress = min(100, progress + rng.randint(0, 20))
                    status = "done" if progress == 100 else rng.choice(STATUSES[:-1])
                    update: dict[str, Any] = {"item": item_id, "date": month, "percent": progress,
                                              "status": status}
                    if "measure" in output:
                        update["value"] = round(output["measure"]["target"] * progress / 100)
                    if kind == "x-keys":
                        update["x-source"] = {"form": "monthly return", "officer": f"officer {rng.randint(1, 400)}"}
                    updates.append(update)
            priority: dict[str, Any] = {
                "title": f"Priority {p} of directorate {d}",
                "id": f"d{d}-p{p}",
                "label": str(p + start),
                "outcome": "Residents see the difference this priority makes within the year",
                "children": output_list,
            }
            if kind == "x-keys":
                priority["x-source"] = {"sheet": f"Directorate {d}", "row": 1}
            priority_list.append(priority)
        directorate: dict[str, Any] = {"title": f"Directorate {d}", "id": f"d{d}", "label": str(d + start),
                                       "children": priority_list}
        if kind == "x-keys":
            directorate["x-source"] = {"sheet": f"Directorate {d}"}
        tree.append(directorate)
    return {
        "workplan": 1,
        "title": "A council's business plan, written by another program",
        "id": "foreign",
        "period": {"start": "2020-04-01", "end": "2021-03-31"},
        "levels": [{"id": "directorate"}, {"id": "priority"}, {"id": "output"}],
        "items": tree,
        "updates": updates,
    }


def to_yaml(value: Any, indent: int = 0) -> str:
    """YAML in this writer's style: 4-space indents, texts double-quoted, lists under their key.

    >>> print(to_yaml({"a": [{"b": "x", "c": 1}], "d": True}), end="")
    "a":
        -   "b": "x"
            "c": 1
    "d": true
    """
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{json.dumps(key)}:\n{to_yaml(item, indent + 4)}")
            else:
                lines.append(f"{pad}{json.dumps(key)}: {scalar(item)}\n")
        return "".join(lines)
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict) and item:
                body = to_yaml(item, indent + 4)
                lines.append(f"{pad}-   {body[indent + 4:]}")
            else:
                lines.append(f"{pad}-   {scalar(item)}\n")
        return "".join(lines)
    return f"{pad}{scalar(value)}\n"


def scalar(value: Any) -> str:
    """A scalar as this writer writes it (JSON's spelling, which YAML reads the same)."""
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def write(items: int, out: Path) -> list[Path]:
    """Writes every kind at `items` items into `out`; returns the files."""
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for kind in KINDS:
        data = plan(items, "pretty" if kind in ("minified", "yaml") else kind)
        suffix = "yaml" if kind == "yaml" else "json"
        path = out / f"foreign-{kind}-{items}.{suffix}"
        if kind == "minified":
            text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        elif kind == "yaml":
            text = to_yaml(data)
        else:
            text = json.dumps(data, indent=2, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("target/bench/foreign"))
    args = parser.parse_args()
    for path in write(args.items, args.out):
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
