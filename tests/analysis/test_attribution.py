"""Orders and minutes into actual segment windows: boundaries, overlaps, orders after the end, refunds."""

from __future__ import annotations

import numpy as np
import pytest
from review_fixtures import at, inputs_of, log_events, orders, small_plan, sourced

from livedesk.analysis.actual_run import actual_run
from livedesk.analysis.attribution import AFTER, BEFORE, GAP, UNKNOWN, BucketFigures, assign, attribute
from livedesk.analysis.inputs import NULL_MS
from livedesk.analysis.orders import sale_lines


def review_parts(*tables, events=()):
    inputs = inputs_of(small_plan(), *tables, events=events)
    run = actual_run(inputs)
    return run, attribute(inputs, run, sale_lines(inputs))


def test_half_open_windows_put_a_boundary_order_in_the_segment_that_starts_there():
    starts, ends = np.array([0, 100, 200]), np.array([100, 200, 300])
    got = assign(np.array([0, 99, 100, 199, 200, 299, 300, -1, NULL_MS]), starts, ends)
    assert got.tolist() == [0, 0, 1, 1, 2, 2, AFTER, BEFORE, UNKNOWN]


def test_overlapping_windows_go_to_the_most_recently_started_running_segment():
    # A [0, 100) contains B [10, 20); C [90, 150) overlaps A's tail; D and E start together.
    starts, ends = np.array([0, 10, 90, 200, 200]), np.array([100, 20, 150, 210, 260])
    got = assign(np.array([5, 10, 15, 20, 89, 90, 120, 150, 205, 215]), starts, ends)
    assert got.tolist() == [0, 1, 1, 0, 0, 2, 2, GAP, 4, 4]


def test_plan_windows_with_boundary_order_and_after_bucket():
    # Planned: opening [0,10) T1 [10,15) P1 [15,30) … closing ends at 60 min.
    run, attribution = review_parts(
        sourced(
            "orders",
            orders(
                ("T1", 1, 990, at(10), "a"),  # exactly on the T1 boundary → T1, not the opening
                ("P1", 2, 39800, at(14.999), "b"),  # last instant of T1's window: sold during T1
                ("P1", 1, 19900, at(15), "c"),  # boundary → P1
                ("P1", 1, 19900, at(61), "d"),  # after the last segment ended
                ("P1", -1, -19900, at(16), "c", True),  # a refund line is not a sale
            ),
            "orders.csv",
        )
    )
    seg = attribution.segments
    assert run.source == "plan"
    assert (seg[0].gmv_fen, seg[0].orders) == (0, 0)
    assert (seg[1].gmv_fen, seg[1].orders, seg[1].units) == (40790, 2, 3)
    assert seg[1].on_air_gmv_fen == 990 and seg[1].on_air_share == pytest.approx(990 / 40790)
    assert (seg[2].gmv_fen, seg[2].orders, seg[2].on_air_share) == (19900, 1, 1.0)
    assert attribution.buckets["after"] == BucketFigures(gmv_fen=19900, orders=1)
    assert attribution.buckets["before"].orders == 0
    assert seg[2].gmv_per_minute_fen == round(19900 * 60 / 900)


def test_log_windows_steps_and_online_from_minutes():
    events = log_events(
        (0, "segment_start", 0),
        (10, "segment_end", 0),
        (10, "segment_start", 1),
        (17, "segment_end", 1),
        (17, "segment_start", 2),
        (17, "step_start", 2, "pain_point"),
        (20, "step_start", 2, "offer"),
        (25, "segment_end", 2),
        (26, "marker", None, "lucky_bag"),
    )
    minutes = {"minute": [at(m) for m in range(0, 30)], "online": [100 + 10 * m for m in range(30)]}
    run, attribution = review_parts(
        sourced(
            "orders",
            orders(
                ("T1", 1, 990, at(16), "a"), ("P1", 1, 19900, at(21), "b"), ("P1", 1, 19900, at(25.5), "c")
            ),
            "o.csv",
        ),
        sourced("minutes", minutes, "m.csv"),
        events=events,
    )
    assert run.source == "log" and [s.plan_index for s in run.segments] == [0, 1, 2]
    t1 = attribution.segments[1]
    assert (t1.gmv_fen, t1.online_start, t1.online_end) == (990, 200, 260)  # minutes 10 and 16
    assert t1.online_before_avg == pytest.approx(np.mean([150, 160, 170, 180, 190]))
    assert attribution.buckets["after"].orders == 1  # 25.5 > last end (25)
    assert [(s.step, s.orders, s.gmv_fen) for s in attribution.steps] == [
        ("pain_point", 0, 0),
        ("offer", 1, 19900),
    ]
    assert run.markers[0].marker == "lucky_bag"


def test_minute_gmv_is_used_when_there_are_no_orders():
    run, attribution = review_parts(
        sourced(
            "minutes",
            {"minute": [at(9), at(10), at(12)], "online": [1, 2, 3], "gmv_fen": [500, 700, 800]},
            "m.csv",
        )
    )
    assert attribution.segments[0].gmv_fen == 500 and attribution.segments[1].gmv_fen == 1500
    assert attribution.segments[1].gmv_source == "minutes"


def test_without_orders_or_minutes_segment_numbers_are_none():
    _, attribution = review_parts()
    assert all(f.gmv_fen is None and f.online_start is None for f in attribution.segments)
