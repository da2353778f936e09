"""Meeting mode for a projector: full screen, large type, the headline numbers and an agenda built from the
findings (most severe first), stepped through with the arrow keys; Esc leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from livedesk.analysis.review import Review
from livedesk.ui.i18n import tr
from livedesk.words import SEVERITIES, finding_words, metric_word, show_value

HEADLINE = ("gmv", "uv", "uv_value", "watch_to_buy_rate", "gpm")


class MeetingWindow(QWidget):
    def __init__(self, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Review meeting"))
        self.setStyleSheet("background: #101418; color: #F2F2F2;")
        names = review.names
        title = QLabel(review.session.title)
        title.setStyleSheet("font-size: 36px; font-weight: 600;")
        numbers = QLabel(
            "   ".join(f"{metric_word(k)} {show_value(k, review.kpis[k].value)}" for k in HEADLINE)
        )
        numbers.setStyleSheet("font-size: 26px;")
        numbers.setWordWrap(True)
        self.agenda = QListWidget()
        self.agenda.setStyleSheet("font-size: 28px; background: #101418; color: #F2F2F2;")
        self.agenda.setWordWrap(True)
        for i, finding in enumerate(review.findings, start=1):
            self.agenda.addItem(
                f"{i}. [{SEVERITIES.word(finding.severity)}] {finding_words(finding, names, review.zone)}"
            )
        if self.agenda.count():
            self.agenda.setCurrentRow(0)
        else:
            self.agenda.addItem(tr("No findings: the data shows nothing outside the thresholds."))
        close = QPushButton(tr("Leave meeting mode"))
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(numbers)
        layout.addWidget(QLabel(tr("Agenda")))
        layout.addWidget(self.agenda, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.agenda.setCurrentRow(min(self.agenda.currentRow() + 1, self.agenda.count() - 1))
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.agenda.setCurrentRow(max(self.agenda.currentRow() - 1, 0))
        else:
            super().keyPressEvent(event)
