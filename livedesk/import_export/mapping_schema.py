"""The column-mapping document's schema: each key, what it must hold, and one sentence per error that names
the key and what was expected (never a Python error). Mapping files are read here with size and depth limits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from livedesk.domain.message import CodedError, Message

MAX_MAPPING_BYTES = 256 << 10
MAX_TEXT = 200  # a column header, sheet name or cancel prefix
MAX_HEADER_ROW = 10_000
MAX_DEPTH = 8  # a mapping is an object holding one object
_TIME_DIRECTIVES = set("aAbBcdfGHIjmMpSuUVwWxXyYzZ%")
KNOWN_KEYS = ("kind", "columns", "sheet", "time_format", "timezone", "cancel_prefix", "header_row")


class MappingError(CodedError, ValueError):
    """A mapping that cannot be used: `reason` (a `mapping.*` Message) names the key and what it must hold;
    `str()` is the English sentence."""

    def __init__(self, code: str, **params) -> None:
        super().__init__(Message(f"mapping.{code}", params))

    def __str__(self) -> str:
        from livedesk.words.messages import say

        return say(self.reason, "en")


def describe(value) -> Message:
    """A JSON value as the user wrote it, in words."""
    if value is None:
        return Message("value.null")
    if isinstance(value, bool):
        return Message("value.bool")
    if isinstance(value, (int, float)):
        return Message("value.number", {"number": f"{value:g}" if isinstance(value, float) else str(value)})
    if isinstance(value, list):
        return Message("value.list")
    if isinstance(value, dict):
        return Message("value.object")
    text = str(value)
    if "\x00" in text:
        return Message("value.nul_text")
    if len(text) > 40:
        return Message("value.long_text", {"length": len(text)})
    return Message("value.text", {"text": text})


def _text(data: dict, key: str, *, limit: int = MAX_TEXT) -> str | None:
    """A text value; the words for what it must hold are `mapping.what.<key>`."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or "\x00" in value or len(value) > limit or not value.strip():
        raise _must_be(key, value)
    return value


def _must_be(key: str, value) -> MappingError:
    return MappingError("bad_value", key=key, what=Message(f"mapping.what.{key}"), value=describe(value))


def _time_format(data: dict) -> str | None:
    value = _text(data, "time_format", limit=100)
    if value is None:
        return None
    directives = re.findall(r"%(.?)", value)
    if not directives or any(d not in _TIME_DIRECTIVES for d in directives):
        raise _must_be("time_format", value)
    return value


def _timezone(data: dict) -> str | None:
    value = _text(data, "timezone", limit=60)
    if value is None:
        return None
    try:
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*", value):
            raise ValueError(value)
        ZoneInfo(value)
    except (ValueError, OSError, LookupError) as exc:  # ZoneInfoNotFoundError is a LookupError
        raise _must_be("timezone", value) from exc
    return value


def _header_row(data: dict) -> int | None:
    value = data.get("header_row")
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_HEADER_ROW:
        raise MappingError("bad_header_row", limit=MAX_HEADER_ROW, value=describe(value))
    return value


def validate(data, fields_by_kind: dict[str, tuple[str, ...]]) -> dict:
    """The mapping's values, checked key by key; MappingError (one sentence) at the first bad key."""
    if not isinstance(data, dict):
        raise MappingError("not_an_object", value=describe(data))
    unknown = [str(k) for k in data if k not in KNOWN_KEYS]
    if unknown:
        raise MappingError("unknown_key", key=unknown[0][:40], keys=list(KNOWN_KEYS))
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in fields_by_kind:
        raise MappingError("bad_kind", kinds=list(fields_by_kind), value=describe(kind))
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise MappingError("bad_columns", value=describe(columns))
    known = fields_by_kind[kind]
    for name, header in columns.items():
        if name not in known:
            raise MappingError("not_a_field", name=describe(name), kind=kind, fields=list(known))
        if header is not None and (not isinstance(header, str) or "\x00" in header or len(header) > MAX_TEXT):
            raise MappingError("bad_header", name=name, value=describe(header))
    return {
        "kind": kind,
        "columns": {k: v for k, v in columns.items() if v not in (None, "")},
        "sheet": _text(data, "sheet"),
        "time_format": _time_format(data),
        "timezone": _timezone(data),
        "cancel_prefix": _text(data, "cancel_prefix"),
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
            raise MappingError("file_too_big", file=name, size_bytes=size, limit_bytes=MAX_MAPPING_BYTES)
        raw = path.read_bytes()
    except OSError as exc:
        raise MappingError("file_unopenable", file=name) from exc
    text = None
    for codec in ("utf-8-sig", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = raw.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        raise MappingError("file_not_text", file=name)
    if not text.strip():
        raise MappingError("file_empty", file=name)
    if _depth(text) > MAX_DEPTH:
        raise MappingError("file_too_deep", file=name, depth=MAX_DEPTH)

    def no_constants(token: str):
        raise ValueError(token)

    try:
        return json.loads(text, parse_constant=no_constants)
    except ValueError as exc:  # JSONDecodeError is a ValueError; so is NaN/Infinity above
        line = getattr(exc, "lineno", None)
        if line:
            raise MappingError("file_not_json_at", file=name, line=line) from exc
        raise MappingError("file_not_json", file=name) from exc
