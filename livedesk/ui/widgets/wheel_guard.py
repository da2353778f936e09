"""Spin boxes and combo boxes change only when the user is in them: a wheel turned over one that does not
have focus scrolls the page instead (a stray wheel once changed 假设转化率 from 1% to 0.01% unnoticed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """An application-wide event filter: covers every spin box and combo box, present and future."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            # WheelFocus would hand focus to the box on the first wheel turn and then let it change.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, GUARDED) and not _focused(watched):
            event.ignore()  # not consumed: Qt hands the wheel on to the parent, which scrolls
            return True
        return False


def _focused(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install once per application (a second call returns the guard already there)."""
    existing = app.findChild(WheelGuard, "livedesk-wheel-guard")
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    guard.setObjectName("livedesk-wheel-guard")
    app.installEventFilter(guard)
    return guard
