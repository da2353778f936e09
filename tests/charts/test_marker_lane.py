"""The minute curve's marker labels are readable: on the sample session none overlap at a wide or a narrow
size (measured by the renderer), and a review without minute data draws no axes and no curves."""

from __future__ import annotations

import pytest

from livedesk.charts import review_charts
from livedesk.charts.fonts import configure_matplotlib
from livedesk.services.review import run_review
from livedesk.services.samples import load_samples


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    from livedesk.persistence.store import Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('lane') / 'lane.sqlite3'}")
    past, upcoming = (sample.session_id for sample in load_samples(store))
    try:
        return run_review(store, past), run_review(store, upcoming)
    finally:
        store.dispose()


def _figure(size):
    configure_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=90)
    FigureCanvasAgg(figure)
    return figure


@pytest.mark.parametrize("size", [(10, 3.2), (5, 3.2)])
def test_marker_labels_never_overlap(reviews, size):
    figure = _figure(size)
    review_charts.redraw(figure, review_charts.draw_minute_curves, reviews[0])
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    labels = [t for ax in figure.axes for t in ax.texts if t.get_gid() == "marker-label"]
    wanted = [m for m in reviews[0].markers if m.marker != "link_up"]
    assert len(labels) == len(wanted) >= 10
    assert {t.get_text() for t in labels} >= {"福袋", "事故", "备注", "返场"}
    boxes = [t.get_window_extent(renderer) for t in labels]
    overlapping = [
        (labels[i].get_text(), labels[j].get_text())
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if boxes[i].overlaps(boxes[j])
    ]
    assert not overlapping
    # The lane sits above the plot, not over the curves, and inside the figure.
    plot = figure.axes[0].get_window_extent(renderer)
    assert all(box.y0 >= plot.y1 - 1 for box in boxes)
    assert all(box.y1 <= figure.bbox.y1 for box in boxes)


def test_narrow_chart_staggers_on_more_rows(reviews):
    rows = {}
    for width in (10, 4):
        figure = _figure((width, 3.2))
        review_charts.redraw(figure, review_charts.draw_minute_curves, reviews[0])
        lane = next(ax for ax in figure.axes if any(t.get_gid() == "marker-label" for t in ax.texts))
        rows[width] = lane.get_ylim()[1]
    assert rows[4] > rows[10] >= 1


def test_empty_review_draws_no_axes_or_curves(reviews):
    empty = reviews[1]
    assert not review_charts.has_data(review_charts.draw_minute_curves, empty)
    for draw in (
        review_charts.draw_minute_curves,
        review_charts.draw_funnel,
        review_charts.draw_product_bars,
        review_charts.draw_scorecards,
    ):
        figure = _figure((8, 3))
        review_charts.redraw(figure, draw, empty)
        assert not any(ax.axison for ax in figure.axes), draw.__name__
        assert not any(ax.lines or ax.collections or ax.patches for ax in figure.axes), draw.__name__
