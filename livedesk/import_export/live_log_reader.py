"""LiveDesk's own live-log CSV (`livedesk log export`): at,kind,segment_index,step,marker,note,product_id."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.domain.canonical import LOG_COLUMNS
from livedesk.domain.dataset import DatasetKind
from livedesk.domain.live_log import EventKind, Marker
from livedesk.domain.roles import ScriptStep
from livedesk.import_export.columns import canonical_table
from livedesk.import_export.fields import RowIssues, convert_fields, missing_columns
from livedesk.import_export.parsed import ParsedDataset, ReadContext
from livedesk.import_export.tabular import RawTable
from livedesk.import_export.values import shown

FORMAT = "live_log"
LABEL = "LiveDesk 直播日志"
HEADER = ("at", "kind", "segment_index", "step", "marker", "note", "product_id")
TYPES = {
    "at": "time",
    "kind": "text",
    "segment_index": "int",
    "step": "text",
    "marker": "text",
    "note": "text",
    "product_id": "id",
}
_ALLOWED = {
    "kind": [k.value for k in EventKind],
    "step": [s.value for s in ScriptStep],
    "marker": [m.value for m in Marker],
}


def score(keys: list[str]) -> float:
    return sum(h in keys for h in HEADER) / len(HEADER)


def read_live_log(raw: RawTable, context: ReadContext) -> ParsedDataset:
    mapping = {name: name for name in HEADER if name in raw.keys}
    missing = [name for name in ("at", "kind") if name not in mapping]
    if missing:
        raise missing_columns(raw.name, missing, raw.headers, LABEL)
    issues = RowIssues(raw.source_rows())
    out = convert_fields(raw, mapping, TYPES, issues, zone=context.zone, required=frozenset({"at", "kind"}))
    n = raw.num_rows
    issues.flag(
        np.asarray(out["at"].is_null().to_numpy(zero_copy_only=False), dtype=bool) & ~issues.skip,
        "missing_time",
        "no time",
        skip=True,
    )
    for name, allowed in _ALLOWED.items():
        if name not in out:
            continue
        unknown = pc.and_(pc.is_valid(out[name]), pc.invert(pc.is_in(out[name], value_set=pa.array(allowed))))
        mask = np.asarray(pc.fill_null(unknown, False).to_numpy(zero_copy_only=False), dtype=bool)
        if name == "kind":
            mask |= np.asarray(out[name].is_null().to_numpy(zero_copy_only=False), dtype=bool)
        issues.flag(
            mask,
            f"unknown_{name}",
            lambda v, n_=name: f"{n_}: {shown(v)} is not a known {n_}",
            skip=True,
            raw=out[name],
            column=name,
        )
    for name in ("note", "product_id"):
        if name in out:
            # `livedesk log export` wrote risky text with an apostrophe (cell_safety): take it off again.
            out[name] = pc.replace_substring_regex(out[name], r"^'('*[=+\-@\t\r])", r"\1")
    table = canonical_table(LOG_COLUMNS, out, n)
    if issues.skip.any():
        table = table.filter(pa.array(~issues.skip))
    return ParsedDataset(
        DatasetKind.LOG,
        table.sort_by("at"),
        raw.sheet,
        n,
        int(issues.skip.sum()),
        issues.warnings,
        issues.meta(),
    )
