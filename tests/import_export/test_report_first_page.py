"""The report's first page, the one the boss reads in a minute, in all three formats: the session, KPIs against
targets with sources, the three most important findings and the action items with owners — rendered as a
reader sees it (HTML in headless Chromium and printed by it, PDF through poppler, XLSX reopened with openpyxl),
in Chinese only; and the empty and partial reviews saying which exports to import."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from report_words_check import problems

sys.path.insert(0, str(Path(__file__).parents[1] / "analysis"))  # shared review test data

from review_fixtures import START, at, orders, save_plan, save_table, small_plan, summary_values

from livedesk.analysis.review_types import Severity
from livedesk.services.review import add_action, run_review
from livedesk.services.review_reports import write_report
from livedesk.services.samples import load_samples

OWNER, ACTION = "场控小李", "开场十分钟内上福袋拉停留"
SHOTS_ENV = "LIVEDESK_REPORT_SHOTS"  # a folder to keep the rendered pages in, to look at them


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    """`full`: the sample show with an action item of its own; `empty`: the next sample show, nothing imported,
    the item carried in; `partial`: a show with the summary and orders but no minute curve, verifying an item
    carried from the show before it."""
    from livedesk.persistence.store import Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('first') / 'first.sqlite3'}")
    try:
        full, empty = [s.session_id for s in load_samples(store)][:2]
        finding = next(f for f in run_review(store, full).findings if f.param("metric") == "uv_value")
        add_action(
            store, full, finding, action=ACTION, owner=OWNER, metric="uv_value", comparison=">=", target=3.3
        )
        before, partial = _small_show(store, START), _small_show(store, START + timedelta(days=7))
        add_action(
            store,
            before,
            finding,
            action="福袋提前到开场",
            owner="主播阿青",
            metric="uv",
            comparison=">=",
            target=5000,
        )
        return {
            name: run_review(store, session)
            for name, session in (("full", full), ("empty", empty), ("partial", partial))
        }
    finally:
        store.dispose()


def _small_show(store, start) -> int:
    session_id = save_plan(store, small_plan(account="山野小店", start=start))
    summary = {"gmv_fen": 23655200, "gpm_fen": 2643925, "uv": 6782, "buyers": 46, "product_click_uv": 900}
    save_table(store, session_id, "summary", summary_values(summary, "基本信息"), "整场数据.xlsx", "基本信息")
    paid = orders(
        ("T1", 1, 990, start + (at(11) - START), "a"), ("P1", 2, 39800, start + (at(20) - START), "b")
    )
    save_table(store, session_id, "orders", paid, "订单.csv")
    return session_id


@pytest.fixture
def shots(tmp_path) -> Path:
    import os

    folder = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# ---- what the first page holds -------------------------------------------------------------------------


def test_the_three_findings_go_by_severity_then_impact(reviews):
    from livedesk.import_export.finding_rank import impact, most_important
    from livedesk.import_export.report_summary import first_page

    review = reviews["full"]
    missed = [f for f in review.findings if f.code == "target_missed"]
    # a 64 % target (watch-to-buy rate) weighs more than a 79 % one (UV value)
    assert sorted(f.param("achieved") for f in missed) == pytest.approx([0.637, 0.788], abs=0.001)
    top = most_important(list(review.findings), review, 3)
    assert [f.param("metric") for f in top[:2]] == ["watch_to_buy_rate", "uv_value"]
    assert impact(top[0], review) > impact(top[1], review) > 0
    critical = replace(missed[1], severity=Severity.CRITICAL)
    assert most_important([*review.findings, critical], review, 3)[0] is critical
    page = first_page(review)
    assert page.findings_total == 18 and len(page.findings) == 3
    assert page.findings_heading == "最重要的 3 条发现（共 18 条）"


def test_first_page_words(reviews):
    from livedesk.import_export.report_summary import first_page

    page = first_page(reviews["full"])
    assert dict(page.facts) == {
        "账号": "山野好物直播间（示例）",
        "平台": "抖音",
        "开播": "2026-11-14 20:00",
        "时长": "计划 3 小时 00 分 · 实际 2 小时 59 分",
        "数据": "示例数据",
    }
    kpis = {k.label: k.cells() for k in page.kpis}
    assert kpis["成交金额"] == ["成交金额", "¥233,308.53", "¥200,000.00", "117% 达成", kpis["成交金额"][4]]
    assert kpis["UV价值"][1:] == ["¥2.60", "¥3.30", "79% 未达成", "计算：成交金额 ÷ 观看人数"]
    assert kpis["成交人数"][2:4] == ["—", "—"]  # no target set
    assert [a.cells() for a in page.actions] == [[ACTION, OWNER, "UV价值 ≥ ¥3.30", "待验证", "本场"]]
    partial = first_page(reviews["partial"])
    carried = [a.cells() for a in partial.actions]
    assert carried == [
        ["福袋提前到开场", "主播阿青", "观看人数 ≥ 5,000", "已达成（验证值 6,782）", "上次带入"]
    ]


# ---- HTML: rendered and printed by headless Chromium ---------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    from headless_chromium import start_chromium

    driver = start_chromium()
    driver.set_window_size(1000, 1400)
    yield driver
    driver.quit()


def _open(chromium, path: Path) -> None:
    chromium.get(path.as_uri())
    chromium.execute_script("return document.fonts.ready")


def _print(chromium, folder: Path) -> Path:
    """The page as Chromium prints it, on the paper its CSS asks for (A4, the wide tables landscape)."""
    printed = chromium.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    pdf = folder / "printed.pdf"
    pdf.write_bytes(base64.b64decode(printed["data"]))
    return pdf


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler) is not installed")
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def test_html_first_page_in_chromium(reviews, chromium, tmp_path, shots):
    path = write_report(reviews["full"], tmp_path / "review.html")
    _open(chromium, path)
    # No CJK font is installed where this runs: Chinese renders only through the embedded subset.
    assert chromium.execute_script("return document.fonts.check(\"16px 'LiveDesk Report CJK'\", '复盘报告')")
    first = chromium.execute_script("return document.querySelector('section.first').innerText")
    for words in ("2026-11-14 20:00", "成交金额", "¥233,308.53", "¥200,000.00", "117% 达成", "79% 未达成"):
        assert words in first
    assert "罗盘_整场数据_2026-11-14.xlsx · 基本信息" in first and "计算：成交金额 ÷ 观看人数" in first
    assert "最重要的 3 条发现（共 18 条）" in first and first.count("警告") == 3
    assert ACTION in first and OWNER in first
    chromium.save_screenshot(str(shots / "report_first_page.png"))
    pdf = _print(chromium, tmp_path)
    printed = _pdf_text(pdf, 1, 1)
    assert "核心指标与目标" in printed and OWNER in printed and "全部指标" not in printed  # details on page 2
    sizes = _page_sizes(pdf)
    assert sizes[0] == pytest.approx((595.3, 841.9), abs=1)  # A4 portrait
    assert any(w > h for w, h in sizes)  # the 16- and 20-column tables on landscape pages
    everything = chromium.execute_script("return document.body.innerText")
    assert problems(everything) == []


def test_html_font_covers_every_character_it_shows(reviews, tmp_path):
    from fontTools.ttLib import TTFont

    text = write_report(reviews["full"], tmp_path / "review.html").read_text(encoding="utf-8")
    woff = re.search(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", text)
    font = TTFont(io.BytesIO(base64.b64decode(woff.group(1))))
    shown = set(re.sub(r"<[^>]+>", "", text.split("</style>", 1)[1]))
    missing = {ch for ch in shown if ord(ch) > 0x7F and ord(ch) not in font.getBestCmap()}
    assert missing == set()
    assert len(woff.group(1)) < 400_000  # a subset, not the 8 MB font


def test_empty_html_says_what_to_import(reviews, chromium, tmp_path, shots):
    path = write_report(reviews["empty"], tmp_path / "empty.html")
    _open(chromium, path)
    first = chromium.execute_script("return document.querySelector('section.first').innerText")
    _assert_import_note(first)
    assert "条发现" not in first and "导入平台数据后才有发现" in first
    assert ACTION in first and OWNER in first and "上次带入" in first
    assert chromium.execute_script("return document.images.length") == 1  # the plan's timeline only
    chromium.save_screenshot(str(shots / "report_empty.png"))
    assert problems(chromium.execute_script("return document.body.innerText")) == []


def _assert_import_note(text: str) -> None:
    for words in (
        "还没有导入平台数据",
        "「复盘」页",
        "导入文件…",
        "罗盘整场数据",
        "抖店订单导出",
        "分钟在线人数",
    ):
        assert words in text


# ---- PDF: page one as poppler reads and rasterises it ----------------------------------------------------


def _pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler) is not installed")
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _rasterise(path: Path, shots: Path, name: str) -> Path:
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler) is not installed")
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(path), str(shots / name)], check=True
    )
    (png,) = shots.glob(f"{name}*.png")
    return png


def test_pdf_first_page(reviews, tmp_path, shots):
    path = write_report(reviews["full"], tmp_path / "review.pdf")
    first = _pdf_text(path, 1, 1)
    for words in ("复盘报告", "核心指标与目标", "¥233,308.53", "¥200,000.00", "117% 达成", "79% 未达成"):
        assert words in first
    assert "最重要的 3 条发现（共 18 条）" in first and first.count("[警告]") == 3
    assert ACTION in first and OWNER in first
    assert "全部指标" not in first
    png = _rasterise(path, shots, "report_first_page_pdf")
    _assert_drawn(png)
    assert problems(_pdf_text(path)) == []


def _assert_drawn(png: Path) -> None:
    """The raster is an A4 page with ink on it (not a blank or a failed render)."""
    from matplotlib.image import imread

    pixels = imread(str(png))
    height, width = pixels.shape[:2]
    assert height / width == pytest.approx(11.69 / 8.27, rel=0.02)
    assert (pixels[..., :3].mean(axis=2) < 0.5).mean() > 0.005


def test_empty_and_partial_pdf(reviews, tmp_path, shots):
    empty = write_report(reviews["empty"], tmp_path / "empty.pdf")
    first = _pdf_text(empty, 1, 1)
    _assert_import_note(first.replace("\n", ""))
    assert "条发现" not in first and "导入平台数据后才有发现" in first
    _assert_drawn(_rasterise(empty, shots, "report_empty_pdf"))
    assert problems(_pdf_text(empty)) == []
    partial = _pdf_text(write_report(reviews["partial"], tmp_path / "partial.pdf"), 1, 1).replace("\n", "")
    assert (
        "尚未导入：分钟在线人数" in partial
        and "罗盘整场数据" not in partial
        and "抖店订单导出" not in partial
    )
    assert "已达成（验证值 6,782" in partial and "主播阿青" in partial


# ---- XLSX: reopened with openpyxl -----------------------------------------------------------------------


def _cells(sheet) -> list[list]:
    return [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]


def test_xlsx_first_sheet_and_formats(reviews, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(write_report(reviews["full"], tmp_path / "review.xlsx"))
    assert book.sheetnames == ["复盘概览", "全部指标", "环节", "商品", "角色记分卡", "发现", "数据来源"]
    overview = book["复盘概览"]
    rows = _cells(overview)
    assert rows[0] == ["山野好物·冬季囤货节（示例） · 复盘报告"]
    assert ["开播", "2026-11-14 20:00"] in rows and ["平台", "抖音"] in rows
    kpis = {
        row[0].value: row for row in overview.iter_rows() if row[0].value in ("成交金额", "观看-成交率(人数)")
    }
    gmv, rate = kpis["成交金额"], kpis["观看-成交率(人数)"]
    assert (gmv[1].value, gmv[1].number_format) == (233308.53, "¥#,##0.00")
    assert (gmv[2].value, gmv[2].number_format) == (200000, "¥#,##0.00")
    assert gmv[3].value == pytest.approx(1.1665, abs=1e-4) and "达成" in gmv[3].number_format
    assert (rate[1].value, rate[1].number_format, rate[2].value) == (0.0223, "0.00%", 0.035)
    flat = [c for row in rows for c in row]
    assert "最重要的 3 条发现（共 18 条）" in flat and flat.count("警告") == 3
    assert [ACTION, OWNER, "UV价值 ≥ ¥3.30", "待验证", "本场"] in rows
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.column_dimensions["B"].width >= 12, sheet.title
    segments = book["环节"]
    assert segments["E2"].is_date and segments["E2"].number_format == "hh:mm"
    assert segments["J2"].value == 2282 and segments["J2"].number_format == "¥#,##0.00"  # a number, not text
    assert problems(" ".join(str(c) for sheet in book.worksheets for row in _cells(sheet) for c in row)) == []


def test_xlsx_empty_and_partial(reviews, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(write_report(reviews["empty"], tmp_path / "empty.xlsx"))
    text = " ".join(str(c) for row in _cells(book["复盘概览"]) for c in row)
    _assert_import_note(text)
    assert "条发现" not in text and "导入平台数据后才有发现" in text
    assert _cells(book["发现"]) == [
        ["级别", "发现", "对象"]
    ]  # "no platform data" is not counted as a finding
    assert problems(" ".join(str(c) for sheet in book.worksheets for row in _cells(sheet) for c in row)) == []
    partial = openpyxl.load_workbook(write_report(reviews["partial"], tmp_path / "partial.xlsx"))
    text = " ".join(str(c) for row in _cells(partial["复盘概览"]) for c in row)
    assert "尚未导入：分钟在线人数" in text and "罗盘整场数据" not in text


def test_import_words_are_translated():
    """The empty-state sentences live outside ui/ (the reports use them too): each has its Chinese."""
    import ast

    import livedesk.import_export.import_state as module
    from livedesk.translations import catalogue

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    said = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "say"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(said) >= 8
    assert sorted(said - set(catalogue("zh_CN"))) == []


def test_report_caveats_are_the_apps_words():
    """The XLSX's 口径说明 column says what the KPI card's tooltip says."""
    from livedesk.import_export.report_format import CAVEAT_LABELS
    from livedesk.words import CAVEATS

    # The app's KPI tooltip and the report read the one vocabulary; the reports' table is its Chinese.
    assert {code: CAVEATS.word(code, "zh_CN") for code in CAVEATS} == CAVEAT_LABELS
    assert len(CAVEAT_LABELS) == 6 and all(CAVEAT_LABELS.values())
