"""A matplotlib chart on a QtAgg canvas: redrawn from data with one of livedesk.charts' draw functions, with
fixed margins in inches (re-applied on resize) instead of a layout-engine pass per draw.

A chart redraws only while it is visible: data given to a hidden chart (another tab, another workspace) is
kept and drawn when the chart is shown, so a session switch does not draw charts nobody sees."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from livedesk.ui.i18n import tr


class ChartCanvas(QWidget):
    def __init__(self, draw, *, size=(8, 3.2), margins=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from livedesk.charts.fonts import configure_matplotlib

        configure_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from livedesk.charts import review_charts

        self._margins = margins or review_charts.MARGINS.get(draw, review_charts.DEFAULT_MARGINS)
        self.draw_function = draw
        self._data = None
        self._draw = partial(draw, say=tr)  # chart words in the UI language
        self.figure = Figure(figsize=size, dpi=review_charts.GUI_DPI)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(int(size[1] * 70))
        self.canvas.mpl_connect(
            "resize_event", lambda _event: review_charts.apply_margins(self.figure, self._margins)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._data = None
        self.stale = False  # data arrived that is not drawn yet (the chart was hidden)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._data is not None:
            self.show_data(self._data)  # axis titles and labels in the new language
        super().changeEvent(event)

    def show_data(self, data) -> None:
        self._data, self.stale = data, True
        if self.isVisible():
            self.draw_now()

    def draw_now(self) -> None:
        """Draw the latest data (the page calls show_data; this runs when the chart is or becomes visible)."""
        from livedesk.charts.review_charts import redraw

        self.stale = False
        redraw(self.figure, self._draw, self._data, self._margins)
        self.canvas.draw_idle()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.draw_now()
