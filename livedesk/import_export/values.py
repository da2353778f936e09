"""Reading one exported cell: ids, money, rates, counts with 万/w, durations, ranges flagged 估算, times.

Platform exports write values for people (`¥1,234.50`, `0.68%`, `2小时3分17秒`, `7.5w~10w`, `—`); these
functions turn them into storage units (fen, fractions, seconds) or raise ValueError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo

EMPTY_MARKS = frozenset(
    {"", "-", "—", "--", "——", "–", "－", "/", "N/A", "n/a", "NaN", "nan", "null", "NULL"}
)
_BRACKETS = str.maketrans(
    {"（": "(", "）": ")", "【": "[", "】": "]", "：": ":", "\ufeff": None, "\u3000": " "}
)
_WRAPPED = re.compile(r'^="(.*)"$', re.S)
_FORMULA = re.compile(r"^=\s*[A-Za-z_(]")
_UNITS = {
    "万": Decimal(10_000),
    "w": Decimal(10_000),
    "W": Decimal(10_000),
    "亿": Decimal(100_000_000),
    "k": Decimal(1_000),
    "K": Decimal(1_000),
}
_NUMBER = re.compile(r"^([+-]?)(\d+(?:\.\d*)?|\.\d+)(万|亿|[wWkK])?(%)?$")
_RANGE = re.compile(r"^(.+?)\s*(?:~|～|至|—|－|(?<=[\d万wWkK%])-)\s*(.+)$")
_DURATION = re.compile(
    r"^(?:(\d+(?:\.\d+)?)(?:小时|时|h))?\s*(?:(\d+(?:\.\d+)?)(?:分钟|分|min|m))?\s*"
    r"(?:(\d+(?:\.\d+)?)(?:秒钟|秒|s))?$"
)
_CLOCK = re.compile(r"^(\d+):(\d{1,2})(?::(\d{1,2}))?$")
TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y%m%d %H:%M:%S",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%Y年%m月%d日",
)


# Instants outside these years are a damaged cell, not a live session (and would make per-minute
# series of millions of entries downstream).
FIRST_MS = 0  # 1970-01-01 UTC
END_MS = 4_102_444_800_000  # 2100-01-01 UTC
YEARS = "1970–2100"
# Beyond this a cell is not an amount, count or rate any export holds (and floats lose whole units).
MAX_MAGNITUDE = Decimal(10) ** 15


def shown(value, limit: int = 60) -> str:
    """A cell as quoted in a warning: repr, cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Number:
    """A parsed quantity in storage units; a range such as `7.5w~10w` keeps its ends and is flagged 估算."""

    value: float
    low: float | None = None
    high: float | None = None
    estimated: bool = False


def clean_cell(value) -> str | None:
    """Any cell as text without Excel's id wrappers (leading tab, `="…"`); `—`, `-` and blanks are None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    text = str(value).replace("\ufeff", "").strip()
    wrapped = _WRAPPED.match(text)
    if wrapped:
        text = wrapped.group(1).strip()
    return None if text in EMPTY_MARKS else text


def normalise_header(value) -> str:
    """Header text for matching: no BOM, id wrappers or spaces; full-width brackets and colons made half-width."""
    text = clean_cell(value) or ""
    return re.sub(r"\s+", "", text.translate(_BRACKETS))


def is_formula(text: str | None) -> bool:
    return text is not None and _FORMULA.match(text) is not None


def _decimal(text: str) -> tuple[Decimal, bool]:
    """One number with optional unit and percent → (value, is_percent)."""
    match = _NUMBER.match(text)
    if not match:
        raise ValueError(f"not a number: {text!r}")
    sign, digits, unit, percent = match.groups()
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise ValueError(f"not a number: {text!r}") from exc
    if unit:
        value *= _UNITS[unit]
    if sign == "-":
        value = -value
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"out of range: {text!r}")
    return value, bool(percent)


def _strip_number(text: str) -> str:
    text = text.replace(",", "").replace("，", "").replace(" ", "")
    for symbol in ("¥", "￥", "元", "RMB", "$", "次", "人", "件", "单"):
        text = text.replace(symbol, "")
    return text


def parse_decimal(value) -> tuple[Decimal, Decimal | None, Decimal | None, bool] | None:
    """Cell → (value, low, high, is_percent); a range gives its midpoint and ends. None for empty."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and value != value:
            return None
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite() or abs(number) > MAX_MAGNITUDE:
            raise ValueError(f"out of range: {value!r}")
        return number, None, None, False
    text = clean_cell(value)
    if text is None:
        return None
    text = _strip_number(text)
    try:
        number, percent = _decimal(text)
        return number, None, None, percent
    except ValueError:
        pass
    ranged = _RANGE.match(text)
    if not ranged:
        raise ValueError(f"not a number: {value!r}")
    left, right = ranged.groups()
    right_unit = re.search(r"(万|亿|[wWkK])?(%)?$", right)
    # `7.5~10w` and `10~15%`: a unit written once applies to both ends.
    if right_unit and not re.search(r"[万亿wWkK%]$", left):
        left = left + "".join(g for g in right_unit.groups() if g)
    low, low_percent = _decimal(left)
    high, high_percent = _decimal(right)
    if low > high:
        low, high = high, low
    return (low + high) / 2, low, high, low_percent or high_percent


def parse_number(value, *, scale: Decimal | int = 1, rate: bool = False) -> Number | None:
    """A count or amount; `scale` converts units (100 for yuan → fen); `rate` divides percents by 100."""
    parsed = parse_decimal(value)
    if parsed is None:
        return None
    number, low, high, percent = parsed
    factor = Decimal(scale) / (100 if percent and rate else 1)
    if percent and not rate:
        raise ValueError(f"a percentage where a number was expected: {value!r}")
    convert = (
        (lambda d: float(d * factor))
        if scale == 1
        else (lambda d: float((d * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    )
    if low is None:
        return Number(convert(number))
    return Number(convert(number), convert(low), convert(high), estimated=True)


def parse_money_fen(value) -> Number | None:
    """`¥1,234.50` → 123450 fen; `23.6万` → 236000 yuan in fen; a range keeps its ends (estimated)."""
    return parse_number(value, scale=100)


def parse_rate(value) -> Number | None:
    """`0.68%` → 0.0068; a bare `0.0068` stays; `10%~15%` → 0.125 estimated."""
    return parse_number(value, rate=True)


def parse_duration_seconds(value) -> float | None:
    """`1分5秒` → 65, `2小时3分17秒` → 7397, `01:05:03` → 3903, a bare number is seconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = clean_cell(value)
    if text is None:
        return None
    text = text.replace(" ", "")
    clock = _CLOCK.match(text)
    if clock:
        first, second, third = clock.groups()
        if third is None:
            return float(int(first) * 60 + int(second))
        return float(int(first) * 3600 + int(second) * 60 + int(third))
    match = _DURATION.match(text)
    if match and any(match.groups()):
        hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    try:
        return float(_decimal(_strip_number(text))[0])
    except ValueError as exc:
        raise ValueError(f"not a duration: {value!r}") from exc


def parse_instant_ms(value, zone: str, formats: tuple[str, ...] = TIME_FORMATS) -> int | None:
    """A local time (naive → the session's zone), an ISO time with offset, or Unix seconds/ms → UTC epoch ms."""
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        return _in_years(_epoch_ms(float(value)), value)
    else:
        text = clean_cell(value)
        if text is None:
            return None
        parsed = _parse_datetime_text(text, formats)
        if parsed is None:
            if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
                return _in_years(_epoch_ms(float(text)), value)
            raise ValueError(f"not a time: {value!r}")
        moment = parsed
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    try:
        ms = round(moment.timestamp() * 1000)
    except (OverflowError, ValueError) as exc:  # year 1 or 9999 shifted past the calendar by the zone
        raise ValueError(f"outside {YEARS}: {value!r}") from exc
    return _in_years(ms, value)


def _in_years(ms: int, value) -> int:
    if not FIRST_MS <= ms < END_MS:
        raise ValueError(f"outside {YEARS}: {value!r}")
    return ms


def _parse_datetime_text(text: str, formats: tuple[str, ...]) -> datetime | None:
    try:
        return datetime.fromisoformat(text)  # C-fast, and takes fractions and offsets
    except ValueError:
        pass
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        return None


def _epoch_ms(number: float) -> int:
    """Unix stamps: seconds (10 digits, 讲解 records) or milliseconds (13 digits)."""
    if not 1e8 <= abs(number) < 1e14:
        raise ValueError(f"not a Unix time: {number!r}")
    return round(number if abs(number) >= 1e11 else number * 1000)


def utc_ms(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return round(moment.astimezone(UTC).timestamp() * 1000)
