"""Opening or refreshing a review reads: no table of the real SQLite file changes until the user saves the
verdicts, and saving stores exactly those verdicts (and the session's summary)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from review_fixtures import START, save_plan, save_table, small_plan, summary_values
from sqlalchemy import inspect, text

from livedesk.analysis.review_types import Finding, Severity, Suggestion
from livedesk.domain.action_item import ActionStatus
from livedesk.persistence import action_repository
from livedesk.services.review import add_action, run_review, save_verdicts


def snapshot(store) -> dict[str, list[tuple]]:
    """Every row of every table (so row counts and version columns are compared too)."""
    with store.reading() as db:
        tables = inspect(db.get_bind()).get_table_names()
        return {
            name: sorted(map(tuple, db.exec(text(f'SELECT * FROM "{name}"')).all()), key=repr)
            for name in tables
        }


@pytest.fixture
def two_sessions(store):
    first = save_plan(store, small_plan())
    save_table(
        store, first, "summary", summary_values({"gmv_fen": 500000, "buyers": 10}, "看板"), "a.xlsx", "看板"
    )
    finding = Finding("manual", Severity.INFO, suggested=Suggestion("buyers", ">=", 20))
    item = add_action(store, first, finding, action="加福袋", owner="运营")
    second = save_plan(store, small_plan(start=START + timedelta(days=7)))
    save_table(
        store, second, "summary", summary_values({"gmv_fen": 900000, "buyers": 30}, "看板"), "b.xlsx", "看板"
    )
    return first, second, item


def test_opening_and_refreshing_a_review_changes_no_table(store, two_sessions):
    first, second, item = two_sessions
    before = snapshot(store)
    assert before["action_items"] and before["datasets"]  # the snapshot sees the stored rows
    for _ in range(2):
        for session_id in (first, second):
            review = run_review(store, session_id)
    assert [a.status for a in review.actions if a.carried] == [ActionStatus.MET]  # verified in the review
    assert snapshot(store) == before


def test_saving_the_verdicts_stores_them(store, two_sessions):
    first, second, item = two_sessions
    before = snapshot(store)
    saved = save_verdicts(store, run_review(store, second))
    assert [a.id for a in saved] == [item.id]
    with store.reading() as db:
        (stored,) = action_repository.actions_of_session(db, first)
    assert (stored.status, stored.verified_value, stored.verified_session_id) == (
        ActionStatus.MET,
        30.0,
        second,
    )
    assert stored.version == item.version + 1
    after = snapshot(store)
    changed = {name for name in before if before[name] != after[name]}
    assert "action_items" in changed and "session_summaries" in changed
    assert not changed & {"datasets", "dataset_chunks", "sessions", "segments", "products", "live_events"}
