"""The metric dictionary against hand-worked numbers (DOMAIN.md §4), including the checked real export."""

from __future__ import annotations

import pytest
from review_fixtures import at, inputs_of, orders, small_plan, sourced, summary_values

from livedesk.analysis.metrics import METRIC_KEYS, compute_metrics, count_variants
from livedesk.analysis.orders import sale_lines
from livedesk.analysis.review import build_review
from livedesk.analysis.review_types import Source, SourceKind
from livedesk.import_export.review_json import review_json

CHECKED = {"gmv_fen": 23655200, "gpm_fen": 2643925, "uv": 6782, "buyers": 46}


def metrics_of(*tables):
    inputs = inputs_of(small_plan(), *tables)
    return compute_metrics(inputs, sale_lines(inputs))


def test_checked_export_of_domain_4_2():
    m = metrics_of(sourced("summary", summary_values(CHECKED, "基本信息"), "整场数据.xlsx", "基本信息"))
    assert m["pv"].value == 8947  # recovered: 236552 / 26439.25 × 1000
    assert m["pv"].source == Source(SourceKind.DERIVED, formula="gmv / gpm × 1000")
    assert m["uv_value"].value == 3488  # fen: ¥34.88
    assert m["aov"].value == 514243  # fen: ¥5,142.43
    assert round(m["watch_to_buy_rate"].value, 4) == 0.0068
    assert m["gpm"].value == 2643925 and m["gpm"].source == Source(
        SourceKind.EXPORT, ("整场数据.xlsx · 基本信息",)
    )
    assert not m["gpm"].alternatives  # not re-derived from the pv it produced
    assert m["gmv"].source == Source(SourceKind.EXPORT, ("整场数据.xlsx · 基本信息",))


def test_checked_export_in_json_is_yuan_and_fractions():
    review = build_review(
        inputs_of(small_plan(), sourced("summary", summary_values(CHECKED, "基本信息"), "a.xlsx", "基本信息"))
    )
    kpis = review_json(review)["kpis"]
    assert set(kpis) == set(METRIC_KEYS)
    assert kpis["gmv"] == 236552.0 and kpis["gpm"] == 26439.25
    assert kpis["uv_value"] == 34.88 and kpis["aov"] == 5142.43 and kpis["pv"] == 8947
    assert kpis["watch_to_buy_rate"] == pytest.approx(46 / 6782)


def test_missing_inputs_stay_none_never_zero():
    m = metrics_of(sourced("summary", summary_values({"gmv_fen": 100000, "uv": 0}, "看板"), "a.xlsx", "看板"))
    assert m["uv_value"].value is None  # zero denominator
    assert m["aov"].value is None and m["buyers"].value is None and m["refund_rate"].value is None
    assert m["pv"].value is None and m["gpm"].value is None
    nothing = metrics_of()
    assert all(nothing[k].value is None for k in METRIC_KEYS)


def test_two_sources_are_both_kept_with_the_gap():
    m = metrics_of(
        sourced("summary", summary_values({"gmv_fen": 100000}, "基本信息"), "compass.xlsx", "基本信息"),
        sourced(
            "orders", orders(("P1", 1, 39900, at(20), "u1"), ("P1", 2, 59800, at(21), "u2")), "orders.csv"
        ),
    )
    gmv = m["gmv"]
    assert gmv.value == 100000 and gmv.source == Source(SourceKind.EXPORT, ("compass.xlsx · 基本信息",))
    assert [(a.value, a.gap) for a in gmv.alternatives] == [(99700, -300)]
    assert gmv.alternatives[0].source == Source(SourceKind.ORDERS, ("orders.csv",))


def test_orders_give_ratio_of_sums_and_refund_lines_are_not_sales():
    m = metrics_of(
        sourced(
            "orders",
            orders(
                ("P1", 1, 10000, at(20), "u1"),
                ("P1", 3, 30000, at(21), "u1"),
                ("T1", 1, 990, at(11), "u2"),
                ("P1", -1, -10000, at(40), "u1", True),
            ),
            "orders.csv",
        )
    )
    assert (
        m["gmv"].value == 40990
        and m["orders"].value == 3
        and m["units"].value == 5
        and m["buyers"].value == 2
    )
    assert m["aov"].value == 20495  # 40990 / 2 buyers, not a mean of per-order values
    assert m["order_value"].value == 13663  # 40990 / 3 = 13663.33 → 13663 fen


def test_count_variant_and_rates_from_summary():
    m = metrics_of(
        sourced(
            "summary",
            summary_values(
                {
                    "gmv_fen": 500000,
                    "uv": 1000,
                    "pv": 2500,
                    "orders": 50,
                    "buyers": 40,
                    "product_exposure_uv": 800,
                    "product_click_uv": 200,
                    "new_followers": 30,
                    "refund_amount_fen": 50000,
                    "ad_spend_fen": 100000,
                    "click_to_buy_rate": 0.21,
                },
                "整体看板",
            ),
            "a.xlsx",
            "整体看板",
        )
    )
    assert m["gpm"].value == 200000  # 5000 yuan / 2500 views × 1000 = ¥2,000.00
    assert m["exposure_to_click_rate"].value == pytest.approx(0.25)
    assert m["click_to_buy_rate"].value == pytest.approx(0.21)  # exported value is primary
    assert m["click_to_buy_rate"].alternatives[0].value == pytest.approx(0.2)  # derived 40 / 200 shown too
    assert m["follow_rate"].value == pytest.approx(0.03)
    assert m["refund_rate"].value == pytest.approx(0.1) and m["net_gmv"].value == 450000
    assert m["roi"].value == pytest.approx(5.0)
    assert count_variants(m)["watch_to_buy_rate"] == pytest.approx(50 / 2500)


def test_masked_buyer_ids_give_no_buyer_count():
    m = metrics_of(
        sourced("orders", orders(("P1", 1, 100, at(20), "##密文"), ("P1", 1, 100, at(21), "##密文")), "o.csv")
    )
    assert m["buyers"].value is None and m["gmv"].value == 200


def test_channel_total_row_and_minutes():
    m = metrics_of(
        sourced(
            "channels",
            {
                "channel": ["整体", "自然推荐"],
                "pv": [3000, 2000],
                "uv": [1200, 900],
                "ad_spend_fen": [50000, None],
                "is_total": [True, False],
            },
            "a.xlsx",
            "渠道分析",
        ),
        sourced("minutes", {"minute": [at(0), at(1), at(2)], "online": [100, 300, 200]}, "minutes.csv"),
    )
    assert m["pv"].value == 3000 and m["uv"].value == 1200 and m["ad_spend"].value == 50000
    assert m["peak_online"].value == 300 and m["avg_online"].value == pytest.approx(200.0)


def test_estimated_range_is_flagged():
    values = summary_values({"gmv_fen": 8750000}, "蝉妈妈")
    values.update(low=[7500000.0], high=[10000000.0], estimated=[True])
    m = metrics_of(sourced("summary", values, "chanmama.csv"))
    assert m["gmv"].estimated and (m["gmv"].low, m["gmv"].high) == (7500000.0, 10000000.0)
