"""The workbook limits' fast scan (sheet_scan) against the exact rules: the same bounding box for real
XlsxWriter sheets cut into pieces anywhere, far cells found wherever they hide, unusual cells handed to the
exact rules, and the parts inflated beside the scan byte for byte as zipfile reads them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.sheet_scan import cell_extent, member_pieces
from livedesk.import_export.tabular import open_workbook, sheet_rows
from livedesk.import_export.workbook_limits import SheetBox, check_workbook, measure_sheet

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(path: Path, rows: int, columns: int) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("订单")
    for r in range(rows):
        for c in range(columns):
            sheet.write(r, c, f"值{r}-{c}" if c % 3 else r * 7 + c)
    book.close()
    return path


def _rezip(path: Path, edit) -> Path:
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members[SHEET] = edit(members[SHEET])
    out = path.with_name("edited_" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return out


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(SHEET)


def _in_pieces(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def test_extent_reads_every_reference(tmp_path):
    xml = _sheet_xml(_workbook(tmp_path / "a.xlsx", rows=120, columns=30))
    cells, column, row = cell_extent(xml + bytes(16), len(xml))
    assert (cells, column, row) == (120 * 30, 30, 120)


@pytest.mark.parametrize(
    "cell",
    [
        b'<c s="1" r="B2"><v>1</v></c>',
        b"<c><v>1</v></c>",
        b'<c r="ABCD2"><v>1</v></c>',
        b'<c r="B123456789">',
    ],
)
def test_unusual_cells_go_to_the_exact_rules(cell):
    xml = b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2">' + cell + b"</row></sheetData>"
    assert cell_extent(xml + bytes(16), len(xml)) is None


@pytest.mark.parametrize("size", [97, 1000, 4096, 65536])
def test_pieces_cut_anywhere_give_the_same_box(tmp_path, size):
    xml = _sheet_xml(_workbook(tmp_path / "b.xlsx", rows=400, columns=28))
    assert measure_sheet(_in_pieces(xml, size), "订单", "b.xlsx") == SheetBox(400, 28)


@pytest.mark.parametrize(
    ("ref", "code"),
    [("XFD1048576", "import.sheet_too_big"), ("ZZZZZ7", "import.cell_beyond_sheet")],
)
def test_a_far_cell_in_the_middle_is_refused_before_the_reader_opens_it(tmp_path, ref, code):
    def hide(xml: bytes) -> bytes:
        middle = xml.index(b'<row r="150"')
        return xml[:middle] + f'<row r="150"><c r="{ref}"><v>1</v></c></row>'.encode() + xml[middle:]

    path = _rezip(_workbook(tmp_path / "c.xlsx", rows=300, columns=12), hide)
    with pytest.raises(ImportRefused) as refused:
        check_workbook(path)
    assert refused.value.reason.code == code
    # cut into small pieces, the far cell is found in whichever piece holds it
    with pytest.raises(ImportRefused):
        measure_sheet(_in_pieces(_sheet_xml(path), 333), "订单", path.name)


def test_a_cell_without_its_position_is_refused(tmp_path):
    def strip(xml: bytes) -> bytes:
        return xml.replace(b'<c r="C40"', b"<c", 1)

    path = _rezip(_workbook(tmp_path / "d.xlsx", rows=60, columns=5), strip)
    with pytest.raises(ImportRefused) as refused:
        check_workbook(path)
    assert refused.value.reason.code == "import.cell_without_position"


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_parts_inflate_as_zipfile_reads_them(tmp_path, method):
    xml = _sheet_xml(_workbook(tmp_path / "e.xlsx", rows=200, columns=10))
    path = tmp_path / "e2.zip"
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("first.bin", b"x" * 5000)
        archive.writestr(SHEET, xml)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET)
    pieces = list(member_pieces(path, info, 4096, iter))
    assert b"".join(pieces) == xml
    assert max(map(len, pieces)) <= 4096


def test_a_damaged_part_is_left_to_the_reader_to_refuse(tmp_path):
    path = _workbook(tmp_path / "f.xlsx", rows=200, columns=10)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 40 : start + 200] = b"\xff" * 160  # an invalid block type inside the deflate stream
    path.write_bytes(bytes(data))
    assert SHEET not in check_workbook(path)  # not measured, not refused: the reader words the damage
    with pytest.raises(ImportRefused) as refused:
        sheet_rows(path, open_workbook(path), "订单")
    assert refused.value.reason.code == "import.damaged_sheet"
