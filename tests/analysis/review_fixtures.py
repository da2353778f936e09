"""Review test data: a small hand-made session and helpers that store canonical tables directly
(so the review tests do not depend on any importer)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from livedesk.analysis.synthetic import canonical_table, synthetic_dataset
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import Segment, Session, SessionPlan, StepBudget, Targets
from livedesk.persistence import dataset_repository, session_repository
from livedesk.persistence.store import Store

ZONE = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 14, 20, 0, tzinfo=ZONE)


def at(minutes: float) -> datetime:
    """An instant `minutes` after the session's planned start."""
    return START + timedelta(minutes=minutes)


def small_plan(
    account: str = "shop-a", start: datetime = START, targets: Targets | None = None
) -> SessionPlan:
    """Opening 10' · traffic T1 5' · profit P1 15' · interaction 5' · clearance C1 5' · image I1 8' · closing 12'."""
    session = Session(
        title="周六专场", start=start, planned_seconds=60 * 60, account=account, targets=targets or Targets()
    )
    products = [
        Product("T1", "福利洗脸巾", Role.TRAFFIC, live_price_fen=990, stock=500),
        Product("P1", "精华液", Role.PROFIT, live_price_fen=19900, cost_fen=8000, stock=300),
        Product("C1", "旧款面膜", Role.CLEARANCE, live_price_fen=2900, stock=100),
        Product("I1", "限量礼盒", Role.IMAGE, live_price_fen=99900, stock=10),
    ]
    steps = [StepBudget(s, 180) for s in ScriptStep]
    segments = [
        Segment(SegmentKind.OPENING, 600, title="开场"),
        Segment(SegmentKind.PITCH, 300, product_id="T1"),
        Segment(SegmentKind.PITCH, 900, product_id="P1", steps=steps),
        Segment(SegmentKind.INTERACTION, 300, title="福袋"),
        Segment(SegmentKind.PITCH, 300, product_id="C1"),
        Segment(SegmentKind.PITCH, 480, product_id="I1"),
        Segment(SegmentKind.CLOSING, 720, title="收尾"),
    ]
    return SessionPlan(session=session, products=products, segments=segments)


def save_plan(store: Store, plan: SessionPlan) -> int:
    with store.transaction() as db:
        return session_repository.save_plan(db, plan)


def save_table(
    store: Store, session_id: int, kind: str, values: dict, source: str, sheet: str | None = None
) -> int:
    table = canonical_table(kind, values)
    with store.transaction() as db:
        return dataset_repository.save_dataset(
            db, synthetic_dataset(session_id, kind, source, sheet=sheet, rows=table.num_rows), table
        )


def summary_values(pairs: dict[str, float], sheet: str) -> dict:
    return {
        "key": list(pairs),
        "value": [float(v) for v in pairs.values()],
        "label": list(pairs),
        "sheet": [sheet] * len(pairs),
        "estimated": [False] * len(pairs),
    }


def sourced(kind: str, values: dict, source: str, sheet: str | None = None, session_id: int = 1):
    from livedesk.analysis.inputs import SourcedTable

    table = canonical_table(kind, values)
    return SourcedTable(synthetic_dataset(session_id, kind, source, sheet=sheet, rows=table.num_rows), table)


def inputs_of(plan: SessionPlan, *tables, events=()):
    """ReviewInputs without a database: `tables` are `sourced(...)` results."""
    from livedesk.analysis.inputs import ReviewInputs

    grouped: dict[str, list] = {}
    for table in tables:
        grouped.setdefault(table.dataset.kind.value, []).append(table)
    if plan.session.id is None:
        plan.session.id = 1
    return ReviewInputs(plan=plan, events=list(events), tables=grouped)


def orders(*lines) -> dict:
    """Order lines as (product_id, quantity, amount_fen, paid_at, buyer_id[, is_refund]) tuples."""
    return {
        "order_id": [f"o{i}" for i in range(len(lines))],
        "sub_order_id": [f"s{i}" for i in range(len(lines))],
        "product_id": [line[0] for line in lines],
        "quantity": [line[1] for line in lines],
        "amount_fen": [line[2] for line in lines],
        "paid_at": [line[3] for line in lines],
        "buyer_id": [line[4] for line in lines],
        "is_sale": [True] * len(lines),
        "is_refund": [bool(line[5]) if len(line) > 5 else False for line in lines],
        "outside_window": [False] * len(lines),
    }


def log_events(*rows):
    """LiveEvents from (minutes, kind, segment_index[, step or marker])."""
    from livedesk.domain.live_log import EventKind, LiveEvent, Marker
    from livedesk.domain.roles import ScriptStep

    events = []
    for row in rows:
        minutes, kind, index = row[:3]
        extra = row[3] if len(row) > 3 else None
        kind = EventKind(kind)
        events.append(
            LiveEvent(
                at=at(minutes),
                kind=kind,
                segment_index=index,
                step=ScriptStep(extra)
                if extra and kind in (EventKind.STEP_START, EventKind.STEP_END)
                else None,
                marker=Marker(extra) if extra and kind == EventKind.MARKER else None,
            )
        )
    return events
