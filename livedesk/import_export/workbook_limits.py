"""Limits a workbook is held to before the XLSX reader opens it: zip bombs, and sheets whose cell references
would make the reader allocate a grid of gigabytes (one cell at column ZZZZZ spans twelve million columns).

The reader allocates rows × columns of the cells' bounding box, so that box is measured first, in one
pass over each sheet's XML: inflated on a helper thread while numpy reads every cell reference of the
previous piece (sheet_scan), and by exact regular-expression rules for a piece whose cells are written
unusually (those look only at references beyond the box seen so far).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from livedesk.domain.message import Message
from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.sheet_scan import INFLATE_ERRORS, cell_extent, member_pieces

MAX_MEMBER_BYTES = 1 << 30  # one part of the workbook, uncompressed
MAX_TOTAL_BYTES = 2 << 30  # all parts together, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts over RATIO_FLOOR (real sheets stay under ~30)
RATIO_FLOOR = 8 << 20
MAX_CELLS = 30_000_000  # rows × columns of one sheet's grid (~1 GB in the reader)
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
_CHUNK = 8 << 20
# what reading a damaged part raises (the workbook reader then refuses it in its own words)
_DAMAGED: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    *INFLATE_ERRORS,
)
_PAD = bytes(16)  # room for cell_extent to read a reference past the end of a piece


@dataclass
class SheetBox:
    """The bounding box of a sheet's cells, 1-based (0 = no cell seen)."""

    rows: int = 0
    columns: int = 0

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _greater_same_length(text: str, alphabet: str) -> str:
    """A regex alternation matching strings of len(text) over `alphabet` that sort after `text`."""
    options = []
    for i, ch in enumerate(text):
        higher = alphabet[alphabet.index(ch) + 1 :]
        if higher:
            rest = len(text) - i - 1
            options.append(
                re.escape(text[:i]) + f"[{higher[0]}-{higher[-1]}]" + f"[{alphabet[0]}-{alphabet[-1]}]" * rest
            )
    return "|".join(options)


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"


def _beyond(box: SheetBox) -> list[re.Pattern[bytes]]:
    """Cell references past the box (a longer or later column; a longer or later row), and cells whose
    first attribute is not their reference. Three patterns with a literal start scan faster than one."""
    col = column_letters(box.columns) or "A"
    wider = f"[A-Z]{{{len(col) + 1},}}"
    same = _greater_same_length(col, _LETTERS)
    columns = f"(?:{wider}|{same})" if same else wider
    row = str(max(box.rows, 1))
    longer = f"\\d{{{len(row) + 1},}}"
    same_row = _greater_same_length(row, _DIGITS)
    rows = f"(?:{longer}|{same_row})" if same_row else longer
    return [
        re.compile(f'<c r="{columns}'.encode()),
        re.compile(f'<c r="[A-Z]{{1,7}}{rows}"'.encode()),
        re.compile(rb"<c(?:>| [^r>][^>]*>)"),
    ]


_REF = re.compile(rb'\br="([A-Z]+)(\d*)"')
_ROW_TAG = re.compile(rb'<row r="(\d+)"')
_FIRST_CELLS = 256 << 10


def _round_up(value: int) -> int:
    """Two significant digits up: a damaged file with ever-later references re-tunes the scan rarely."""
    step = 10 ** max(len(str(value)) - 2, 0)
    return -(-value // step) * step


def measure_sheet(pieces: Iterable[bytes], name: str, file_name: str) -> SheetBox:
    """The cells' bounding box of one sheet's XML, given in pieces (at least as big as the reader's grid);
    ImportRefused past the limits."""
    return measure_aligned(aligned_pieces(pieces), name, file_name)


def measure_aligned(pieces: Iterable[tuple[bytes, int]], name: str, file_name: str) -> SheetBox:
    """measure_sheet over pieces cut after their last whole tag (aligned_pieces): each piece's cell
    references are read at once (sheet_scan), or by the exact rules below when a cell there is written
    unusually."""
    box = SheetBox()
    read = 0
    for data, cut in pieces:
        read += cut
        if read > MAX_MEMBER_BYTES:
            raise _too_big(file_name, Message("part.sheet", {"sheet": name}))
        extent = cell_extent(data, cut)
        if extent is None:
            _measure_exactly(data[:cut], box, name, file_name)
        else:
            _cells, columns, rows = extent
            box.columns = max(box.columns, columns)
            box.rows = max(box.rows, rows, _last_row_tag(data, cut))
            _check_box(box, name, file_name)
    return box


def aligned_pieces(pieces: Iterable[bytes]) -> Iterator[tuple[bytes, int]]:
    """(data, cut): the XML up to `cut` holds whole tags only (the rest starts the next piece), and
    `data` has room after `cut` for cell_extent to read a reference past it."""
    tail = b""
    for piece in pieces:
        data = tail + piece + _PAD
        cut = data.rfind(b"<", 0, len(data) - len(_PAD))
        if cut < 0 or len(data) - cut > _CHUNK:  # no tag starts here, or one longer than a piece
            cut = len(data) - len(_PAD)
        tail = data[cut : len(data) - len(_PAD)]
        yield data, cut
    if tail:
        yield tail + _PAD, len(tail)


def _last_row_tag(data: bytes, end: int) -> int:
    last = data.rfind(b'<row r="', 0, end)
    tag = _ROW_TAG.match(data, last) if last >= 0 else None
    return int(tag.group(1)) if tag else 0


def _measure_exactly(data: bytes, box: SheetBox, name: str, file_name: str) -> None:
    """Grow `box` by the references in `data` (whole tags): rows ascend in a real sheet, so the floor is
    raised to the last row tag first and only the rare references past the box are matched."""
    if box.columns == 0:
        widths = [column_number(m.decode()) for m in re.findall(rb'<c r="([A-Z]+)', data[:_FIRST_CELLS])]
        box.columns = max(widths, default=0)
    box.rows = max(box.rows, _last_row_tag(data, len(data)))
    _check_box(box, name, file_name)
    for match in _rare_cells(data, box):
        end = match.start() + 40 if match.group(0).startswith(b'<c r="') else match.end()
        found = _REF.search(data, match.start(), end)
        if found is None:
            raise ImportRefused("import.cell_without_position", file=file_name, sheet=name)
        columns = column_number(found.group(1).decode())
        rows = int(found.group(2)) if found.group(2) else 0
        _check_box(SheetBox(rows, columns), name, file_name)  # the exact reference against Excel's limits
        box.columns = max(box.columns, min(_round_up(columns), EXCEL_COLUMNS))
        box.rows = max(box.rows, min(_round_up(rows), EXCEL_ROWS))
        _check_box(box, name, file_name)


def _rare_cells(data: bytes, box: SheetBox):
    """Matches past the box, re-tuned after each (the box grows, so later matches must go further)."""
    patterns, position = _beyond(box), 0
    while True:
        found = [m for m in (p.search(data, position) for p in patterns) if m is not None]
        if not found:
            return
        match = min(found, key=lambda m: m.start())
        yield match
        patterns, position = _beyond(box), match.end()


def _check_box(box: SheetBox, name: str, file_name: str) -> None:
    if box.columns > EXCEL_COLUMNS or box.rows > EXCEL_ROWS:
        raise ImportRefused(
            "import.cell_beyond_sheet",
            file=file_name,
            sheet=name,
            max_rows=EXCEL_ROWS,
            max_columns=EXCEL_COLUMNS,
        )
    if box.cells > MAX_CELLS:
        raise ImportRefused(
            "import.sheet_too_big",
            file=file_name,
            sheet=name,
            rows=box.rows,
            columns=box.columns,
            limit=MAX_CELLS,
        )


def _too_big(file_name: str, part: Message) -> ImportRefused:
    return ImportRefused("import.part_too_big", file=file_name, part=part, limit_bytes=MAX_MEMBER_BYTES)


def _part_words(part: str, titles: dict[str, str]) -> Message:
    if part in titles:
        return Message("part.sheet", {"sheet": titles[part]})
    if part.startswith("xl/worksheets/"):
        return Message("part.a_sheet")
    return Message("part.shared_text" if "sharedStrings" in part else "part.other")


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the sheet's title, from workbook.xml and its relationships (best effort)."""
    try:
        book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return {}
    targets = {}
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        rid = re.search(r'\bId="([^"]+)"', rel.group(0))
        target = re.search(r'\bTarget="([^"]+)"', rel.group(0))
        if rid and target:
            path = target.group(1).lstrip("/")
            targets[rid.group(1)] = path if path.startswith("xl/") else "xl/" + path
    titles = {}
    for sheet in re.finditer(r"<sheet\b[^>]*>", book):
        title = re.search(r'\bname="([^"]*)"', sheet.group(0))
        rid = re.search(r'\br:id="([^"]+)"|\bid="([^"]+)"', sheet.group(0))
        if title and rid:
            part = targets.get(rid.group(1) or rid.group(2))
            if part:
                titles[part] = title.group(1)
    return titles


def _pieces(archive: zipfile.ZipFile, path: Path, info: zipfile.ZipInfo) -> Generator[tuple[bytes, int]]:
    """The part's bytes, inflated and cut into whole tags beside the scan; through zipfile for what
    sheet_scan does not read."""
    try:
        yield from member_pieces(path, info, _CHUNK, aligned_pieces)
    except NotImplementedError:
        with archive.open(info) as stream:
            yield from aligned_pieces(iter(lambda: stream.read(_CHUNK), b""))


def check_workbook(path: Path) -> dict[str, SheetBox]:
    """Refuse an XLSX past the limits before it is opened; the bounding box of each sheet part."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return {}  # not a readable zip: the workbook reader says it is damaged
    boxes: dict[str, SheetBox] = {}
    with archive:
        infos = archive.infolist()
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL_BYTES:
            raise ImportRefused(
                "import.unpacks_too_big", file=name, size_bytes=total, limit_bytes=MAX_TOTAL_BYTES
            )
        titles = _sheet_titles(archive)
        for info in infos:
            part = _part_words(info.filename, titles)
            if info.file_size > MAX_MEMBER_BYTES:
                raise _too_big(name, part)
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise ImportRefused(
                    "import.zip_bomb",
                    f"{info.filename}: {info.file_size} bytes from {info.compress_size}",
                    file=name,
                    part=part,
                    ratio=MAX_RATIO,
                )
        for info in infos:
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            title = titles.get(info.filename, info.filename.rsplit("/", 1)[-1].removesuffix(".xml"))
            try:
                pieces = _pieces(archive, path, info)
                try:
                    boxes[info.filename] = measure_aligned(pieces, title, name)
                finally:
                    pieces.close()  # stops the inflating thread at once when the part is refused
            except ImportRefused:
                raise
            except _DAMAGED:
                continue  # a damaged part: the workbook reader refuses it in its own words
    return boxes
