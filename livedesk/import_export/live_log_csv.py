"""The live-log CSV of the team contract: `at,kind,segment_index,step,marker,note,product_id`.

`at` is ISO 8601 with milliseconds and offset (2026-11-14T20:00:00.000+08:00); empty cells mean none.
Written by `livedesk log export` and the sample generator; read back when the samples are loaded.
(The importer reads the same files through its Arrow path into a `log` dataset.)
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from livedesk.domain.live_log import EventKind, LiveEvent, Marker
from livedesk.domain.roles import ScriptStep
from livedesk.import_export.cell_safety import csv_text, unescape

HEADER = ("at", "kind", "segment_index", "step", "marker", "note", "product_id")


def format_instant(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).isoformat(timespec="milliseconds")


def live_log_text(events: list[LiveEvent], zone: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for e in events:
        writer.writerow(
            [
                format_instant(e.at, zone),
                e.kind.value,
                "" if e.segment_index is None else e.segment_index,
                e.step.value if e.step else "",
                e.marker.value if e.marker else "",
                csv_text(e.note),  # a note is the team's own text: it must not run in a spreadsheet
                csv_text(e.product_id or ""),
            ]
        )
    return buffer.getvalue()


def write_live_log(events: list[LiveEvent], path: str | Path, zone: str) -> Path:
    path = Path(path)
    path.write_text(live_log_text(events, zone), encoding="utf-8", newline="")
    return path


def read_live_log(path: str | Path, zone: str) -> list[LiveEvent]:
    """Events in file order, times in `zone`; ValueError names the file, the row and the problem."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != HEADER:
            raise ValueError(
                f"{path.name} is not a LiveDesk live log (expected the header {','.join(HEADER)})"
            )
        events = []
        for row_number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            try:
                events.append(_event(row, zone))
            except (ValueError, IndexError) as exc:
                raise ValueError(f"{path.name} row {row_number}: {exc}") from exc
    return events


def _event(row: list[str], zone: str) -> LiveEvent:
    at_text, kind, index, step, marker, note, product_id = (row + [""] * 7)[:7]
    at = datetime.fromisoformat(at_text)
    if at.tzinfo is None:
        raise ValueError(f"time '{at_text}' has no UTC offset")
    return LiveEvent(
        at=at.astimezone(ZoneInfo(zone)),
        kind=EventKind(kind),
        segment_index=int(index) if index.strip() else None,
        step=ScriptStep(step) if step else None,
        marker=Marker(marker) if marker else None,
        note=unescape(note),
        product_id=unescape(product_id) or None,
    )
