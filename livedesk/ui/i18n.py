"""UI language: English source strings, Chinese from Qt Linguist `.ts` files read at start-up.

The `.ts` XML is the translation file itself (no compiled `.qm` is committed or generated); every file in
`resources/i18n/<lang>/` is loaded, so each feature keeps its own. Qt's own strings (dialog buttons, context
menus) come from the `qtbase` catalogue that ships with Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from livedesk.translations import catalogue
from livedesk.words.language import LANGUAGES, set_language

CONTEXT = "LiveDesk"

# The active catalogue (source → translation). A plain dictionary rather than a QTranslator subclass:
# PySide 6.12 drops a reference to None on every call of an overridden QTranslator.translate, which
# eventually crashes the interpreter.
_catalogue: dict[str, str] = {}


def tr(text: str) -> str:
    """Translate an English source string into the UI language (call with a literal so tests can find it)."""
    return _catalogue.get(text, text)


def say(message) -> str:
    """A coded Message (livedesk.domain.message) in the current language (livedesk.words.language); call
    it when showing, so a language switch words it anew."""
    from livedesk.words.messages import say as word

    return word(message)


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Make `lang` the UI language: LiveDesk's catalogue and, for Chinese, Qt's own translations."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown UI language '{lang}'; choose one of {', '.join(LANGUAGES)}")
    for old in app.findChildren(QTranslator, "livedesk-qt-translator"):
        app.removeTranslator(old)
        old.deleteLater()
    _catalogue.clear()
    set_language(lang)  # the vocabulary's words (roles, kinds, metrics …) follow the UI language
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _catalogue.update(catalogue(lang))
    qt_translator = QTranslator(app)
    qt_translator.setObjectName("livedesk-qt-translator")
    if qt_translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        return qt_translator
    qt_translator.deleteLater()
    return None
