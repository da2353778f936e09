"""罗盘 整场数据下载 and the 抖音 single-session workbook: layouts, SKU sub-rows, aliases, explanations, findings."""

import pytest
from import_files import START_EPOCH, compass_sheets, live_workbook_sheets, make_session, write_xlsx

from livedesk.import_export.checks import summary_values
from livedesk.persistence import dataset_repository
from livedesk.services.imports import import_file


def tables(store, summary):
    with store.reading() as db:
        return {
            kind: dataset_repository.load_table(db, dataset_id) for kind, dataset_id, *_ in summary.datasets
        }


def test_compass_workbook_reads_all_three_layouts(store, tmp_path):
    session = make_session(store)
    summary = import_file(store, session, write_xlsx(tmp_path / "罗盘.xlsx", compass_sheets()))
    assert summary.format == "compass_workbook"
    assert [d[0] for d in summary.datasets] == ["summary", "channels", "products"]
    found = tables(store, summary)
    values = summary_values(found["summary"])
    assert values["gmv_fen"] == 23655200 and values["gpm_fen"] == 2643925
    assert values["uv"] == 6782 and values["avg_watch_seconds"] == 65
    assert values["watch_to_buy_rate"] == pytest.approx(0.0068)
    assert values["exposure_to_click_rate"] == pytest.approx(0.221)  # full-width brackets in the label
    assert values["exposure_uv"] == 19300  # 1.93万 from the vertical sheet
    assert (
        values["live_start_ms"] == START_EPOCH * 1000
        and values["live_end_ms"] == (START_EPOCH + 3 * 3600) * 1000
    )
    estimate = [r for r in found["summary"].to_pylist() if r["key"] == "product_exposure_uv"][0]
    assert (estimate["low"], estimate["high"], estimate["estimated"]) == (75000, 100000, True)
    channels = found["channels"].to_pylist()
    total = [c for c in channels if c["is_total"]]
    assert len(total) == 1 and total[0]["channel"] == "整体" and total[0]["ad_spend_fen"] == 1200000
    assert [c["ad_spend_fen"] for c in channels if c["channel"] == "推荐feed"] == [None]  # — stays missing
    products = found["products"].to_pylist()
    assert [p["is_sku_row"] for p in products] == [False, True, True, False]
    assert products[1]["product_id"] == "3700000000000000011" and products[1]["product_name"] == "白色 50ml"


def test_compass_findings_match_the_checked_export(store, tmp_path):
    session = make_session(store)
    summary = import_file(store, session, write_xlsx(tmp_path / "罗盘.xlsx", compass_sheets()))
    by_code = {f["code"]: f for f in summary.findings}
    views = by_code["gpm_implies_views"]
    assert views["ok"] and round(views["implied_pv"]) == 8947  # DOMAIN.md §4.2: pv = 8,947
    aov = by_code["aov_matches_gmv_per_buyer"]
    assert aov["ok"] and aov["buyers"] == 46 and aov["buyers_estimated"]  # 6,782 × 0.68% ≈ 46
    assert aov["expected_fen"] == pytest.approx(514243.48, abs=0.01)
    products = by_code["product_gmv_sums_to_session"]
    assert products["ok"] and products["gap"] == 0  # SKU rows are not added twice


def test_compass_findings_report_the_gap(store, tmp_path):
    sheets = compass_sheets()
    sheets["基本信息"][1][5] = "¥26,000.00"  # GPM no longer gives whole views
    sheets["整体看板"][1][13] = "¥5,200.00"
    sheets["商品分析-商品明细"][4][2] = "¥30,000.00"
    session = make_session(store)
    summary = import_file(store, session, write_xlsx(tmp_path / "罗盘.xlsx", sheets))
    by_code = {f["code"]: f for f in summary.findings}
    assert not by_code["gpm_implies_views"]["ok"] and by_code["gpm_implies_views"]["gap"] == pytest.approx(
        0.1538, abs=1e-3
    )  # 236,552 / 26,000 × 1000 = 9,098.1538
    assert not by_code["aov_matches_gmv_per_buyer"]["ok"] and by_code["aov_matches_gmv_per_buyer"][
        "gap"
    ] == pytest.approx(5756.52, abs=0.01)
    assert by_code["product_gmv_sums_to_session"]["gap"] == -655200


def test_live_workbook(store, tmp_path):
    sheets, merges = live_workbook_sheets()
    session = make_session(store)
    summary = import_file(store, session, write_xlsx(tmp_path / "直播数据.xlsx", sheets, merges))
    assert summary.format == "live_workbook"
    assert [d[0] for d in summary.datasets] == ["summary", "channels", "products", "explanations"]
    found = tables(store, summary)
    values = summary_values(found["summary"])
    assert values["gmv_fen"] == 23655200 and values["deal_amount_fen"] == 24000000
    assert values["duration_seconds"] == 7397 and values["ad_spend_fen"] == 1200000
    assert values["pv"] == 8947 and values["buyers"] == 46 and values["aov_fen"] == 514243
    with store.reading() as db:
        meta = dataset_repository.list_datasets(db, session)[0].meta
    assert meta["info"]["room_id"] == "7301234567890123456"
    assert (
        meta["groups"]["观看次数"] == "观看" and meta["groups"]["客单价"] == "成交"
    )  # merged 分组 filled down
    channels = found["channels"].to_pylist()
    assert channels[0]["ad_spend_fen"] == 900000 and channels[1]["ad_spend_fen"] is None
    products = found["products"].to_pylist()
    assert products[0]["first_listed_at"] is not None  # 挂载时间 alias
    assert products[0]["refund_amount_fen"] == 320000  # 售中 + 发货后(—)
    assert products[0]["exposure_to_click_rate"] == pytest.approx(0.2115)
    assert products[1]["units"] == 87500 and products[1]["estimated"]
    explanations = found["explanations"].to_pylist()
    starts = [int(e["start"].timestamp()) for e in explanations]
    assert starts == [START_EPOCH + 60, START_EPOCH + 1800, START_EPOCH + 5400]  # the actual run order
    assert [e["product_id"] for e in explanations] == [
        "3700000000000000011",
        "3700000000000000022",
        "3700000000000000011",
    ]
    assert explanations[2]["online_change"] == -80 and explanations[0]["gmv_fen"] == 15000000
    assert {f["code"] for f in summary.findings} >= {"gpm_implies_views", "aov_matches_gmv_per_buyer"}
