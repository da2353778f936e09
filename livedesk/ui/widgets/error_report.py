"""Errors where the user looks: a failure becomes one sentence in the UI language with what to do, shown in
a banner inside the window (never only on the terminal). Catches what no caller handled: failed background
tasks and store writes, and exceptions raised in Qt slots (through sys.excepthook)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from livedesk.domain.message import Message
from livedesk.ui.i18n import say, tr


def describe_error(error: BaseException) -> str:
    """What went wrong and what to do, for a director, from an exception of any layer."""
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.persistence.store import StoreError

    coded = getattr(error, "reason", None)
    if isinstance(coded, Message):  # the core said why as a code: its sentence already says what to do
        return say(coded)
    reason = str(error) or type(error).__name__
    if isinstance(error, SessionNotFound):
        return tr("This session no longer exists ({reason}). Choose another session in the list.").format(
            reason=reason
        )
    if isinstance(error, StoreError) or type(error).__module__.startswith("sqlalchemy"):
        return tr(
            "The database could not be reached ({reason}). Your last edit is kept in the window; "
            "try again in a moment, and check the network if the database is shared."
        ).format(reason=reason.splitlines()[0])
    if isinstance(error, FileNotFoundError) and error.filename:
        return tr("The file {name} does not exist. Check the folder and the name, then try again.").format(
            name=error.filename
        )
    if isinstance(error, PermissionError) and error.filename:
        return tr(
            "LiveDesk may not read or write {name}. Choose another folder, or close the program that has it open."
        ).format(name=error.filename)
    if isinstance(error, IsADirectoryError) and error.filename:
        return tr("{name} is a folder, not a file. Choose a file name and try again.").format(
            name=Path(error.filename).name
        )
    if isinstance(error, OSError) and error.filename:
        # The file's name, not the system's English words and error number.
        return tr(
            "The file {name} could not be read or written. Check that its folder exists and no other "
            "program has it open, then try again."
        ).format(name=Path(error.filename).name)
    if isinstance(error, OSError):
        return tr(
            "A file could not be read or written ({reason}). Check that it exists and no other program "
            "has it open, then try again."
        ).format(reason=reason)
    if isinstance(error, (ValueError, LookupError)):
        return tr("This did not work: {reason}. Check the input and try again.").format(reason=reason)
    return tr(
        "Something unexpected went wrong ({kind}: {reason}). Your edits are saved; try again, and if it "
        "happens again restart LiveDesk and send the details to support."
    ).format(kind=type(error).__name__, reason=reason)


def error_details(error: BaseException) -> str:
    """Where the error was raised: its traceback (a background job's error keeps the job's frames)."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


class ErrorBanner(QFrame):
    """A red strip across the top of the window with the latest failure; 关闭 hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setStyleSheet(
            "#errorBanner { background: #FDECEC; border: 1px solid #E53E3E; border-radius: 4px; }"
            "#errorBanner QLabel { color: #9B2C2C; font-size: 14px; }"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(close)
        self.hide()

    def show_error(self, error: BaseException) -> None:
        self.message.setText(describe_error(error))
        self.message.setToolTip(error_details(error))
        self.show()


class ExceptionReporter(QObject):
    """Chains itself into sys.excepthook while installed: an exception that escapes a slot reaches the
    window (through a queued signal, whatever thread raised it) and still reaches the previous hook."""

    reported = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous: (
            Callable[[type[BaseException], BaseException, TracebackType | None], object] | None
        ) = None

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self._hook

    def uninstall(self) -> None:
        if self._previous is not None and sys.excepthook == self._hook:
            sys.excepthook = self._previous
        self._previous = None

    def _hook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if value.__traceback__ is None:  # a hook called by hand may give the traceback only here
            value.__traceback__ = tb
        self.reported.emit(value)
        if self._previous is not None:
            self._previous(kind, value, tb)
