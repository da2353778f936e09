"""Text a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return), written
so that Excel, WPS and LibreOffice keep it as text: in XLSX a text cell with Excel's quote prefix, in CSV a
leading apostrophe (which the readers of LiveDesk's own CSVs take off again)."""

from __future__ import annotations

from decimal import Decimal

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(value: object) -> bool:
    return isinstance(value, str) and value.startswith(RISKY_STARTS)


def _escaped(text: str) -> bool:
    """Risky once its leading apostrophes are set aside (so `'=x` written by a user survives a round trip)."""
    return text.lstrip("'").startswith(RISKY_STARTS)


def csv_text(value: object) -> str:
    """A CSV cell: text that would run gets a leading apostrophe; None is empty."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if _escaped(text) else text


def unescape(text: str) -> str:
    """The text `csv_text` wrote, as it was."""
    return text[1:] if text.startswith("'") and _escaped(text) else text


def write_cell(sheet, row: int, column: int, value: object, cell_format=None, quoted_format=None) -> None:
    """One XlsxWriter cell by type: numbers as numbers, every text as a text cell (never parsed as a formula
    the way `write` would) and risky text with `quoted_format` (a format with `quote_prefix`)."""
    if value is None:
        sheet.write_blank(row, column, None, cell_format)
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value, cell_format)
    elif isinstance(value, (int, float, Decimal)):
        sheet.write_number(row, column, float(value), cell_format)
    else:
        text = str(value)
        risky = is_risky(text)
        sheet.write_string(
            row, column, text, quoted_format if risky and quoted_format is not None else cell_format
        )
