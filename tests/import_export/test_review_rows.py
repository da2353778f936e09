"""A segment's row is written once (livedesk.import_export.review_rows) for the review page and the HTML
report: times of day from epoch ms in the session's zone, minutes, money from fen, words in the language."""

from __future__ import annotations

from review_rows_data import segment

from livedesk.import_export.review_rows import check_value, segment_row


def test_a_segment_row_reads_times_money_and_words_from_the_typed_segment():
    row = segment_row(segment(), {"P1": "红糖姜枣茶"}, "Asia/Shanghai", "zh_CN")
    assert row.cells == [
        "3",
        "讲解 红糖姜枣茶",
        "引流款",
        "按计划",
        "20:05",
        "10.0",
        "20:06:30",
        "12.5",
        "2.5",
        "¥123,456.78",
        "321",
        "400",
        "50.00%",
        "1,200",
        "980",
        "¥9,876.54",  # 123,456.78 in 12.5 minutes
    ]
    assert row.plan_cells == row.cells[:9] and row.figure_cells == [row.number, row.name, *row.cells[9:]]


def test_the_zone_is_the_sessions_and_missing_values_are_dashes():
    utc = segment_row(segment(), {}, "UTC", "en")
    assert (utc.planned_start, utc.actual_start) == ("12:05", "12:06:30")
    added = segment_row(
        segment(index=None, planned_start_ms=None, planned_seconds=None, gmv_fen=None), {}, "UTC", "en"
    )
    assert added.number == "" and added.planned_start == "—" and added.delta_minutes == "—"
    assert added.gmv == "—" and added.gmv_per_minute == "—"


def test_a_check_value_is_a_multiple_or_a_percentage():
    assert check_value("gmv_per_minute_ratio", 1.2) == "1.20×"
    assert check_value("online_lift", 0.125) == "12.5%"
    assert check_value("online_lift", None) == "—"
