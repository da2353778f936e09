"""UI language: English source strings, Chinese from Qt Linguist `.ts` files read at start-up.

The `.ts` XML is the translation file itself (no compiled `.qm` is committed or generated); every file in
`resources/i18n/<lang>/` is loaded, so each feature keeps its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from livedesk.resources import resources_dir

CONTEXT = "LiveDesk"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def tr(text: str) -> str:
    """Translate an English source string into the UI language (call with a literal so tests can find it)."""
    return QCoreApplication.translate(CONTEXT, text)


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


class TsTranslator(QTranslator):
    """A QTranslator answering from a catalogue parsed from `.ts` files."""

    def __init__(self, catalogue: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt API
        # Qt asks for its own contexts too (QShortcut, QDateTimeEdit …): answer only ours, and answer
        # "unknown" with None (a null string); an empty string would count as a translation to nothing.
        if context != CONTEXT:
            return None
        return self._catalogue.get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return not self._catalogue


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Install the translator for `lang` (None for English, the source language)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown UI language '{lang}'; choose one of {', '.join(LANGUAGES)}")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN" else QLocale(QLocale.Language.English))
    if lang == "en":
        return None
    translator = TsTranslator(load_ts_catalogue(resources_dir() / "i18n" / lang), app)
    app.installTranslator(translator)
    return translator
