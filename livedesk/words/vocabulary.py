"""A `Word` (Chinese, English, optionally a colour) and a `Vocabulary`: the words of one kind of code
(roles, segment kinds, severities …). Codes are looked up by their string value, so an enum member and the
code stored in JSON or the database find the same word."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from livedesk.words.language import is_chinese

MISSING = "—"


@dataclass(frozen=True)
class Word:
    """One meaning in both languages (Chinese first, as users read it) and, where it has one, its colour."""

    zh: str
    en: str
    colour: str | None = None

    def text(self, lang: str | None = None) -> str:
        """The word in `lang` (the current language when None)."""
        return self.zh if is_chinese(lang) else self.en

    def __str__(self) -> str:
        return self.text()


class Vocabulary(Mapping[str, Word]):
    """The words of one kind of code. `vocabulary.word(code)` is the word in the current language; an
    unknown code shows as itself (so a new code is visible, never silently blank) and None as "—"."""

    def __init__(self, name: str, words: Mapping[str, Word]) -> None:
        self.name = name
        # str() keys: a StrEnum member and its value are the same key, and two enums sharing a value
        # (SegmentKind.ENCORE, Marker.ENCORE) live in different vocabularies.
        self._words = {str(code): word for code, word in words.items()}

    def __getitem__(self, code: str) -> Word:
        return self._words[str(code)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def word(self, code: str | None, lang: str | None = None, *, missing: str = MISSING) -> str:
        if code is None or code == "":
            return missing
        found = self._words.get(str(code))
        return found.text(lang) if found else str(code)

    def texts(self, lang: str | None = None) -> dict[str, str]:
        """Every code's word in `lang`, for writers that index a plain dict (the reports)."""
        return {code: word.text(lang) for code, word in self._words.items()}

    def colour(self, code: str | None, fallback: str | None = None) -> str | None:
        found = self._words.get(str(code)) if code is not None else None
        return found.colour if found and found.colour else fallback

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {len(self)} words)"
