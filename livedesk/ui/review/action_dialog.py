"""Making an action item from a finding: what the team will do, who owns it, the metric and target to
verify at the next session's review."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from livedesk.analysis.actions import COMPARISONS
from livedesk.analysis.metrics import METRIC_KEYS
from livedesk.ui.i18n import tr
from livedesk.words import PRODUCT_METRICS, metric_word

VERIFY_METRICS = tuple(
    dict.fromkeys(
        (
            *METRIC_KEYS,
            *PRODUCT_METRICS,
            "online_lift",
            "gmv_per_minute_ratio",
            "over_under_seconds",
            "segment_overrun_seconds",
        )
    )
)


class ActionDialog(QDialog):
    def __init__(self, finding: dict, finding_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Make action item"))
        suggested = finding.get("suggested") or {}
        self.finding_label = QLabel(finding_text)
        self.finding_label.setWordWrap(True)
        self.action = QLineEdit()
        self.action.setPlaceholderText(tr("What the team will do differently"))
        self.owner = QLineEdit()
        self.metric = QComboBox()
        for key in VERIFY_METRICS:
            self.metric.addItem(metric_word(key), key)
        if suggested.get("metric") in VERIFY_METRICS:
            self.metric.setCurrentIndex(VERIFY_METRICS.index(suggested["metric"]))
        self.comparison = QComboBox()
        self.comparison.addItems(list(COMPARISONS))
        self.comparison.setCurrentText(suggested.get("comparison") or ">=")
        self.target = QLineEdit("" if suggested.get("target") is None else str(suggested["target"]))
        self.target.setPlaceholderText(tr("yuan, fraction (0.05 = 5%) or count"))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(tr("Finding"), self.finding_label)
        form.addRow(tr("Action"), self.action)
        form.addRow(tr("Owner"), self.owner)
        form.addRow(tr("Metric to verify"), self.metric)
        form.addRow(tr("Comparison"), self.comparison)
        form.addRow(tr("Target"), self.target)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        text = self.target.text().strip().replace("%", "")
        target = float(text) if text else None
        return {
            "action": self.action.text().strip(),
            "owner": self.owner.text().strip(),
            "metric": self.metric.currentData(),
            "comparison": self.comparison.currentText(),
            "target": target,
        }

    def _accept(self) -> None:
        if not self.action.text().strip():
            self.error.setText(tr("Write the action the team will take."))
            return
        try:
            self.values()
        except ValueError:
            self.error.setText(tr("The target must be a number."))
            return
        self.accept()
