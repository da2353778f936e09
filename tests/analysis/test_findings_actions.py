"""Findings state what the data shows with evidence; action items are verified at the next session."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from review_fixtures import (
    START,
    at,
    inputs_of,
    log_events,
    orders,
    save_plan,
    save_table,
    small_plan,
    sourced,
    summary_values,
)

from livedesk.analysis.review import build_review
from livedesk.analysis.review_types import Finding, Severity, Subject, Suggestion
from livedesk.domain.action_item import ActionStatus
from livedesk.domain.session import Targets
from livedesk.import_export.review_json import review_json
from livedesk.persistence import action_repository, live_log_repository
from livedesk.services.review import add_action, load_thresholds, run_review, save_thresholds, save_verdicts
from livedesk.words import finding_words

CAUSE_WORDS = ("because", "due to", "caused")


def codes(review):
    return [f.code for f in review.findings]


def test_findings_from_log_minutes_products_and_targets():
    plan = small_plan(targets=Targets(gmv_fen=1_000_000))
    events = log_events(
        (0, "segment_start", 0),
        (10, "segment_start", 1),
        (15, "segment_start", 2),
        (35, "segment_start", 5),
        (43, "segment_start", 6),
        (55, "segment_end", 6),
    )
    minutes = {
        "minute": [at(m) for m in range(0, 56)],
        "online": [300] * 10 + [300 - 10 * i for i in range(46)],
    }
    products = {
        "product_id": ["P1"],
        "gmv_fen": [0],
        "units": [0],
        "buyers": [1],
        "product_click_uv": [120],
        "product_exposure_uv": [900],
    }
    review = build_review(
        inputs_of(
            plan,
            sourced("minutes", minutes, "m.csv"),
            sourced("products", products, "live.xlsx", "货品明细"),
            sourced("summary", summary_values({"gmv_fen": 400000}, "概览"), "live.xlsx", "概览"),
            events=events,
        )
    )
    found = {f["code"]: f for f in review_json(review)["findings"]}
    assert found["target_missed"]["evidence"] == {
        "metric": "gmv",
        "value": 4000.0,
        "target": 10000.0,
        "achieved": 0.4,
    }
    assert found["target_missed"]["severity"] == "critical" and review.findings[0].code == "target_missed"
    overran = found["segment_overran"]
    assert (
        overran["subject"] == {"segment": 2, "segment_product": "P1"}
        and overran["evidence"]["delta_seconds"] == 5 * 60
    )
    fell = found["traffic_online_fell"]
    assert fell["evidence"] == {"online_start": 300, "online_end": 260, "change": -40}
    assert fell["subject"]["product"] == "T1"
    assert found["profit_weak_click_to_buy"]["evidence"]["click_to_buy_rate"] == pytest.approx(1 / 120)
    assert found["explained_no_sales"]["subject"] == {"product": "P1"}
    assert {"segment_skipped"} <= set(found)  # interaction and clearance never went on air
    data = review_json(review)
    names = {p["product_id"]: p["name"] for p in data["products"]}
    for finding, typed in zip(data["findings"], review.findings, strict=True):
        # a code and its evidence, worded by livedesk.words in each language: never a cause, never the code
        zone = review.zone
        english, chinese = finding_words(typed, names, zone, "en"), finding_words(typed, names, zone, "zh_CN")
        assert english == finding["message"] and english != finding["code"]
        assert not any(word in english.lower() for word in CAUSE_WORDS)
        assert re.search(r"[\u4e00-\u9fff]", chinese) and not re.search(r"\b(min|ran|planned)\b", chinese)


def test_no_data_is_a_finding_not_invented_numbers():
    review = build_review(inputs_of(small_plan()))
    assert codes(review) == ["no_platform_data"]
    assert all(v is None for v in review_json(review)["kpis"].values())


def test_action_item_is_verified_at_the_next_session_of_the_same_account(store):
    first = save_plan(store, small_plan())
    save_table(
        store,
        first,
        "summary",
        summary_values({"gmv_fen": 500000, "buyers": 10, "product_click_uv": 400}, "整体看板"),
        "a.xlsx",
        "整体看板",
    )
    review = run_review(store, first)
    finding = Finding("manual", Severity.INFO, suggested=Suggestion("click_to_buy_rate", ">=", 0.05))
    item = add_action(store, first, finding, action="逼单话术加倒计时", owner="主播")
    assert item.id is not None and item.metric == "click_to_buy_rate" and item.target == 0.05

    second = save_plan(store, small_plan(start=START + timedelta(days=7)))
    other_account = save_plan(store, small_plan(account="shop-b", start=START + timedelta(days=8)))
    save_table(
        store,
        second,
        "summary",
        summary_values({"gmv_fen": 900000, "buyers": 30, "product_click_uv": 500}, "整体看板"),
        "b.xlsx",
        "整体看板",
    )
    reviewed = run_review(store, second)
    later = review_json(reviewed)
    carried = [a for a in later["actions"] if a["carried"]]
    assert (
        len(carried) == 1
        and carried[0]["status"] == "met"
        and carried[0]["verified_value"] == pytest.approx(0.06)
    )
    with store.reading() as db:
        stored = action_repository.actions_of_session(db, first)[0]
    assert stored.status == ActionStatus.OPEN  # reading the review stores nothing
    assert [a.id for a in save_verdicts(store, reviewed)] == [item.id]
    with store.reading() as db:
        stored = action_repository.actions_of_session(db, first)[0]
    assert stored.status == ActionStatus.MET and stored.verified_session_id == second
    assert stored.verified_value == pytest.approx(0.06)
    assert run_review(store, second).carried_to_save == []  # saved: nothing new to store
    assert review_json(run_review(store, other_account))["actions"] == []
    assert review_json(review)["actions"] == []


def test_action_without_data_stays_open(store):
    first = save_plan(store, small_plan())
    add_action(
        store,
        first,
        Finding("x", Severity.INFO, subject=Subject(product="P1")),
        action="试讲",
        metric="click_to_buy_rate",
        target=0.1,
    )
    second = save_plan(store, small_plan(start=START + timedelta(days=1)))
    carried = review_json(run_review(store, second))["actions"]
    assert carried[0]["status"] == "open" and carried[0]["verified_value"] is None


def test_thresholds_round_trip_through_preferences(store):
    assert load_thresholds(store)["clearance_sell_through_min"] == 0.8
    save_thresholds(store, {"clearance_sell_through_min": 0.5})
    assert load_thresholds(store)["clearance_sell_through_min"] == 0.5


def test_review_reads_the_stored_live_log(store):
    session_id = save_plan(store, small_plan())
    with store.transaction() as db:
        live_log_repository.append_events(
            db, session_id, log_events((2, "segment_start", 0), (12, "segment_end", 0))
        )
    save_table(store, session_id, "orders", orders(("T1", 1, 990, at(3), "a")), "orders.csv")
    data = review_json(run_review(store, session_id))
    assert data["plan_vs_actual"]["source"] == "log"
    assert data["segments"][0]["actual_start"] == "2026-11-14T20:02:00+08:00"
    assert data["segments"][0]["gmv"] == 9.9 and data["segments"][1]["status"] == "skipped"
