"""Header aliases → canonical columns, conversion of a RawTable by a field spec, and per-row warnings.

Readers describe their format as `Field`s; `convert_fields` turns the matched columns into canonical
arrays and records every unreadable cell as a RowWarning with its file row number.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from livedesk.domain.dataset import RowWarning
from livedesk.domain.message import Message
from livedesk.import_export import columns as conv
from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.tabular import RawTable
from livedesk.import_export.values import YEARS, normalise_header, shown

WARNING_LIMIT = 500
_WHAT = {
    "money": "is not an amount of money",
    "int": "is not a whole number",
    "float": "is not a number",
    "rate": "is not a rate",
    "seconds": "is not a duration",
    "time": "is not a time",
    "text": "is a formula",
    "id": "is a formula",
}


@dataclass(frozen=True)
class Field:
    name: str  # canonical column (money columns carry `_fen`)
    type: str  # text | id | money | int | float | rate | seconds | time
    aliases: tuple[str, ...] = ()  # header spellings as exported (normalised when matched)

    def header_keys(self) -> tuple[str, ...]:
        """The aliases as normalised headers, the form a table's columns are matched in."""
        return tuple(normalise_header(a) for a in self.aliases)


def resolve(keys: list[str], fields: list[Field]) -> dict[str, str]:
    """Canonical name → the table's normalised header that carries it (first alias found wins)."""
    present = set(keys)
    found = {}
    for spec in fields:
        for key in spec.header_keys():
            if key in present:
                found[spec.name] = key
                break
    return found


@dataclass
class RowIssues:
    """Per-row problems of one table: warnings (capped), counts by code, and the rows to skip."""

    rows: np.ndarray
    skip: np.ndarray = None  # type: ignore[assignment]
    warnings: list[RowWarning] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    skipped_by: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if self.skip is None:
            self.skip = np.zeros(len(self.rows), dtype=bool)

    def flag(
        self,
        mask: np.ndarray | None,
        code: str,
        message,
        *,
        skip: bool,
        raw: pa.Array | None = None,
        column: str | None = None,
    ) -> None:
        """`message` is the English text, or a function of the raw cell value; the warning's values (the
        `column`, the cell as quoted, whether the row was skipped) are what the screens word."""
        if mask is None or not mask.any():
            return
        indices = np.flatnonzero(mask)
        self.counts[code] += len(indices)
        if skip:
            self.skipped_by[code] += int((mask & ~self.skip).sum())
            self.skip |= mask
        room = WARNING_LIMIT - len(self.warnings)
        if room <= 0:
            return
        chosen = indices[:room]
        cells = raw.take(pa.array(chosen)).to_pylist() if raw is not None else [None] * len(chosen)
        suffix = "; row skipped" if skip else "; left empty"
        outcome = "skipped" if skip else "empty"
        for index, cell in zip(chosen, cells, strict=False):
            text = message(cell) if callable(message) else message
            params: dict = {"outcome": outcome}
            if column is not None:
                params["column"] = column
            if raw is not None:
                params["value"] = shown(cell)
            self.warnings.append(RowWarning(int(self.rows[index]), code, text + suffix, params))

    def meta(self) -> dict:
        return {
            "warning_counts": dict(self.counts),
            "skipped_by_reason": {k: int(v) for k, v in self.skipped_by.items()},
            "warnings_truncated": sum(self.counts.values()) > len(self.warnings),
        }


def convert_fields(
    raw: RawTable,
    mapping: dict[str, str],
    types: dict[str, str],
    issues: RowIssues,
    *,
    zone: str,
    time_format: str | None = None,
    required: frozenset[str] = frozenset(),
    ranges: dict | None = None,
) -> dict[str, pa.Array]:
    """Convert each mapped column; unreadable cells warn, and skip the row when the field is required."""
    jobs = {name: (key, raw.column(key)) for name, key in mapping.items() if raw.column(key) is not None}

    def convert(item):
        name, (key, source) = item
        kind = types[name]
        return (
            conv.to_timestamp(source, zone, time_format) if kind == "time" else conv.CONVERTERS[kind](source)
        )

    # pyarrow.compute releases the GIL: two columns convert at once on two cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(jobs, pool.map(convert, jobs.items()), strict=False))
    out = {}
    for name, (key, source) in jobs.items():
        converted = results[name]
        kind = types[name]
        header = raw.headers[raw.keys.index(key)] if key in raw.keys else key
        if converted.formula is not None and converted.formula.any():
            issues.flag(
                converted.formula,
                "formula",
                lambda v, h=header: f"{h}: {shown(v)} is a formula, not a value",
                skip=name in required,
                raw=source,
                column=header,
            )
        bad = converted.bad
        if bad is not None and converted.formula is not None:
            bad = bad & ~converted.formula
        what = _WHAT.get(kind, "cannot be read")
        issues.flag(
            bad,
            f"bad_{kind}",
            lambda v, h=header, w=what: f"{h}: {shown(v)} {w}",
            skip=name in required,
            raw=source,
            column=header,
        )
        if converted.out_of_range is not None and converted.out_of_range.any():
            issues.flag(
                converted.out_of_range,
                "time_out_of_range",
                lambda v, h=header: f"{h}: {shown(v)} is outside {YEARS}",
                skip=name in required,
                raw=source,
                column=header,
            )
        if ranges is not None and converted.ranges:
            ranges[name] = converted.ranges
        out[name] = converted.array
    return out


def describe_found(found: list[str], limit: int = 12) -> Message:
    """The file's own header cells, for a refusal ("columns found: 日期, 负责人 and 3 more")."""
    # A header cell can hold anything (a whole file after a stray quote): each is shown on one short line.
    named = [" ".join(h.split())[:40] for h in found if h and h.strip()]
    if not named:
        return Message("phrase.no_columns")
    if len(named) > limit:
        return Message("phrase.columns_found_more", {"columns": named[:limit], "more": len(named) - limit})
    return Message("phrase.columns_found", {"columns": named})


def missing_columns(name: str, missing: list, found: list[str], what) -> ImportRefused:
    """The refusal for a table without a column it needs; `missing` holds names or one_of phrases."""
    return ImportRefused(
        "import.missing_columns", file=name, missing=missing, what=what, found=describe_found(found)
    )


def one_of(names: list[str]) -> Message:
    """ "订单提交时间 or 支付完成时间": any one of these columns would do."""
    return Message("phrase.one_of", {"alternatives": list(names)})
