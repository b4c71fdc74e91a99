"""A plan's outline as a DataFrame, and as a tree that opens and closes in Jupyter. The native
``Plan.to_pandas()`` and ``Plan._repr_html_()`` call these with the outline from the core."""

from __future__ import annotations

import html
from typing import Any, Dict, List

from workplan._enums import ItemKind, ItemState
from workplan._optional import pandas
from workplan._shapes import OutlineRowDict

_MAX_HTML_ITEMS = 2000


def outline_frame(columns: Dict[str, List[Any]]) -> Any:
    """The outline columns (a dict of lists) as a DataFrame with proper dtypes."""
    pd = pandas()
    frame = pd.DataFrame(columns)
    for column in ("start", "due"):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame["state"] = pd.Categorical(frame["state"], categories=[s.value for s in ItemState])
    frame["kind"] = pd.Categorical(frame["kind"], categories=[k.value for k in ItemKind])
    frame["adoption"] = pd.Categorical(frame["adoption"], categories=["assumed", "required"])
    for column in ("weight", "baseline", "target"):
        frame[column] = frame[column].astype("Float64")
    return frame


def plan_html(plan: Any) -> str:
    """The plan's heading and its outline as nested ``<details>``: parents open and close, the top
    level open; each line shows the label, title, owner, due date and a chip for a state that
    is not active."""
    rows: List[OutlineRowDict] = plan.outline()
    summary = plan.summary()
    start, end = plan.period
    levels = ", ".join(f"{level['items']} {html.escape(str(level['name']).lower())}" for level in summary["levels"])
    head = (f"<p><strong>{html.escape(plan.title)}</strong> <code>{html.escape(plan.id)}</code><br>"
            f"{start} to {end}, {html.escape(plan.status)}; {levels}"
            f"{'; ' + str(summary['members']) + ' members' if summary['members'] else ''}</p>")
    shown = rows[:_MAX_HTML_ITEMS]
    children: Dict[Any, List[int]] = {}
    for index, row in enumerate(shown):
        children.setdefault(row["parent"], []).append(index)
    out: List[str] = [head, "<div style='text-align:left'>"]

    def line(row: OutlineRowDict) -> str:
        label = f"<strong>{html.escape(row['label'])}</strong> " if row["label"] else ""
        extra = []
        if row["owner"]:
            extra.append(html.escape(row["owner"]))
        if row["kind"] == "member_item":
            extra.append(f"{len(row['members'] or [])} members")
        extra.append(f"due {row['due']}")
        chip = "" if row["state"] == "active" else (
            f" <span style='background:#6e7781;color:white;padding:0 .4em;border-radius:.6em'>{row['state']}</span>")
        return (f"{label}{html.escape(row['title'])}{chip} "
                f"<span style='color:#57606a;font-size:85%'>({'; '.join(extra)})</span>")

    # Walk the tree without recursion: (index, closing) pairs on a stack.
    stack: List[Any] = [(i, False) for i in reversed(children.get(None, []))]
    while stack:
        index, closing = stack.pop()
        if closing:
            out.append("</div></details>")
            continue
        row = shown[index]
        kids = children.get(row["id"], [])
        if kids:
            opened = " open" if row["depth"] == 0 else ""
            out.append(f"<details{opened} style='margin-left:{1.2 if row['depth'] else 0}em'><summary>{line(row)}</summary><div>")
            stack.append((index, True))
            stack.extend((k, False) for k in reversed(kids))
        else:
            out.append(f"<div style='margin-left:{1.2 if row['depth'] else 0}em;padding-left:1em'>{line(row)}</div>")
    out.append("</div>")
    if len(rows) > len(shown):
        out.append(f"<p>&hellip; and {len(rows) - len(shown)} more items (<code>plan.to_pandas()</code> has them all)</p>")
    return "".join(out)
