"""What order lines and product exports mean at review time (issue 9), on hand-made canonical tables:
罗盘's refund stays primary with the order-derived figure beside it, product fields merge by precedence
with gaps, identical lines inside one file are two sales, and the live window comes from the run."""

from __future__ import annotations

from review_fixtures import at, inputs_of, log_events, orders, small_plan, sourced, summary_values

from livedesk.analysis.review import build_review
from livedesk.import_export.review_json import review_json


def _with_format(table, fmt: str):
    table.dataset.format = fmt
    return table


def test_compass_refund_stays_primary_with_the_order_figure_and_gap_beside_it():
    lines = orders(
        ("P1", 1, 19900, at(15), "a"), ("P1", 1, 3000, at(16), "b"), ("P1", -1, -1000, at(17), "c", True)
    )
    lines["after_sale_status"] = ["-", "退款成功", "-"]
    compass = _with_format(
        sourced(
            "summary",
            summary_values({"gmv_fen": 22900, "refund_amount_fen": 5000}, "整体看板"),
            "罗盘.xlsx",
            "整体看板",
        ),
        "compass_workbook",
    )
    review = review_json(build_review(inputs_of(small_plan(), sourced("orders", lines, "抖店.csv"), compass)))
    refund = review["kpi_details"]["refund_amount"]
    assert (refund["value"], refund["source"]) == (50.0, "罗盘.xlsx · 整体看板")
    assert [(a["value"], a["gap"]) for a in refund["alternatives"]] == [
        (40.0, -10.0)
    ]  # 30 refunded + 10 negative
    assert review["kpis"]["net_gmv"] == 229.0 - 50.0
    gap = next(f for f in review["findings"] if f["code"] == "refund_sources_disagree")
    assert gap["evidence"] == {"metric": "refund_amount", "primary": 50.0, "other": 40.0, "gap": -10.0}


def test_product_fields_merge_by_precedence_whatever_the_table_order():
    compass = _with_format(
        sourced(
            "products", {"product_id": ["P1"], "gmv_fen": [100000], "buyers": [5]}, "罗盘.xlsx", "商品明细"
        ),
        "compass_workbook",
    )
    live = _with_format(
        sourced(
            "products",
            {
                "product_id": ["P1"],
                "gmv_fen": [110000],
                "product_exposure_uv": [50],
                "product_click_uv": [20],
            },
            "直播数据.xlsx",
            "货品明细",
        ),
        "live_workbook",
    )
    rows = []
    for tables in ((compass, live), (live, compass)):
        review = review_json(build_review(inputs_of(small_plan(), *tables)))
        rows.append(next(p for p in review["products"] if p["product_id"] == "P1"))
    assert rows[0] == rows[1]
    p1 = rows[0]
    assert (p1["gmv"], p1["sources"]["gmv"]) == (1000.0, "罗盘.xlsx · 商品明细")
    assert p1["alternatives"]["gmv"] == {"value": 1100.0, "source": "直播数据.xlsx · 货品明细", "gap": 100.0}
    assert (
        p1["buyers"] == 5
        and p1["product_exposure_uv"] == 50
        and p1["sources"]["product_exposure_uv"].startswith("直播数据")
    )
    assert p1["click_to_buy_rate"] == 5 / 20  # 罗盘's buyers over the live workbook's clicks: both kept


def test_identical_lines_inside_one_file_are_two_sales_but_a_second_download_is_not():
    line = ("P1", 1, 19900, at(15), "a")
    same_file = orders(line, line)
    same_file["sub_order_id"] = [None, None]
    same_file["order_id"] = ["A", "A"]
    review = review_json(build_review(inputs_of(small_plan(), sourced("orders", same_file, "one.csv"))))
    assert review["kpis"]["gmv"] == 398.0 and review["kpis"]["units"] == 2 and review["kpis"]["orders"] == 1
    again = dict(same_file)
    review = review_json(
        build_review(
            inputs_of(
                small_plan(), sourced("orders", same_file, "one.csv"), sourced("orders", again, "two.csv")
            )
        )
    )
    assert review["kpis"]["gmv"] == 398.0  # the second download replaces the first, line for line


def test_the_live_window_comes_from_the_run_when_the_review_runs():
    late = orders(("P1", 1, 19900, at(15), "a"), ("P1", 1, 19900, at(65), "b"))
    plain = review_json(build_review(inputs_of(small_plan(), sourced("orders", late, "o.csv"))))
    assert plain["kpis"]["gmv"] == 199.0 and plain["outside_window"]["after"]["lines"] == 1
    overran = log_events((0, "segment_start", 0), (70, "segment_end", 0))
    logged = review_json(
        build_review(inputs_of(small_plan(), sourced("orders", late, "o.csv"), events=overran))
    )
    assert logged["kpis"]["gmv"] == 398.0 and logged["outside_window"]["after"]["lines"] == 0
