"""History of the account's past sessions: a KPI trend and a side-by-side comparison of two sessions."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from livedesk.analysis.metrics import METRIC_KEYS, MONEY_KEYS, RATE_KEYS
from livedesk.charts import review_charts
from livedesk.ui.i18n import tr
from livedesk.ui.review.chart_canvas import ChartCanvas
from livedesk.ui.review.tables import ReviewTable
from livedesk.words import metric_word, show


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: list[dict] = []
        self.metric = QComboBox()
        for key in METRIC_KEYS:
            self.metric.addItem(metric_word(key), key)
        self.chart = ChartCanvas(
            lambda ax, data, say=None: review_charts.draw_history(ax, data[0], data[1], data[2], say=say),
            size=(8, 3),
            margins=review_charts.MARGINS[review_charts.draw_history],
        )
        self.first, self.second = QComboBox(), QComboBox()
        self.compare_table = ReviewTable()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Trend of")))
        top.addWidget(self.metric, 1)
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
        self.metric.currentIndexChanged.connect(self._draw_trend)
        self.first.currentIndexChanged.connect(self._compare)
        self.second.currentIndexChanged.connect(self._compare)

    def show_history(self, history: list[dict]) -> None:
        self.history = history
        for combo in (self.first, self.second):
            combo.blockSignals(True)
            combo.clear()
            for entry in history:
                combo.addItem(f"{entry['start'][:10]} {entry['title']}", entry["session_id"])
            combo.blockSignals(False)
        if history:
            self.first.setCurrentIndex(max(len(history) - 2, 0))
            self.second.setCurrentIndex(len(history) - 1)
        self._draw_trend()
        self._compare()

    def _draw_trend(self) -> None:
        key = self.metric.currentData()
        self.chart.show_data((self.history, key, metric_word(key)))

    def _compare(self) -> None:
        a, b = self.first.currentIndex(), self.second.currentIndex()
        if a < 0 or b < 0 or not self.history:
            self.compare_table.fill([tr("Metric")], [])
            return
        left, right = self.history[a]["kpis"], self.history[b]["kpis"]
        rows = []
        for key in METRIC_KEYS:
            x, y = left.get(key), right.get(key)
            diff = None if x is None or y is None else y - x
            shown = (
                show(key, diff)
                if key in MONEY_KEYS or key in RATE_KEYS
                else ("—" if diff is None else f"{diff:+,.2f}")
            )
            rows.append([metric_word(key), show(key, x), show(key, y), shown])
        self.compare_table.fill(
            [tr("Metric"), self.first.currentText(), self.second.currentText(), tr("Difference")], rows
        )
