"""Words and colours of a run order: product roles, segment kinds, pitch steps, console markers, team
roles, and the one rule for a segment's colour (its product's role, else its kind)."""

from __future__ import annotations

from livedesk.domain.live_log import Marker
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import TEAM_ROLES, Segment, SessionPlan
from livedesk.words.vocabulary import Vocabulary, Word

ROLES = Vocabulary(
    "role",
    {
        Role.TRAFFIC: Word("引流款", "Traffic item", "#E8743B"),  # warm orange: pulls people in
        Role.PROFIT: Word("利润款", "Profit item", "#2E7D5B"),  # green: where the money is made
        Role.IMAGE: Word("形象款", "Image item", "#7B5EA7"),  # purple: brand tone
        Role.CLEARANCE: Word("清仓款", "Clearance item", "#D4A017"),  # amber: surprise deals
    },
)
FALLBACK_COLOUR = "#9AA5B1"  # grey: a block with neither a role nor a kind colour
KINDS = Vocabulary(
    "segment kind",
    {
        SegmentKind.OPENING: Word("开场", "Opening", "#4A6FA5"),
        # A pitch always shows its product's role colour; without a product it is the neutral grey.
        SegmentKind.PITCH: Word("讲解", "Pitch", FALLBACK_COLOUR),
        SegmentKind.INTERACTION: Word("互动", "Interaction", "#4FA3A5"),
        SegmentKind.TRANSITION: Word("过品", "Transition", "#9AA5B1"),
        SegmentKind.ENCORE: Word("返场", "Encore", "#C0504D"),
        SegmentKind.CLOSING: Word("收尾", "Closing", "#4A6FA5"),
    },
)
STEPS = Vocabulary(
    "script step",
    {
        ScriptStep.PAIN_POINT: Word("痛点引入", "Pain point"),
        ScriptStep.SELLING_POINTS: Word("卖点展示", "Show selling points"),
        ScriptStep.TRUST: Word("信任背书", "Trust"),
        ScriptStep.OFFER: Word("价格优惠", "Price / offer"),
        ScriptStep.CLOSE: Word("逼单促成", "Closing push"),
    },
)
MARKERS = Vocabulary(
    "marker",
    {
        Marker.LINK_UP: Word("上链接", "Link up"),
        Marker.LUCKY_BAG: Word("福袋", "Lucky bag"),
        Marker.ENCORE: Word("返场", "Encore"),
        Marker.INCIDENT: Word("事故", "Incident"),
        Marker.NOTE: Word("备注", "Note"),
    },
)
TEAM = Vocabulary(
    "team role",
    dict(
        zip(
            TEAM_ROLES,
            (
                Word("主播", "Host"),
                Word("副播", "Co-host"),
                Word("场控", "Director"),
                Word("投手", "Ad buyer"),
                Word("私域", "Private domain"),
                Word("客服", "Customer service"),
            ),
            strict=True,
        )
    ),
)
# Where a segment stands in a run (console list, browser rundown).
RUN_STATES = Vocabulary(
    "run state",
    {
        "on_air": Word("进行中", "on air"),
        "done": Word("已完成", "done"),
        "skipped": Word("已跳过", "skipped"),
        "unplayed": Word("未播", "unplayed"),
    },
)
# How a planned segment compares with what ran (review's plan vs actual).
SEGMENT_STATUSES = Vocabulary(
    "segment status",
    {
        "kept": Word("按计划", "As planned"),
        "skipped": Word("未执行", "Skipped"),
        "added": Word("计划外", "Not in plan"),
        "not_recorded": Word("无记录", "No record"),
    },
)


def segment_colour(kind: SegmentKind | str, role: Role | str | None) -> str:
    """The one colour rule of the timeline, the console, the browser views and the charts: a pitch or
    an encore takes its product's role colour; every other block (and a pitch without a product) its
    kind's colour."""
    if role and str(kind) in (SegmentKind.PITCH, SegmentKind.ENCORE):
        colour = ROLES.colour(role)
        if colour:
            return colour
    return KINDS.colour(kind, FALLBACK_COLOUR) or FALLBACK_COLOUR


def owner_words(owner: str, team: dict[str, str], lang: str | None = None) -> str:
    """A segment owner given as a team role reads as the role and, when the team names one, the person
    (`主播 小林`); any other owner as written."""
    if owner not in TEAM:
        return owner
    return f"{TEAM.word(owner, lang)} {team.get(owner, '')}".strip()


def segment_words(plan: SessionPlan, segment: Segment | None, lang: str | None = None) -> str:
    """A segment as the console and the browser views name it: `讲解 · 保温杯`, `开场`, or the planner's
    title when it already starts with the kind; None → "—"."""
    if segment is None:
        return "—"
    product = plan.product(segment.product_id)
    name = product.name if product else segment.title
    base = KINDS.word(segment.kind, lang)
    if not name or name == base:
        return base
    return name if name.startswith(base) else f"{base} · {name}"
