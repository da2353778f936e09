"""Sending the stage windows (host screen, prompter) to a screen: the list of screens in words, a combo
box that follows screens being plugged in or out, and the "move to screen" menu of each stage window."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from livedesk.ui.i18n import tr


def screen_name(index: int, screen: QScreen) -> str:
    size = screen.size()
    return f"{index + 1}: {screen.name()} {size.width()}×{size.height()}"


def send_to_screen(window: QWidget, screen: QScreen | None) -> None:
    """Full screen on `screen` (the window keeps its own screen when None)."""
    if screen is not None:
        if window.isFullScreen():
            window.showNormal()  # a full-screen window only changes screens from normal state
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
    window.showFullScreen()


class ScreenBox(QComboBox):
    """The screens of the desk, refreshed when one is added or removed; `screen()` is the chosen one."""

    def __init__(self, default_last: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_last = default_last
        self.refresh()
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):  # a widget needs the GUI application: it exists by now
            raise RuntimeError("a screen list needs a running QGuiApplication")
        app.screenAdded.connect(self.refresh)
        app.screenRemoved.connect(self.refresh)

    def refresh(self, *_args) -> None:
        chosen = self.currentText()
        self.blockSignals(True)
        self.clear()
        for index, screen in enumerate(QGuiApplication.screens()):
            self.addItem(screen_name(index, screen), index)
        found = self.findText(chosen) if chosen else -1
        self.setCurrentIndex(found if found >= 0 else (self.count() - 1 if self._default_last else 0))
        self.blockSignals(False)

    def chosen_screen(self) -> QScreen | None:
        screens = QGuiApplication.screens()
        index = self.currentData()
        return screens[index] if index is not None and index < len(screens) else None


def screen_menu(window: QWidget) -> QMenu:
    """A context menu listing every screen; choosing one sends `window` there, full screen."""
    menu = QMenu(window)
    move = menu.addMenu(tr("Move to screen"))
    for index, screen in enumerate(QGuiApplication.screens()):
        action = move.addAction(screen_name(index, screen))
        action.setCheckable(True)
        action.setChecked(window.screen() is screen)
        action.triggered.connect(lambda _checked=False, s=screen: send_to_screen(window, s))
    menu.addSeparator()
    menu.addAction(tr("Close (Esc)"), window.close)
    return menu
