"""Chinese renders in matplotlib with the bundled font: no missing-glyph warnings, real ink on the canvas."""

from __future__ import annotations

import warnings

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from livedesk.charts.fonts import configure_matplotlib


def _ink(text: str) -> int:
    figure = Figure(figsize=(3, 1), dpi=100)
    canvas = FigureCanvasAgg(figure)
    figure.text(0.05, 0.3, text, fontsize=20)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[:, :, :3]
    return int((pixels < 128).any(axis=2).sum())


def test_chinese_glyphs_come_from_the_bundled_font():
    assert configure_matplotlib() == "Noto Sans SC"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would raise here
        ink = _ink("直播间成交金额 引流款")
    assert ink > 300


def test_chart_words_follow_the_language_and_default_to_chinese():
    from types import SimpleNamespace

    from livedesk.analysis.review_types import FunnelStage
    from livedesk.charts.review_charts import draw_funnel
    from livedesk.translations import sayer

    # The funnel chart reads only the review's funnel stages.
    review = SimpleNamespace(funnel=(FunnelStage("uv", 6782), FunnelStage("buyers", 46)))
    configure_matplotlib()
    chinese = draw_funnel(Figure().add_subplot(), review)
    english = draw_funnel(Figure().add_subplot(), review, say=sayer("en"))
    assert chinese.get_title() == "转化漏斗（人数）"
    assert [t.get_text() for t in chinese.get_yticklabels()] == ["观看", "成交"]
    assert english.get_title() == "Funnel (people)"
    assert [t.get_text() for t in english.get_yticklabels()] == ["Views", "Purchases"]
