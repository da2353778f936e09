"""Small hand-made pools and plans shared by the planner's domain tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from livedesk.domain.product import Product
from livedesk.domain.roles import Role
from livedesk.domain.session import Session, SessionPlan

START = datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def small_pool() -> list[Product]:
    """One item per role plus two profit items; P2 has the larger margin (80 vs 50 yuan)."""
    return [
        Product("T1", "洗脸巾", Role.TRAFFIC, live_price_fen=990, cost_fen=500, stock=500),
        Product("P1", "精华液", Role.PROFIT, live_price_fen=19900, cost_fen=14900, stock=100),
        Product("P2", "面霜", Role.PROFIT, live_price_fen=29900, cost_fen=21900, stock=100),
        Product("C1", "旧款眼霜", Role.CLEARANCE, live_price_fen=4900, cost_fen=3000, stock=50),
        Product("I1", "礼盒", Role.IMAGE, live_price_fen=99900, cost_fen=60000, stock=10),
    ]


def plan_of(segments, minutes: int = 120, products=None) -> SessionPlan:
    session = Session(title="测试场", start=START, planned_seconds=minutes * 60)
    return SessionPlan(
        session=session, products=products if products is not None else small_pool(), segments=segments
    )
