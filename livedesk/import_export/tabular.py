"""Opening a file as rows and columns: delimited text in any supported encoding, or one sheet of a workbook.

Columns come back as Arrow string arrays keyed by their normalised header; only the columns a reader
asks for are converted, which is what keeps a 75-column million-row export fast.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.domain.dataset import RowWarning
from livedesk.domain.message import Message
from livedesk.import_export.encoding import decode_head, detect_encoding, read_head
from livedesk.import_export.errors import ImportRefused, in_sheet, library_text
from livedesk.import_export.values import clean_cell, normalise_header

DELIMITERS = (",", "\t", ";", "|")
WHITESPACE = "whitespace"
# What one table may hold; a file past a limit is refused with the limit named.
MAX_TEXT_BYTES = 4 << 30
MAX_ROWS = 10_000_000
MAX_COLUMNS = 2_000  # named header columns (platform exports have under 100)
MAX_CELL_CHARS = 32_767  # what one spreadsheet cell holds
RAGGED_WARNINGS = 200


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
        raise ImportRefused("import.empty", file=name)
    encoding = detect_encoding(head)
    if encoding is None:
        raise ImportRefused("import.binary", file=name)
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise ImportRefused("import.text_too_big", file=name, size_bytes=size, limit_bytes=MAX_TEXT_BYTES)
    complete = size <= len(head)
    try:
        text = decode_head(head, encoding, complete)
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            "import.mixed_encoding_at", library_text(exc), file=name, where=_where(exc.start)
        ) from exc
    if "\x00" in text:
        text = text.replace("\x00", "")  # stray NUL bytes in a UTF-8 or GBK file carry nothing
    lines = text.splitlines()
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the sniff may cut the last line in half
    lines = [line for line in lines[:200] if line.strip()]
    if not lines:
        raise ImportRefused("import.empty", file=name)
    if max(map(len, lines)) > MAX_CELL_CHARS * 4 and _longest_cell(lines) > MAX_CELL_CHARS:
        raise _long_cell(name)
    delimiter = _choose_delimiter(lines)
    if delimiter == WHITESPACE:
        rows = [line.split() for line in lines]
    else:
        rows = _csv_rows("\n".join(lines), delimiter, name)
    return TextLayout(encoding, delimiter, rows, complete)


def _csv_rows(text: str, delimiter: str, name: str) -> list[list[str]]:
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # the limit is ours (MAX_CELL_CHARS)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportRefused("import.quotes_unpaired", library_text(exc), file=name) from exc


def _longest_cell(lines: list[str]) -> int:
    longest = 0
    for line in lines:
        for delimiter in DELIMITERS:
            line = line.replace(delimiter, "\n")
        longest = max(longest, max(map(len, line.split("\n"))))
    return longest


def _long_cell(name: str | Message) -> ImportRefused:
    return ImportRefused("import.cell_too_long", file=name, limit=MAX_CELL_CHARS)


def _where(offset: int) -> Message:
    """A byte offset as a person reads it: "the start", "byte 300", "2.1 MB"."""
    if offset < 16:
        return Message("where.start")
    if offset < 1024:
        return Message("where.byte", {"offset": offset})
    return Message("where.size", {"offset_bytes": offset})


def _choose_delimiter(lines: list[str]) -> str:
    best, best_score = None, 0.0
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
        # first pass meets a row of the wrong width. Rows that are still of the wrong width then are
        # read by the row-by-row reader, which keeps them (padded or cut) with a warning.
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
        except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
            message = str(exc)
            if layout.encoding in ("utf-8", "utf-8-sig") and "UTF8" in message.upper().replace("-", ""):
                return _utf8_gone_wrong(path, layout, header_index, wanted, exc)
            if not multiline and "Expected" in message and "columns" in message:
                continue
            raise _layout_broken(path.name, layout.delimiter, message, exc) from exc
        if dropped:
            return read_ragged(path, layout, header_index, wanted)
        break
    if table is None:  # pragma: no cover - the loop either reads a table, returns or raises
        raise RuntimeError(f"{path.name}: no pass read the table")
    _check_size(path.name, table.num_rows)
    columns: dict[str, pa.Array] = {}
    for i in indices:
        column = table.column(names[i]).combine_chunks()
        _check_cells(path.name, column)
        columns.setdefault(keys[i], column)  # a repeated header: the first wins
    return RawTable(path.name, None, headers, columns, table.num_rows, header_index + 2)


_LAYOUTS = {",": "layout.comma", "\t": "layout.tab", ";": "layout.semicolon", "|": "layout.bar"}
_ROW = re.compile(r"\bRow #(\d+)")


def _layout_broken(name: str, delimiter: str, said: str, exc: Exception) -> ImportRefused:
    """The parser's complaint as a refusal; the row it names (when it names one) is the user's clue."""
    layout = Message(_LAYOUTS.get(delimiter, "layout.other"))
    row = _ROW.search(said)
    if row:
        return ImportRefused(
            "import.layout_broken_at", library_text(exc), file=name, row=int(row.group(1)), layout=layout
        )
    return ImportRefused("import.layout_broken", library_text(exc), file=name, layout=layout)


def _check_size(name: str | Message, rows: int) -> None:
    if rows > MAX_ROWS:
        raise ImportRefused("import.too_many_rows", file=name, rows=rows, limit=MAX_ROWS)


def _check_cells(name: str | Message, column: pa.Array) -> None:
    if len(column) and (pc.max(pc.utf8_length(column)).as_py() or 0) > MAX_CELL_CHARS:
        raise _long_cell(name)


def _utf8_gone_wrong(path: Path, layout: TextLayout, header_index: int, wanted, exc: Exception) -> RawTable:
    """A file whose start read as UTF-8 but a later row does not."""
    head = read_head(path)
    if head.isascii():
        # An ASCII-only start says nothing: GB18030 exports often begin with an English header.
        fallback = TextLayout("gb18030", layout.delimiter, layout.rows, layout.complete)
        return read_text_table(path, fallback, header_index, wanted)
    offset = _first_bad_utf8(path)
    raise ImportRefused(
        "import.utf8_then_other", library_text(exc), file=path.name, where=_where(offset)
    ) from exc


def _first_bad_utf8(path: Path) -> int:
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + max(exc.start - len(decoder.getstate()[0]), 0)
            offset += len(chunk)
    return offset


def read_ragged(path: Path, layout: TextLayout, header_index: int, wanted: set[str] | None) -> RawTable:
    """The row-by-row reader for a file with rows longer or shorter than its header: a short row is
    padded with empty cells, a long row's extra cells are left out, and each such row is a warning."""
    headers = [clean_cell(h) or "" for h in layout.rows[header_index]]
    keys = [normalise_header(h) for h in headers]
    width = len(headers)
    indices = [i for i, k in enumerate(keys) if wanted is None or k in wanted]
    cells: dict[int, list[str]] = {i: [] for i in indices}
    warnings: list[RowWarning] = []
    rows = 0
    encoding = "utf-8-sig" if layout.encoding == "utf-8" else layout.encoding
    csv.field_size_limit(MAX_CELL_CHARS + 1)
    try:
        with open(path, encoding=encoding, newline="", errors="strict") as handle:
            reader = csv.reader(_without_nul(handle), delimiter=layout.delimiter)
            for number, row in enumerate(reader, start=1):
                if number <= header_index + 1 or not any(cell.strip() for cell in row):
                    continue
                rows += 1
                if rows > MAX_ROWS:
                    _check_size(path.name, rows)
                if len(row) != width and len(warnings) < RAGGED_WARNINGS:
                    warnings.append(_ragged_warning(reader.line_num, len(row), width))
                for i in indices:
                    cells[i].append(row[i] if i < len(row) else "")
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise _long_cell(path.name) from exc
        raise ImportRefused(
            "import.quotes_unpaired_at", library_text(exc), file=path.name, row=reader.line_num
        ) from exc
    except UnicodeDecodeError as exc:
        raise ImportRefused("import.mixed_encoding", library_text(exc), file=path.name) from exc
    columns: dict[str, pa.Array] = {}
    for i in indices:
        columns.setdefault(keys[i], pa.array(cells.pop(i), pa.string()))
    return RawTable(path.name, None, headers, columns, rows, header_index + 2, None, warnings)


def _without_nul(lines):
    for line in lines:
        yield line.replace("\x00", "") if "\x00" in line else line


def _ragged_warning(row: int, cells: int, width: int) -> RowWarning:
    if cells > width:
        message = f"the row has {cells} cells but the header {width}; the {cells - width} extra cell(s) were left out"
    else:
        message = f"the row has {cells} cells but the header {width}; the missing cells were left empty"
    outcome = "extra_left_out" if cells > width else "missing_left_empty"
    return RowWarning(row, "ragged_row", message, {"cells": cells, "width": width, "outcome": outcome})


def _read_whitespace(path, layout, header_index, headers, keys, indices) -> RawTable:
    """Fixed-width logs (CDNOW's): cells split on runs of blanks, blank lines left out, a short row's
    missing cells empty. Such logs are small (CDNOW's 70k lines read in ~0.1 s)."""
    cells: dict[int, list[str]] = {i: [] for i in indices}
    rows = 0
    seen = 0  # non-blank lines, as the sniff counted them for header_index
    encoding = "utf-8-sig" if layout.encoding == "utf-8" else layout.encoding
    try:
        with open(path, encoding=encoding) as handle:
            for line in handle:
                parts = line.split()
                if not parts:
                    continue
                seen += 1
                if seen <= header_index + 1:
                    continue
                rows += 1
                for i in indices:
                    cells[i].append(parts[i] if i < len(parts) else "")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"{path.name} mixes text encodings, so its text cannot be read; save it again in one encoding.",
            library_text(exc),
        ) from exc
    _check_size(path.name, rows)
    columns: dict[str, pa.Array] = {}
    for i in indices:
        columns.setdefault(keys[i], pa.array(cells.pop(i), pa.string()))
    return RawTable(path.name, None, headers, columns, rows, header_index + 2)


def _arrow_encoding(encoding: str) -> str:
    # pyarrow reads UTF-8 natively (and skips a BOM); other codecs are transcoded through Python.
    return "utf8" if encoding in ("utf-8", "utf-8-sig") else encoding


# -- workbooks ---------------------------------------------------------------------------------------


def open_workbook(path: Path):
    """The workbook, once its parts and sheets are within the limits (workbook_limits)."""
    from python_calamine import load_workbook

    from livedesk.import_export.workbook_limits import check_workbook

    check_workbook(path)
    try:
        return load_workbook(str(path))
    except Exception as exc:  # calamine raises its own zip/xml errors and plain ones for broken files
        size = path.stat().st_size
        if _cut_off_zip(path, size):
            raise ImportRefused(
                "import.truncated_workbook", library_text(exc), file=path.name, size_bytes=size
            ) from exc
        raise ImportRefused("import.damaged_workbook", library_text(exc), file=path.name) from exc


def _cut_off_zip(path: Path, size: int) -> bool:
    """An XLSX that starts as a zip but has no end record: the download or copy stopped part way."""
    with open(path, "rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            return False
        handle.seek(max(size - (66 << 10), 0))
        return b"PK\x05\x06" not in handle.read()


def sheet_rows(path: Path, workbook, sheet: str, nrows: int | None = None) -> list[list]:
    try:
        with _cycle_collection_paused():
            rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=nrows)
    except Exception as exc:
        raise ImportRefused("import.damaged_sheet", library_text(exc), file=path.name, sheet=sheet) from exc
    _check_size(in_sheet(path.name, sheet), len(rows))
    return rows


@contextlib.contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector off while a sheet becomes Python rows: the rows are one list per row, none
    in a cycle, yet every few hundred of them started a collection that walked all the rows made so far
    (half of to_python's time on a 100,000-row sheet). Process-wide, for the seconds of one read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    label = in_sheet(name, sheet) if sheet else name
    named = sum(1 for cell in rows[header_index] if cell not in ("", None))
    if named > MAX_COLUMNS:
        raise ImportRefused("import.too_many_columns", file=label, columns=named, limit=MAX_COLUMNS)
    headers = [clean_cell(h) or "" for h in rows[header_index]]
    keys = [normalise_header(h) for h in headers]
    body = rows[header_index + 1 :]
    width = min(map(len, body), default=0)
    columns: dict[str, pa.Array] = {}
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
        _check_cells(label, columns[key])
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
