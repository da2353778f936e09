"""Switching the UI language while LiveDesk runs: every open window is re-worded at once, no restart.

Widgets are built with tr() texts. A switch installs the new catalogue, then walks every widget and action
and words each text that tr() produced (a `Phrase`, found by its words) anew from its English source and
values; texts no tr() made (a product's name, a typed script) are left alone. Item models are asked to
repaint their headers and cells, which call tr() as they paint, and every widget then receives Qt's
LanguageChange event, which widgets with words built from data (charts, undo actions, stage words) handle
by rebuilding them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

import livedesk.words as words_module
from livedesk.translations import catalogue
from livedesk.ui.i18n import AMBIGUOUS, install_language, said
from livedesk.words import Vocabulary, Word, current_language

language_listeners: list[Callable[[str], None]] = []  # words kept outside widgets (e.g. livedesk/words)


def switch_language(app: QCoreApplication, lang: str) -> None:
    """Make `lang` the UI language of the running application and re-word every open window."""
    old = current_language()
    if lang == old:
        return
    before = _reverse(old)
    install_language(app, lang)  # also the vocabulary's current language (livedesk.words)
    for listener in language_listeners:
        listener(lang)
    words = Rewording(before, {**catalogue(lang), **_vocabulary_words(lang)})
    for widget in QApplication.allWidgets():
        words.widget(widget)
    # Qt hands LanguageChange on from each window to every child and repaints it. Sent to the windows
    # only, and texts set only where they change: each call of a Qt method that returns nothing costs
    # PySide 6.12 one reference to None, and an interpreter short of them aborts.
    for window in QApplication.topLevelWidgets():
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))


def _reverse(lang: str) -> dict[str, str]:
    """Word in `lang` → its English form, from the catalogue and the vocabulary (livedesk.words), only
    where one English form reads that way."""
    pairs = [] if lang == "en" else [(text, source) for source, text in catalogue(lang).items()]
    pairs += [(word.text(lang), word.en) for word in _vocabulary()]
    sources: dict[str, str | None] = {}
    for text, source in pairs:
        sources[text] = None if text in sources and sources[text] != source else source
    return {text: source for text, source in sources.items() if source is not None}


def _vocabulary() -> list[Word]:
    return [
        word
        for vocabulary in vars(words_module).values()
        if isinstance(vocabulary, Vocabulary)
        for word in vocabulary.values()
    ]


def _vocabulary_words(lang: str) -> dict[str, str]:
    """English form → the word in `lang`, for the vocabulary's words shown without tr()."""
    return {word.en: word.text(lang) for word in _vocabulary()}


def _built_in(widget: QWidget) -> tuple[str, ...]:
    """Our modules that built `widget` and its parents, nearest first (where its tr() texts were asked)."""
    modules: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        module = type(current).__module__
        if module.startswith("livedesk") and module not in modules:
            modules.append(module)
        current = current.parentWidget()
    packages = [module.rpartition(".")[0] for module in modules]
    return tuple(modules) + tuple(dict.fromkeys(packages))


class Rewording:
    """Words texts of the old language in the new one; None for a text that is not ours to change."""

    def __init__(self, old_sources: dict[str, str], new_words: dict[str, str]) -> None:
        self._old_sources = old_sources
        self._new_words = new_words
        self._models: set[int] = set()
        self._modules: tuple[str, ...] = ()

    def text(self, text: str, modules: tuple[str, ...] = ()) -> str | None:
        if not text:
            return None
        phrase = said(text, modules)
        if phrase is AMBIGUOUS:
            return None
        if phrase is not None:
            return phrase.reworded()
        source = self._old_sources.get(text, text)  # a word from the catalogue without tr() (charts, words)
        if source in self._new_words or source != text:
            return self._new_words.get(source, source)
        if "\n" in text:  # lines joined after tr()
            lines = [self.text(line, modules) for line in text.split("\n")]
            if any(line is not None for line in lines):
                return "\n".join(new or old for new, old in zip(lines, text.split("\n"), strict=True))
        return None

    def _set(self, getter, setter) -> None:
        new = self.text(getter(), self._modules)
        if new is not None and new != getter():
            setter(new)

    def widget(self, widget: QWidget) -> None:
        self._modules = _built_in(widget)
        self._set(widget.windowTitle, widget.setWindowTitle)
        self._set(widget.toolTip, widget.setToolTip)
        self._set(widget.statusTip, widget.setStatusTip)
        self._set(widget.whatsThis, widget.setWhatsThis)
        if isinstance(widget, QLabel | QAbstractButton):
            self._set(widget.text, widget.setText)
        elif isinstance(widget, QGroupBox | QMenu):
            self._set(widget.title, widget.setTitle)
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            self._set(widget.placeholderText, widget.setPlaceholderText)
        elif isinstance(widget, QComboBox):
            self._combo(widget)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                self._set(lambda i=i: widget.tabText(i), lambda t, i=i: widget.setTabText(i, t))
                self._set(lambda i=i: widget.tabToolTip(i), lambda t, i=i: widget.setTabToolTip(i, t))
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            self._set(widget.suffix, widget.setSuffix)
            self._set(widget.prefix, widget.setPrefix)
        if isinstance(widget, QAbstractSpinBox):
            self._set(widget.specialValueText, widget.setSpecialValueText)
        if isinstance(widget, QAbstractItemView):
            self._view(widget)
        for action in widget.actions():
            self.action(action)

    def action(self, action: QAction) -> None:
        self._set(action.text, action.setText)
        self._set(action.toolTip, action.setToolTip)
        self._set(action.statusTip, action.setStatusTip)
        self._set(action.iconText, action.setIconText)

    def _combo(self, combo: QComboBox) -> None:
        self._set(combo.placeholderText, combo.setPlaceholderText)
        for i in range(combo.count()):
            self._set(lambda i=i: combo.itemText(i), lambda t, i=i: combo.setItemText(i, t))

    def _view(self, view: QAbstractItemView) -> None:
        if isinstance(view, QListWidget):
            for i in range(view.count()):
                self._item(view.item(i), 0)
        elif isinstance(view, QTableWidget):
            for row in range(view.rowCount()):
                for column in range(view.columnCount()):
                    if view.item(row, column) is not None:
                        self._item(view.item(row, column), None)
            for column in range(view.columnCount()):
                if view.horizontalHeaderItem(column) is not None:
                    self._item(view.horizontalHeaderItem(column), None)
            for row in range(view.rowCount()):
                if view.verticalHeaderItem(row) is not None:
                    self._item(view.verticalHeaderItem(row), None)
        elif isinstance(view, QTreeWidget):
            header = view.headerItem()
            for column in range(view.columnCount()):
                self._set(lambda c=column: header.text(c), lambda t, c=column: header.setText(c, t))
            stack = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
            while stack:
                item = stack.pop()
                if item is None:
                    continue
                for column in range(view.columnCount()):
                    self._set(lambda c=column, i=item: i.text(c), lambda t, c=column, i=item: i.setText(c, t))
                stack.extend(item.child(i) for i in range(item.childCount()))
        else:
            self._model(view.model())

    def _item(self, item, _column) -> None:
        self._set(item.text, item.setText)
        self._set(item.toolTip, item.setToolTip)

    def _model(self, model: QAbstractItemModel | None) -> None:
        """Models built on our side word their texts as they paint: ask them to paint again."""
        while isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        if model is None or id(model) in self._models:
            return
        self._models.add(id(model))
        if isinstance(model, QStandardItemModel):
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    item = model.item(row, column)
                    if item is not None:
                        self._item(item, column)
            for column in range(model.columnCount()):
                item = model.horizontalHeaderItem(column)
                if item is not None:
                    self._item(item, column)
            return
        rows = model.rowCount(QModelIndex())
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        if columns:
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if rows:
            model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
            if columns:
                model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
