"""Per-minute curve (在线人数, 进入/离开人数, 成交, 新增粉丝, 评论, 点赞) from CSV or XLSX.

Times may carry only the clock (`20:01`): they are dated by the session's start day, and a clock that
goes backwards has crossed midnight (a session crossing midnight is one session).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pyarrow as pa

from livedesk.domain.dataset import DatasetKind
from livedesk.import_export.columns import clean_strings
from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.fields import resolve
from livedesk.import_export.metric_tables import MINUTE_FIELDS, build_metric_table
from livedesk.import_export.parsed import ParsedDataset, ReadContext
from livedesk.import_export.tabular import RawTable

FORMAT = "minute_curve"
LABEL = "分钟曲线"
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def score(keys: list[str]) -> float:
    found = resolve(keys, list(MINUTE_FIELDS))
    if "minute" not in found or len(found) < 2:
        return 0.0
    return 0.6 + 0.04 * len(found)


def read_minutes(raw: RawTable, context: ReadContext, mapping: dict[str, str] | None = None) -> ParsedDataset:
    mapping = mapping if mapping is not None else resolve(raw.keys, list(MINUTE_FIELDS))
    key = mapping.get("minute")
    if key is not None and raw.column(key) is not None:
        raw.columns[key] = _date_clock_times(raw.name, raw.column(key), context)
    return build_metric_table(raw, DatasetKind.MINUTES, context, mapping=mapping, what=LABEL)


def _date_clock_times(name: str, column: pa.Array, context: ReadContext) -> pa.Array:
    text = clean_strings(column).to_pylist()
    present = [t for t in text if t is not None]
    if not present or not all(_CLOCK.match(t) for t in present):
        return column
    if context.window_ms is None:
        raise ImportRefused("import.clock_without_date", file=name)
    zone = ZoneInfo(context.zone)
    day = datetime.fromtimestamp(context.window_ms[0] / 1000, zone).date()
    out: list[str | None] = []
    previous, offset = None, 0
    for cell in text:
        match = _CLOCK.match(cell) if cell is not None else None
        if match is None:  # an empty cell (the others were all checked to be clock times above)
            out.append(None)
            continue
        h, m, s = match.groups()
        seconds = int(h) * 3600 + int(m) * 60 + int(s or 0)
        if previous is not None and seconds < previous - 3600:
            offset += 1
        previous = seconds
        moment = datetime.combine(day + timedelta(days=offset), datetime.min.time()) + timedelta(
            seconds=seconds
        )
        out.append(moment.strftime("%Y-%m-%d %H:%M:%S"))
    return pa.array(out, pa.string())
