"""The review of the bundled sample session (loaded through the real importer) shows real findings and
numbers that agree across sources."""

from __future__ import annotations

import pytest

from livedesk.services.review import run_review


@pytest.fixture(scope="module")
def sample_reviews(tmp_path_factory):
    from livedesk.persistence.store import Store
    from livedesk.services.samples import load_samples

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('samples') / 'samples.sqlite3'}")
    loaded = load_samples(store)
    reviews = {sample.session_id: run_review(store, sample.session_id).to_json() for sample in loaded}
    store.dispose()
    return reviews


def test_sample_session_review_has_real_findings(sample_reviews):
    review = next(r for r in sample_reviews.values() if r["provenance"])
    codes = {f["code"] for f in review["findings"]}
    assert review["plan_vs_actual"]["source"] == "log"
    assert {"segment_overran", "segment_skipped"} <= codes
    assert any(code.endswith("_below") for code in codes)
    for finding in review["findings"]:
        assert finding["evidence"] or finding["code"] == "order_changed"
        assert "because" not in finding["message"]


def test_sample_numbers_agree_across_sources(sample_reviews):
    review = next(r for r in sample_reviews.values() if r["provenance"])
    kpis, details = review["kpis"], review["kpi_details"]
    assert kpis["gmv"] is not None and isinstance(kpis["pv"], int)
    assert all(
        alt["gap"] == 0 for alt in details["gmv"]["alternatives"]
    )  # workbook, channels and orders agree
    assert any("summed orders" in alt["source"] for alt in details["gmv"]["alternatives"])
    # Every sale line lands in exactly one segment or bucket.
    attributed = sum(round(s["gmv"] * 100) for s in review["segments"] if s["gmv"] is not None)
    buckets = sum(round(b["gmv"] * 100) for b in review["buckets"].values())
    assert attributed + buckets == round(kpis["gmv"] * 100) + round(
        review["buckets"]["after"]["gmv"] * 100
    ) + round(review["buckets"]["before"]["gmv"] * 100)
    assert kpis["uv_value"] == pytest.approx(kpis["gmv"] / kpis["uv"], abs=0.005)


def test_next_sample_session_without_exports_says_so(sample_reviews):
    empty = [r for r in sample_reviews.values() if not r["provenance"]]
    for review in empty:
        assert [f["code"] for f in review["findings"]] == ["no_platform_data"]
        assert all(value is None for value in review["kpis"].values())
