"""Whole-column conversion of exported text to canonical Arrow arrays, vectorised for million-row files.

Each converter takes a string array and returns the typed array and a mask of cells that held something
unreadable; the common spellings go through pyarrow.compute, the rare ones (万, ranges, odd times) through
the scalar parsers of `values`, so the big path never loops over every row in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from livedesk.import_export import values

TIMESTAMP = pa.timestamp("ms", tz="UTC")
_PLAIN_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)$"
_PLAIN_INT = r"^[+-]?\d+$"
_LARGEST = 1e17  # fen of values.MAX_MAGNITUDE yuan
_FAST_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M")


@cache
def _empty_marks() -> pa.Array:
    # Built on first use: a pa.array at import time makes pyarrow import pandas (~0.3 s) into every command.
    return pa.array(sorted(values.EMPTY_MARKS), pa.string())


@dataclass
class Converted:
    array: pa.Array
    bad: np.ndarray | None = None  # True where a non-empty cell could not be read
    formula: np.ndarray | None = None  # True where the cell held a spreadsheet formula
    ranges: dict[int, tuple[float, float]] | None = None  # row index → (low, high) of an estimate
    out_of_range: np.ndarray | None = None  # True where a time lies outside 1970–2100 (values.YEARS)


def _mask(boolean: pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(boolean, False).to_numpy(zero_copy_only=False), dtype=bool)


def clean_strings(array: pa.Array) -> pa.Array:
    """Trim, unwrap `="…"` and leading tabs, and turn `—`/`-`/blank into null."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        array = array.cast(pa.string())
    array = pc.utf8_trim_whitespace(array)
    if pc.any(pc.starts_with(array, "=")).as_py():
        array = pc.utf8_trim_whitespace(pc.replace_substring_regex(array, r'^="(.*)"$', r"\1"))
    if pc.any(pc.starts_with(array, "\ufeff")).as_py():
        array = pc.utf8_ltrim(array, "\ufeff")
    return pc.if_else(pc.is_in(array, value_set=_empty_marks()), pa.scalar(None, pa.string()), array)


def _formula_mask(array: pa.Array) -> np.ndarray | None:
    if not pc.any(pc.starts_with(array, "=")).as_py():
        return None
    return _mask(pc.match_substring_regex(array, r"^=\s*[A-Za-z_(]"))


def _fallback(
    text: pa.Array,
    fast: np.ndarray,
    fast_valid: np.ndarray,
    parse,
    dtype,
    ranges: dict | None = None,
    out_of_range: np.ndarray | None = None,
):
    """Run the scalar parser on the few non-empty cells the fast path could not read."""
    present = _mask(pc.is_valid(text))
    pending = np.flatnonzero(present & ~fast_valid)
    bad = np.zeros(len(text), dtype=bool)
    if len(pending):
        cells = text.take(pa.array(pending)).to_pylist()
        for index, cell in zip(pending, cells, strict=False):
            try:
                parsed = parse(cell)
            except (ValueError, ArithmeticError) as exc:
                if out_of_range is not None and str(exc).startswith("outside"):
                    out_of_range[index] = True
                else:
                    bad[index] = True
                continue
            if parsed is None:
                continue
            if isinstance(parsed, values.Number):
                if parsed.estimated and ranges is not None:
                    ranges[int(index)] = (parsed.low, parsed.high)
                parsed = parsed.value
            fast[index] = parsed
            fast_valid[index] = True
    return fast.astype(dtype, copy=False), fast_valid, bad


def to_text(array: pa.Array) -> Converted:
    text = clean_strings(array)
    formula = _formula_mask(text)
    if formula is not None and formula.any():
        text = pc.if_else(pa.array(formula), pa.scalar(None, pa.string()), text)
    return Converted(text, None, formula)


def _numeric(array: pa.Array, scale: float, parse, dtype, pattern: str) -> Converted:
    text = clean_strings(array)
    formula = _formula_mask(text)
    stripped = (
        pc.replace_substring_regex(text, r"[¥￥,\s]", "")
        if scale != 1
        else pc.replace_substring(text, ",", "")
    )
    try:
        numbers = pc.cast(
            stripped, pa.int64() if pattern is _PLAIN_INT else pa.float64()
        )  # the common, clean case
        numbers = numbers.cast(pa.float64())
        plain = _mask(pc.is_finite(numbers))  # the cast admits "inf", which no export means
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        plain = _mask(pc.match_substring_regex(stripped, pattern))
        numbers = pc.cast(pc.if_else(pa.array(plain), stripped, pa.scalar(None, pa.string())), pa.float64())
    fast = numbers.to_numpy(zero_copy_only=False)
    with np.errstate(over="ignore", invalid="ignore"):  # 1e308 × 100 is caught as absurd below, not printed
        fast = (
            np.where(plain, np.round(np.nan_to_num(fast) * scale), 0.0)
            if dtype is np.int64
            else np.where(plain, fast * scale, 0.0)
        )
    ranges: dict[int, tuple[float, float]] = {}
    values_np, valid, bad = _fallback(text, fast, plain.copy(), parse, np.float64, ranges)
    if formula is not None:
        bad |= formula
        valid &= ~formula
    # 1e300 reads as a number, but no export holds it, and whole numbers past 2^53 are not whole any more
    with np.errstate(invalid="ignore", over="ignore"):
        absurd = valid & ~(np.abs(values_np) <= _LARGEST)
    if absurd.any():
        bad |= absurd
        valid &= ~absurd
        values_np = np.where(absurd, 0.0, values_np)
    if dtype is np.int64:
        return Converted(
            pa.array(values_np.astype(np.int64), pa.int64(), mask=~valid), bad, formula, ranges or None
        )
    return Converted(pa.array(values_np, pa.float64(), mask=~valid), bad, formula, ranges or None)


def to_money_fen(array: pa.Array) -> Converted:
    return _numeric(array, 100.0, values.parse_money_fen, np.int64, _PLAIN_NUMBER)


def to_int(array: pa.Array) -> Converted:
    def parse(cell):
        number = values.parse_number(cell)
        if number is not None and not number.estimated and not float(number.value).is_integer():
            raise ValueError(cell)
        return number

    return _numeric(array, 1.0, parse, np.int64, _PLAIN_INT)


def to_float(array: pa.Array) -> Converted:
    return _numeric(array, 1.0, values.parse_number, np.float64, _PLAIN_NUMBER)


def to_rate(array: pa.Array) -> Converted:
    # Plain numbers are fractions already; percents go through the scalar parser.
    return _numeric(array, 1.0, values.parse_rate, np.float64, _PLAIN_NUMBER)


def to_seconds(array: pa.Array) -> Converted:
    return _numeric(array, 1.0, values.parse_duration_seconds, np.float64, _PLAIN_NUMBER)


def to_timestamp(array: pa.Array, zone: str, time_format: str | None = None) -> Converted:
    """Local wall times in `zone` (or ISO with offset, or Unix seconds/ms) → UTC timestamp[ms]."""
    text = clean_strings(array)
    formula = _formula_mask(text)
    formats = (time_format,) if time_format else _FAST_TIME_FORMATS
    n = len(text)
    fraction_ms = None
    if not time_format and pc.any(pc.match_substring_regex(text, r":\d{2}\.\d+$")).as_py():
        # Arrow's strptime has no %f: parse the fraction apart and add it back.
        digits = pc.struct_field(pc.extract_regex(text, r"\.(?P<f>\d+)$"), "f")
        fraction_ms = pc.fill_null(
            pc.cast(pc.utf8_slice_codeunits(pc.utf8_rpad(digits, 3, "0"), 0, 3), pa.int64()), 0
        )
        fraction_ms = fraction_ms.to_numpy(zero_copy_only=False)
        text = pc.replace_substring_regex(text, r"(:\d{2})\.\d+$", r"\1")
    local_ms = np.zeros(n, dtype=np.int64)
    valid = np.zeros(n, dtype=bool)
    pending = text
    pending_index = None
    for fmt in formats:
        parsed = pc.strptime(pending, format=fmt, unit="ms", error_is_null=True)
        ok = _mask(pc.is_valid(parsed))
        if ok.any():
            ms = _local_to_utc_ms(parsed, zone)
            target = np.flatnonzero(ok) if pending_index is None else pending_index[ok]
            local_ms[target] = np.nan_to_num(ms[ok]).astype(np.int64)
            valid[target] = True
        left = _mask(pc.is_valid(pending)) & ~ok
        if not left.any():
            break
        positions = np.flatnonzero(left)
        pending_index = positions if pending_index is None else pending_index[positions]
        pending = pending.take(pa.array(positions))
    if fraction_ms is not None:
        local_ms = np.where(valid, local_ms + fraction_ms, local_ms)
    extra = (time_format,) + values.TIME_FORMATS if time_format else values.TIME_FORMATS
    out_of_range = np.zeros(n, dtype=bool)
    result, valid, bad = _fallback(
        text,
        local_ms,
        valid,
        lambda cell: values.parse_instant_ms(cell, zone, extra),
        np.int64,
        out_of_range=out_of_range,
    )
    out_of_range |= valid & ((result < values.FIRST_MS) | (result >= values.END_MS))
    valid &= ~out_of_range
    if formula is not None:
        bad |= formula
        valid &= ~formula
    result = np.where(valid, result, 0)
    return Converted(
        pa.array(result, pa.int64(), mask=~valid).cast(TIMESTAMP), bad, formula, None, out_of_range
    )


def _local_to_utc_ms(parsed: pa.Array, zone: str) -> np.ndarray:
    """Wall-clock times → UTC ms; a zone without a change of offset in the span is one subtraction."""
    local = pc.cast(parsed, pa.int64())
    low, high = pc.min_max(local).values()
    if low.is_valid:
        tz = ZoneInfo(zone)
        offsets = {
            int(
                (
                    tz.utcoffset(datetime.fromtimestamp(v.as_py() / 1000, UTC).replace(tzinfo=None))
                    or timedelta(0)  # a ZoneInfo always has an offset; tzinfo's signature allows None
                ).total_seconds()
            )
            for v in (low, high)
        }
        span_days = (high.as_py() - low.as_py()) / 86_400_000
        if len(offsets) == 1 and (span_days < 1 or not _has_transitions(tz)):
            return local.to_numpy(zero_copy_only=False) - offsets.pop() * 1000
    stamps = pc.assume_timezone(parsed, timezone=zone, ambiguous="earliest", nonexistent="earliest")
    return pc.cast(stamps, pa.int64()).to_numpy(zero_copy_only=False)


def _has_transitions(tz: ZoneInfo) -> bool:
    """Whether the zone has observed daylight saving in recent years (Asia/Shanghai has not since 1991)."""
    year = datetime.now().year
    offsets = {tz.utcoffset(datetime(y, m, 1)) for y in range(year - 5, year + 2) for m in (1, 4, 7, 10)}
    return len(offsets) > 1


CONVERTERS = {
    "text": to_text,
    "id": to_text,
    "money": to_money_fen,
    "int": to_int,
    "float": to_float,
    "rate": to_rate,
    "seconds": to_seconds,
}


def null_column(length: int, arrow_type: str) -> pa.Array:
    return pa.nulls(length, arrow_type_of(arrow_type))


def arrow_type_of(name: str) -> pa.DataType:
    return {
        "string": pa.string(),
        "int64": pa.int64(),
        "double": pa.float64(),
        "bool": pa.bool_(),
        "timestamp": TIMESTAMP,
    }[name]


def canonical_table(columns_spec: dict[str, str], columns: dict[str, pa.Array], length: int) -> pa.Table:
    """A table with exactly the canonical columns in order; absent ones are typed nulls (never zero)."""
    arrays = []
    for name, type_name in columns_spec.items():
        array = columns.get(name)
        wanted = arrow_type_of(type_name)
        if array is None:
            array = pa.nulls(length, wanted)
        elif array.type != wanted:
            array = array.cast(wanted)
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=list(columns_spec))
