"""Order numbers that hold on files in the shapes teams produce (issue 9): multi-line orders, overlapping
downloads, refunds of every kind, a wrong-day file and a session with no log. Every file goes through the
real importer into a real store; the numbers are worked out by hand in each test."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_files import DOUDIAN_HEADERS, doudian_rows, make_session, write_csv

from livedesk.import_export.review_json import review_json
from livedesk.services.imports import import_file
from livedesk.services.review import run_review


def review(store, session_id: int) -> dict:
    return review_json(run_review(store, session_id))


def gmv_fen(value) -> int:
    return round(value * 100)


# -- order identity --------------------------------------------------------------------------------------

TEAM_HEADERS = ["单号", "子单号", "商品编码", "件数", "金额", "支付时间"]
# Three orders: A with three lines (two products), B with two lines, C with one line.
TEAM_LINES = [
    ["A", "A-1", "X", "1", "10.00", "2026-11-14 20:10:00"],
    ["A", "A-2", "Y", "2", "40.00", "2026-11-14 20:10:00"],
    ["A", "A-3", "Y", "1", "20.00", "2026-11-14 20:10:00"],
    ["B", "B-1", "X", "1", "10.00", "2026-11-14 21:00:00"],
    ["B", "B-2", "Z", "1", "99.00", "2026-11-14 21:00:00"],
    ["C", "C-1", "Y", "1", "20.00", "2026-11-14 22:00:00"],
]


def _team_mapping(*fields: str) -> dict:
    columns = {"quantity": "件数", "amount": "金额", "paid_at": "支付时间", "product_id": "商品编码"}
    names = {"order_id": "单号", "sub_order_id": "子单号"}
    return {"kind": "orders", "columns": columns | {f: names[f] for f in fields}}


@pytest.mark.parametrize(
    ("fields", "orders", "basis", "per_product"),
    [
        (("order_id",), 3, "distinct order_id", {"X": 2, "Y": 2, "Z": 1}),
        (("order_id", "sub_order_id"), 6, "distinct sub_order_id", {"X": 2, "Y": 3, "Z": 1}),
        ((), 6, "paid lines", {"X": 2, "Y": 3, "Z": 1}),
    ],
)
def test_a_sale_is_counted_once_per_sub_order_else_order_else_line(
    store, tmp_path, fields, orders, basis, per_product
):
    path = write_csv(tmp_path / "团队订单.csv", TEAM_HEADERS, TEAM_LINES)
    session = make_session(store)
    import_file(store, session, path, mapping=_team_mapping(*fields))
    data = review(store, session)
    kpis = data["kpis"]
    assert kpis["orders"] == orders and basis in data["kpi_details"]["orders"]["formula"]
    # Units, GMV and per-product money do not depend on the identity; 笔单价 follows it.
    assert kpis["units"] == 7 and kpis["gmv"] == 199.0
    assert kpis["order_value"] == round(199.0 / orders, 2)
    products = {p["product_id"]: p for p in data["products"]}
    assert {pid: p["orders"] for pid, p in products.items()} == per_product
    assert {pid: p["gmv"] for pid, p in products.items()} == {"X": 20.0, "Y": 80.0, "Z": 99.0}


# -- overlapping downloads -------------------------------------------------------------------------------


def _sample_orders(committed_samples: Path) -> tuple[list[str], list[list[str]]]:
    with open(committed_samples / "抖店_订单_2026-11-14.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def committed_samples():
    from livedesk.samples import samples_dir

    return samples_dir()


def test_overlapping_downloads_count_each_sale_once_and_say_which_rows_were_known(
    store, tmp_path, committed_samples
):
    headers, rows = _sample_orders(committed_samples)
    paid = headers.index("支付完成时间")
    # The team downloads 0:00–22:00 during the stream, then 21:00–24:00 after it: one hour in both.
    early = [r for r in rows if r[paid] == "-" or r[paid] < "2026-11-14 22:00:00"]
    late = [r for r in rows if r[paid] != "-" and r[paid] >= "2026-11-14 21:00:00"]
    overlap = sum(1 for r in late if r[paid] < "2026-11-14 22:00:00")
    assert overlap > 300  # a real overlap, not a corner case
    first = write_csv(tmp_path / "抖店_订单_0000-2200.csv", headers, early)
    second = write_csv(tmp_path / "抖店_订单_2100-2400.csv", headers, late)
    whole = make_session(store)
    import_file(store, whole, committed_samples / "抖店_订单_2026-11-14.csv")
    expected = review(store, whole)["kpis"]
    assert expected["gmv"] == 233308.53  # the sample README's GMV

    for order in ((first, second), (second, first)):
        session = make_session(store)
        summaries = [import_file(store, session, path) for path in order]
        assert summaries[0].already_known == []
        assert summaries[1].already_known == [{"file": order[0].name, "rows": overlap}]
        assert f"{overlap:,} order lines were already known from {order[0].name}" in summaries[1].message
        kpis = review(store, session)["kpis"]
        for key in ("gmv", "orders", "units", "refund_amount", "net_gmv"):
            assert kpis[key] == expected[key], (order, key)
        # The import's own cross-check against the 罗盘 workbook counts the overlap once too.
        compass = import_file(store, session, committed_samples / "罗盘_整场数据_2026-11-14.xlsx")
        check = next(f for f in compass.findings if f["code"] == "orders_sum_to_workbook_gmv")
        assert check["ok"] and check["actual_fen"] == 23330853, check


def test_a_later_download_s_status_wins_for_a_line(store, tmp_path):
    rows = doudian_rows()[:1]  # one sub-order, ¥1,234.50, paid in the window
    before = write_csv(tmp_path / "下午导出.csv", DOUDIAN_HEADERS, rows)
    refunded = [dict(rows[0], **{"售后状态": "退款成功"})]
    after = write_csv(tmp_path / "次日导出.csv", DOUDIAN_HEADERS, refunded)
    session = make_session(store)
    import_file(store, session, before)
    summary = import_file(store, session, after)
    assert summary.already_known == [{"file": "下午导出.csv", "rows": 1}]
    kpis = review(store, session)["kpis"]
    assert (kpis["gmv"], kpis["orders"], kpis["refund_amount"], kpis["net_gmv"]) == (1234.5, 1, 1234.5, 0.0)


# -- refunds ---------------------------------------------------------------------------------------------

REFUND_HEADERS = ["单号", "商品", "数量", "金额", "支付时间", "订单状态", "售后状态", "退款金额"]
REFUND_LINES = [
    ["S1", "X", "1", "100.00", "2026-11-14 20:10:00", "已完成", "-", ""],
    ["S2", "X", "1", "50.00", "2026-11-14 20:11:00", "已完成", "退款成功", ""],  # refunded since: 50
    ["S3", "Y", "2", "80.00", "2026-11-14 20:12:00", "已完成", "部分退款", "30.00"],  # partial: 30
    ["S4", "Y", "-1", "-20.00", "2026-11-14 20:13:00", "已完成", "-", ""],  # negative line: 20
    ["CS5", "Y", "1", "40.00", "2026-11-14 20:14:00", "已完成", "-", ""],  # cancellation mark: 40
    ["S6", "Z", "1", "60.00", "2026-11-14 20:15:00", "已完成", "退款中", ""],  # under way: not yet
    ["S7", "Z", "1", "70.00", "2026-11-14 20:16:00", "已完成", "退款关闭", ""],  # refused: none
    ["S8", "Z", "1", "90.00", "2026-11-14 20:17:00", "已退款", "-", ""],  # order status says refunded: 90
]


def test_refunds_of_every_kind_reach_refund_amount_and_net_gmv(store, tmp_path):
    path = write_csv(tmp_path / "退款.csv", REFUND_HEADERS, REFUND_LINES)
    mapping = {
        "kind": "orders",
        "columns": {
            "order_id": "单号",
            "product_id": "商品",
            "quantity": "数量",
            "amount": "金额",
            "paid_at": "支付时间",
            "status": "订单状态",
            "after_sale_status": "售后状态",
            "refund_amount": "退款金额",
        },
        "cancel_prefix": "C",
    }
    session = make_session(store)
    import_file(store, session, path, mapping=mapping)
    data = review(store, session)
    kpis = data["kpis"]
    # Sales: S1 S2 S3 S6 S7 S8 (negative and cancelled lines are not sales).
    assert kpis["gmv"] == 100 + 50 + 80 + 60 + 70 + 90 and kpis["orders"] == 6
    assert kpis["refund_amount"] == 50 + 30 + 20 + 40 + 90
    assert kpis["net_gmv"] == kpis["gmv"] - kpis["refund_amount"]
    assert kpis["refund_rate"] == pytest.approx(230 / 450)
    assert "summed orders" in data["kpi_sources"]["refund_amount"]
    products = {p["product_id"]: p for p in data["products"]}
    assert {pid: p["refund_amount"] for pid, p in products.items()} == {"X": 50.0, "Y": 90.0, "Z": 90.0}


def test_refund_status_on_douyin_lines_without_the_compass_workbook(store, tmp_path):
    path = write_csv(tmp_path / "抖店.csv", DOUDIAN_HEADERS, doudian_rows())
    session = make_session(store)
    import_file(store, session, path)
    kpis = review(store, session)["kpis"]
    # doudian_rows: ¥2,469.00 paid then 退款成功, and a −¥99.90 line; 售后完成 alone is not a refund.
    assert kpis["refund_amount"] == 2469.0 + 99.9
    assert kpis["net_gmv"] == round(kpis["gmv"] - kpis["refund_amount"], 2)


def test_no_refund_figure_is_invented_when_the_file_cannot_tell(store, tmp_path):
    path = write_csv(tmp_path / "简单.csv", TEAM_HEADERS, TEAM_LINES)
    session = make_session(store)
    import_file(store, session, path, mapping=_team_mapping("order_id"))
    kpis = review(store, session)["kpis"]
    assert kpis["refund_amount"] is None and kpis["net_gmv"] is None


# -- wrong day, no log -----------------------------------------------------------------------------------


def test_a_wrong_day_file_is_imported_with_a_warning_naming_both_ranges(store, tmp_path):
    def week_early(text: str) -> str:
        return text.replace("2026-11-14", "2026-11-07").replace("2026-11-15", "2026-11-08")

    rows = [dict(r, **{"支付完成时间": week_early(r["支付完成时间"])}) for r in doudian_rows()]
    rows = [dict(r, **{"订单提交时间": "2026-11-07 20:04:00"}) for r in rows]
    path = write_csv(tmp_path / "抖店_上周.csv", DOUDIAN_HEADERS, rows)
    session = make_session(store)
    summary = import_file(store, session, path)
    assert [n["code"] for n in summary.notices] == ["file_outside_session"]
    notice = summary.notices[0]
    assert notice["file_range"][0].startswith("2026-11-07") and notice["session_range"] == [
        "2026-11-14 20:00",
        "2026-11-14 23:00",
    ]
    assert "2026-11-07" in summary.message and "2026-11-14 20:00" in summary.message
    assert summary.datasets[0][3] == len(rows)  # imported all the same: nothing is lost
    data = review(store, session)
    before = data["outside_window"]["before"]
    assert before["lines"] == 4 and before["gmv"] == 1234.5 + 2469.0 + 99.9 + 1234.5
    assert "orders_before_start" in [f["code"] for f in data["findings"]]


def test_a_file_of_the_session_s_day_raises_no_warning(store, tmp_path):
    path = write_csv(tmp_path / "抖店.csv", DOUDIAN_HEADERS, doudian_rows())
    summary = import_file(store, make_session(store), path)
    assert summary.notices == [] and summary.message == ""


def test_a_session_with_no_log_counts_orders_outside_the_planned_window(store, tmp_path):
    path = write_csv(tmp_path / "抖店.csv", DOUDIAN_HEADERS, doudian_rows())
    session = make_session(store)
    import_file(store, session, path)
    data = review(store, session)
    assert data["plan_vs_actual"]["source"] == "plan"
    after = data["outside_window"]["after"]
    # The line paid at 02:00 the next day is outside the 20:00–23:00 plan: not in GMV, counted here.
    assert (after["lines"], after["orders"], after["gmv"]) == (1, 1, 1234.5)
    assert after["first_paid"] == "2026-11-15T02:00:00+08:00"
    assert data["kpis"]["gmv"] == 1234.5 + 2469.0 + 99.9
    finding = next(f for f in data["findings"] if f["code"] == "orders_after_end")
    assert finding["evidence"]["gmv"] == 1234.5


def test_a_log_imported_after_the_orders_widens_the_window_for_them(store, tmp_path):
    """Orders paid during an overrun count once the log shows the overrun, whatever was imported first."""
    from import_files import LOG_HEADER

    path = write_csv(tmp_path / "抖店.csv", DOUDIAN_HEADERS, doudian_rows())
    session = make_session(store, minutes=60)  # planned 20:00–21:00; lines paid 21:15 and 21:30 (−¥99.90)
    import_file(store, session, path)
    before_log = review(store, session)
    assert before_log["outside_window"]["after"]["lines"] == 2  # 21:15 and 02:00 next day
    assert before_log["kpis"]["gmv"] == 1234.5 + 2469.0
    log = [
        ["2026-11-14T20:00:00+08:00", "segment_start", "0", "", "", "", ""],
        ["2026-11-14T21:40:00+08:00", "segment_end", "0", "", "", "", ""],  # ran 40 minutes over
    ]
    import_file(store, session, write_csv(tmp_path / "live_log.csv", LOG_HEADER, log, encoding="utf-8"))
    data = review(store, session)
    assert data["live_window"]["end"] == "2026-11-14T21:40:00+08:00"
    assert data["outside_window"]["after"]["lines"] == 1  # only the 02:00 line is still outside
    assert data["kpis"]["gmv"] == 1234.5 + 2469.0 + 99.9
