"""The run sheet as CSV: UTF-8 with a BOM so Excel opens the Chinese text correctly."""

from __future__ import annotations

import csv
from pathlib import Path

from livedesk.domain.session import SessionPlan
from livedesk.import_export.cell_safety import csv_text
from livedesk.import_export.run_sheet import HEADERS, KEYS, USER_TEXT_KEYS, run_sheet_rows


def csv_cell(key: str, value: object) -> str:
    """Text as written; user text that a spreadsheet would run (= + - @ tab CR first) gets a leading
    apostrophe (cell_safety)."""
    if value is None:
        return ""
    return csv_text(value) if key in USER_TEXT_KEYS else str(value)


def write_run_sheet_csv(plan: SessionPlan, path: str | Path) -> int:
    """Write the run sheet; returns the number of segment rows written."""
    rows = run_sheet_rows(plan)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([csv_cell(key, row.values.get(key)) for key in KEYS])
    return len(rows)
