"""The rows of a run sheet (排品表 / 整场脚本): one per segment, the columns a team prints.

Writers (XLSX, CSV, PDF) share these rows so the three files always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from livedesk.domain.money import fen_to_yuan
from livedesk.domain.roles import KIND_NAMES_ZH, PITCH_STEPS, ROLE_NAMES_ZH, STEP_NAMES_ZH, Role
from livedesk.domain.session import SessionPlan, owner_in_words

# Columns in print order: (key, header as printed). Step columns hold the budget as m:ss.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("index", "序号"),
    ("start", "开始"),
    ("end", "结束"),
    ("length", "时长"),
    ("segment", "环节"),
    ("product_id", "商品ID"),
    ("product", "商品"),
    ("role", "角色"),
    ("daily_price", "日常价"),
    ("live_price", "直播价"),
    ("mechanism", "机制"),
    ("stock", "库存"),
    *((f"step_{step.value}", STEP_NAMES_ZH[step]) for step in PITCH_STEPS),
    ("owner", "负责人"),
    ("cues", "提示"),
    ("notes", "备注"),
)
HEADERS = [header for _, header in COLUMNS]
KEYS = [key for key, _ in COLUMNS]
MONEY_KEYS = ("daily_price", "live_price")
# Free text typed by users: the writers neutralise anything a spreadsheet would run as a formula.
USER_TEXT_KEYS = ("segment", "product_id", "product", "mechanism", "owner", "cues", "notes")
FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass
class RunSheetRow:
    values: dict[str, object]  # key → str | int | Decimal (yuan) | None
    role: Role | None

    def cells(self) -> list[object]:
        return [self.values.get(key) for key in KEYS]


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def looks_like_formula(text: object) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def run_sheet_title(plan: SessionPlan) -> str:
    session = plan.session
    return f"{session.title} · {session.start:%Y-%m-%d %H:%M} · {mmss(session.planned_seconds)}"


def run_sheet_rows(plan: SessionPlan) -> list[RunSheetRow]:
    """One row per segment, times as local wall clock (HH:MM:SS), money as yuan Decimals."""
    rows = []
    starts = plan.planned_starts()
    for index, (segment, start) in enumerate(zip(plan.segments, starts, strict=False)):
        product = plan.product(segment.product_id)
        end = start + timedelta(seconds=segment.planned_seconds)
        steps = {b.step: b.seconds for b in segment.steps}
        label = KIND_NAMES_ZH[segment.kind]
        if segment.title and segment.title != label and (product is None or segment.title != product.name):
            label = f"{label} · {segment.title}"
        values: dict[str, object] = {
            "index": index + 1,
            "start": f"{start:%H:%M:%S}",
            "end": f"{end:%H:%M:%S}",
            "length": mmss(segment.planned_seconds),
            "segment": label,
            "product_id": segment.product_id or "",
            "product": product.name if product else "",
            "role": ROLE_NAMES_ZH[product.role] if product else "",
            "daily_price": _yuan(product.daily_price_fen) if product else None,
            "live_price": _yuan(product.live_price_fen) if product else None,
            "mechanism": product.mechanism if product else "",
            "stock": product.stock if product else None,
            "owner": owner_in_words(segment.owner, plan.session.team),
            "cues": " / ".join(segment.cues),
            "notes": segment.notes,
        }
        for step in PITCH_STEPS:
            values[f"step_{step.value}"] = mmss(steps[step]) if step in steps else ""
        rows.append(RunSheetRow(values, product.role if product else None))
    return rows


def _yuan(fen: int | None) -> Decimal | None:
    return fen_to_yuan(fen)
