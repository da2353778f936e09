"""Cell values as exports write them: money, rates, durations, 万/w, ranges (估算), empties, id wrappers, brackets."""

import pyarrow as pa
import pytest

from livedesk.import_export import columns, values


@pytest.mark.parametrize(
    "text, fen",
    [
        ("¥1,234.50", 123450),
        ("¥236,552", 23655200),
        ("￥26,439.25", 2643925),
        ("99.9", 9990),
        ("1.2万", 1200000),
        ("-99.90", -9990),
        ("0", 0),
    ],
)
def test_money_in_fen(text, fen):
    assert values.parse_money_fen(text).value == fen


def test_rates_durations_and_counts():
    assert values.parse_rate("0.68%").value == pytest.approx(0.0068)
    assert values.parse_rate("0.0068").value == pytest.approx(0.0068)
    assert values.parse_duration_seconds("1分5秒") == 65
    assert values.parse_duration_seconds("2小时3分17秒") == 7397
    assert values.parse_duration_seconds("58秒") == 58
    assert values.parse_duration_seconds("01:05:03") == 3903
    assert values.parse_number("1.93万").value == 19300
    assert values.parse_number("3w").value == 30000
    assert values.parse_number("6,782").value == 6782


def test_ranges_are_kept_and_flagged_estimated():
    number = values.parse_number("7.5w~10w")
    assert (number.low, number.high, number.value, number.estimated) == (75000, 100000, 87500, True)
    rate = values.parse_rate("10%~15%")
    assert rate.estimated and rate.low == pytest.approx(0.10) and rate.high == pytest.approx(0.15)
    assert values.parse_number("7.5~10w").low == 75000  # a unit written once applies to both ends


@pytest.mark.parametrize("cell", ["—", "-", "", "  ", "--", None])
def test_dashes_and_blanks_are_empty(cell):
    assert values.clean_cell(cell) is None
    assert values.parse_money_fen(cell) is None


def test_ids_lose_excel_wrappers_and_stay_text():
    assert values.clean_cell("\t6920000000000000001") == "6920000000000000001"
    assert values.clean_cell('="0012345"') == "0012345"
    assert values.clean_cell(17850.0) == "17850"  # Excel stores every number as a double


def test_headers_normalise_brackets_spaces_and_bom():
    assert values.normalise_header("商品曝光-点击率（人数）") == values.normalise_header(
        "商品曝光-点击率(人数)"
    )
    assert values.normalise_header("\ufeff 主订单编号 ") == "主订单编号"


def test_garbage_raises():
    with pytest.raises(ValueError):
        values.parse_money_fen("abc")
    with pytest.raises(ValueError):
        values.parse_duration_seconds("soon")
    with pytest.raises(ValueError):
        values.parse_instant_ms("yesterday", "Asia/Shanghai")


def test_times_local_offset_and_unix_seconds():
    # 2026-11-14 20:00 in Shanghai is 12:00 UTC.
    expected = 1794657600000
    assert values.parse_instant_ms("2026-11-14 20:00:00", "Asia/Shanghai") == expected
    assert values.parse_instant_ms("2026/11/14 20:00", "Asia/Shanghai") == expected
    assert values.parse_instant_ms("2026-11-14T20:00:00.000+08:00", "UTC") == expected
    assert values.parse_instant_ms("1794657600", "Asia/Shanghai") == expected


def test_vectorised_columns_match_the_scalar_rules():
    money = columns.to_money_fen(pa.array(["¥1,234.50", "12", None, "—", "1.2万", "abc", "=A1*2", "\t7"]))
    assert money.array.to_pylist() == [123450, 1200, None, None, 1200000, None, None, 700]
    assert money.bad.tolist() == [False, False, False, False, False, True, True, False]
    assert money.formula.tolist()[6]
    counts = columns.to_int(pa.array(["1", "2.0", "7.5w~10w", "x"]))
    assert counts.array.to_pylist() == [1, 2, 87500, None]
    assert counts.ranges == {2: (75000.0, 100000.0)}
    stamps = columns.to_timestamp(
        pa.array(
            ["2026-11-14 20:00:00", "2026/11/14 20:00", "2026-11-14 20:00:00.5", "1794657600", "bad", None]
        ),
        "Asia/Shanghai",
    )
    ms = [None if v is None else int(v.timestamp() * 1000) for v in stamps.array.to_pylist()]
    assert ms == [1794657600000, 1794657600000, 1794657600500, 1794657600000, None, None]
    assert stamps.bad.tolist() == [False, False, False, False, True, False]
    text = columns.to_text(pa.array(['="0012"', "\t123", "-", "ok"]))
    assert text.array.to_pylist() == ["0012", "123", None, "ok"]
