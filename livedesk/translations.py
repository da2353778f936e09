"""The translation catalogues (Qt Linguist `.ts` files under resources/i18n), readable without Qt.

The UI installs one for its language; charts and reports, which run without Qt, take a `say` function and
default to Chinese from the same files, so a word is translated once.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from functools import cache
from pathlib import Path

from livedesk.resources import resources_dir


def load_ts_catalogue(folder: Path) -> dict[str, str]:
    """All finished messages of every `.ts` file in `folder`: source → translation."""
    catalogue: dict[str, str] = {}
    for path in sorted(folder.glob("*.ts")):
        root = ElementTree.parse(path).getroot()
        for message in root.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                catalogue[source] = translation.text
    return catalogue


@cache
def catalogue(lang: str) -> dict[str, str]:
    return {} if lang == "en" else load_ts_catalogue(resources_dir() / "i18n" / lang)


class Sayer:
    """Turns an English source string into `lang` (unknown strings stay as they are). It carries its
    `lang` so code drawing with it (charts) takes the vocabulary's words (livedesk.words) in the same one."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._words = catalogue(lang)

    def __call__(self, text: str) -> str:
        return self._words.get(text, text)


def sayer(lang: str = "zh_CN") -> Callable[[str], str]:
    return Sayer(lang)
