"""Opening a file as rows and columns: delimited text in any supported encoding, or one sheet of a workbook.

Columns come back as Arrow string arrays keyed by their normalised header; only the columns a reader
asks for are converted, which is what keeps a 75-column million-row export fast.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.domain.dataset import RowWarning
from livedesk.import_export.encoding import decode_head, detect_encoding, read_head
from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.values import clean_cell, normalise_header

DELIMITERS = (",", "\t", ";", "|")
WHITESPACE = "whitespace"


@dataclass
class TextLayout:
    encoding: str
    delimiter: str
    rows: list[list[str]]  # the first rows as parsed (header search and preview)
    complete: bool  # the whole file fitted in the sniffed bytes


@dataclass
class RawTable:
    """Header and (some) columns of one table; row numbers are 1-based file rows, the header row included."""

    name: str
    sheet: str | None
    headers: list[str]
    columns: dict[str, pa.Array]
    num_rows: int
    first_row: int
    dropped_rows: np.ndarray | None = None  # file rows the parser skipped (ragged rows)
    warnings: list[RowWarning] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [normalise_header(h) for h in self.headers]

    def column(self, key: str) -> pa.Array | None:
        return self.columns.get(key)

    def source_rows(self) -> np.ndarray:
        rows = np.arange(self.num_rows, dtype=np.int64) + self.first_row
        if self.dropped_rows is not None and len(self.dropped_rows):
            # Each data row moves down by the number of skipped rows before it.
            dropped = np.sort(self.dropped_rows)[:1000]
            shift = np.zeros(self.num_rows, dtype=np.int64)
            for row in dropped:
                shift += (rows + shift) >= row
            rows = rows + shift
        return rows


def sniff_text(path: Path) -> TextLayout:
    """Encoding, delimiter and first rows of a delimited text file; ImportRefused for binary or empty files."""
    head = read_head(path)
    name = path.name
    if not head.strip():
        raise ImportRefused(f"{name} is empty.")
    encoding = detect_encoding(head)
    if encoding is None:
        raise ImportRefused(
            f"{name} is not a text table or workbook (it holds binary data LiveDesk cannot read)."
        )
    complete = path.stat().st_size <= len(head)
    try:
        text = decode_head(head, encoding, complete)
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{name} mixes text encodings and cannot be read ({exc.reason}).") from exc
    lines = text.splitlines()
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the sniff may cut the last line in half
    lines = [line for line in lines[:200] if line.strip()]
    if not lines:
        raise ImportRefused(f"{name} is empty.")
    delimiter = _choose_delimiter(lines)
    if delimiter == WHITESPACE:
        rows = [line.split() for line in lines]
    else:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    return TextLayout(encoding, delimiter, rows, complete)


def _choose_delimiter(lines: list[str]) -> str:
    best, best_score = None, 0
    sample = "\n".join(lines[:50])
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        if not widths or widths[0] < 2:
            continue
        agreeing = sum(1 for w in widths if w == widths[0]) / len(widths)
        if agreeing < 0.5 and len(widths) > 2:
            continue  # prose with a comma here and there is not a table
        score = widths[0] * agreeing
        if score > best_score:
            best, best_score = delimiter, score
    if best is not None:
        return best
    widths = [len(line.split()) for line in lines[:50]]
    if widths and widths[0] >= 2 and all(w == widths[0] for w in widths):
        return WHITESPACE  # fixed-width logs such as CDNOW's
    return ","  # one column: detection then says it is not a table


def read_text_table(path: Path, layout: TextLayout, header_index: int, wanted: set[str] | None) -> RawTable:
    """Parse the whole file with pyarrow, converting only the wanted columns (all as strings)."""
    import pyarrow.csv as pacsv

    headers = [clean_cell(h) or "" for h in layout.rows[header_index]]
    keys = [normalise_header(h) for h in headers]
    indices = [i for i, k in enumerate(keys) if wanted is None or k in wanted]
    names = [f"c{i}" for i in range(len(headers))]
    if layout.delimiter == WHITESPACE:
        return _read_whitespace(path, layout, header_index, headers, keys, indices)
    dropped: list[int] = []
    table = None
    for multiline in (False, True):
        # Quoted line breaks (buyer notes) are rare and halve the parser's speed: allow them only when a
        # first pass meets a row of the wrong width.
        dropped.clear()

        def on_invalid(row, multiline=multiline) -> str:
            if not multiline:
                return "error"
            dropped.append(row.number if row.number is not None else -1)
            return "skip"

        read_options = pacsv.ReadOptions(
            column_names=names,
            skip_rows=header_index + 1,
            block_size=8 << 20,
            encoding=_arrow_encoding(layout.encoding),
        )
        parse_options = pacsv.ParseOptions(
            delimiter=layout.delimiter, newlines_in_values=multiline, invalid_row_handler=on_invalid
        )
        convert_options = pacsv.ConvertOptions(
            include_columns=[names[i] for i in indices],
            column_types={names[i]: pa.string() for i in indices},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        )
        try:
            table = pacsv.read_csv(
                path, read_options=read_options, parse_options=parse_options, convert_options=convert_options
            )
            break
        except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
            message = str(exc)
            if layout.encoding in ("utf-8", "utf-8-sig") and "UTF8" in message.upper().replace("-", ""):
                # The head was UTF-8 but a later row is not: GB18030 with an ASCII-only start.
                fallback = TextLayout("gb18030", layout.delimiter, layout.rows, layout.complete)
                return read_text_table(path, fallback, header_index, wanted)
            if not multiline and "Expected" in message and "columns" in message:
                continue
            raise ImportRefused(f"{path.name} cannot be read as a table ({_first_line(exc)}).") from exc
    columns = {}
    for i in indices:
        columns.setdefault(
            keys[i], table.column(names[i]).combine_chunks()
        )  # a repeated header: the first wins
    warnings = [
        RowWarning(
            row=max(r, 0),
            code="ragged_row",
            message="the row has a different number of cells than the header; skipped",
        )
        for r in dropped[:200]
    ]
    known = np.array([r for r in dropped if r > 0], dtype=np.int64)
    return RawTable(
        path.name,
        None,
        headers,
        columns,
        table.num_rows,
        header_index + 2,
        known if len(known) else None,
        warnings,
    )


def _read_whitespace(path, layout, header_index, headers, keys, indices) -> RawTable:
    import pandas as pd

    frame = pd.read_csv(
        path,
        sep=r"\s+",
        header=None,
        skiprows=header_index + 1,
        dtype=str,
        encoding=layout.encoding,
        usecols=indices,
        names=list(range(len(headers))),
        keep_default_na=False,
    )
    columns = {keys[i]: pa.array(frame[i].to_numpy(dtype=object), pa.string()) for i in indices}
    return RawTable(path.name, None, headers, columns, len(frame), header_index + 2)


def _arrow_encoding(encoding: str) -> str:
    # pyarrow reads UTF-8 natively (and skips a BOM); other codecs are transcoded through Python.
    return "utf8" if encoding in ("utf-8", "utf-8-sig") else encoding


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


# -- workbooks ---------------------------------------------------------------------------------------


def open_workbook(path: Path):
    from python_calamine import load_workbook

    try:
        return load_workbook(str(path))
    except Exception as exc:  # calamine raises its own zip/xml errors and plain ones for broken files
        raise ImportRefused(
            f"{path.name} is a damaged or truncated workbook and cannot be opened ({_first_line(exc)})."
        ) from exc


def sheet_rows(path: Path, workbook, sheet: str, nrows: int | None = None) -> list[list]:
    try:
        return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=nrows)
    except Exception as exc:
        raise ImportRefused(
            f"{path.name}: sheet {sheet} is damaged and cannot be read ({_first_line(exc)})."
        ) from exc


def trim_rows(rows: list[list]) -> list[list]:
    """Drop trailing empty rows (Excel keeps formatted but empty rows)."""
    end = len(rows)
    while end and all(cell in ("", None) for cell in rows[end - 1]):
        end -= 1
    return rows[:end]


def rows_to_table(
    name: str, sheet: str | None, rows: list[list], header_index: int, wanted: set[str] | None
) -> RawTable:
    """Sheet rows → string columns; uniform cells go through Arrow in one call, mixed ones cell by cell."""
    headers = [clean_cell(h) or "" for h in rows[header_index]]
    keys = [normalise_header(h) for h in headers]
    body = rows[header_index + 1 :]
    width = min(map(len, body), default=0)
    columns = {}
    for i, key in enumerate(keys):
        if (wanted is not None and key not in wanted) or key in columns:
            continue
        # calamine gives rectangular rows: a C-level itemgetter pass per column instead of a Python loop
        cells = (
            list(map(itemgetter(i), body))
            if i < width
            else [row[i] if i < len(row) else None for row in body]
        )
        columns[key] = cells_to_strings(cells)
    return RawTable(name, sheet, headers, columns, len(body), header_index + 2)


def cells_to_strings(cells: list) -> pa.Array:
    try:
        array = pa.array(cells)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([clean_cell(c) for c in cells], pa.string())
    kind = array.type
    if pa.types.is_string(kind) or pa.types.is_null(kind):
        return array.cast(pa.string())
    if pa.types.is_floating(kind):
        # Excel keeps every number as a double: ids and counts must not come back as "17850.0".
        finite = pc.and_(pc.fill_null(pc.is_finite(array), False), pc.less(pc.abs(array), 1e15))
        integral = pc.fill_null(pc.and_(finite, pc.equal(pc.floor(array), array)), False)
        as_int = pc.cast(pc.if_else(integral, array, 0.0), pa.int64()).cast(pa.string())
        return pc.if_else(integral, as_int, array.cast(pa.string()))
    if pa.types.is_timestamp(kind):
        return pc.strftime(array, format="%Y-%m-%d %H:%M:%S")
    if pa.types.is_date(kind):
        return pc.strftime(array.cast(pa.timestamp("s")), format="%Y-%m-%d")
    return pa.array([clean_cell(c) for c in cells], pa.string())
