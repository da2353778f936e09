"""Asks for what a new session needs: title, start, length, platform and account."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from livedesk.domain.session import DEFAULT_TIMEZONE
from livedesk.ui.i18n import tr

PLATFORMS = ("douyin", "kuaishou", "weixin", "taobao", "other")


class NewSessionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New session"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Double 12 warm-up"))
        tomorrow = datetime.now() + timedelta(days=1)
        self.start_edit = QDateTimeEdit(QDateTime(tomorrow.year, tomorrow.month, tomorrow.day, 20, 0, 0))
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setCalendarPopup(True)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(10, 24 * 60)
        self.minutes_spin.setValue(180)
        self.minutes_spin.setSuffix(" " + tr("min"))
        self.platform_combo = QComboBox()
        for key, label in zip(
            PLATFORMS,
            (tr("Douyin"), tr("Kuaishou"), tr("WeChat Channels"), tr("Taobao"), tr("Other")),
            strict=False,
        ):
            self.platform_combo.addItem(label, key)
        self.account_edit = QLineEdit()
        form = QFormLayout(self)
        form.addRow(tr("Title"), self.title_edit)
        form.addRow(tr("Start"), self.start_edit)
        form.addRow(tr("Planned length"), self.minutes_spin)
        form.addRow(tr("Platform"), self.platform_combo)
        form.addRow(tr("Account"), self.account_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept_if_valid(self) -> None:
        if self.title_edit.text().strip():
            self.accept()
        else:
            self.title_edit.setFocus()
            self.title_edit.setPlaceholderText(tr("A title is needed"))

    def values(self) -> dict:
        chosen = self.start_edit.dateTime()  # the wall-clock time as typed, in the session's zone
        day, clock = chosen.date(), chosen.time()
        moment = datetime(
            day.year(),
            day.month(),
            day.day(),
            clock.hour(),
            clock.minute(),
            clock.second(),
            tzinfo=ZoneInfo(DEFAULT_TIMEZONE),
        )
        return {
            "title": self.title_edit.text().strip(),
            "start": moment,
            "planned_seconds": self.minutes_spin.value() * 60,
            "platform": self.platform_combo.currentData(),
            "account": self.account_edit.text().strip(),
        }
