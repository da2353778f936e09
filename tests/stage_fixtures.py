"""A small plan for the stage tests: opening, two pitches with step budgets, a transition and a closing."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from livedesk.domain.product import Product
from livedesk.domain.roles import PITCH_STEPS, Role, ScriptStep, SegmentKind
from livedesk.domain.session import Segment, Session, SessionPlan, StepBudget

START = datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
STEP_SECONDS = (30, 60, 30, 30, 30)  # 180 s a pitch


def stage_plan() -> SessionPlan:
    session = Session(title="双11 返场专场", start=START, planned_seconds=3600, team={"host": "小林"})
    products = [
        Product(
            "P1",
            "保温杯",
            Role.TRAFFIC,
            daily_price_fen=9900,
            live_price_fen=4900,
            stock=500,
            mechanism="买一送一",
            selling_points="316 不锈钢内胆",
            scripts={ScriptStep.PAIN_POINT: "冬天喝不上热水？"},
        ),
        Product(
            "P2",
            "羊毛围巾",
            Role.PROFIT,
            daily_price_fen=39900,
            live_price_fen=25900,
            stock=200,
            mechanism="送礼盒",
            selling_points="澳洲美利奴羊毛",
        ),
    ]

    def pitch(product_id: str) -> Segment:
        return Segment(
            SegmentKind.PITCH,
            sum(STEP_SECONDS),
            product_id=product_id,
            steps=[
                StepBudget(step, seconds) for step, seconds in zip(PITCH_STEPS, STEP_SECONDS, strict=False)
            ],
        )

    segments = [
        Segment(SegmentKind.OPENING, 120, title="开场"),
        pitch("P1"),
        Segment(SegmentKind.TRANSITION, 60),
        pitch("P2"),
        Segment(SegmentKind.CLOSING, 120, title="收尾"),
    ]
    return SessionPlan(session=session, products=products, segments=segments)


def open_stage_page(qtbot, app_context):
    """A RehearsalPage on `stage_plan()` with a FakeClock; its timer is stopped so tests tick by hand."""
    from livedesk.domain.clock import FakeClock
    from livedesk.services.sessions import save_plan
    from livedesk.ui.rehearsal.rehearsal_page import RehearsalPage

    clock = FakeClock(START)
    app_context.clock = clock
    session_id = save_plan(app_context.store, stage_plan())
    page = RehearsalPage(app_context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.timer.stop()
    page.show_session(session_id)
    page.clock = clock
    return page
