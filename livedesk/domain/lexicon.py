"""Compliance lint for scripts (广告法 and platform rules): lexicon entries with context rules, and matching
that returns each hit with its line, column, category, severity, reason and suggested rewording.

Chinese has no word boundaries, so each entry says where it is fine (allowed neighbours, whole phrases)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from livedesk.domain.message import CodedError, Message


class Severity(StrEnum):
    ERROR = "error"  # prohibited outright (广告法 §9, medical claims for non-drugs, off-platform trading)
    WARNING = "warning"  # allowed only with proof or in some products; rewrite unless you can back it
    INFO = "info"  # worth a second look


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

# The category of users' own words (the words of every category: livedesk.words.LEXICON_CATEGORIES).
CUSTOM = "custom"


class LexiconError(CodedError, ValueError):
    """An entry cannot be used: `reason` (the Message `lexicon.<code>`) names the entry and the problem and is
    worded at the edge; `str()` is the developer's English (logs), as for LiveRunError."""

    def __init__(self, code: str, developer_text: str, details: str | None = None, **params: Any) -> None:
        super().__init__(Message(f"lexicon.{code}", params), details)
        self.developer_text = developer_text

    def __str__(self) -> str:
        return self.developer_text


def _fold(text: str) -> str:
    """Full-width ASCII to half-width and lower case, one character for one so columns stay true."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif code == 0x3000:
            ch = " "
        out.append(ch.lower())
    return "".join(out)


@dataclass(frozen=True)
class LexiconEntry:
    """One banned term (literal) or pattern (a regular expression) and where it is fine."""

    term: str
    category: str
    severity: Severity
    reason: str = ""
    suggestion: str = ""
    is_pattern: bool = False
    allow_before: tuple[str, ...] = ()  # fine when the text just before the match ends with one of these
    allow_after: tuple[str, ...] = ()  # fine when the text just after the match starts with one of these
    allow_in: tuple[str, ...] = ()  # fine when the match lies inside one of these whole phrases
    allow_after_pattern: str = ""  # fine when this regex matches right after the match
    fine_on: tuple[str, ...] = ()  # platforms where the term is fine (a platform's own name)
    regex: re.Pattern[str] = field(kw_only=True, compare=False, repr=False)  # compiled by from_dict

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, default_category: str | None = None) -> LexiconEntry:
        """Build from a JSON object: term|pattern, category, severity, reason, suggestion, allow_* lists."""
        pattern = data.get("pattern")
        term = pattern if pattern else data.get("term")
        if not isinstance(term, str) or not term.strip():
            raise LexiconError(
                "no_term",
                f"lexicon entry {dict(data)!r} has neither a term nor a pattern",
                entry=repr(dict(data))[:120],
            )
        category = data.get("category") or default_category
        if not category:
            raise LexiconError("no_category", f"lexicon entry '{term}' has no category", term=term)
        try:
            severity = Severity(data.get("severity", "warning"))
        except ValueError as exc:
            raise LexiconError(
                "bad_severity",
                f"lexicon entry '{term}' has severity {data.get('severity')!r}; use error, warning or info",
                term=term,
                value=repr(data.get("severity")),
            ) from exc
        context = data.get("context") or {}

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key, context.get(key, ()))
            if isinstance(value, str):
                value = [value]
            return tuple(_fold(v) for v in value if isinstance(v, str) and v)

        after_pattern = data.get("allow_after_pattern", context.get("allow_after_pattern", "")) or ""
        try:
            regex = re.compile(_fold(term) if pattern else re.escape(_fold(term.strip())))
            if after_pattern:
                re.compile(after_pattern)
        except re.error as exc:
            raise LexiconError(
                "bad_pattern", f"lexicon entry '{term}' has a bad pattern: {exc}", str(exc), term=term
            ) from exc
        return cls(
            term=term.strip() if not pattern else term,
            category=str(category),
            severity=severity,
            reason=str(data.get("reason", "")),
            suggestion=str(data.get("suggestion", "")),
            is_pattern=bool(pattern),
            allow_before=strings("allow_before"),
            allow_after=strings("allow_after"),
            allow_in=strings("allow_in"),
            allow_after_pattern=after_pattern,
            fine_on=tuple(str(p).lower() for p in data.get("fine_on", ())),
            regex=regex,
        )


@dataclass(frozen=True)
class LintHit:
    """A flagged span. `line` and `column` are 1-based; columns count characters (code points)."""

    line: int
    column: int
    text: str
    category: str
    severity: Severity
    reason: str
    suggestion: str
    term: str

    @property
    def length(self) -> int:
        return len(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "category": self.category,
            "severity": self.severity.value,
            "reason": self.reason,
            "suggestion": self.suggestion,
        }


class Lexicon:
    """A set of entries plus allowed phrases; `scan(text)` returns the hits in reading order."""

    def __init__(self, entries: Iterable[LexiconEntry], allowed: Iterable[str] = ()) -> None:
        self.entries: tuple[LexiconEntry, ...] = tuple(entries)
        self.allowed: tuple[str, ...] = tuple(_fold(w.strip()) for w in allowed if w and w.strip())

    @classmethod
    def from_dicts(cls, entries: Iterable[Mapping[str, Any]], allowed: Iterable[str] = ()) -> Lexicon:
        return cls([LexiconEntry.from_dict(e) for e in entries], allowed)

    def with_user_words(
        self, banned: Iterable[str | Mapping[str, Any]] = (), allowed: Iterable[str] = ()
    ) -> Lexicon:
        """Add a team's own banned words (strings or entry dicts; category `custom`) and allowed phrases."""
        extra = []
        for word in banned:
            data = {"term": word} if isinstance(word, str) else dict(word)
            data.setdefault("category", CUSTOM)
            data.setdefault("severity", Severity.ERROR.value)
            data.setdefault("reason", "团队自定义禁用词")
            if isinstance(data.get("term"), str) and data["term"].strip():
                extra.append(LexiconEntry.from_dict(data))
        return Lexicon(
            self.entries + tuple(extra),
            self.allowed + tuple(_fold(w.strip()) for w in allowed if w and w.strip()),
        )

    def categories(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.category] = counts.get(entry.category, 0) + 1
        return counts

    def scan(self, text: str, *, platform: str | None = None) -> list[LintHit]:
        hits: list[LintHit] = []
        for number, line in enumerate(text.splitlines(), start=1):
            hits.extend(self.scan_line(line, number, platform=platform))
        return hits

    def scan_line(self, line: str, line_number: int = 1, *, platform: str | None = None) -> list[LintHit]:
        folded = _fold(line)
        spans: list[tuple[int, int, LexiconEntry]] = []
        for entry in self.entries:
            if platform and platform.lower() in entry.fine_on:
                continue
            for match in entry.regex.finditer(folded):
                start, end = match.start(), match.end()
                if end > start and not self._is_fine(folded, start, end, entry):
                    spans.append((start, end, entry))
        return [
            LintHit(
                line=line_number,
                column=start + 1,
                text=line[start:end],
                category=entry.category,
                severity=entry.severity,
                reason=entry.reason,
                suggestion=entry.suggestion,
                term=entry.term,
            )
            for start, end, entry in _keep_outermost(spans)
        ]

    def _is_fine(self, line: str, start: int, end: int, entry: LexiconEntry) -> bool:
        before, after = line[:start], line[end:]
        if any(before.endswith(word) for word in entry.allow_before):
            return True
        if any(after.startswith(word) for word in entry.allow_after):
            return True
        if entry.allow_after_pattern and re.match(entry.allow_after_pattern, after):
            return True
        return _inside_phrase(line, start, end, entry.allow_in) or _inside_phrase(
            line, start, end, self.allowed
        )


def _inside_phrase(line: str, start: int, end: int, phrases: Iterable[str]) -> bool:
    """True when some occurrence of a phrase covers [start, end)."""
    for phrase in phrases:
        size = len(phrase)
        if size < end - start:
            continue
        at = line.find(phrase, max(0, end - size))
        while at != -1 and at <= start:
            if at + size >= end:
                return True
            at = line.find(phrase, at + 1)
    return False


def _keep_outermost(spans: list[tuple[int, int, LexiconEntry]]) -> list[tuple[int, int, LexiconEntry]]:
    """Overlapping hits of one phrase (史上最低 / 最低) report once: the longest, then the most severe."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), SEVERITY_ORDER[s[2].severity]))
    kept: list[tuple[int, int, LexiconEntry]] = []
    for span in spans:
        if any(k[0] <= span[0] and span[1] <= k[1] for k in kept):
            continue
        kept.append(span)
    return kept


def worst_severity(hits: Iterable[LintHit]) -> Severity | None:
    worst = None
    for hit in hits:
        if worst is None or SEVERITY_ORDER[hit.severity] < SEVERITY_ORDER[worst]:
            worst = hit.severity
    return worst


def read_entries(document: Mapping[str, Any], *, source: str = "lexicon") -> list[dict[str, Any]]:
    """The entry dicts of one lexicon document `{"category": …, "entries": [...]}`, category filled in."""
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise LexiconError("no_entries", f"{source} has no 'entries' list", source=source)
    category = document.get("category")
    out = []
    for item in entries:
        if not isinstance(item, Mapping):
            raise LexiconError(
                "entry_not_object",
                f"{source} has an entry that is not an object: {item!r}",
                source=source,
                entry=repr(item)[:120],
            )
        data = dict(item)
        if category and "category" not in data:
            data["category"] = category
        out.append(data)
    return out
