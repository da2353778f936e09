"""A matplotlib chart on a QtAgg canvas: redrawn from data with one of livedesk.charts' draw functions."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class ChartCanvas(QWidget):
    def __init__(self, draw, *, size=(8, 3.2), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from livedesk.charts.fonts import configure_matplotlib

        configure_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._draw = draw
        self.figure = Figure(figsize=size, dpi=90)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(int(size[1] * 70))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def show_data(self, data) -> None:
        self.figure.clear()
        self._draw(self.figure.add_subplot(1, 1, 1), data)
        self.figure.tight_layout()
        self.canvas.draw_idle()
