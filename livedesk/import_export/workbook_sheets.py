"""Helpers shared by the two workbook readers: find sheets by name, read a sheet's pairs or its table."""

from __future__ import annotations

from pathlib import Path

from livedesk.domain.dataset import DatasetKind
from livedesk.domain.message import Message
from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.fields import Field
from livedesk.import_export.metric_tables import build_metric_table
from livedesk.import_export.parsed import ParsedDataset, ReadContext
from livedesk.import_export.tabular import rows_to_table, sheet_rows, trim_rows
from livedesk.import_export.values import clean_cell, normalise_header


def find_sheet(sheet_names: list[str], wanted: str) -> str | None:
    key = normalise_header(wanted)
    for name in sheet_names:
        if normalise_header(name) == key:
            return name
    return None


def locate_sheets(
    path: Path, sheet_names: list[str], wanted: tuple[str, ...], label: str
) -> dict[str, str | None]:
    """Each wanted sheet's actual name (None when absent); ImportRefused when the workbook has none of them."""
    found = {name: find_sheet(sheet_names, name) for name in wanted}
    if not any(found.values()):
        raise ImportRefused(
            "import.not_that_workbook",
            file=path.name,
            format=label,
            wanted=list(wanted),
            sheets=list(sheet_names) or Message("phrase.none"),
        )
    return found


def looks_like_workbook(sheet_names: list[str], wanted: tuple[str, ...]) -> bool:
    """At least two of a format's sheets are there."""
    return sum(find_sheet(sheet_names, name) is not None for name in wanted) >= 2


def header_index(rows: list[list], fields: tuple[Field, ...], limit: int = 10) -> int:
    """The row (within the first `limit`) naming the most known columns; 0 when none does."""
    known = {key for spec in fields for key in spec.header_keys()}
    best, best_hits = 0, 0
    for index, row in enumerate(rows[:limit]):
        hits = sum(normalise_header(cell) in known for cell in row)
        if hits > best_hits:
            best, best_hits = index, hits
    return best


def table_dataset(
    path: Path, workbook, sheet: str, kind: DatasetKind, fields: tuple[Field, ...], context: ReadContext
) -> ParsedDataset | None:
    rows = trim_rows(sheet_rows(path, workbook, sheet))
    if len(rows) < 2:
        return None
    start = header_index(rows, fields)
    if len(rows) <= start + 1:
        return None
    raw = rows_to_table(path.name, sheet, rows, start, None)
    return build_metric_table(raw, kind, context, what=Message("part.sheet", {"sheet": sheet}))


def header_value_pairs(rows: list[list], sheet: str) -> list[tuple]:
    """One header row and one value row (基本信息, 整体看板)."""
    rows = trim_rows(rows)
    if len(rows) < 2:
        return []
    return [(h, v, sheet, 2) for h, v in zip(rows[0], rows[1], strict=False) if clean_cell(h)]


def vertical_pairs(rows: list[list], sheet: str) -> list[tuple]:
    """Name/value pairs down the sheet, several pairs per row allowed; 【…】 rows are section titles."""
    pairs = []
    for number, row in enumerate(trim_rows(rows), start=1):
        first = clean_cell(row[0]) if row else None
        if first and first.startswith("【"):
            continue
        for i in range(0, len(row) - 1, 2):
            label = clean_cell(row[i])
            if label:
                pairs.append((label, row[i + 1], sheet, number))
    return pairs
