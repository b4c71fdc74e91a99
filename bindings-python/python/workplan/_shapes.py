# Generated from the Rust types by `WORKPLAN_BLESS=1 cargo test -p workplan --test shapes`: do not edit.
"""The dict shapes the Python API returns, generated from the Rust types: the JSON forms
(``to_dict()``, dates as ``YYYY-MM-DD`` text) and the records the facade builds from them
(``...Record``, dates as ``datetime.date``)."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Literal, Optional, Tuple, TypedDict, Union

DateString = str
"""A calendar date, YYYY-MM-DD."""

PlanStatus = Literal["draft", "consultation", "approved", "archived"]
"""Where a plan is in its approval path.

- ``draft``: Being written.
- ``consultation``: Out for comment.
- ``approved``: Approved by the body that owns it.
- ``archived``: No longer in force.
"""

Weighting = Literal["weight", "equal", "leaves"]
"""How children are weighted in a parent's progress.

- ``weight``: Each child's ``weight`` (default 1).
- ``equal``: 1 each.
- ``leaves``: The number of included leaves under each child.
"""

Missing = Literal["zero", "exclude"]
"""How a child without data counts in its parent's progress.

- ``zero``: As 0 progress.
- ``exclude``: Left out.
"""

StatusPolicy = Literal["derived", "worst"]
"""How a parent's status is found.

- ``derived``: From its own progress and expected progress.
- ``worst``: The worst status of its included children.
"""

ItemState = Literal["active", "deferred", "cancelled"]
"""Whether an item is being worked on.

- ``active``: In the plan and counted.
- ``deferred``: Put off: left out of every denominator.
- ``cancelled``: Dropped: left out of every denominator.
"""

Adoption = Literal["assumed", "required"]
"""Whether members must adopt an item before they count for it.

- ``assumed``: Every member in scope counts.
- ``required``: Only members whose latest adoption event says adopted count.
"""

LinkRel = Literal["delivers", "supports", "relates"]
"""How one item relates to another.

- ``delivers``: Doing this item delivers the target.
- ``supports``: This item contributes to the target.
- ``relates``: The items are related.
"""

EventAction = Literal[
    "drafted",
    "discussed",
    "commented",
    "amended",
    "approved",
    "published",
    "archived",
    "reviewed",
]
"""What a body did with a plan.

- ``drafted``: A draft was written.
- ``discussed``: The plan was discussed.
- ``commented``: Comments were made.
- ``amended``: The plan was changed.
- ``approved``: The plan was approved.
- ``published``: The plan was published.
- ``archived``: The plan was archived.
- ``reviewed``: Progress on a cluster of items was reviewed.
"""

RollupStatus = Literal["not_started", "on_track", "at_risk", "off_track", "done", "unknown"]
"""A status in the result: the five reported statuses, and ``unknown`` when there is no data.

- ``not_started``: Work has not begun.
- ``on_track``: On course.
- ``at_risk``: Behind, recoverable.
- ``off_track``: Badly behind.
- ``done``: Complete.
- ``unknown``: No data.
"""

StatusSource = Literal["reported", "derived"]
"""Where a row's status comes from.

- ``reported``: The latest reported status of a leaf.
- ``derived``: Computed from progress and expected progress (or the parent policy).
"""

Trend = Literal["improving", "steady", "worsening"]
"""Progress now against progress ``trend_days`` ago.

- ``improving``: Up by more than half a point.
- ``steady``: Within half a point.
- ``worsening``: Down by more than half a point.
"""

CellState = Literal["out_of_scope", "not_adopted", "no_report", "reported"]
"""The state of one cell of the adoption matrix.

- ``out_of_scope``: The item is not delivered by this member (it lists other members).
- ``not_adopted``: Adoption is required and the member has not adopted the item.
- ``no_report``: The member counts but has no data.
- ``reported``: The member counts and has data.
"""

ExclusionReason = Literal["cancelled", "deferred", "no_data"]
"""Why an item is left out of a denominator.

- ``cancelled``: The item (or the item named in ``because_of``) is cancelled.
- ``deferred``: The item (or the item named in ``because_of``) is deferred.
- ``no_data``: It has no data and ``missing`` is ``exclude``.
"""

ItemKind = Literal["parent", "leaf", "member_item"]
"""What kind of item a row is.

- ``parent``: An item with children: its numbers come from them.
- ``leaf``: An item without children, reported on as a whole.
- ``member_item``: An item without children delivered by members (a pledge): reported on member by member.
"""

ProgressRule = Literal[
    "done",
    "measure",
    "percent",
    "not_started",
    "no_data",
    "members_mean",
    "members_measure",
    "weighted_mean",
    "excluded",
]
"""Which rule gave an item's progress (docs/rollup.md).

- ``done``: A leaf whose latest status is done: 100%.
- ``measure``: A leaf with a measure: its latest value against the baseline and target.
- ``percent``: A leaf's latest percent reported.
- ``not_started``: A leaf whose latest status is not started: 0%.
- ``no_data``: No return gives progress.
- ``members_mean``: A member item: the mean of the progress of the members that count.
- ``members_measure``: A member item with a measure: the members' values combined, against the target.
- ``weighted_mean``: A parent: the weighted mean of its children.
- ``excluded``: The item (or an item above it) is deferred or cancelled and left out.
"""

ReturnField = Literal["status", "percent", "value"]
"""The field of a return that a number was taken from.

- ``status``: The reported status.
- ``percent``: The percent complete.
- ``value``: The measured value.
"""

DiagnosticCode = Literal[
    "bad_slug",
    "duplicate_id",
    "empty_title",
    "deeper_than_levels",
    "reserved_member_id",
    "unknown_theme",
    "unknown_member",
    "unknown_update_item",
    "unknown_link_target",
    "unresolved_link",
    "unknown_event_item",
    "period_reversed",
    "start_after_due",
    "start_outside_period",
    "due_outside_period",
    "milestones_not_ascending",
    "milestone_outside_dates",
    "update_after_period",
    "update_before_period",
    "non_finite",
    "percent_out_of_range",
    "percent_looks_fractional",
    "negative_weight",
    "all_weights_zero",
    "target_equals_baseline",
    "member_target_without_members",
    "update_for_inactive_item",
    "update_for_parent",
    "done_below_100",
    "value_without_measure",
    "member_on_plain_item",
    "member_outside_scope",
    "member_missing",
    "sum_with_missing_values",
    "label_out_of_sequence",
    "label_repeated",
    "not_linked",
    "duplicate_plan_id",
    "blank_rows_skipped",
    "summary_row_skipped",
    "cells_trimmed",
    "events_out_of_order",
    "review_without_items",
    "status_mismatch",
]
"""The stable code of a finding (listed in docs/diagnostics.md)."""

Severity = Literal["error", "warning", "info"]
"""How serious a finding is: the three levels ``docs/diagnostics.md`` defines.

- ``error``: The plan is wrong: numbers computed from it cannot be trusted.
- ``warning``: Probably a mistake; the numbers can still be computed.
- ``info``: Worth knowing.
"""

PathSegment = Union[int, str]
"""One step of a ``Pointer``: an object key or a list index."""

DiagnosticDocument = Literal["plan", "updates"]
"""Which document a finding is in: the plan, or a separate file of progress returns.

- ``plan``: The plan document (its embedded ``updates`` included).
- ``updates``: The separate updates passed to ``Plan::validate_with``.
"""

PaperShape = Literal["numbered", "headed"]
"""Which of the shapes docs/import.md describes the paper was read as.

- ``numbered``: Numbered headings, numbered priorities, lettered outputs (``1.``, ``1``, ``a.``).
- ``headed``: Headings with bullet lists, indented bullets below them.
"""

Unused = Literal[
    "blank",
    "front_matter",
    "page_furniture",
    "stray_marker",
    "unplaced",
    "prose",
]
"""Why a line of the text is not used in the draft (as data: ``blank``, ``front_matter``,
``page_furniture``, ``stray_marker``, ``unplaced``, ``prose``).

- ``blank``: An empty line (or spaces only).
- ``front_matter``: Before the outline: the covering report, its summary and recommendations.
- ``page_furniture``: A page number or a running header or footer repeated on many pages.
- ``stray_marker``: A bullet or label character with no text after it and no paragraph to give it to.
- ``unplaced``: Text between a portfolio heading and its first priority that the outline has no place for.
- ``prose``: Prose of a paper read as headed lists: a paragraph that introduces no list, or a heading with no list under it (an introduction, a context section).
"""

Pointer = List[PathSegment]
"""A JSON Pointer (RFC 6901) into a document, such as ``/items/0/children/2/due``."""


class RollupDict(TypedDict):
    """The result of a rollup (docs/rollup.md#the-result)."""

    plan: str
    """The plan's id."""

    as_of: DateString
    """The date the numbers are for."""

    rows: List[RollupRowDict]
    """One row per item, in document order."""

    adoption: List[AdoptionCellDict]
    """Every member x every member item."""

    excluded: List[ExcludedItemDict]
    """Every item left out of a denominator, and why."""


class RollupRowDict(TypedDict):
    """One item's numbers (docs/rollup.md#rows). Progress, expected, coverage are fractions 0..1."""

    id: str
    """The item's id."""

    parent: Optional[str]
    """The parent's id (``None`` at the top level)."""

    depth: int
    """0 at the top level."""

    level: Optional[str]
    """The id of the level at that depth."""

    label: Optional[str]
    """The printed label."""

    title: str
    """The title."""

    is_leaf: bool
    """Whether the item has no children."""

    number: Optional[str]
    """The full number: the labels from the top down joined by dots (``7.2.a``), as in the
    outline; ``None`` when the item or an item above it has no label.
    """

    top: str
    """The id of the item's top-level ancestor (its own id at depth 0)."""

    state: ItemState
    """The item's own state."""

    included: bool
    """Whether it counts in its parent's numbers (not deferred or cancelled, nor under such an item)."""

    progress: Optional[float]
    """Progress, 0..1; ``None`` when there is no data."""

    expected: Optional[float]
    """Expected progress at ``as_of``, 0..1."""

    variance: Optional[float]
    """progress - expected."""

    status: RollupStatus
    """The status shown: a leaf's reported status if it has one, else derived (for parents, per
    the ``status`` setting).
    """

    reported_status: Optional[RollupStatus]
    """The latest reported status (leaves without members only)."""

    derived_status: RollupStatus
    """The status derived from progress and expected progress."""

    status_source: StatusSource
    """Where ``status`` comes from."""

    trend: Optional[Trend]
    """Progress now against ``trend_days`` ago."""

    last_update: Optional[DateString]
    """The date of the latest update counted."""

    stale: Optional[bool]
    """Whether the latest update is older than ``stale_after_days``."""

    coverage: Optional[float]
    """The share of data behind the number (see docs/rollup.md, "Time and trust")."""

    low_coverage: bool
    """Whether ``coverage`` is below the ``coverage_threshold`` setting: too little data is in for the
    number to be read as a judgement (a display draws it as low confidence, not as failure).
    """

    leaves: int
    """Included leaves below and including the item."""

    leaves_with_data: int
    """Those of ``leaves`` that have data (progress): "5 of 7 items" is ``leaves_with_data`` of ``leaves``."""

    status_counts: StatusCountsDict
    """Statuses of the included leaves below and including the item."""

    value: Optional[float]
    """A measured leaf's value to date (for a member item, the members' values combined)."""

    target: Optional[float]
    """The measure's target."""

    unit: Optional[str]
    """The measure's unit."""

    members_in_scope: Optional[int]
    """Member items: the members in scope (all, or those listed)."""

    members_adopted: Optional[int]
    """Member items: those of them that count (adopted, when adoption is required)."""

    members_reported: Optional[int]
    """Member items: those that count and have data."""


class StatusCountsDict(TypedDict):
    """How many included leaves (below and including an item) have each status."""

    not_started: int
    """Not started."""

    on_track: int
    """On track."""

    at_risk: int
    """At risk."""

    off_track: int
    """Off track."""

    done: int
    """Done."""

    unknown: int
    """No data."""


class AdoptionCellDict(TypedDict):
    """One member x member item cell."""

    item: str
    """The item's id."""

    member: str
    """The member's id."""

    state: CellState
    """The cell's state."""

    progress: Optional[float]
    """The member's progress on the item, 0..1."""

    expected: Optional[float]
    """The item's expected progress at ``as_of`` (the ``expected`` of its row)."""

    variance: Optional[float]
    """progress - expected."""

    share_of_sum: bool
    """Whether the member's figure is a share of a summed total: the item has a measure that
    sums the members' values (``aggregate: sum``, the default) and no ``member_target``, so the
    member's progress is its value scored against the whole item's target.
    """

    value: Optional[float]
    """The member's latest value."""

    date: Optional[DateString]
    """The date of the member's latest update."""

    status: Optional[RollupStatus]
    """The member's latest reported status."""


class ExcludedItemDict(TypedDict):
    """An entry of the denominator audit."""

    item: str
    """The item left out."""

    reason: ExclusionReason
    """Why."""

    because_of: Optional[str]
    """The item whose state leaves it out: itself or an ancestor (``None`` for ``no_data``)."""


class RollupSeriesDict(TypedDict):
    """The rollup of a plan at several dates (ascending, each once). As JSON, with its burn-up
    numbers: ``{"plan": id, "rollups": [...], "burn_up": [...]}`` (read back, ``burn_up`` is found
    again from the rollups).
    """

    plan: str
    """The plan's id."""

    rollups: List[RollupDict]
    """One rollup per date, in date order."""

    burn_up: List[BurnUpDict]
    """The burn-up numbers at each date (found from the rollups; ignored when read back)."""


class BurnUpDict(TypedDict):
    """The numbers of a burn-up chart at one date, over the included leaves of the whole plan
    (each leaf counts as one unit of work, whatever its weight).
    """

    as_of: DateString
    """The date."""

    scope: int
    """The scope: how many included leaves."""

    earned: float
    """The work done: the sum of their progress (a leaf without data counts 0)."""

    expected: float
    """The work expected by then: the sum of their expected progress."""

    not_started: int
    """Not started."""

    on_track: int
    """On track."""

    at_risk: int
    """At risk."""

    off_track: int
    """Off track."""

    done: int
    """Done."""

    unknown: int
    """No data."""


class ExplanationDict(TypedDict):
    """How one item's numbers were found."""

    item: str
    """The item's id."""

    as_of: DateString
    """The date of the numbers."""

    kind: ItemKind
    """``leaf``, ``member_item`` or ``parent``."""

    included: bool
    """Whether the item counts in its parent."""

    progress: Optional[float]
    """Its progress."""

    expected: Optional[float]
    """Its expected progress."""

    variance: Optional[float]
    """progress - expected."""

    status: RollupStatus
    """The status shown."""

    rule: ProgressRule
    """Which rule gave the progress: ``done``, ``measure``, ``percent``, ``not_started``, ``no_data``,
    ``members_mean``, ``members_measure``, ``weighted_mean``, ``excluded``.
    """

    formula: str
    """The arithmetic, in words and numbers."""

    updates: List[UsedUpdateDict]
    """The returns used (leaves and member items)."""

    children: List[ChildTermDict]
    """The children and their weights (parents)."""

    expected_basis: str
    """How expected progress was found."""

    status_basis: str
    """How the status was found."""

    settings: EffectiveSettingsDict
    """The settings in force."""

    summary: str
    """The plain-language lead: what the number is, how much data stands behind it and what it
    is compared with (dates in words).
    """

    members: Optional[MemberSummaryDict]
    """For a member item: how many members count and reported, the spread, who is furthest behind."""

    text: str
    """The summary, then the arithmetic as one paragraph (on the next line)."""


class UsedUpdateDict(TypedDict):
    """A return that a number was taken from."""

    field: ReturnField
    """The field taken: ``status``, ``percent`` or ``value``."""

    value: str
    """Its value, as text."""

    date: DateString
    """The return's date."""

    member: Optional[str]
    """The member who reported, for member items."""

    recorded: str
    """When it was entered."""

    position: int
    """Its position in the input (0-based), which breaks ties."""


class ChildTermDict(TypedDict):
    """One child's part in a parent's number."""

    item: str
    """The child's id."""

    progress: Optional[float]
    """Its progress."""

    expected: Optional[float]
    """Its expected progress."""

    weight: float
    """Its weight under the settings in force."""

    counted: bool
    """Whether it counts in the parent's progress."""

    reason: Optional[str]
    """Why not, when it does not."""


class EffectiveSettingsDict(TypedDict):
    """Every rollup setting, resolved."""

    weighting: Weighting
    """How children are weighted."""

    missing: Missing
    """How a child without data counts."""

    status: StatusPolicy
    """How a parent's status is found."""

    at_risk: float
    """Behind expected by more than this (a fraction): at risk."""

    off_track: float
    """Behind expected by more than this: off track."""

    stale_after_days: int
    """Days after which the latest update is stale."""

    trend_days: int
    """Days back for the trend."""

    coverage_threshold: float
    """A row whose coverage is below this fraction is low coverage (``Row::low_coverage``)."""


class MemberSummaryDict(TypedDict):
    """How the members of a member item stand: how many count, how many reported, the spread of
    their progress and who is furthest behind.
    """

    count: int
    """The members that count (in scope and, when adoption is required, adopted)."""

    reported: int
    """Those of them that reported progress."""

    lowest: Optional[float]
    """The lowest progress reported."""

    highest: Optional[float]
    """The highest progress reported."""

    behind: List[MemberProgressDict]
    """Up to three members furthest behind, lowest progress first (ties in plan order)."""


class MemberProgressDict(TypedDict):
    """One member's progress, for the members furthest behind."""

    member: str
    """The member's id."""

    name: str
    """The member's name."""

    progress: float
    """The member's progress, 0..1."""


class OutlineRowDict(TypedDict):
    """One item of the outline."""

    id: str
    """The item's id."""

    parent: Optional[str]
    """The parent's id (``None`` at the top level)."""

    depth: int
    """0 at the top level."""

    level: Optional[str]
    """The id of the level at that depth (``None`` deeper than the declared levels)."""

    label: Optional[str]
    """The printed label."""

    number: Optional[str]
    """The labels from the top down joined by dots (``7.2.a``), when every one of them has a label."""

    pointer: str
    """The item's place in the document as a JSON Pointer (``/items/6/children/1/children/0``)."""

    title: str
    """The title."""

    outcome: Optional[str]
    """What success looks like."""

    owner: Optional[str]
    """Who owns it."""

    themes: List[str]
    """Its theme ids."""

    start: DateString
    """Its start: its own, else inherited."""

    due: DateString
    """Its due date: its own, else inherited."""

    weight: float
    """Its weight (default 1)."""

    state: ItemState
    """Its own state."""

    included: bool
    """Whether it counts (neither it nor an item above it is deferred or cancelled)."""

    excluded_by: Optional[str]
    """The item whose state leaves it out: itself or an ancestor."""

    kind: ItemKind
    """Parent, leaf or member item."""

    members: Optional[List[str]]
    """The members that deliver it, own or inherited (``all`` written out as every member)."""

    adoption: Optional[Adoption]
    """Its adoption rule, own or inherited."""

    unit: Optional[str]
    """The measure's unit."""

    baseline: Optional[float]
    """The measure's baseline (default 0)."""

    target: Optional[float]
    """The measure's target."""

    children: int
    """How many children it has."""

    links: int
    """How many links it has to other items."""


class PlanDiffDict(TypedDict):
    """Everything that differs between two versions of a plan."""

    old: str
    """The old plan's id."""

    new: str
    """The new plan's id."""

    plan: List[FieldChangeDict]
    """Fields of the plan itself that differ (items excluded)."""

    added: List[ItemSummaryDict]
    """Items only in the new version, in its document order."""

    removed: List[ItemSummaryDict]
    """Items only in the old version, in its document order."""

    moved: List[MovedDict]
    """Items under a different parent."""

    relabelled: List[RelabelledDict]
    """Items with a different label."""

    changed: List[ItemChangesDict]
    """Items whose other fields differ, in the new version's order."""

    possible_renames: List[PossibleRenameDict]
    """Removed and added items that look like one item renamed."""


class FieldChangeDict(TypedDict):
    """One field that differs."""

    field: str
    """The field, e.g. ``title``, ``due``, ``measure``."""

    old: Any
    """Its old value (``null`` when absent)."""

    new: Any
    """Its new value (``null`` when absent)."""

    cosmetic: bool
    """Text that differs only in typography: dashes, quotes, spaces, a final full stop."""


class ItemSummaryDict(TypedDict):
    """An item added or removed."""

    id: str
    """Its id."""

    label: Optional[str]
    """Its label."""

    title: str
    """Its title."""

    parent: Optional[str]
    """Its parent's id (``None`` at the top level)."""


MovedDict = TypedDict("MovedDict", {
    "id": "str",
    "from": "Optional[str]",
    "to": "Optional[str]",
})
MovedDict.__doc__ = """An item whose parent changed.

- ``id``: Its id.
- ``from``: The old parent.
- ``to``: The new parent.
"""


RelabelledDict = TypedDict("RelabelledDict", {
    "id": "str",
    "from": "Optional[str]",
    "to": "Optional[str]",
})
RelabelledDict.__doc__ = """An item whose printed label changed.

- ``id``: Its id.
- ``from``: The old label.
- ``to``: The new label.
"""


class ItemChangesDict(TypedDict):
    """An item kept by id whose fields changed."""

    id: str
    """Its id."""

    changes: List[FieldChangeDict]
    """The fields that differ."""


class PossibleRenameDict(TypedDict):
    """A removed and an added item whose titles are nearly the same: perhaps one item renamed."""

    removed: str
    """The removed item's id."""

    added: str
    """The added item's id."""

    similarity: float
    """Title similarity, 0..1."""


class _DiagnosticDictKeys(TypedDict):
    """One finding: what is wrong, how serious, and exactly where."""

    code: DiagnosticCode
    """The stable code of the rule, e.g. ``due_outside_period`` (listed in ``docs/diagnostics.md``)."""

    severity: Severity
    """How serious it is: the code's ``severity``."""

    message: str
    """What is wrong, in words for a committee officer."""

    path: Pointer
    """JSON Pointer to the offending value in its document."""

    item: Optional[str]
    """The id of the item concerned, where there is one."""

    line: Optional[int]
    """Line of the offending value (from 1), when the document came from text."""

    column: Optional[int]
    """Column of the offending value (from 1, in characters), when the document came from text."""

    hint: Optional[str]
    """How to fix it, where there is a suggestion."""

    document: DiagnosticDocument
    """The document the path points into."""


class DiagnosticDict(_DiagnosticDictKeys, total=False):
    """One finding: what is wrong, how serious, and exactly where."""

    sheet: str
    """For returns read from a workbook: the sheet (``line`` and ``column`` are then the cell's row
    and column).
    """


class CoverageDict(TypedDict):
    """Which items of a plan the other plans of a workspace link to."""

    plan: str
    """The target plan's id."""

    items: List[CoverageEntryDict]
    """Every item of the target plan, in document order."""

    unlinked: List[str]
    """The ids of the items nothing links to, nor to any item above or below them."""


class CoverageEntryDict(TypedDict):
    """One item of a target plan with the items that link to it."""

    item: str
    """The item's id."""

    depth: int
    """Its depth (0 for the top level)."""

    linked_from: List[LinkSourceDict]
    """The items of other plans that link to it."""

    covered: bool
    """Whether it, an item above it or an item below it is linked to."""


class LinkSourceDict(TypedDict):
    """An item of another plan that links to an item."""

    plan: str
    """The linking plan's id."""

    item: str
    """The linking item's id."""

    rel: LinkRel
    """How it relates."""


class CadenceDict(TypedDict):
    """The rotation of clusters over meetings and its checks."""

    level: int
    """The level whose items are the clusters (0: the top level)."""

    window_months: int
    """The window every cluster must be reviewed in, in months."""

    clusters: List[str]
    """The clusters, in document order."""

    schedule: List[SlotDict]
    """Each meeting with the cluster it reviews, in rotation."""

    gaps: List[GapDict]
    """Stretches where the rotation leaves a cluster unreviewed for longer than the window."""

    overdue: List[OverdueDict]
    """Clusters overdue at ``as_of`` by the recorded ``reviewed`` events."""

    as_of: Optional[DateString]
    """The date overdue reviews are judged at."""


class SlotDict(TypedDict):
    """A meeting and the cluster it reviews."""

    date: DateString
    """The meeting."""

    cluster: str
    """The id of the cluster reviewed."""


GapDict = TypedDict("GapDict", {
    "cluster": "str",
    "from": "DateString",
    "to": "DateString",
})
GapDict.__doc__ = """A stretch longer than the window in which a cluster is not reviewed.

- ``cluster``: The cluster.
- ``from``: The last review before the gap (or the first meeting).
- ``to``: The next review (or the last meeting).
"""


class OverdueDict(TypedDict):
    """A cluster whose last recorded review is older than the window."""

    cluster: str
    """The cluster."""

    last_reviewed: Optional[DateString]
    """Its last ``reviewed`` event, if any."""

    due: DateString
    """When the next review fell due."""


class ApprovalStateDict(TypedDict):
    """Where a plan is in its approval path."""

    status: PlanStatus
    """The status the plan declares."""

    stage: PlanStatus
    """The status its events give: approved after an approval (amendments after it keep it
    approved), archived after archiving, in consultation after comments, else draft.
    """

    approved: Optional[ApprovalStepDict]
    """The last approval, if any."""

    last: Optional[ApprovalStepDict]
    """The latest event."""

    path: List[ApprovalStepDict]
    """Every event, in date order (the order given for the same date)."""

    consistent: bool
    """Whether the declared status matches the events and the events are listed in date order."""


class ApprovalStepDict(TypedDict):
    """One step of the approval path."""

    date: DateString
    """When."""

    body: str
    """Who."""

    action: EventAction
    """What."""


class PlanSummaryDict(TypedDict):
    """Counts that describe a plan's shape."""

    plan: str
    """The plan's id."""

    title: str
    """The plan's title."""

    levels: List[LevelCountDict]
    """Items at each declared level, top-down: ``(level id, level name, count)``."""

    items: int
    """All items."""

    leaves: int
    """Items without children."""

    measures: int
    """Items with a measure."""

    members: int
    """Members of the plan."""

    themes: int
    """Themes of the plan."""

    links: int
    """Links from items."""

    events: int
    """Governance events."""

    beyond_levels: int
    """Items deeper than the declared levels (a validation error later)."""


class LevelCountDict(TypedDict):
    """How many items a level has."""

    id: str
    """The level's id."""

    name: str
    """The level's name, or its id when it has none."""

    items: int
    """Items at that depth."""


class ImportSummaryDict(TypedDict):
    """What the import did: items per level, labels inferred, measures proposed, lines not used."""

    shape: PaperShape
    """The shape the paper was read as."""

    levels: List[LevelSummaryDict]
    """The levels, top down, with their items."""

    labels_inferred: int
    """Items whose label was inferred (``x-label-inferred: true``)."""

    measures_proposed: int
    """Measures proposed from numeric targets in the prose."""

    lines_total: int
    """Lines in the text."""

    lines_used: int
    """Lines the draft was read from (items' text, labels, and structure such as "Outputs")."""

    unused: List[UnusedLineDict]
    """Lines not used, in order, with why (blank lines included)."""


class LevelSummaryDict(TypedDict):
    """One level of the draft: its name, its items, and where the name came from."""

    name: str
    """The level's name ("Output")."""

    items: int
    """Items at this level."""

    named_from: str
    """Where the name came from ("named from the word \\"Outputs\\" heading the lists", "given by the caller")."""


class UnusedLineDict(TypedDict):
    """A line of the text that the draft does not use, and why."""

    line: int
    """1-based line number."""

    why: Unused
    """Why it is not used."""

    text: str
    """The line's text, trimmed."""


class RollupRowRecord(TypedDict):
    """One item's numbers (docs/rollup.md#rows). Progress, expected, coverage are fractions 0..1.

    As ``Rollup.to_records()``: dates as ``datetime.date``.
    """

    id: str
    """The item's id."""

    parent: Optional[str]
    """The parent's id (``None`` at the top level)."""

    depth: int
    """0 at the top level."""

    level: Optional[str]
    """The id of the level at that depth."""

    label: Optional[str]
    """The printed label."""

    title: str
    """The title."""

    is_leaf: bool
    """Whether the item has no children."""

    number: Optional[str]
    """The full number: the labels from the top down joined by dots (``7.2.a``), as in the
    outline; ``None`` when the item or an item above it has no label.
    """

    top: str
    """The id of the item's top-level ancestor (its own id at depth 0)."""

    state: ItemState
    """The item's own state."""

    included: bool
    """Whether it counts in its parent's numbers (not deferred or cancelled, nor under such an item)."""

    progress: Optional[float]
    """Progress, 0..1; ``None`` when there is no data."""

    expected: Optional[float]
    """Expected progress at ``as_of``, 0..1."""

    variance: Optional[float]
    """progress - expected."""

    status: RollupStatus
    """The status shown: a leaf's reported status if it has one, else derived (for parents, per
    the ``status`` setting).
    """

    reported_status: Optional[RollupStatus]
    """The latest reported status (leaves without members only)."""

    derived_status: RollupStatus
    """The status derived from progress and expected progress."""

    status_source: StatusSource
    """Where ``status`` comes from."""

    trend: Optional[Trend]
    """Progress now against ``trend_days`` ago."""

    last_update: Optional[datetime.date]
    """The date of the latest update counted."""

    stale: Optional[bool]
    """Whether the latest update is older than ``stale_after_days``."""

    coverage: Optional[float]
    """The share of data behind the number (see docs/rollup.md, "Time and trust")."""

    low_coverage: bool
    """Whether ``coverage`` is below the ``coverage_threshold`` setting: too little data is in for the
    number to be read as a judgement (a display draws it as low confidence, not as failure).
    """

    leaves: int
    """Included leaves below and including the item."""

    leaves_with_data: int
    """Those of ``leaves`` that have data (progress): "5 of 7 items" is ``leaves_with_data`` of ``leaves``."""

    status_counts: StatusCountsDict
    """Statuses of the included leaves below and including the item."""

    value: Optional[float]
    """A measured leaf's value to date (for a member item, the members' values combined)."""

    target: Optional[float]
    """The measure's target."""

    unit: Optional[str]
    """The measure's unit."""

    members_in_scope: Optional[int]
    """Member items: the members in scope (all, or those listed)."""

    members_adopted: Optional[int]
    """Member items: those of them that count (adopted, when adoption is required)."""

    members_reported: Optional[int]
    """Member items: those that count and have data."""


class AdoptionCellRecord(TypedDict):
    """One member x member item cell.

    As ``Rollup.adoption``: dates as ``datetime.date``.
    """

    item: str
    """The item's id."""

    member: str
    """The member's id."""

    state: CellState
    """The cell's state."""

    progress: Optional[float]
    """The member's progress on the item, 0..1."""

    expected: Optional[float]
    """The item's expected progress at ``as_of`` (the ``expected`` of its row)."""

    variance: Optional[float]
    """progress - expected."""

    share_of_sum: bool
    """Whether the member's figure is a share of a summed total: the item has a measure that
    sums the members' values (``aggregate: sum``, the default) and no ``member_target``, so the
    member's progress is its value scored against the whole item's target.
    """

    value: Optional[float]
    """The member's latest value."""

    date: Optional[datetime.date]
    """The date of the member's latest update."""

    status: Optional[RollupStatus]
    """The member's latest reported status."""


class BurnUpRecord(TypedDict):
    """The numbers of a burn-up chart at one date, over the included leaves of the whole plan
    (each leaf counts as one unit of work, whatever its weight).

    As ``RollupSeries.burn_up()``: dates as ``datetime.date``.
    """

    as_of: datetime.date
    """The date."""

    scope: int
    """The scope: how many included leaves."""

    earned: float
    """The work done: the sum of their progress (a leaf without data counts 0)."""

    expected: float
    """The work expected by then: the sum of their expected progress."""

    not_started: int
    """Not started."""

    on_track: int
    """On track."""

    at_risk: int
    """At risk."""

    off_track: int
    """Off track."""

    done: int
    """Done."""

    unknown: int
    """No data."""


class RollupSeriesRecord(TypedDict):
    """A row of ``RollupSeries.to_records()``, one per item per date: dates as ``datetime.date``."""

    as_of: datetime.date
    """The date of the rollup the row belongs to."""

    id: str
    """The item's id."""

    parent: Optional[str]
    """The parent's id."""

    depth: int
    """0 at the top level."""

    level: Optional[str]
    """The id of the level."""

    label: Optional[str]
    """The printed label."""

    title: str
    """The title."""

    is_leaf: bool
    """Whether the item has no children."""

    number: Optional[str]
    """The full number (``7.2.a``)."""

    top: str
    """The id of the top-level ancestor."""

    state: ItemState
    """The item's own state."""

    included: bool
    """Whether it counts in its parent's numbers."""

    progress: Optional[float]
    """Progress, 0..1."""

    expected: Optional[float]
    """Expected progress, 0..1."""

    variance: Optional[float]
    """progress - expected."""

    status: RollupStatus
    """The status shown."""

    reported_status: Optional[RollupStatus]
    """The latest reported status."""

    derived_status: RollupStatus
    """The derived status."""

    status_source: StatusSource
    """Where ``status`` comes from."""

    trend: Optional[Trend]
    """Progress now against ``trend_days`` ago."""

    last_update: Optional[datetime.date]
    """The date of the latest update counted."""

    stale: Optional[bool]
    """Whether the latest update is stale."""

    coverage: Optional[float]
    """The share of data behind the number."""

    low_coverage: bool
    """Whether the coverage is below the threshold."""

    leaves: int
    """Included leaves below and including the item."""

    leaves_with_data: int
    """Those leaves that have data."""

    status_counts: StatusCountsDict
    """Statuses of those leaves."""

    value: Optional[float]
    """A measured item's value to date."""

    target: Optional[float]
    """The measure's target."""

    unit: Optional[str]
    """The measure's unit."""

    members_in_scope: Optional[int]
    """Member items: the members in scope."""

    members_adopted: Optional[int]
    """Member items: those that count."""

    members_reported: Optional[int]
    """Member items: those that count and have data."""


ROLLUP_ROW_COLUMNS: Tuple[str, ...] = (
    "id",
    "parent",
    "depth",
    "level",
    "label",
    "title",
    "is_leaf",
    "number",
    "top",
    "state",
    "included",
    "progress",
    "expected",
    "variance",
    "status",
    "reported_status",
    "derived_status",
    "status_source",
    "trend",
    "last_update",
    "stale",
    "coverage",
    "low_coverage",
    "leaves",
    "leaves_with_data",
    "status_counts",
    "value",
    "target",
    "unit",
    "members_in_scope",
    "members_adopted",
    "members_reported",
)
"""The keys of a rollup row, in order."""
