"""UI language: English source strings, Chinese from Qt Linguist `.ts` files read at start-up.

The `.ts` XML is the translation file itself (no compiled `.qm` is committed or generated); every file in
`resources/i18n/<lang>/` is loaded, so each feature keeps its own. Qt's own strings (dialog buttons, context
menus) come from the `qtbase` catalogue that ships with Qt. A translated string remembers its source and
values (`Phrase`), so a running window can be re-worded in another language (ui/language_switch.py).
"""

from __future__ import annotations

import sys
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from livedesk.translations import catalogue
from livedesk.words.language import LANGUAGES, set_language

CONTEXT = "LiveDesk"

# The active catalogue (source → translation). A plain dictionary rather than a QTranslator subclass:
# PySide 6.12 drops a reference to None on every call of an overridden QTranslator.translate, which
# eventually crashes the interpreter.
_catalogue: dict[str, str] = {}

# What tr() produced lately, by its words: the language switch finds a widget's text here and words it
# anew. Two meanings can read the same ("Plan" and "Planned" are both 计划); the modules that called tr()
# tell them apart, as the switch looks for the text under the modules of the widget and its parents.
# Bounded, because table models call tr() on every paint.
_said: dict[str, Phrase] = {}
_said_in: dict[tuple[str, str], Phrase] = {}
SAID_LIMIT = 20_000


class Phrase(str):
    """A translated string that remembers its English source, the values formatted into it and the
    modules that asked for it."""

    source: str
    values: tuple[tuple, dict] | None
    where: tuple[str, ...]

    def __new__(
        cls, text: str, source: str, values: tuple[tuple, dict] | None = None, where: tuple[str, ...] = ()
    ) -> Phrase:
        phrase = super().__new__(cls, text)
        phrase.source, phrase.values, phrase.where = source, values, where
        return phrase

    def __reduce__(self):  # pickled or copied as the plain text it is
        return (str, (str(self),))

    def format(self, *args, **kwargs) -> Phrase:  # str.format, remembered
        return _remember(Phrase(str.format(self, *args, **kwargs), self.source, (args, kwargs), self.where))

    def reworded(self) -> str:
        """The same phrase in the current UI language (values that are phrases are re-worded too)."""
        text = Phrase(_catalogue.get(self.source, self.source), self.source, None, self.where)
        if self.values is None:
            return _remember(text)
        args, kwargs = self.values
        return text.format(
            *(reword_value(value) for value in args), **{k: reword_value(v) for k, v in kwargs.items()}
        )


AMBIGUOUS = Phrase("", "")


def reword_value(value):
    return value.reworded() if isinstance(value, Phrase) else value


def _note(table: dict, key, phrase: Phrase) -> None:
    known = table.get(key)
    if known is not None and (known is AMBIGUOUS or known.source != phrase.source):
        table[key] = AMBIGUOUS
        return
    if len(table) >= SAID_LIMIT:
        for old in list(table)[: SAID_LIMIT // 2]:  # the oldest half: current widgets were worded later
            del table[old]
    table[key] = phrase


_P = TypeVar("_P", bound=Phrase)  # a Phrase or a MessagePhrase, returned as what it was


def _remember(phrase: _P) -> _P:
    text = str(phrase)
    _note(_said, text, phrase)
    for module in phrase.where:
        _note(_said_in, (module, text), phrase)
    return phrase


def said(text: str, modules: tuple[str, ...] = ()) -> Phrase | None:
    """The one phrase tr() produced as `text` lately, None if it did not, AMBIGUOUS if two meanings read
    the same and none of `modules` (where the widget showing it was built) asked for only one of them."""
    phrase = _said.get(text)
    if phrase is AMBIGUOUS:
        for module in modules:
            found = _said_in.get((module, text))
            if found is not None and found is not AMBIGUOUS:
                return found
    return phrase


def tr(text: str) -> str:
    """Translate an English source string into the UI language (call with a literal so tests can find it)."""
    module = sys._getframe(1).f_globals.get("__name__", "")
    where = (module, module.rpartition(".")[0])  # the module, and its package (labels.py words for pages)
    return _remember(Phrase(_catalogue.get(text, text), text, None, where))


class MessagePhrase(Phrase):
    """A coded Message as worded now; a language switch words the Message anew (its source is the code)."""

    message: object

    def reworded(self) -> str:
        return _say(self.message, self.where)


def say(message) -> str:
    """A coded Message (livedesk.domain.message) in the current language (livedesk.words.language),
    remembered like a tr() text so a language switch re-words the label showing it."""
    module = sys._getframe(1).f_globals.get("__name__", "")
    return _say(message, (module, module.rpartition(".")[0]))


def _say(message, where: tuple[str, ...]) -> MessagePhrase:
    from livedesk.words.messages import say as word

    phrase = MessagePhrase(word(message), message.code, None, where)
    phrase.message = message
    return _remember(phrase)


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
