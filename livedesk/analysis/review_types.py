"""The typed pieces a review carries besides its metrics: where a number came from, findings with typed
subjects and evidence, segments as planned and run, orders outside the live window, the minute curves and
the action items with their verification. Money is integer fen, instants UTC epoch ms; words are the UI's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from livedesk.analysis.inputs import fen_ratio
from livedesk.domain.action_item import ActionItem, ActionStatus


class SourceKind(StrEnum):
    """What kind of input gave a number (the UI and reports word it from this code, never from prose)."""

    EXPORT = "export"  # a platform export's own figure (a summary sheet or a product table)
    CHANNEL_TOTAL = "channel_total"  # the total row of a traffic-channel table (整体)
    ORDERS = "orders"  # summed from order lines
    MINUTES = "minutes"  # from the per-minute curve
    DERIVED = "derived"  # computed by LiveDesk from other metrics (a formula)
    LOG = "log"  # the live log
    EXPLANATIONS = "explanations"  # the 商品讲解 records
    PLAN = "plan"  # the plan itself


_SUFFIXES = {
    SourceKind.ORDERS: " (summed orders)",
    SourceKind.MINUTES: " (minute curve)",
    SourceKind.CHANNEL_TOTAL: " (整体)",
}
_DERIVED_PREFIX = "derived: "
_RUN_SOURCES = (SourceKind.LOG, SourceKind.EXPLANATIONS, SourceKind.PLAN)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value came from: its kind, the files (each "file · sheet" when the export has sheets) and,
    for a derived value, the formula over metric keys."""

    kind: SourceKind
    files: tuple[str, ...] = ()
    formula: str | None = None

    @property
    def text(self) -> str:
        """The source as the JSON edge writes it (a stable text: "a.csv + b.csv (summed orders)")."""
        if self.kind is SourceKind.DERIVED:
            return _DERIVED_PREFIX + (self.formula or "")
        if self.kind in _RUN_SOURCES:
            return self.kind.value
        joined = " + ".join(self.files)
        return joined + _SUFFIXES.get(self.kind, "")

    @staticmethod
    def from_text(text: str | None) -> Source | None:
        """The inverse of `text`, for reading a review back from JSON."""
        if text is None:
            return None
        if text.startswith(_DERIVED_PREFIX):
            return Source(SourceKind.DERIVED, formula=text.removeprefix(_DERIVED_PREFIX))
        for kind in _RUN_SOURCES:
            if text == kind.value:
                return Source(kind)
        for kind, suffix in _SUFFIXES.items():
            if text.endswith(suffix):
                return Source(kind, tuple(text.removesuffix(suffix).split(" + ")))
        return Source(SourceKind.EXPORT, (text,))


def run_source(code: str) -> Source:
    """The Source for an actual run's source code (log | explanations | plan)."""
    return Source(SourceKind(code))


class Severity(StrEnum):
    CRITICAL = "critical"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.CRITICAL: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Subject:
    """What a finding concerns: a metric of the session, a product, a planned segment (plan index), a block
    as run (position), or a segment named with the product it pitched. All None: the whole session."""

    segment: int | None = None
    segment_product: str | None = None
    position: int | None = None
    product: str | None = None
    metric: str | None = None

    @property
    def action_key(self) -> str:
        """How an action item stores its subject: "product:<id>", "segment:<index>" or "" (the session)."""
        if self.product:
            return f"product:{self.product}"
        if self.segment is not None:
            return f"segment:{self.segment}"
        return ""

    @staticmethod
    def from_action_key(key: str) -> Subject:
        kind, _, value = key.partition(":")
        if kind == "product" and value:
            return Subject(product=value)
        if kind == "segment" and value.lstrip("-").isdigit():
            return Subject(segment=int(value))
        return Subject()


class Unit(StrEnum):
    """The unit of one evidence value (how the JSON edge writes it and how the UI words it)."""

    COUNT = "count"
    FEN = "fen"  # money
    FRACTION = "fraction"  # a rate or share, 0.05 = 5 %
    RATIO = "ratio"  # a multiple, 1.2 = 1.2×
    SECONDS = "seconds"
    INSTANT = "instant"  # UTC epoch ms
    METRIC = "metric"  # a metric key
    TEXT = "text"
    SEGMENTS = "segments"  # plan indices
    PRODUCTS = "products"  # product ids


ParamValue = int | float | str | tuple[int, ...] | tuple[str | None, ...] | None


@dataclass(frozen=True, slots=True)
class Param:
    """One evidence value of a finding, with its unit."""

    name: str
    value: ParamValue
    unit: Unit


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The metric a follow-up action could be verified on; `target` is in the action item's unit (yuan for
    money, a fraction for rates, see domain.action_item)."""

    metric: str | None = None
    comparison: str = ">="
    target: float | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """What the data shows (never a claimed cause): a code, how much it matters, the evidence values and
    what it is about. It holds no sentence: the screens, the reports and the CLI word the code and its
    evidence (livedesk.words.findings) in their language."""

    code: str
    severity: Severity
    evidence: tuple[Param, ...] = ()
    subject: Subject = field(default_factory=Subject)
    suggested: Suggestion = field(default_factory=Suggestion)

    def param(self, name: str) -> ParamValue:
        """The evidence value called `name` (None when the finding has none)."""
        return next((p.value for p in self.evidence if p.name == name), None)

    def has(self, name: str) -> bool:
        return any(p.name == name for p in self.evidence)


@dataclass(frozen=True, slots=True)
class SegmentReview:
    """One planned segment with its first actual run (several runs summed), or a block added on air
    (`index` None): planned and actual times, and what sold while it ran."""

    index: int | None
    positions: tuple[int, ...]
    kind: str
    title: str
    product_id: str | None
    role: str | None
    status: str  # kept | skipped | added | not_recorded
    planned_start_ms: int | None
    planned_seconds: int | None
    actual_start_ms: int | None
    actual_seconds: float | None
    gmv_fen: int | None
    orders: int | None
    units: int | None
    on_air_gmv_fen: int | None
    online_start: int | None
    online_end: int | None
    gmv_source: str | None  # orders | minutes

    @property
    def delta_seconds(self) -> float | None:
        if self.actual_seconds is None or self.planned_seconds is None:
            return None
        return self.actual_seconds - self.planned_seconds

    @property
    def gmv_per_minute_fen(self) -> int | None:
        if self.gmv_fen is None or not self.actual_seconds:
            return None
        return fen_ratio(self.gmv_fen * 60, self.actual_seconds)

    @property
    def on_air_share(self) -> float | None:
        if self.on_air_gmv_fen is None or not self.gmv_fen:
            return None
        return self.on_air_gmv_fen / self.gmv_fen


@dataclass(frozen=True, slots=True)
class OutsideBucket:
    """Sale lines paid on one side of the live window: counted and shown, kept out of GMV."""

    lines: int
    orders: int
    gmv_fen: int | None
    first_ms: int | None
    last_ms: int | None


@dataclass(frozen=True, slots=True)
class OutsideWindow:
    before: OutsideBucket
    after: OutsideBucket


@dataclass(frozen=True, slots=True)
class Curves:
    """Per-minute online viewers and GMV from the first actual start; a minute without data is None."""

    minute_ms: tuple[int, ...] = ()
    online: tuple[int | None, ...] = ()
    gmv_fen: tuple[int | None, ...] = ()


@dataclass(frozen=True, slots=True)
class FunnelStage:
    stage: str  # exposure_uv | uv | product_exposure_uv | product_click_uv | buyers
    value: int | None


@dataclass(frozen=True, slots=True)
class Provenance:
    """One imported table the review read: what it was and where it came from."""

    kind: str
    format: str
    source_name: str
    sheet: str | None
    imported_at: str  # as recorded (ISO 8601)
    rows_stored: int
    rows_skipped: int


@dataclass(frozen=True, slots=True)
class Verification:
    """A carried item checked against this review: the value found and the verdict (OPEN: unknown)."""

    session_id: int
    status: ActionStatus
    value: float | None


@dataclass(frozen=True, slots=True)
class ReviewAction:
    """An action item shown in this review: the session's own, or carried in from an earlier one with this
    review's verification (stored only when the user saves the verdicts)."""

    item: ActionItem
    carried: bool
    verification: Verification | None = None

    @property
    def status(self) -> ActionStatus:
        return self.verification.status if self.verification else self.item.status

    @property
    def verified_value(self) -> float | None:
        return self.verification.value if self.verification else self.item.verified_value

    @property
    def verified_session_id(self) -> int | None:
        return self.verification.session_id if self.verification else self.item.verified_session_id

    @property
    def has_new_verdict(self) -> bool:
        """True when this review's verdict differs from what is stored for the item."""
        if self.verification is None:
            return False
        item = self.item
        return (item.status, item.verified_value, item.verified_session_id) != (
            self.verification.status,
            self.verification.value,
            self.verification.session_id,
        )


Thresholds = Mapping[str, float | int | None]
