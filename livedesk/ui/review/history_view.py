"""History of the account's past sessions: a KPI trend and a side-by-side comparison of two sessions, read
from typed trend points (start as a datetime in the session's zone, KPIs in the review's units)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from livedesk.analysis.metrics import METRIC_KEYS, MONEY_KEYS, RATE_KEYS
from livedesk.charts import review_charts
from livedesk.ui.i18n import tr
from livedesk.ui.review.chart_canvas import ChartCanvas
from livedesk.ui.review.tables import ReviewTable
from livedesk.words import day, metric_word, show_value

if TYPE_CHECKING:  # the trend is read in services (sqlmodel), not at import time
    from livedesk.services.history import TrendPoint


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: list[TrendPoint] = []
        # Not `metric`: that name is QWidget.metric(), which Qt calls on the widget.
        self.metric_box = QComboBox()
        for key in METRIC_KEYS:
            self.metric_box.addItem(metric_word(key), key)
        self.chart = ChartCanvas(
            lambda ax, data, say=None: review_charts.draw_history(ax, data[0], data[1], data[2], say=say),
            size=(8, 3),
            margins=review_charts.MARGINS[review_charts.draw_history],
        )
        self.first, self.second = QComboBox(), QComboBox()
        self.compare_table = ReviewTable()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Trend of")))
        top.addWidget(self.metric_box, 1)
        compare = QHBoxLayout()
        compare.addWidget(QLabel(tr("Compare")))
        compare.addWidget(self.first, 1)
        compare.addWidget(QLabel(tr("with")))
        compare.addWidget(self.second, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addLayout(compare)
        layout.addWidget(self.compare_table, 1)
        self.metric_box.currentIndexChanged.connect(self._draw_trend)
        self.first.currentIndexChanged.connect(self._compare)
        self.second.currentIndexChanged.connect(self._compare)

    def changeEvent(self, event: QEvent) -> None:
        # The metric list is worded from each item's key (livedesk.words), so a language switch re-words it
        # without a restart; the trend's axis label and the comparison follow.
        if event.type() == QEvent.Type.LanguageChange:
            for index in range(self.metric_box.count()):
                self.metric_box.setItemText(index, metric_word(self.metric_box.itemData(index)))
            if self.history:
                self._draw_trend()
                self._compare()
        super().changeEvent(event)

    def show_history(self, history: list[TrendPoint]) -> None:
        self.history = history
        for combo in (self.first, self.second):
            combo.blockSignals(True)
            combo.clear()
            for point in history:
                combo.addItem(f"{day(point.start, None)} {point.title}", point.session_id)
            combo.blockSignals(False)
        if history:
            self.first.setCurrentIndex(max(len(history) - 2, 0))
            self.second.setCurrentIndex(len(history) - 1)
        self._draw_trend()
        self._compare()

    def _draw_trend(self) -> None:
        key = self.metric_box.currentData()
        self.chart.show_data((self.history, key, metric_word(key)))

    def _compare(self) -> None:
        a, b = self.first.currentIndex(), self.second.currentIndex()
        if a < 0 or b < 0 or not self.history:
            self.compare_table.fill([tr("Metric")], [])
            return
        left, right = self.history[a].kpis, self.history[b].kpis
        rows = []
        for key in METRIC_KEYS:
            x, y = left.get(key), right.get(key)
            diff = None if x is None or y is None else y - x
            shown = (
                show_value(key, diff)
                if key in MONEY_KEYS or key in RATE_KEYS
                else ("—" if diff is None else f"{diff:+,.2f}")
            )
            rows.append([metric_word(key), show_value(key, x), show_value(key, y), shown])
        self.compare_table.fill(
            [tr("Metric"), self.first.currentText(), self.second.currentText(), tr("Difference")], rows
        )
