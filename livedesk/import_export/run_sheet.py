"""The rows of a run sheet (排品表 / 整场脚本): one per segment, the columns a team prints.

Writers (XLSX, CSV, PDF) share these rows so the three files always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from livedesk.domain.money import fen_to_yuan
from livedesk.domain.roles import PITCH_STEPS, Role
from livedesk.domain.session import TEAM_ROLES, SessionPlan
from livedesk.words import KINDS, ROLES, STEPS, owner_words

# Columns in print order: (key, header as printed). Step columns hold the budget as m:ss.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("index", "序号"),
    ("start", "开始"),
    ("end", "结束"),
    ("length", "时长"),
    ("segment", "环节"),
    ("link", "链接号"),
    ("product_id", "商品ID"),
    ("product", "商品"),
    ("role", "角色"),
    ("daily_price", "日常价"),
    ("live_price", "直播价"),
    ("mechanism", "福袋/机制"),
    ("stock", "库存"),
    *((f"step_{step.value}", STEPS[step].zh) for step in PITCH_STEPS),
    ("owner", "负责人"),
    ("cues", "提示"),
    ("notes", "备注"),
    ("done", "✓"),
)
HEADERS = [header for _, header in COLUMNS]
KEYS = [key for key, _ in COLUMNS]
MONEY_KEYS = ("daily_price", "live_price")
CLOCK_KEYS = ("start", "end")  # wall-clock times of day
DURATION_KEYS = ("length", *(f"step_{step.value}" for step in PITCH_STEPS))
# Cues that make an interaction block a giveaway; the floor reads them in the 福袋/机制 column.
GIVEAWAY_CUES = ("福袋", "抽奖", "红包", "秒杀", "宠粉")
# Free text typed by users: the writers neutralise anything a spreadsheet would run as a formula.
USER_TEXT_KEYS = ("segment", "product_id", "product", "mechanism", "owner", "cues", "notes")
FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass
class RunSheetRow:
    values: dict[str, object]  # key → str | int | Decimal (yuan) | None
    role: Role | None
    # The same times as numbers for spreadsheets: CLOCK_KEYS in seconds since local midnight (may pass
    # 86,400 after midnight), DURATION_KEYS in seconds; absent where the text cell is blank.
    seconds: dict[str, int] = field(default_factory=dict)

    def cells(self) -> list[object]:
        return [self.values.get(key) for key in KEYS]


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def looks_like_formula(text: object) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def run_sheet_title(plan: SessionPlan) -> str:
    session = plan.session
    return f"{session.title} · {session.start:%Y-%m-%d %H:%M} · {mmss(session.planned_seconds)}"


def run_sheet_header_lines(plan: SessionPlan) -> list[tuple[str, str]]:
    """The lines printed above the table: who is on the team and what the session aims for."""
    session = plan.session
    team = "  ".join(
        owner_words(role, session.team, "zh_CN") for role in TEAM_ROLES if session.team.get(role, "").strip()
    )
    targets = session.targets
    aims = [
        f"GMV ¥{fen_to_yuan(targets.gmv_fen):,}" if targets.gmv_fen is not None else "",
        f"观看人数 {targets.uv:,}" if targets.uv is not None else "",
        f"UV价值 ¥{fen_to_yuan(targets.uv_value_fen)}" if targets.uv_value_fen is not None else "",
        f"观看-成交率 {targets.conversion:.2%}" if targets.conversion is not None else "",
        f"ROI {targets.roi:g}" if targets.roi is not None else "",
    ]
    if session.ad_budget_fen is not None:
        aims.append(f"投放预算 ¥{fen_to_yuan(session.ad_budget_fen):,}")
    return [("团队", team or "—"), ("目标", "  ".join(a for a in aims if a) or "—")]


def link_numbers(plan: SessionPlan) -> dict[str, int]:
    """小黄车 link numbers: products in the order they first come up in the run order, from 1."""
    numbers: dict[str, int] = {}
    for segment in plan.segments:
        if segment.product_id and segment.product_id not in numbers:
            numbers[segment.product_id] = len(numbers) + 1
    return numbers


def run_sheet_rows(plan: SessionPlan) -> list[RunSheetRow]:
    """One row per segment, times as local wall clock (HH:MM:SS), money as yuan Decimals."""
    rows = []
    starts = plan.planned_starts()
    links = link_numbers(plan)
    midnight = plan.session.start.replace(hour=0, minute=0, second=0, microsecond=0)
    for index, (segment, start) in enumerate(zip(plan.segments, starts, strict=False)):
        product = plan.product(segment.product_id)
        end = start + timedelta(seconds=segment.planned_seconds)
        steps = {b.step: b.seconds for b in segment.steps}
        label = KINDS[segment.kind].zh
        if segment.title and segment.title != label and (product is None or segment.title != product.name):
            label = f"{label} · {segment.title}"
        values: dict[str, object] = {
            "index": index + 1,
            "start": f"{start:%H:%M:%S}",
            "end": f"{end:%H:%M:%S}",
            "length": mmss(segment.planned_seconds),
            "segment": label,
            "link": links.get(segment.product_id) if segment.product_id else None,
            "product_id": segment.product_id or "",
            "product": product.name if product else "",
            "role": ROLES[product.role].zh if product else "",
            "daily_price": _yuan(product.daily_price_fen) if product else None,
            "live_price": _yuan(product.live_price_fen) if product else None,
            "mechanism": product.mechanism if product else _giveaway(segment.cues),
            "stock": product.stock if product else None,
            "owner": owner_words(segment.owner, plan.session.team, "zh_CN"),
            "cues": " / ".join(segment.cues),
            "notes": segment.notes,
            "done": "",
        }
        seconds = {
            "start": int((start - midnight).total_seconds()),
            "end": int((end - midnight).total_seconds()),
            "length": segment.planned_seconds,
        }
        for step in PITCH_STEPS:
            values[f"step_{step.value}"] = mmss(steps[step]) if step in steps else ""
            if step in steps:
                seconds[f"step_{step.value}"] = steps[step]
        rows.append(RunSheetRow(values, product.role if product else None, seconds))
    return rows


def _giveaway(cues: list[str]) -> str:
    return " / ".join(cue for cue in cues if any(word in cue for word in GIVEAWAY_CUES))


def _yuan(fen: int | None) -> Decimal | None:
    return fen_to_yuan(fen)
