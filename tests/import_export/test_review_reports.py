"""Review reports open in their readers: HTML parses with embedded charts, XLSX reopens with openpyxl
(an independent reader), the PDF has A4 pages with the Chinese font embedded."""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "analysis"))  # shared review test data

from review_fixtures import at, inputs_of, log_events, orders, small_plan, sourced, summary_values

from livedesk.analysis.review import build_review
from livedesk.services.review_reports import write_report


@pytest.fixture(scope="module")
def review():
    events = log_events(
        (0, "segment_start", 0),
        (10, "segment_start", 1),
        (16, "segment_start", 2),
        (33, "segment_start", 5),
        (40, "marker", None, "link_up"),
        (45, "segment_end", 5),
    )
    minutes = {"minute": [at(m) for m in range(46)], "online": [200 + (m % 7) * 10 for m in range(46)]}
    return build_review(
        inputs_of(
            small_plan(),
            sourced(
                "summary",
                summary_values(
                    {"gmv_fen": 23655200, "gpm_fen": 2643925, "uv": 6782, "buyers": 46}, "基本信息"
                ),
                "整场数据.xlsx",
                "基本信息",
            ),
            sourced("orders", orders(("T1", 1, 990, at(11), "a"), ("P1", 2, 39800, at(20), "b")), "订单.csv"),
            sourced("minutes", minutes, "分钟.csv"),
            events=events,
        )
    )


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.images, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs)["src"])

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_with_charts(review, tmp_path):
    path = write_report(review, tmp_path / "review.html")
    parser = _Collector()
    parser.feed(path.read_text(encoding="utf-8"))
    text = "".join(parser.text)
    assert parser.tags.count("table") >= 5 and len(parser.images) == 5
    assert all(src.startswith("data:image/png;base64,") for src in parser.images)
    assert "¥236,552.00" in text and "¥34.88" in text and "整场数据.xlsx · 基本信息" in text
    assert "http" not in "".join(parser.images)


def test_xlsx_reopens_with_openpyxl(review, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(write_report(review, tmp_path / "review.xlsx"))
    assert book.sheetnames == ["复盘概览", "全部指标", "环节", "商品", "角色记分卡", "发现", "数据来源"]
    kpis = {row[0]: row for row in book["全部指标"].iter_rows(min_row=2, values_only=True)}
    assert kpis["成交金额"][1] == 236552.0 and kpis["UV价值"][1] == 34.88 and kpis["ROI"][1] is None
    assert kpis["成交金额"][4] == 407.9  # the summed orders shown beside the workbook figure
    sources = [row[0] for row in book["数据来源"].iter_rows(min_row=2, values_only=True)]
    assert "整场数据.xlsx" in sources and "千次观看成交金额(GPM)" in sources  # files, then the definitions


def test_pdf_has_a4_pages_with_embedded_chinese_font(review, tmp_path):
    data = write_report(review, tmp_path / "review.pdf").read_bytes()
    boxes = data.count(b"/MediaBox [ 0 0 595.44 841.68 ]")  # A4 portrait in points
    assert data.startswith(b"%PDF") and boxes >= 5
    assert b"NotoSansSC" in data


def test_report_sources_read_in_chinese():
    from livedesk.analysis.review_types import Source, SourceKind
    from livedesk.import_export.report_format import source_zh

    assert source_zh(Source(SourceKind.DERIVED, formula="gmv / uv")) == "计算：成交金额 ÷ 观看人数"
    assert source_zh(Source(SourceKind.ORDERS, ("抖店_订单.csv",))) == "抖店_订单.csv，订单汇总"
    assert source_zh(None) == "—"


def test_report_values_put_the_sign_first_and_drop_it_on_zero():
    from livedesk.import_export.report_format import show

    assert show("gmv", -236144.1) == "-¥236,144.10"
    assert show("watch_to_buy_rate", -2.9e-5) == "0.00%"  # a rounding gap is no negative number
    assert show("watch_to_buy_rate", -0.0123) == "-1.23%"
    assert show("uv", None) == "—"
