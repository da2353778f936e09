"""The current language of every word LiveDesk shows: Chinese by default; the CLI sets it from `--lang`,
the UI from its language menu. Words are looked up at the moment they are shown, so a language switch
needs no restart: whatever is re-drawn reads the new words."""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_current = [DEFAULT_LANGUAGE]  # a one-item list rather than a `global`: set only through set_language


def current_language() -> str:
    return _current[0]


def set_language(lang: str) -> None:
    """Make `lang` (one of LANGUAGES) the language of every later word."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'; choose one of {', '.join(LANGUAGES)}")
    _current[0] = lang


def is_chinese(lang: str | None = None) -> bool:
    return (lang or current_language()).startswith("zh")
