"""Review charts rendered off-screen (Agg) to PNG bytes for reports; no pyplot, no Qt."""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from livedesk.analysis.review import Review
from livedesk.charts import review_charts
from livedesk.charts.fonts import configure_matplotlib

# name → (draw function, figure size in inches)
REPORT_CHARTS: dict[str, tuple[review_charts.Draw, tuple[float, float]]] = {
    "minutes": (review_charts.draw_minute_curves, (10, 3.6)),
    "gantt": (review_charts.draw_gantt, (10, 4.8)),
    "funnel": (review_charts.draw_funnel, (5, 3.2)),
    "products": (review_charts.draw_product_bars, (5, 3.6)),
    "scorecards": (review_charts.draw_scorecards, (5, 3.6)),
}


def figure_for(name: str, review: Review) -> Figure:
    """A matplotlib Figure with chart `name` drawn from the typed review."""
    configure_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    draw, size = REPORT_CHARTS[name]
    figure = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(figure)  # a renderer to measure the marker labels with
    if draw in FIXED_MARGINS:
        review_charts.redraw(figure, draw, review)
    else:
        draw(figure.add_subplot(1, 1, 1), review)
        figure.tight_layout()
    return figure


# The minute curve keeps room above the plot for its marker lane, which tight_layout does not know about.
FIXED_MARGINS = {review_charts.draw_minute_curves}


def png_bytes(name: str, review: Review, dpi: int = 110) -> bytes:
    figure = figure_for(name, review)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
