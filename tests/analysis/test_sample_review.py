"""The review of the bundled sample session (loaded through the real importer) shows real findings and
numbers that agree across sources."""

from __future__ import annotations

import pytest

from livedesk.import_export.review_json import review_json
from livedesk.services.review import run_review


@pytest.fixture(scope="module")
def sample_reviews(tmp_path_factory):
    from livedesk.persistence.store import Store
    from livedesk.services.samples import load_samples

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('samples') / 'samples.sqlite3'}")
    loaded = load_samples(store)
    reviews = {sample.session_id: review_json(run_review(store, sample.session_id)) for sample in loaded}
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


def test_sample_refunds_orders_and_products_agree_to_the_fen(sample_reviews):
    review = next(r for r in sample_reviews.values() if r["provenance"])
    details = review["kpi_details"]
    # 罗盘 退款金额 stays primary; the figure summed from the 抖店 lines (售后状态 退款成功 …) sits beside it.
    refund = details["refund_amount"]
    assert refund["source"].startswith("罗盘")
    from_orders = [a for a in refund["alternatives"] if "summed orders" in a["source"]]
    assert from_orders and from_orders[0]["gap"] == 0 and from_orders[0]["value"] == refund["value"]
    assert review["kpis"]["net_gmv"] == pytest.approx(review["kpis"]["gmv"] - refund["value"], abs=0.001)
    # 成交订单数 counts sub-orders, as 罗盘 does; the orders' formula says so.
    orders = [a for a in details["orders"]["alternatives"] if "summed orders" in a["source"]][0]
    assert orders["gap"] == 0 and "sub_order_id" in orders["formula"]
    for product in review["products"]:
        # A second product export no longer wipes the first: 罗盘's per-product fields are all there, and
        # every source that gives a field agrees with it to the fen.
        assert product["buyers"] is not None and product["product_exposure_uv"] is not None, product["name"]
        for key, listed in product["values"].items():
            assert {v["value"] for v in listed} == {product[key]}, (product["name"], key, listed)


def test_sample_explanation_time_is_pitches_not_the_opening(sample_reviews):
    review = next(r for r in sample_reviews.values() if r["provenance"])
    first = review["products"][0]  # the traffic item released in the opening, pitched later
    opening = next(s for s in review["segments"] if s["kind"] == "opening")
    assert opening["product_id"] == first["product_id"]
    pitches = [
        s
        for s in review["segments"]
        if s["kind"] in ("pitch", "encore") and s["product_id"] == first["product_id"]
    ]
    assert first["explain_count"] == len(pitches) == 1
    assert first["explain_seconds"] == sum(s["actual_seconds"] for s in pitches) == 261.0


def test_sample_findings_the_readme_promises(sample_reviews):
    review = next(r for r in sample_reviews.values() if r["provenance"])
    names = {p["product_id"]: p["name"] for p in review["products"]}
    by_code = {}
    for finding in review["findings"]:
        by_code.setdefault(finding["code"], []).append(finding)
    incident = by_code["incident"][0]
    assert names[incident["subject"]["segment_product"]].startswith("山野 每日坚果")
    assert "链接价格挂错" in incident["evidence"]["note"] and incident["evidence"]["at"].startswith(
        "2026-11-14T20:53"
    )
    cut = by_code["closing_cut"][0]["evidence"]
    assert (cut["actual_seconds"], cut["planned_seconds"]) == (530.0, 900)
    swap = by_code["segments_swapped"][0]
    swapped = {names[p] for p in swap["evidence"]["products"]}
    assert any("桂花乌龙" in n for n in swapped) and any("宁夏黑枸杞" in n for n in swapped)


def test_sample_verdicts_never_mislead(sample_reviews):
    review = next(r for r in sample_reviews.values() if r["provenance"])
    pitched = {
        s["product_id"]
        for s in review["segments"]
        if s["kind"] in ("pitch", "encore") and s["status"] == "kept"
    }
    skipped = {s["product_id"] for s in review["segments"] if s["status"] == "skipped"}
    assert skipped  # 竹纤维保温杯
    for card in review["roles"]["scorecards"]:
        if card["product_id"] not in pitched:
            assert card["verdict"] is None and card["pitched"] is False, card["name"]
    for finding in review["findings"]:
        if finding["code"].endswith("_below"):
            assert finding["subject"]["product"] in pitched, finding["message"]
