"""Making an action item from a finding, or changing one: what the team will do, who owns it, the metric
and target to verify at the next session's review."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from livedesk.analysis.actions import COMPARISONS
from livedesk.analysis.metrics import METRIC_KEYS
from livedesk.analysis.review_types import Finding, Suggestion
from livedesk.domain.action_item import ActionItem
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
    """The fields of an action item, filled in from the finding's suggestion (or the item being changed);
    OK checks them first and says what is missing."""

    def __init__(
        self,
        finding: Finding | None,
        finding_text: str,
        parent: QWidget | None = None,
        *,
        item: ActionItem | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Make action item") if item is None else tr("Change action item"))
        suggested = finding.suggested if finding is not None else Suggestion()
        if item is not None:
            suggested = Suggestion(item.metric or None, item.comparison, item.target)
        self.finding_label = QLabel(finding_text)
        self.finding_label.setWordWrap(True)
        self.action = QLineEdit("" if item is None else item.action)
        self.action.setPlaceholderText(tr("What the team will do differently"))
        self.owner = QLineEdit("" if item is None else item.owner)
        # Not `metric`: that name is QWidget.metric(), which Qt calls on the dialog (an attribute there made
        # every call fail with "Error calling Python override of QDialog::metric()").
        self.metric_box = QComboBox()
        for key in VERIFY_METRICS:
            self.metric_box.addItem(metric_word(key), key)
        if suggested.metric in VERIFY_METRICS:
            self.metric_box.setCurrentIndex(VERIFY_METRICS.index(suggested.metric))
        self.comparison = QComboBox()
        self.comparison.addItems(list(COMPARISONS))
        self.comparison.setCurrentText(suggested.comparison or ">=")
        self.target = QLineEdit("" if suggested.target is None else f"{suggested.target:g}")
        self.target.setPlaceholderText(tr("yuan, fraction (0.05 = 5%) or count"))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(tr("Finding"), self.finding_label)
        form.addRow(tr("Action"), self.action)
        form.addRow(tr("Owner"), self.owner)
        form.addRow(tr("Metric to verify"), self.metric_box)
        form.addRow(tr("Comparison"), self.comparison)
        form.addRow(tr("Target"), self.target)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    @classmethod
    def for_item(cls, item: ActionItem, finding_text: str, parent: QWidget | None = None) -> ActionDialog:
        """The dialog filled with a stored item, to change it (`finding_text`: the finding it was made from)."""
        return cls(None, finding_text, parent, item=item)

    def values(self) -> dict[str, Any]:
        """The action item's fields as typed (the target a number, or None when left empty); raises
        ValueError for a target that is not a number."""
        text = self.target.text().strip().replace("%", "")
        target = float(text) if text else None
        return {
            "action": self.action.text().strip(),
            "owner": self.owner.text().strip(),
            "metric": self.metric_box.currentData(),
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
