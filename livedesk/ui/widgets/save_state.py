"""A small label that always says where an edit stands: being typed, saving, saved (with the time), or not
saved and why. Every autosaving editor shows one, so a director never wonders whether work is kept."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from livedesk.ui.i18n import tr

COLOURS = {"editing": "#B7791F", "saving": "#6B7785", "saved": "#2E7D5B", "failed": "#C53030"}


class SaveStateLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveState")
        self.state = "saved"
        self.setText("")

    def show_editing(self) -> None:
        self._set("editing", tr("Unsaved changes: saved automatically in a moment"))

    def show_saving(self) -> None:
        self._set("saving", tr("Saving…"))

    def show_saved(self, when: datetime | None = None) -> None:
        moment = (when or datetime.now()).strftime("%H:%M:%S")
        self._set("saved", tr("All changes saved ({time})").format(time=moment))

    def show_failed(self, reason: str) -> None:
        self._set("failed", tr("Not saved: {reason}").format(reason=reason))

    def _set(self, state: str, text: str) -> None:
        self.state = state
        self.setText(text)
        self.setStyleSheet(f"color: {COLOURS[state]}; font-weight: 600;")
