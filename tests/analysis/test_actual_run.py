"""Actual run order: live log first, then 商品讲解 records, then the plan; plan vs actual comparison."""

from __future__ import annotations

from review_fixtures import at, inputs_of, log_events, small_plan, sourced

from livedesk.analysis.actual_run import actual_run
from livedesk.analysis.plan_vs_actual import compare


def test_plan_is_the_run_when_nothing_else_is_known():
    plan = small_plan()
    run = actual_run(inputs_of(plan))
    pva = compare(plan, run)
    assert run.source == "plan" and len(run.segments) == 7
    assert pva.over_under_seconds == 0 and pva.order_kept is None and not pva.skipped


def test_explanations_give_the_run_order_and_claim_plan_segments_by_product():
    plan = small_plan()
    expl = {
        "product_id": ["P1", "T1", "P1", "X9"],
        "start": [at(16), at(10), at(50), at(31)],
        "end": [at(33), at(15), at(53), at(34)],
    }
    run = actual_run(inputs_of(plan, sourced("explanations", expl, "live.xlsx", "商品讲解")))
    assert run.source == "explanations"
    assert [(s.product_id, s.plan_index, s.kind) for s in run.segments] == [
        ("T1", 1, "pitch"),
        ("P1", 2, "pitch"),
        ("X9", None, "pitch"),
        ("P1", None, "encore"),
    ]
    pva = compare(plan, run)
    rows = {r.plan_index: r for r in pva.rows if r.plan_index is not None}
    assert rows[2].actual_seconds == 17 * 60 and rows[2].delta_seconds == 2 * 60
    assert rows[4].status == "skipped" and rows[5].status == "skipped"  # C1 and I1 never explained
    assert rows[0].status == "not_recorded"  # an opening leaves no 讲解 record
    assert pva.skipped == [4, 5] and len(pva.added) == 2 and pva.order_kept is True


def test_log_wins_and_detects_changed_order_and_open_end():
    plan = small_plan()
    events = log_events(
        (1, "segment_start", 0),
        (11, "segment_start", 2),
        (30, "segment_start", 1),
        (36, "segment_end", 1),
        (37, "segment_start", 9),
        (40, "marker", None, "incident"),
    )
    expl = {"product_id": ["P1"], "start": [at(16)], "end": [at(33)]}
    run = actual_run(inputs_of(plan, sourced("explanations", expl, "live.xlsx"), events=events))
    assert run.source == "log"
    assert [
        (s.plan_index, s.start_ms == round(at(m).timestamp() * 1000))
        for s, m in zip(run.segments, (1, 11, 30, 37), strict=False)
    ] == [(0, True), (2, True), (1, True), (None, True)]
    assert run.segments[0].seconds == 600 and run.segments[1].seconds == 19 * 60  # closed by the next start
    assert run.segments[3].seconds == 3 * 60  # no end logged: the last logged instant closes it
    pva = compare(plan, run)
    assert pva.order_kept is False and pva.start_delay_seconds == 60
    assert pva.skipped == [3, 4, 5, 6] and pva.added == [3]


def test_imported_log_csv_is_used_when_the_store_has_no_events():
    plan = small_plan()
    log = {
        "at": [at(0), at(12), at(12)],
        "kind": ["segment_start", "segment_end", "segment_start"],
        "segment_index": [0, 0, 1],
        "product_id": [None, None, "T1"],
    }
    run = actual_run(inputs_of(plan, sourced("log", log, "livedesk-log.csv")))
    assert run.source == "log" and [s.plan_index for s in run.segments] == [0, 1]
    assert run.segments[0].seconds == 720 and run.segments[1].product_id == "T1"
