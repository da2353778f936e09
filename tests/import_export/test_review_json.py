"""The review's JSON edge: JSON → typed objects → JSON gives the same JSON, on the bundled sample session
(every kind of finding, source and action) and on a review whose numbers are missing (nulls)."""

from __future__ import annotations

import json

from livedesk.analysis.review_types import Finding, Severity, Subject, Suggestion, Unit
from livedesk.import_export.review_json import review_from_json, review_json
from livedesk.services.review import add_action, run_review
from livedesk.services.samples import load_samples


def round_trip(data: dict) -> dict:
    # Through text too: what the CLI writes is what is read back.
    return review_json(review_from_json(json.loads(json.dumps(data, ensure_ascii=False))))


def test_sample_session_round_trips_with_carried_actions(store):
    past, upcoming = (sample.session_id for sample in load_samples(store))
    finding = Finding(
        "manual", Severity.INFO, subject=Subject(product="x"), suggested=Suggestion("gmv", ">=", 1)
    )
    add_action(store, past, finding, action="复盘话术", owner="主播")
    for session_id in (past, upcoming):
        data = review_json(run_review(store, session_id))
        assert round_trip(data) == data
    data = review_json(run_review(store, past))
    assert data["findings"] and data["products"] and data["curves"]["minute"] and data["actions"]
    typed = review_from_json(data)
    gmv = typed.kpis["gmv"]
    assert isinstance(gmv.value, int) and round(data["kpis"]["gmv"] * 100) == gmv.value  # fen inside
    paid = [p for f in typed.findings for p in f.evidence if p.unit is Unit.INSTANT]
    assert all(isinstance(p.value, int) for p in paid)  # instants as epoch ms, not ISO text


def test_a_review_with_nothing_imported_round_trips_its_nulls(store):
    _, upcoming = (sample.session_id for sample in load_samples(store))
    data = review_json(run_review(store, upcoming))
    assert data["kpis"]["gmv"] is None and data["outside_window"] is None and data["roles"]["scorecards"]
    assert [f["code"] for f in data["findings"]] == ["no_platform_data"]
    assert round_trip(data) == data
