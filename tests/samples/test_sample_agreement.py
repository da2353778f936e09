"""The exports of the past sample session agree with each other and with the live log, read back from the files."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal

import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from livedesk.domain.live_log import EventKind
from livedesk.domain.money import yuan_to_fen
from livedesk.domain.roles import Role
from livedesk.import_export.live_log_csv import read_live_log
from livedesk.import_export.session_file import read_session_file
from livedesk.samples.files import (
    COMPASS_FILE,
    LIVE_LOG_FILE,
    LIVE_WORKBOOK_FILE,
    MINUTES_FILE,
    ORDERS_FILE,
    PAST_SESSION_FILE,
)

ZONE = "Asia/Shanghai"


def sheet(folder, workbook, name):
    return CalamineWorkbook.from_path(str(folder / workbook)).get_sheet_by_name(name).to_python()


def table(folder, workbook, name) -> pd.DataFrame:
    rows = sheet(folder, workbook, name)
    return pd.DataFrame(rows[1:], columns=rows[0])


def money(text) -> int:
    return yuan_to_fen(text)


def orders(folder) -> pd.DataFrame:
    return pd.read_csv(folder / ORDERS_FILE, dtype=str, encoding="utf-8-sig", keep_default_na=False)


def window(folder):
    overview = dict(sheet(folder, LIVE_WORKBOOK_FILE, "场次概览"))
    return overview["开播时间"], overview["关播时间"]


def gmv(folder) -> int:
    return money(sheet(folder, COMPASS_FILE, "基本信息")[1][4])


def test_order_file_is_the_doudian_layout(sample_folder, shared_header):
    raw = (sample_folder / ORDERS_FILE).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw[3 : raw.index(b"\n")].decode("utf-8").split(",")
    assert len(header) == 75
    assert header == shared_header("douyin_doudian_order_export_75col.header.csv")
    frame = orders(sample_folder)
    assert frame.shape[1] == 75 and len(frame) == 2600
    for column in ("主订单编号", "子订单编号", "商品ID", "达人ID"):
        assert frame[column].str.match(r"^\t\d{16,19}$").all(), column
    assert frame["收件人"].str.startswith("##").all() and frame["收件人手机号"].str.startswith("##").all()
    assert (frame["预约发货时间"] == "-").all()
    unpaid = frame["支付完成时间"] == "-"
    assert unpaid.sum() > 10 and (frame.loc[unpaid, "订单状态"] == "已关闭").all()
    assert frame["售后状态"].isin(["退款成功", "退货退款成功"]).sum() > 20
    assert frame["子订单编号"].is_unique


def test_orders_paid_in_the_window_sum_to_the_workbooks_gmv(sample_folder):
    frame = orders(sample_folder)
    start, end = window(sample_folder)
    paid = frame[frame["支付完成时间"] != "-"]
    inside = paid[(paid["支付完成时间"] >= start) & (paid["支付完成时间"] <= end)]
    late = paid[paid["支付完成时间"] > end]
    assert len(late) >= 3  # paid after the stream: order file only
    total = sum(money(v) for v in inside["订单应付金额"])  # refunded later or not
    overview = dict(sheet(sample_folder, LIVE_WORKBOOK_FILE, "场次概览"))
    core = table(sample_folder, LIVE_WORKBOOK_FILE, "核心指标").set_index("指标")
    assert (
        total
        == gmv(sample_folder)
        == money(overview["直播间用户支付金额"])
        == money(core.loc["用户支付金额", "本期值"])
    )
    assert len(inside) == overview["成交订单数"] == core.loc["成交订单数", "本期值"]
    refunded = inside[inside["售后状态"] != "-"]
    board = table(sample_folder, COMPASS_FILE, "整体看板").iloc[0]
    assert sum(money(v) for v in refunded["订单应付金额"]) == money(board["退款金额"])
    assert len(refunded) == board["退款订单数"]


def test_products_and_skus_add_up(sample_folder):
    total = gmv(sample_folder)
    details = table(sample_folder, COMPASS_FILE, "商品分析-商品明细")
    is_sku = details["商品ID"].str.startswith("-")
    assert is_sku.any() and sum(money(v) for v in details.loc[~is_sku, "用户支付金额"]) == total
    current, sku_sum = None, {}
    for _, row in details.iterrows():
        if row["商品ID"].startswith("-"):
            sku_sum[current] = sku_sum.get(current, 0) + money(row["用户支付金额"])
        else:
            current = row["商品ID"]
    products = details[~is_sku].set_index("商品ID")
    for product_id, fen in sku_sum.items():
        assert fen == money(products.loc[product_id, "用户支付金额"])
    goods = table(sample_folder, LIVE_WORKBOOK_FILE, "货品明细")
    assert sum(money(v) for v in goods["用户支付金额"]) == total
    assert set(goods["商品ID"]) == set(products.index)


def test_gpm_implies_a_whole_number_of_views(sample_folder):
    total = gmv(sample_folder)
    gpm = money(sheet(sample_folder, COMPASS_FILE, "基本信息")[1][5])
    channels = table(sample_folder, COMPASS_FILE, "流量分析-渠道分析")
    overall = channels[channels["渠道名称"] == "整体"].iloc[0]
    pv = int(overall["观看次数"])
    assert Decimal(gpm) * pv / 1000 == total  # exact, not just close
    assert total * 1000 % gpm == 0 and total * 1000 // gpm == pv
    others = channels[channels["渠道名称"] != "整体"]
    assert int(others["观看次数"].sum()) == pv
    assert sum(money(v) for v in others["用户支付金额"]) == total == money(overall["用户支付金额"])
    assert sum(money(v) for v in others["千川消耗"]) == money(overall["千川消耗"]) > 0
    with open(sample_folder / MINUTES_FILE, encoding="utf-8-sig", newline="") as handle:
        minutes = list(csv.DictReader(handle))
    assert sum(int(m["进入人数"]) for m in minutes) == pv
    assert sum(money(m["成交金额"]) for m in minutes) == total
    short_videos = table(sample_folder, COMPASS_FILE, "流量分析-短视频引流")
    video_channel = others[others["渠道名称"] == "短视频引流"].iloc[0]
    assert int(short_videos["短视频引流直播间次数"].sum()) == int(video_channel["观看次数"])


def test_average_order_value_is_gmv_per_buyer(sample_folder):
    overview = dict(sheet(sample_folder, LIVE_WORKBOOK_FILE, "场次概览"))
    board = table(sample_folder, COMPASS_FILE, "整体看板").iloc[0]
    buyers = overview["成交人数"]
    assert money(board["客单价"]) == round(gmv(sample_folder) / buyers)
    assert f"{buyers / board['直播间观看人数'] * 100:.2f}%" == board["直播间观看-成交率(人数)"]


def test_explanations_are_the_live_logs_actual_pitches(sample_folder, shared_header):
    events = read_live_log(sample_folder / LIVE_LOG_FILE, ZONE)
    plan = read_session_file(sample_folder / PAST_SESSION_FILE)
    starts = {e.segment_index: e for e in events if e.kind is EventKind.SEGMENT_START}
    ends = {e.segment_index: e for e in events if e.kind is EventKind.SEGMENT_END}
    pitched = [
        (starts[i].product_id, int(starts[i].at.timestamp()), int(ends[i].at.timestamp()))
        for i in sorted(starts, key=lambda i: starts[i].at)
        if plan.segments[i].kind.value in ("pitch", "encore")
    ]
    explained = table(sample_folder, LIVE_WORKBOOK_FILE, "商品讲解")
    assert list(explained.columns) == shared_header("douyin_live_workbook_sheet_商品讲解.header.csv")
    rows = [
        (r["商品ID"], int(r["讲解开始时间戳"]), int(r["讲解结束时间戳"])) for _, r in explained.iterrows()
    ]
    assert rows == pitched


def test_online_viewers_rise_during_traffic_pitches(sample_folder):
    plan = read_session_file(sample_folder / PAST_SESSION_FILE)
    traffic = {p.product_id for p in plan.products if p.role is Role.TRAFFIC}
    with open(sample_folder / MINUTES_FILE, encoding="utf-8-sig", newline="") as handle:
        minutes = {m["时间"]: m for m in csv.DictReader(handle)}
    online = [int(m["在线人数"]) for m in minutes.values()]
    entries = [int(m["进入人数"]) for m in minutes.values()]
    exits = [int(m["离开人数"]) for m in minutes.values()]
    assert all(online[i] == (online[i - 1] if i else 0) + entries[i] - exits[i] for i in range(len(online)))
    explained = table(sample_folder, LIVE_WORKBOOK_FILE, "商品讲解")
    rows = explained[explained["商品ID"].isin(traffic)]
    assert len(rows) >= 2

    def zone_time(stamp):
        return datetime.fromtimestamp(int(stamp), tz=plan.session.zone).strftime("%Y-%m-%d %H:%M")

    for _, row in rows.iterrows():
        before = int(minutes[zone_time(row["讲解开始时间戳"])]["在线人数"])
        after = int(minutes[zone_time(row["讲解结束时间戳"])]["在线人数"])
        assert after > before and row["起止人数变化"] > 0


def test_workbook_layouts(sample_folder, shared_header):
    compass = CalamineWorkbook.from_path(str(sample_folder / COMPASS_FILE))
    assert compass.sheet_names == [
        "基本信息",
        "整体看板",
        "流量分析-流量转化",
        "流量分析-渠道分析",
        "流量分析-短视频引流",
        "商品分析-商品明细",
    ]
    basic = sheet(sample_folder, COMPASS_FILE, "基本信息")
    assert basic[0] == [
        "达人昵称",
        "抖音号or火山号",
        "直播时间",
        "直播时长",
        "直播间用户支付金额",
        "千次观看用户支付金额",
    ]
    assert basic[1][2] == "2026/11/14 20:00:00-2026/11/14 22:58:45" and basic[1][3].startswith("2小时58分")
    funnel = sheet(sample_folder, COMPASS_FILE, "流量分析-流量转化")
    assert all(len(row) == 2 for row in funnel) and funnel[1][0] == "直播间观看人数"
    for name in ("核心指标", "渠道流量", "货品明细"):
        assert list(table(sample_folder, LIVE_WORKBOOK_FILE, name).columns) == shared_header(
            f"douyin_live_workbook_sheet_{name}.header.csv"
        )
    overview = sheet(sample_folder, LIVE_WORKBOOK_FILE, "场次概览")
    assert sum(1 for row in overview if row[0].startswith("【")) == 4
    openpyxl = pytest.importorskip("openpyxl")
    core = openpyxl.load_workbook(sample_folder / LIVE_WORKBOOK_FILE)["核心指标"]
    merged = sorted(str(r) for r in core.merged_cells.ranges)
    assert merged == ["A12:A15", "A16:A19", "A2:A6", "A7:A11"]
    assert core["A2"].value == "交易" and core["A3"].value is None  # forward-fill needed, as in real files
