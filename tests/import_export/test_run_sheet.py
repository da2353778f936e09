"""Run sheets: the XLSX reopens with the same rows in two independent readers; formula-looking text stays
text; the CSV opens in Excel (BOM) without running anything; the PDF is A4 landscape with embedded Chinese."""

from __future__ import annotations

import csv
import os
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.domain.product import Product
from livedesk.domain.roles import Role
from livedesk.domain.session import Session, SessionPlan
from livedesk.domain.wave import generate_wave
from livedesk.import_export.run_sheet import CLOCK_KEYS, DURATION_KEYS, HEADERS, KEYS, run_sheet_rows
from livedesk.import_export.run_sheet_csv import write_run_sheet_csv
from livedesk.import_export.run_sheet_xlsx import HEADER_ROW, SHEET_NAME, write_run_sheet_xlsx


@pytest.fixture
def plan():
    products = [
        Product(
            "3720000000000000001",
            "洗脸巾",
            Role.TRAFFIC,
            daily_price_fen=1990,
            live_price_fen=990,
            stock=500,
            mechanism='=HYPERLINK("http://x")',
        ),
        Product(
            "P1",
            "+精华液",
            Role.PROFIT,
            live_price_fen=19900,
            cost_fen=14900,
            stock=100,
            mechanism="-50% 立减",
        ),
        Product("P2", "@面霜", Role.PROFIT, live_price_fen=29900, cost_fen=21900),
        Product("I1", "礼盒", Role.IMAGE, live_price_fen=99900),
    ]
    session = Session("双11 大场", datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")), 120 * 60)
    plan = SessionPlan(session, products, generate_wave(products, 120 * 60))
    plan.segments[1].owner = "=1+1"
    plan.segments[1].notes = "先讲成分"
    return plan


def _expected(plan):
    """What a reader should see per row: numbers as numbers, text as text, blanks as None; times as the
    day fractions Excel stores (the cached results of the formulas)."""
    out = []
    for row in run_sheet_rows(plan):
        cells = []
        for key, value in zip(KEYS, row.cells(), strict=False):
            if key in row.seconds:
                cells.append(row.seconds[key] / 86400)
            elif value is None or value == "":
                cells.append(None)
            elif isinstance(value, Decimal):
                cells.append(float(value))
            else:
                cells.append(value)
        out.append(cells)
    return out


def _column(key: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(KEYS.index(key) + 1)


FIRST_ROW = HEADER_ROW + 2  # 1-based row of the first segment


def test_xlsx_holds_real_times_chained_by_formula(plan, tmp_path):
    import openpyxl

    path = tmp_path / "run.xlsx"
    assert write_run_sheet_xlsx(plan, path) == len(plan.segments)
    sheet = openpyxl.load_workbook(path)[SHEET_NAME]
    start, end, length = _column("start"), _column("end"), _column("length")
    first, second = FIRST_ROW, FIRST_ROW + 1
    # The show starts at 20:00 as a time value; later starts are the previous row's end.
    assert _day_fraction(sheet[f"{start}{first}"].value) == pytest.approx(20 / 24)
    assert sheet[f"{start}{first}"].number_format == "hh:mm:ss"
    assert sheet[f"{start}{second}"].value == f"={end}{first}"
    assert sheet[f"{end}{first}"].value == f"={start}{first}+{length}{first}"
    assert _day_fraction(sheet[f"{length}{first}"].value) == pytest.approx(
        plan.segments[0].planned_seconds / 86400
    )
    assert sheet[f"{length}{first}"].number_format == "[m]:ss"
    last = FIRST_ROW + len(plan.segments) - 1
    assert sheet[f"{length}{last + 1}"].value == f"=SUM({length}{first}:{length}{last})"
    # The only formulas are the times we chain; user text that looks like a formula stays text.
    formulas = {c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"}
    assert {c[0] for c in formulas} <= {start, end, length}
    assert sheet.cell(FIRST_ROW, KEYS.index("mechanism") + 1).value == '=HYPERLINK("http://x")'
    assert sheet.cell(FIRST_ROW, KEYS.index("mechanism") + 1).data_type == "s"


def test_xlsx_header_carries_team_targets_and_floor_columns(plan, tmp_path):
    import openpyxl

    plan.session.team = {"host": "小林", "co_host": "阿禾", "director": "老周"}
    plan.session.targets.gmv_fen = 20_000_000
    plan.session.targets.uv = 60_000
    path = tmp_path / "run.xlsx"
    write_run_sheet_xlsx(plan, path)
    sheet = openpyxl.load_workbook(path)[SHEET_NAME]
    assert sheet["A2"].value == "团队" and sheet["B2"].value == "主播 小林  副播 阿禾  场控 老周"
    assert (
        sheet["A3"].value == "目标"
        and "GMV ¥200,000.00" in sheet["B3"].value
        and "观看人数 60,000" in sheet["B3"].value
    )
    assert [c.value for c in sheet[HEADER_ROW + 1]] == HEADERS
    assert {"链接号", "福袋/机制", "✓"} <= set(HEADERS)
    # Link numbers follow the order products first come up in the run order.
    links = [
        sheet.cell(r, KEYS.index("link") + 1).value
        for r in range(FIRST_ROW, FIRST_ROW + len(plan.segments))
        if sheet.cell(r, KEYS.index("product_id") + 1).value
    ]
    assert links[0] == 1 and max(links) == len({s.product_id for s in plan.segments if s.product_id})
    assert sheet.freeze_panes == f"A{HEADER_ROW + 2}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0  # one page wide
    assert sheet.print_title_rows == f"${HEADER_ROW + 1}:${HEADER_ROW + 1}"


def test_xlsx_cached_values_agree_in_openpyxl_and_calamine(plan, tmp_path):
    import openpyxl
    from python_calamine import CalamineWorkbook

    path = tmp_path / "run.xlsx"
    write_run_sheet_xlsx(plan, path)
    expected = _expected(plan)
    sheet = openpyxl.load_workbook(path, data_only=True)[SHEET_NAME]
    rows = [
        [c.value for c in row]
        for row in sheet.iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW + len(expected) - 1)
    ]
    assert _close(rows, expected)

    calamine_rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEET_NAME).to_python()
    data = calamine_rows[FIRST_ROW - 1 : FIRST_ROW - 1 + len(expected)]
    normalised = [[_calamine_value(key, v) for key, v in zip(KEYS, row, strict=False)] for row in data]
    assert _close(normalised, expected)


def _calamine_value(key, value):
    if value == "":
        return None
    if key in CLOCK_KEYS or key in DURATION_KEYS:
        return _day_fraction(value)
    if isinstance(value, float) and key in ("index", "stock", "link"):
        return int(value)
    return value


def _close(rows, expected) -> bool:
    for got_row, want_row in zip(rows, expected, strict=True):
        for got, want in zip(got_row, want_row, strict=True):
            if isinstance(want, float) and not isinstance(want, bool):
                if got is None or abs(_day_fraction(got) - want) > 1e-6:
                    return False
            elif got != want:
                return False
    return True


def test_changing_a_length_in_libreoffice_moves_the_rest_of_the_show(plan, tmp_path):
    """A director edits one length in the spreadsheet; LibreOffice (headless) recalculates every later time."""
    import shutil
    import subprocess

    import openpyxl

    soffice = shutil.which("soffice")
    if soffice is None and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is missing in CI; `make test` installs libreoffice-calc-nogui")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; the formula chain is checked by the tests above")
    path = tmp_path / "run.xlsx"
    write_run_sheet_xlsx(plan, path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET_NAME]
    length = _column("length")
    # Lengthen the second block by five minutes, as a director typing 0:05 more would.
    cell = sheet[f"{length}{FIRST_ROW + 1}"]
    cell.value = _day_fraction(cell.value) + 300 / 86400
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(edited),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    recalculated = openpyxl.load_workbook(out / "edited.xlsx", data_only=True)[SHEET_NAME]
    starts = [
        recalculated[f"{_column('start')}{r}"].value for r in range(FIRST_ROW, FIRST_ROW + len(plan.segments))
    ]
    planned = [row.seconds["start"] for row in run_sheet_rows(plan)]
    as_seconds = [round(_day_fraction(v) * 86400) for v in starts]
    assert as_seconds[:2] == planned[:2]
    assert as_seconds[2:] == [s + 300 for s in planned[2:]]


def _day_fraction(value) -> float:
    """A time cell as a fraction of a day, however the reader hands it back (time, timedelta or number)."""
    import datetime as dt

    if isinstance(value, dt.datetime | dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    return float(value)


def test_csv_has_a_bom_and_neutralised_formula_text(plan, tmp_path):
    path = tmp_path / "run.csv"
    write_run_sheet_csv(plan, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == HEADERS
    assert len(rows) == len(plan.segments) + 1
    by_key = lambda r: dict(zip(KEYS, rows[r], strict=False))  # noqa: E731
    assert by_key(1)["mechanism"] == '\'=HYPERLINK("http://x")'
    assert by_key(2)["owner"] == "'=1+1" and by_key(2)["notes"] == "先讲成分"
    products = {by_key(r)["product"] for r in range(1, len(rows))}
    assert {"'+精华液", "'@面霜"} <= products
    assert by_key(1)["live_price"] == "9.90"


def test_pdf_is_a4_landscape_with_embedded_chinese(plan, tmp_path):
    import re

    from livedesk.charts.run_sheet_pdf import write_run_sheet_pdf

    path = tmp_path / "run.pdf"
    pages = write_run_sheet_pdf(plan, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and pages == 1
    # A4 landscape = 841.7 × 595.4 points.
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and abs(float(box.group(1)) - 841.68) < 1 and abs(float(box.group(2)) - 595.44) < 1
    assert b"NotoSansSC" in data


def test_owners_given_as_team_roles_read_as_role_and_person():
    from livedesk.words import owner_words

    team = {"host": "小林"}
    assert owner_words("host", team, "zh_CN") == "主播 小林"
    assert owner_words("co_host", team, "zh_CN") == "副播"
    assert owner_words("阿杰", team, "zh_CN") == "阿杰"
