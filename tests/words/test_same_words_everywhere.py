"""One word per code on every surface: the planner's table and timeline, the review page, a chart, the HTML
report and the browser views show a role, a segment kind, a script step and a metric in the words of
livedesk.words, collected from what each surface renders (not from the functions they call)."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from livedesk.charts import review_charts
from livedesk.domain.clock import FakeClock
from livedesk.domain.live_run import LiveRun
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.import_export.report_html import render_html
from livedesk.services.review import run_review
from livedesk.services.samples import load_samples
from livedesk.services.sessions import load_plan
from livedesk.stageweb.view_state import view_state
from livedesk.translations import sayer
from livedesk.words import KINDS, METRICS, ROLES, STEPS, set_language

TRAFFIC, PITCH, OFFER = ROLES[Role.TRAFFIC], KINDS[SegmentKind.PITCH], STEPS[ScriptStep.OFFER]


@pytest.fixture
def sample(app_context):
    session_id = load_samples(app_context.store)[0].session_id
    return (
        session_id,
        load_plan(app_context.store, session_id),
        run_review(app_context.store, session_id),
    )


def _planner_texts(qtbot, app_context, session_id, plan) -> set[str]:
    from PySide6.QtCore import Qt

    from livedesk.ui.planner.plan_document import PlanDocument
    from livedesk.ui.planner.segment_table_model import COLUMNS, SegmentTableModel
    from livedesk.ui.planner.timeline_widget import TimelineWidget

    document = PlanDocument(app_context.store)
    document.load(session_id)
    table = SegmentTableModel(document)
    timeline = TimelineWidget(document)
    qtbot.addWidget(timeline)
    timeline.resize(1600, 120)
    texts = {
        table.data(table.index(row, COLUMNS.index(column)), Qt.ItemDataRole.DisplayRole)
        for row in range(table.rowCount())
        for column in ("kind", "role")
    }
    for index in range(len(plan.segments)):
        texts |= set(timeline.block_tooltip(index).replace("\n", " · ").split(" · "))
    return texts


def _chart_texts(review, draw, lang: str = "zh_CN") -> set[str]:
    ax = draw(Figure(figsize=(10, 6)).add_subplot(1, 1, 1), review, say=sayer(lang))
    texts = {label.get_text() for label in ax.get_yticklabels()} | {t.get_text() for t in ax.texts}
    return {part for text in texts for part in text.replace(" · ", " ").split(" ")}


def _browser_words(plan, lang: str) -> tuple[set[str], list[str]]:
    """The kinds of the browser views' run order and the steps they list while the first pitch is on air."""
    run = LiveRun(plan, FakeClock(plan.session.start))
    run.go()
    while not (run.status().segment.kind is SegmentKind.PITCH and run.status().segment.steps):
        run.go()
    state = view_state(run, [], {}, lang)
    return {row["kind_name"] for row in state["run_order"]}, state["steps"]


def test_a_role_a_kind_a_step_and_a_metric_read_alike_on_every_surface(qtbot, app_context, sample):
    from livedesk.ui.review.review_page import ReviewPage

    session_id, plan, review = sample
    zh = "zh_CN"
    planner = _planner_texts(qtbot, app_context, session_id, plan)
    assert TRAFFIC.zh in planner and PITCH.zh in planner

    page = ReviewPage(app_context)
    qtbot.addWidget(page)
    page.show_session(session_id)
    roles_shown = {page.role_table.item(row, 1).text() for row in range(page.role_table.rowCount())}
    assert TRAFFIC.zh in roles_shown and roles_shown <= {word.zh for word in ROLES.values()}
    assert page.kpis.cards["uv_value"].title.text() == METRICS["uv_value"].zh

    assert TRAFFIC.zh in _chart_texts(review, review_charts.draw_scorecards)
    assert PITCH.zh in _chart_texts(review, review_charts.draw_gantt)

    html = render_html(review)
    for word in (TRAFFIC, PITCH, METRICS["uv_value"]):
        assert word.text(zh) in html

    kinds, steps = _browser_words(plan, zh)
    assert PITCH.zh in kinds and OFFER.zh in steps


def test_switching_the_language_rewords_every_surface_without_a_restart(qtbot, app_context, sample):
    session_id, plan, review = sample
    set_language("en")
    planner = _planner_texts(qtbot, app_context, session_id, plan)
    assert TRAFFIC.en in planner and PITCH.en in planner and TRAFFIC.zh not in planner
    assert "Traffic" in _chart_texts(review, review_charts.draw_scorecards, "en")  # "Traffic item" split
    kinds, steps = _browser_words(plan, "en")
    assert PITCH.en in kinds and OFFER.en in steps
