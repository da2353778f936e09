"""Detection from sheet names and headers (after normalising), with the kind as an override."""

from import_files import (
    DOUDIAN_HEADERS,
    KUAISHOU_HEADERS,
    LOG_HEADER,
    MINUTE_HEADER,
    WEIXIN_HEADERS,
    compass_sheets,
    doudian_rows,
    kuaishou_rows,
    live_workbook_sheets,
    log_rows,
    minute_rows,
    weixin_rows,
    write_csv,
    write_xlsx,
)

from livedesk.import_export.detection import detect


def test_order_formats_by_header(tmp_path):
    assert detect(write_csv(tmp_path / "a.csv", DOUDIAN_HEADERS, doudian_rows())).format == "doudian_orders"
    assert (
        detect(write_csv(tmp_path / "b.csv", KUAISHOU_HEADERS, kuaishou_rows())).format == "kuaishou_orders"
    )
    assert detect(write_csv(tmp_path / "c.csv", WEIXIN_HEADERS, weixin_rows())).format == "weixin_orders"


def test_header_normalisation_and_a_title_row(tmp_path):
    headers = [
        f"\t{h}" if i < 3 else h.replace("（", "(").replace("）", ")") for i, h in enumerate(DOUDIAN_HEADERS)
    ]
    rows = [["订单导出 2026-11-15"], headers, *[[r[h] for h in DOUDIAN_HEADERS] for r in doudian_rows()]]
    path = write_xlsx(tmp_path / "orders.xlsx", {"导出": rows})
    found = detect(path)
    assert (found.format, found.kind, found.sheet, found.header_index) == (
        "doudian_orders",
        "orders",
        "导出",
        1,
    )
    assert found.headers[0] == "主订单编号" and found.preview[0][0] == "6920000000000000001"


def test_workbooks_by_sheet_names(tmp_path):
    assert detect(write_xlsx(tmp_path / "c.xlsx", compass_sheets())).format == "compass_workbook"
    sheets, merges = live_workbook_sheets()
    assert detect(write_xlsx(tmp_path / "l.xlsx", sheets, merges)).kind == "live-workbook"


def test_curves_logs_and_encodings(tmp_path):
    minutes = detect(write_csv(tmp_path / "m.csv", MINUTE_HEADER, minute_rows(), encoding="utf-16"))
    assert (minutes.format, minutes.encoding, minutes.delimiter) == ("minute_curve", "utf-16", ",")
    log = detect(write_csv(tmp_path / "log.csv", LOG_HEADER, log_rows(), encoding="utf-8"))
    assert (log.format, log.encoding) == ("live_log", "utf-8")
    gbk = detect(write_csv(tmp_path / "g.csv", KUAISHOU_HEADERS, kuaishou_rows(), encoding="gbk"))
    assert gbk.encoding == "gb18030" and gbk.format == "kuaishou_orders"


def test_kind_overrides_the_guess(tmp_path):
    explanations = [["商品ID", "讲解开始时间戳", "讲解结束时间戳"], ["1", "1794657600", "1794657900"]]
    path = write_csv(tmp_path / "e.csv", explanations[0], explanations[1:])
    assert detect(path).format == "explanation_table"
    assert detect(path, kind="orders").format == "unknown"
