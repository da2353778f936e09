"""The reports speak Chinese: the HTML and PDF rendered for the sample session carry no raw key (snake_case
metric, check, source type or bucket), no ISO stamp and no English word beyond the names teams use (ROI, GPM,
UV and file suffixes)."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from report_words_check import problems

from livedesk.services.review import run_review
from livedesk.services.review_reports import write_report
from livedesk.services.samples import load_samples


@pytest.fixture(scope="module")
def sample_review(tmp_path_factory):
    from livedesk.persistence.store import Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('words') / 'words.sqlite3'}")
    try:
        past = load_samples(store)[0].session_id
        return run_review(store, past)
    finally:
        store.dispose()


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], False

    def handle_starttag(self, tag, attrs):
        self._skip = tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def test_html_report_has_no_raw_keys(sample_review, tmp_path):
    parser = _Text()
    parser.feed(write_report(sample_review, tmp_path / "r.html").read_text(encoding="utf-8"))
    text = " ".join(parser.parts)
    assert "抖音" in text and "直播日志" in text and "成交人数 ÷ 观看人数" in text and "警告" in text
    assert problems(text) == []


def test_pdf_report_has_no_raw_keys(sample_review, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler) is not installed")
    path = write_report(sample_review, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "复盘报告" in text
    assert problems(text) == []


def test_segment_labels_do_not_repeat_the_product():
    from review_rows_data import segment

    from livedesk.import_export.report_format import segment_name

    titled = segment(title="引流款：山野 红糖姜枣茶 12条装")
    assert segment_name(titled, {"P1": "山野 红糖姜枣茶 12条装"}) == "引流款：山野 红糖姜枣茶 12条装"
    assert segment_name(segment(title=""), {"P1": "姜茶"}) == "讲解 姜茶"
    assert segment_name(segment(title="福袋时间"), {"P1": "姜茶"}) == "福袋时间（姜茶）"
