"""The first sheet of the review workbook, 复盘概览: the same first page as the HTML and the PDF
(report_summary) — the session, KPIs against targets as numbers with ¥ and % formats, the three most
important findings and the action items with owners."""

from __future__ import annotations

from typing import Any

from livedesk.import_export.cell_safety import write_cell
from livedesk.import_export.report_format import MONEY, RATES, as_number
from livedesk.import_export.report_summary import ACTION_HEADERS, KPI_HEADERS, FirstPage

SHEET_NAME = "复盘概览"
WIDTHS = (26, 16, 16, 14, 46)
# 117% 达成 / 79% 未达成 from one number: the cell keeps the ratio, the format says the verdict.
ACHIEVED_FORMAT = '[>=1]0%" 达成";0%" 未达成"'


def number_format(key: str) -> str:
    """The Excel number format of a metric: ¥ with two decimals, a percentage, two decimals or a count."""
    if key in MONEY:
        return "¥#,##0.00"
    if key in RATES:
        return "0.00%"
    if key in ("roi",):
        return "0.00"
    return "#,##0"


def write_overview(book: Any, page: FirstPage) -> None:
    ws = book.add_worksheet(SHEET_NAME)
    fmt = _formats(book)
    quoted = book.add_format({"quote_prefix": True, "valign": "top", "text_wrap": True})
    for column, width in enumerate(WIDTHS):
        ws.set_column(column, column, width)
    last = len(WIDTHS) - 1
    ws.set_row(0, 28)
    ws.merge_range(0, 0, 0, last, page.title, fmt["title"])
    row = 1
    for label, value in page.facts:
        ws.write_string(row, 0, label, fmt["label"])
        ws.merge_range(row, 1, row, last, value, fmt["text"])
        row += 1
    if page.import_note:
        row += 1
        ws.set_row(row, 62)
        ws.merge_range(row, 0, row, last, page.import_note, fmt["note"])
        row += 1

    row = _section(ws, row + 1, "核心指标与目标", fmt, last)
    for column, header in enumerate(KPI_HEADERS):  # the numbers' headers stand over the numbers
        ws.write_string(row, column, header, fmt["head_right" if column in (1, 2, 3) else "head"])
    numbers: dict[str, object] = {}  # one format per number format, not per cell
    for kpi in page.kpis:
        row += 1
        code = number_format(kpi.key)
        number = numbers.setdefault(code, book.add_format({"num_format": code, **BORDER}))
        ws.write_string(row, 0, kpi.label, fmt["cell"])
        for column, figure in ((1, kpi.value), (2, kpi.target)):
            if figure is None:  # missing is "—", never zero
                ws.write_string(row, column, "—", fmt["right"])
            else:  # the review keeps money in fen; the cell holds yuan under a ¥ format
                ws.write_number(row, column, as_number(kpi.key, figure), number)
        if kpi.achieved is not None:
            ws.write_number(row, 3, kpi.achieved, fmt["achieved"])
        else:
            ws.write_string(row, 3, kpi.verdict or "—", fmt["right"])
        ws.write_string(row, 4, kpi.source, fmt["cell"])

    row = _section(ws, row + 2, page.findings_heading, fmt, last)
    if page.findings:
        for finding in page.findings:
            ws.write_string(row, 0, finding.severity_word, fmt[finding.severity])
            ws.merge_range(row, 1, row, last, "", fmt["wrap"])
            write_cell(ws, row, 1, finding.text, fmt["wrap"], quoted)
            ws.set_row(row, 18 * _lines(finding.text, sum(WIDTHS[1:])))
            row += 1
    else:
        ws.merge_range(row, 0, row, last, page.no_findings, fmt["muted"])
        row += 1

    row = _section(ws, row + 1, "行动项", fmt, last)
    if page.actions:
        ws.write_row(row, 0, ACTION_HEADERS, fmt["head"])
        for action in page.actions:
            row += 1
            for column, value in enumerate(action.cells()):
                # the action and the owner are the team's own words: text that starts with = stays text
                write_cell(ws, row, column, value, fmt["cell"], quoted)
    else:
        ws.merge_range(
            row, 0, row, last, "暂无行动项：在复盘页的「发现」里选中一条，点「创建行动项…」。", fmt["muted"]
        )
    ws.freeze_panes(1, 0)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.activate()


def _lines(text: str, width_chars: int) -> int:
    # a CJK character is about two of Excel's width units
    units = sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)
    return max(1, -(-units // max(width_chars, 1)))


def _section(ws, row: int, title: str, fmt: dict, last: int) -> int:
    ws.merge_range(row, 0, row, last, title, fmt["section"])
    return row + 1


BORDER = {"border": 1, "border_color": "#C9CFD6"}


def _formats(book) -> dict:
    border = BORDER
    add = book.add_format
    return {
        "title": add({"bold": True, "font_size": 16, "valign": "vcenter"}),
        "label": add({"font_color": "#777777"}),
        "text": add({}),
        "note": add({"bg_color": "#FFF7E0", "text_wrap": True, "valign": "top"}),
        "section": add(
            {"bold": True, "font_size": 12, "font_color": "#1F5E44", "bottom": 2, "bottom_color": "#2E7D5B"}
        ),
        "head": add({"bold": True, "bg_color": "#EEF2F5", **border}),
        "head_right": add({"bold": True, "bg_color": "#EEF2F5", "align": "right", **border}),
        "cell": add({**border, "valign": "top", "text_wrap": True}),
        "right": add({**border, "align": "right"}),
        "achieved": add({**border, "num_format": ACHIEVED_FORMAT}),
        "wrap": add({"text_wrap": True, "valign": "top"}),
        "muted": add({"font_color": "#777777"}),
        "critical": add({"bold": True, "font_color": "#B00020", "valign": "top"}),
        "warning": add({"bold": True, "font_color": "#A35F00", "valign": "top"}),
        "info": add({"font_color": "#333333", "valign": "top"}),
    }
