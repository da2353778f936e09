"""The team's thresholds for role verdicts and findings, edited in place and stored for every session."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QPushButton, QWidget

from livedesk.analysis.roles import DEFAULT_THRESHOLDS
from livedesk.ui.i18n import tr


def threshold_label(key: str) -> str:
    return {
        "traffic_online_lift_min": tr("Traffic item: minimum online lift"),
        "traffic_click_rate_min": tr("Traffic item: minimum exposure-to-click rate"),
        "profit_gmv_per_minute_ratio_min": tr("Profit item: minimum GMV per minute vs session"),
        "profit_click_to_buy_min": tr("Profit item: minimum click-to-buy rate"),
        "profit_margin_min": tr("Profit item: minimum gross margin"),
        "image_click_rate_min": tr("Image item: minimum exposure-to-click rate"),
        "clearance_sell_through_min": tr("Clearance item: minimum sell-through"),
        "refund_rate_max": tr("Maximum refund rate"),
        "min_clicks_for_rate": tr("Clicks needed before judging click-to-buy"),
        "overrun_tolerance": tr("Segment overrun tolerance"),
    }.get(key, key)


class ThresholdsEditor(QWidget):
    thresholds_saved = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for key in DEFAULT_THRESHOLDS:
            spin = QDoubleSpinBox()
            spin.setDecimals(3)
            spin.setRange(-10.0, 100000.0)
            spin.setSingleStep(0.01 if key != "min_clicks_for_rate" else 1)
            self.spins[key] = spin
            form.addRow(threshold_label(key), spin)
        self.save_button = QPushButton(tr("Save thresholds"))
        self.save_button.clicked.connect(lambda: self.thresholds_saved.emit(self.values()))
        form.addRow(self.save_button)

    def set_values(self, values: Mapping[str, float | int | None]) -> None:
        for key, spin in self.spins.items():
            value = values.get(key)
            if value is not None:
                spin.setValue(float(value))

    def values(self) -> dict[str, float]:
        return {key: spin.value() for key, spin in self.spins.items()}
