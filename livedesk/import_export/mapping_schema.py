"""The column-mapping document's schema: each key, what it must hold, and one sentence per error that names
the key and what was expected (never a Python error). Mapping files are read here with size and depth limits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

MAX_MAPPING_BYTES = 256 << 10
MAX_TEXT = 200  # a column header, sheet name or cancel prefix
MAX_HEADER_ROW = 10_000
MAX_DEPTH = 8  # a mapping is an object holding one object
_TIME_DIRECTIVES = set("aAbBcdfGHIjmMpSuUVwWxXyYzZ%")
KNOWN_KEYS = ("kind", "columns", "sheet", "time_format", "timezone", "cancel_prefix", "header_row")


class MappingError(ValueError):
    """A mapping that cannot be used; the message is one sentence naming the key and what it must hold."""


def describe(value) -> str:
    """A JSON value as the user wrote it, in words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    text = str(value)
    if "\x00" in text:
        return "text with a NUL character"
    if len(text) > 40:
        return f"text of {len(text):,} characters"
    return f'"{text}"'


def _text(data: dict, key: str, what: str, *, limit: int = MAX_TEXT) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or "\x00" in value or len(value) > limit or not value.strip():
        raise MappingError(f'the mapping\'s "{key}" must be {what}, not {describe(value)}')
    return value


def _time_format(data: dict) -> str | None:
    what = "a time layout such as %Y-%m-%d %H:%M"
    value = _text(data, "time_format", what, limit=100)
    if value is None:
        return None
    directives = re.findall(r"%(.?)", value)
    if not directives or any(d not in _TIME_DIRECTIVES for d in directives):
        raise MappingError(f'the mapping\'s "time_format" must be {what}, not {describe(value)}')
    return value


def _timezone(data: dict) -> str | None:
    what = "a time zone name such as Asia/Shanghai"
    value = _text(data, "timezone", what, limit=60)
    if value is None:
        return None
    try:
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*", value):
            raise ValueError(value)
        ZoneInfo(value)
    except (ValueError, OSError, LookupError) as exc:  # ZoneInfoNotFoundError is a LookupError
        raise MappingError(f'the mapping\'s "timezone" must be {what}, not {describe(value)}') from exc
    return value


def _header_row(data: dict) -> int | None:
    value = data.get("header_row")
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_HEADER_ROW:
        raise MappingError(
            f'the mapping\'s "header_row" must be a row number from 1 to {MAX_HEADER_ROW:,}, not {describe(value)}'
        )
    return value


def validate(data, fields_by_kind: dict[str, tuple[str, ...]]) -> dict:
    """The mapping's values, checked key by key; MappingError (one sentence) at the first bad key."""
    if not isinstance(data, dict):
        raise MappingError(
            f'a column mapping must be an object with "kind" and "columns", not {describe(data)}'
        )
    unknown = [str(k) for k in data if k not in KNOWN_KEYS]
    if unknown:
        raise MappingError(
            f'the mapping has the unknown key "{unknown[0][:40]}" (keys a mapping may have: {", ".join(KNOWN_KEYS)})'
        )
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in fields_by_kind:
        raise MappingError(
            f'the mapping\'s "kind" must be one of {", ".join(fields_by_kind)}, not {describe(kind)}'
        )
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise MappingError(
            f'the mapping\'s "columns" must be an object from field names to column headers, not {describe(columns)}'
        )
    known = fields_by_kind[kind]
    for name, header in columns.items():
        if name not in known:
            raise MappingError(
                f'the mapping\'s "columns" names {describe(name)}, which is not a {kind} field '
                f"(fields: {', '.join(known)})"
            )
        if header is not None and (not isinstance(header, str) or "\x00" in header or len(header) > MAX_TEXT):
            raise MappingError(
                f'the mapping\'s "columns" → "{name}" must be a column header (text), not {describe(header)}'
            )
    return {
        "kind": kind,
        "columns": {k: v for k, v in columns.items() if v not in (None, "")},
        "sheet": _text(data, "sheet", "a sheet name"),
        "time_format": _time_format(data),
        "timezone": _timezone(data),
        "cancel_prefix": _text(data, "cancel_prefix", "the text that starts a cancelled order's number"),
        "header_row": _header_row(data),
    }


def _depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        elif ch in "]}":
            depth -= 1
    return deepest


def read_document(path: Path) -> object:
    """A mapping file's JSON; MappingError naming the file when it is too big, not text or not JSON."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_MAPPING_BYTES:
            raise MappingError(
                f"the mapping file {name} is {size / 1024:,.0f} KB; a mapping is at most {MAX_MAPPING_BYTES >> 10} KB"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise MappingError(f"the mapping file {name} cannot be opened") from exc
    text = None
    for codec in ("utf-8-sig", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = raw.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        raise MappingError(f"the mapping file {name} is not UTF-8 text")
    if not text.strip():
        raise MappingError(f"the mapping file {name} is empty")
    if _depth(text) > MAX_DEPTH:
        raise MappingError(
            f"the mapping file {name} nests more than {MAX_DEPTH} levels deep; a mapping is one object"
        )

    def no_constants(token: str):
        raise ValueError(token)

    try:
        return json.loads(text, parse_constant=no_constants)
    except ValueError as exc:  # JSONDecodeError is a ValueError; so is NaN/Infinity above
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        raise MappingError(f"the mapping file {name} is not valid JSON{where}") from exc
