"""The run sheet as XLSX (XlsxWriter): 整场脚本 with the team and targets on top, real times chained by formula,
role colours, a ✓ column for the floor, frozen header and an A4 landscape print set-up, plus the pool (货盘)
on a second sheet. Opens in Excel, WPS and LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from livedesk.domain.money import fen_to_yuan
from livedesk.domain.session import SessionPlan
from livedesk.import_export.run_sheet import (
    CLOCK_KEYS,
    COLUMNS,
    DURATION_KEYS,
    HEADERS,
    MONEY_KEYS,
    run_sheet_header_lines,
    run_sheet_rows,
    run_sheet_title,
)
from livedesk.words import ROLES

SHEET_NAME = "整场脚本"
POOL_SHEET_NAME = "货盘"
HEADER_ROW = 3  # 0-based: title, team and targets above it
DAY_SECONDS = 86_400
CLOCK_FORMAT = "hh:mm:ss"
DURATION_FORMAT = "[m]:ss"
WIDTHS = {
    "index": 5,
    "start": 9,
    "end": 9,
    "length": 7,
    "segment": 16,
    "link": 6,
    "product_id": 21,
    "product": 20,
    "role": 8,
    "daily_price": 9,
    "live_price": 9,
    "mechanism": 18,
    "stock": 7,
    "owner": 10,
    "cues": 12,
    "notes": 18,
    "done": 4,
}
STEP_WIDTH = 7
LINE_POINTS = 14  # one line of 10-point text
MAX_LINES = 4
POOL_COLUMNS = (
    ("product_id", "商品ID"),
    ("name", "商品名称"),
    ("role", "角色"),
    ("sku", "SKU"),
    ("daily_price", "日常价"),
    ("live_price", "直播价"),
    ("cost", "成本"),
    ("stock", "库存"),
    ("mechanism", "机制"),
    ("selling_points", "卖点"),
    ("pain_points", "痛点"),
    ("endorsements", "背书"),
    ("faq", "FAQ"),
)


def _tint(hex_colour: str, amount: float = 0.75) -> str:
    """A pale version of a role colour for the row background, so printed text stays legible."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = lambda c: round(c + (255 - c) * amount)  # noqa: E731
    return f"#{mix(r):02X}{mix(g):02X}{mix(b):02X}"


def write_run_sheet_xlsx(plan: SessionPlan, path: str | Path) -> int:
    """Write the workbook; returns the number of segment rows.

    Times are real Excel times: each start is a formula on the previous row's end and each end is start plus
    length, so a director who changes a length in Excel, WPS or LibreOffice sees the rest of the show move.
    Cached results are written too, for readers that do not recalculate. Every text goes through
    write_string, so text starting with = + - @ is stored as text and never run as a formula."""
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    rows = run_sheet_rows(plan)
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    try:
        sheet = book.add_worksheet(SHEET_NAME)
        font = {"font_name": "Microsoft YaHei", "font_size": 10, "valign": "vcenter", "border": 1}
        title = book.add_format({**font, "bold": True, "font_size": 14, "border": 0})
        label = book.add_format({**font, "bold": True, "border": 0})
        line = book.add_format({**font, "border": 0})
        header = book.add_format(
            {**font, "bold": True, "bg_color": "#DDE3EA", "text_wrap": True, "align": "center"}
        )
        formats: dict[tuple[object, str], object] = {}

        def fmt(role, kind: str):
            key = (role, kind)
            if key not in formats:
                spec = dict(font, text_wrap=True)
                if role is not None:
                    spec["bg_color"] = _tint(ROLES[role].colour or "#FFFFFF")  # every role has one
                if kind == "money":
                    spec["num_format"] = "¥#,##0.00"
                elif kind == "clock":
                    spec.update(num_format=CLOCK_FORMAT, align="center")
                elif kind == "duration":
                    spec.update(num_format=DURATION_FORMAT, align="center")
                elif kind == "done":
                    spec.update(align="center", font_size=14)
                if kind == "role" and role is not None:
                    spec.update(bg_color=ROLES[role].colour, font_color="#FFFFFF", bold=True, align="center")
                formats[key] = book.add_format(spec)
            return formats[key]

        sheet.write_string(0, 0, run_sheet_title(plan), title)
        for offset, (name, text) in enumerate(run_sheet_header_lines(plan), start=1):
            sheet.write_string(offset, 0, name, label)
            sheet.write_string(offset, 1, text, line)
        for column, text in enumerate(HEADERS):
            sheet.write_string(HEADER_ROW, column, text, header)
        column_of = {key: column for column, (key, _) in enumerate(COLUMNS)}
        first = HEADER_ROW + 1
        for r, row in enumerate(rows, start=first):
            # XlsxWriter cannot autofit, and not every reader grows a wrapped row on open: size it here.
            sheet.set_row(r, LINE_POINTS * _lines_needed(row))
            for column, (key, _) in enumerate(COLUMNS):
                value = row.values.get(key)
                kind = _kind(key)
                cell_format = fmt(row.role, kind)
                if key in row.seconds:
                    _write_time(sheet, r, column, key, row.seconds[key], cell_format, first, column_of)
                elif value is None or value == "":
                    sheet.write_blank(r, column, None, cell_format)
                elif isinstance(value, (int, float)):
                    sheet.write_number(r, column, float(value) if key in MONEY_KEYS else value, cell_format)
                else:
                    sheet.write_string(r, column, str(value), cell_format)
        if rows:
            last = first + len(rows) - 1
            total = last + 1
            length_col = column_of["length"]
            sheet.write_string(total, column_of["segment"], "合计", label)
            sheet.write_formula(
                total,
                length_col,
                f"=SUM({xl_rowcol_to_cell(first, length_col)}:{xl_rowcol_to_cell(last, length_col)})",
                book.add_format({**font, "bold": True, "num_format": "[h]:mm:ss", "align": "center"}),
                sum(row.seconds["length"] for row in rows) / DAY_SECONDS,
            )
        for column, (key, _) in enumerate(COLUMNS):
            sheet.set_column(column, column, WIDTHS.get(key, STEP_WIDTH))
        sheet.freeze_panes(HEADER_ROW + 1, 0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)  # one page wide, as many tall as needed
        sheet.repeat_rows(HEADER_ROW)
        sheet.set_margins(left=0.3, right=0.3, top=0.5, bottom=0.5)
        sheet.set_footer("&C&P / &N")
        if rows:
            sheet.autofilter(HEADER_ROW, 0, HEADER_ROW + len(rows), len(COLUMNS) - 1)
        _write_pool(book, plan, header, font)
    finally:
        book.close()
    return len(rows)


def _lines_needed(row) -> int:
    """How many wrapped lines the row's longest text takes in its column (CJK glyphs are two widths wide)."""
    lines = 1
    for key, value in row.values.items():
        if isinstance(value, str) and value and key not in row.seconds:
            units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in value)
            lines = max(lines, -(-units // max(1, WIDTHS.get(key, STEP_WIDTH) - 1)))
    return min(lines, MAX_LINES)


def _kind(key: str) -> str:
    if key in MONEY_KEYS:
        return "money"
    if key in CLOCK_KEYS:
        return "clock"
    if key in DURATION_KEYS:
        return "duration"
    return key if key in ("role", "done") else "text"


def _write_time(
    sheet, r: int, column: int, key: str, seconds: int, cell_format, first: int, column_of
) -> None:
    """A time as a day fraction; starts chain on the previous end and ends add the length, as formulas."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    value = seconds / DAY_SECONDS
    if key == "start" and r > first:
        sheet.write_formula(r, column, f"={xl_rowcol_to_cell(r - 1, column_of['end'])}", cell_format, value)
    elif key == "end":
        start = xl_rowcol_to_cell(r, column_of["start"])
        length = xl_rowcol_to_cell(r, column_of["length"])
        sheet.write_formula(r, column, f"={start}+{length}", cell_format, value)
    else:
        sheet.write_number(r, column, value, cell_format)


def _write_pool(book, plan: SessionPlan, header, font: dict) -> None:
    sheet = book.add_worksheet(POOL_SHEET_NAME)
    text = book.add_format({**font, "text_wrap": True})
    money = book.add_format({**font, "num_format": "¥#,##0.00"})
    for column, (_, name) in enumerate(POOL_COLUMNS):
        sheet.write_string(0, column, name, header)
    for r, product in enumerate(plan.products, start=1):
        values = {
            "product_id": product.product_id,
            "name": product.name,
            "role": ROLES[product.role].zh,
            "sku": product.sku,
            "daily_price": fen_to_yuan(product.daily_price_fen),
            "live_price": fen_to_yuan(product.live_price_fen),
            "cost": fen_to_yuan(product.cost_fen),
            "stock": product.stock,
            "mechanism": product.mechanism,
            "selling_points": product.selling_points,
            "pain_points": product.pain_points,
            "endorsements": product.endorsements,
            "faq": product.faq,
        }
        for column, (key, _) in enumerate(POOL_COLUMNS):
            value = values[key]
            if value is None or value == "":
                sheet.write_blank(r, column, None, text)
            elif isinstance(value, str):
                sheet.write_string(r, column, value, text)
            else:
                sheet.write_number(
                    r, column, float(value), money if key in ("daily_price", "live_price", "cost") else text
                )
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 24)
    sheet.set_column(8, len(POOL_COLUMNS) - 1, 24)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
