"""What a file is: container (text or workbook), encoding, sheet, header row and format, with a preview.

Formats are recognised from sheet names and headers after normalisation; a given kind or mapping
narrows or overrides the guess, and the user sees the result before importing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from livedesk.import_export import compass_workbook, live_log_reader, live_workbook, minute_curve
from livedesk.import_export.errors import ImportCancelled, ImportRefused, in_sheet, unexpected
from livedesk.import_export.fields import resolve
from livedesk.import_export.mapped_table import ColumnMapping, wanted_keys
from livedesk.import_export.metric_tables import EXPLANATION_FIELDS, PRODUCT_FIELDS
from livedesk.import_export.order_export import ORDER_FORMATS
from livedesk.import_export.tabular import (
    MAX_COLUMNS,
    TextLayout,
    open_workbook,
    sheet_rows,
    sniff_text,
    trim_rows,
)
from livedesk.import_export.values import clean_cell, normalise_header

KINDS = ("orders", "products", "explanations", "minutes", "compass", "live-workbook", "log")
LABELS = {fmt.key: fmt.label for fmt in ORDER_FORMATS.values()} | {
    compass_workbook.FORMAT: compass_workbook.LABEL,
    live_workbook.FORMAT: live_workbook.LABEL,
    minute_curve.FORMAT: minute_curve.LABEL,
    live_log_reader.FORMAT: live_log_reader.LABEL,
    "product_table": "货品明细",
    "explanation_table": "商品讲解",
    "mapped": "映射表格",
    "unknown": "未识别表格",
}
KIND_OF = {fmt: "orders" for fmt in ORDER_FORMATS} | {
    compass_workbook.FORMAT: "compass",
    live_workbook.FORMAT: "live-workbook",
    minute_curve.FORMAT: "minutes",
    live_log_reader.FORMAT: "log",
    "product_table": "products",
    "explanation_table": "explanations",
}
HEADER_SEARCH_ROWS = 10
PREVIEW_ROWS = 20
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


@dataclass
class Detection:
    path: Path
    container: str  # "text" | "workbook"
    format: str  # a LABELS key
    kind: str | None  # a KINDS value
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    header_index: int = 0  # 0-based row of the header
    headers: list[str] = field(default_factory=list)
    preview: list[list[str | None]] = field(default_factory=list)
    layout: TextLayout | None = None
    workbook: object | None = None
    rows: list[list] | None = None  # the whole sheet of a single-table workbook (read once)

    @property
    def label(self) -> str:
        return LABELS.get(self.format, self.format)


def _table_score(fmt: str, keys: list[str]) -> float:
    if fmt in ORDER_FORMATS:
        value = ORDER_FORMATS[fmt].score(keys)
        return value if value >= 0.5 else 0.0
    if fmt == live_log_reader.FORMAT:
        value = live_log_reader.score(keys)
        return value + 0.2 if value >= 0.7 else 0.0
    if fmt == minute_curve.FORMAT:
        return minute_curve.score(keys)
    if fmt == "explanation_table":
        found = resolve(keys, list(EXPLANATION_FIELDS))
        return 0.9 if {"start", "end"} <= set(found) else 0.0
    if fmt == "product_table":
        found = resolve(keys, list(PRODUCT_FIELDS))
        ident = {"product_id", "product_name"} & set(found)
        return 0.5 + 0.03 * len(found) if ident and len(found) >= 3 else 0.0
    return 0.0


def check_width(name, rows: list[list]) -> None:
    """Refuse a table whose header search rows name more columns than any export has (a 16,000-column
    header would make every header lookup slow)."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        filled = sum(1 for cell in row if cell not in ("", None))
        if filled > MAX_COLUMNS:
            raise ImportRefused("import.too_many_columns", file=name, columns=filled, limit=MAX_COLUMNS)


def recognise(rows: list[list], kind: str | None) -> tuple[str, int]:
    """The best (format, header row) among the table formats allowed by `kind`."""
    formats = [f for f in KIND_OF if f not in (compass_workbook.FORMAT, live_workbook.FORMAT)]
    if kind is not None:
        formats = [f for f in formats if KIND_OF[f] == kind]
    best, best_score, best_index = "unknown", 0.0, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [normalise_header(c) for c in row]
        for fmt in formats:
            score = _table_score(fmt, keys)
            if score > best_score:
                best, best_score, best_index = fmt, score, index
    if best == "unknown":
        best_index = _first_wide_row(rows)
    return best, best_index


def _first_wide_row(rows: list[list]) -> int:
    """Without a known header, the first row with as many filled cells as the widest early row."""
    counts = [sum(1 for c in row if clean_cell(c) is not None) for row in rows[:HEADER_SEARCH_ROWS]]
    widest = max(counts, default=0)
    return next((i for i, c in enumerate(counts) if c == widest), 0)


def _mapped_header(rows: list[list], mapping: ColumnMapping) -> int:
    if mapping.header_row:
        return mapping.header_row - 1
    wanted = wanted_keys(mapping)
    hits = [sum(normalise_header(c) in wanted for c in row) for row in rows[:HEADER_SEARCH_ROWS]]
    return max(range(len(hits)), key=lambda i: (hits[i], -i)) if hits else 0


def detect(path: str | Path, *, kind: str | None = None, mapping: ColumnMapping | None = None) -> Detection:
    """Recognise a file; ImportRefused (one sentence naming the file) when it cannot be read as a table."""
    path = Path(path)
    try:
        return _detect(path, kind, mapping)
    except (ImportRefused, ImportCancelled):
        raise
    except Exception as exc:  # whatever detection did not foresee still ends in one sentence
        raise unexpected(path.name, exc) from exc


def _detect(path: Path, kind: str | None, mapping: ColumnMapping | None) -> Detection:
    if not path.is_file():
        raise ImportRefused("import.not_a_file", file=path.name)
    if path.stat().st_size == 0:
        raise ImportRefused("import.empty", file=path.name)
    with open(path, "rb") as handle:
        magic = handle.read(4)
    if magic in (_ZIP, _OLE):
        detection = _detect_workbook(path, kind, mapping)
    else:
        detection = _detect_text(path, kind, mapping)
    if mapping is not None:
        detection.format, detection.kind = "mapped", mapping.kind
    return detection


def _detect_text(path: Path, kind: str | None, mapping: ColumnMapping | None) -> Detection:
    if kind in ("compass", "live-workbook"):
        raise ImportRefused("import.text_not_workbook", file=path.name, format=LABELS[KIND_TO_FORMAT[kind]])
    layout = sniff_text(path)
    check_width(path.name, layout.rows)
    fmt, index = ("mapped", _mapped_header(layout.rows, mapping)) if mapping else recognise(layout.rows, kind)
    if index >= len(layout.rows):
        raise ImportRefused("import.header_row_missing", file=path.name)
    headers = [clean_cell(c) or "" for c in layout.rows[index]]
    widths = [len(row) for row in layout.rows[:50]]
    if len(headers) < 2 or (
        layout.delimiter == "," and sum(w == len(headers) for w in widths) < len(widths) / 2
    ):
        raise ImportRefused("import.not_a_table", file=path.name)
    preview = [[clean_cell(c) for c in row] for row in layout.rows[index + 1 : index + 1 + PREVIEW_ROWS]]
    return Detection(
        path,
        "text",
        fmt,
        KIND_OF.get(fmt, kind),
        layout.encoding,
        layout.delimiter,
        [],
        None,
        index,
        headers,
        preview,
        layout,
    )


KIND_TO_FORMAT = {"compass": compass_workbook.FORMAT, "live-workbook": live_workbook.FORMAT}


def _detect_workbook(path: Path, kind: str | None, mapping: ColumnMapping | None) -> Detection:
    workbook = open_workbook(path)
    sheets = list(workbook.sheet_names)
    base = dict(path=path, container="workbook", sheets=sheets, workbook=workbook)
    if mapping is None:
        for fmt_kind, module in (("compass", compass_workbook), ("live-workbook", live_workbook)):
            if kind == fmt_kind or (kind is None and module.looks_like(sheets)):
                return Detection(format=module.FORMAT, kind=fmt_kind, **base)
    sheet, rows = _choose_sheet(path, workbook, sheets, mapping.sheet if mapping else None)
    check_width(in_sheet(path.name, sheet), rows)
    fmt, index = ("mapped", _mapped_header(rows, mapping)) if mapping else recognise(rows, kind)
    if index >= len(rows):
        raise ImportRefused("import.header_row_missing", file=path.name)
    headers = [clean_cell(c) or "" for c in rows[index]]
    if sum(1 for h in headers if h) < 2:
        raise ImportRefused("import.sheet_not_a_table", file=path.name, sheet=sheet)
    preview = [[clean_cell(c) for c in row] for row in rows[index + 1 : index + 1 + PREVIEW_ROWS]]
    return Detection(
        format=fmt,
        kind=KIND_OF.get(fmt, kind),
        sheet=sheet,
        header_index=index,
        headers=headers,
        preview=preview,
        rows=rows,
        **base,
    )


def _choose_sheet(path: Path, workbook, sheets: list[str], wanted: str | None) -> tuple[str, list[list]]:
    """The named sheet, or the first filled one, with all its rows (read once: a sheet is parsed whole)."""
    if wanted is not None:
        match = next((s for s in sheets if normalise_header(s) == normalise_header(wanted)), None)
        if match is None:
            raise ImportRefused("import.no_such_sheet", file=path.name, sheet=wanted, sheets=sheets)
        rows = trim_rows(sheet_rows(path, workbook, match))
        if not rows:
            raise ImportRefused("import.sheet_no_rows", file=path.name, sheet=match)
        return match, rows
    for sheet in sheets:
        rows = trim_rows(sheet_rows(path, workbook, sheet))
        if rows:
            return sheet, rows
    raise ImportRefused("import.workbook_unfilled", file=path.name)
