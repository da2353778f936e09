"""A session (one live stream) and its plan: segments with planned lengths and script-step budgets.

Times are timezone-aware datetimes in the session's zone (default Asia/Shanghai); the store keeps
them as UTC epoch milliseconds plus the zone name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, SegmentKind

DEFAULT_TIMEZONE = "Asia/Shanghai"
TEAM_ROLES = ("host", "co_host", "director", "ad_buyer", "private_domain", "customer_service")


@dataclass
class Targets:
    """What the team aims for; money in fen, rates as fractions; None when not set."""

    gmv_fen: int | None = None
    uv: int | None = None
    uv_value_fen: int | None = None  # GMV per viewer, fen
    conversion: float | None = None  # watch-to-buy rate (buyers / uv)
    roi: float | None = None


@dataclass
class ChecklistItem:
    text: str
    done: bool = False


@dataclass
class StepBudget:
    """One script step of a pitch: how long it may take (seconds) and optionally its text for this pitch."""

    step: ScriptStep
    seconds: int
    text: str = ""


@dataclass
class Segment:
    """A block of the run order. A pitch or encore names one product; its role comes from the pool."""

    kind: SegmentKind
    planned_seconds: int
    product_id: str | None = None
    title: str = ""
    owner: str = ""
    cues: list[str] = field(default_factory=list)  # 上链接, 福袋, 憋单 …
    notes: str = ""
    steps: list[StepBudget] = field(default_factory=list)


@dataclass
class Session:
    """A session's header: who, where, when, how long and what for."""

    title: str
    start: datetime  # aware, in `timezone`
    planned_seconds: int
    platform: str = "douyin"
    account: str = ""
    timezone: str = DEFAULT_TIMEZONE
    team: dict[str, str] = field(default_factory=dict)  # TEAM_ROLES → name
    targets: Targets = field(default_factory=Targets)
    ad_budget_fen: int | None = None
    preheat_checklist: list[ChecklistItem] = field(default_factory=list)
    scene_checklist: list[ChecklistItem] = field(default_factory=list)
    is_sample: bool = False
    id: int | None = None

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            raise ValueError("a session's start must carry its time zone")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def planned_end(self) -> datetime:
        return self.start + timedelta(seconds=self.planned_seconds)

    def localize(self, moment: datetime) -> datetime:
        """A naive export time is local wall time in this session's zone; an aware one is converted."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.zone)
        return moment.astimezone(self.zone)


@dataclass
class SessionPlan:
    """A session with its product pool and run order."""

    session: Session
    products: list[Product] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    def product(self, product_id: str | None) -> Product | None:
        if product_id is None:
            return None
        for product in self.products:
            if product.product_id == product_id:
                return product
        return None

    def pool_product(self, product_id: str) -> Product:
        """The pool's product with this id; KeyError names an id that is not in the pool."""
        product = self.product(product_id)
        if product is None:
            raise KeyError(f"product {product_id} is not in the pool")
        return product

    def role_of(self, segment: Segment) -> Role | None:
        product = self.product(segment.product_id)
        return product.role if product else None

    def planned_starts(self) -> list[datetime]:
        """Each segment starts where the previous one ends (chained from the session start)."""
        starts, at = [], self.session.start
        for segment in self.segments:
            starts.append(at)
            at = at + timedelta(seconds=segment.planned_seconds)
        return starts

    @property
    def total_planned_seconds(self) -> int:
        return sum(segment.planned_seconds for segment in self.segments)
