"""Short blocks on the timeline show what fits (never a lone "…" or a cut "4:0") with the full text in a
tooltip, at the width a director's 1600-pixel window gives the timeline; the 插入 button has room for its arrow."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from livedesk.samples import samples_dir
from livedesk.services.samples import load_samples


@pytest.fixture
def planner(qtbot, app_context):
    from livedesk.ui.planner.planner_page import PlannerPage

    _past, upcoming = (sample.session_id for sample in load_samples(app_context.store, samples_dir()))
    page = PlannerPage(app_context)
    qtbot.addWidget(page)
    page.resize(1380, 900)  # the workspace beside the session list in a 1600-pixel window
    page.show()
    page.show_session(upcoming)
    qtbot.waitExposed(page)
    return page


def test_short_blocks_show_what_fits_and_the_full_text_in_a_tooltip(planner):
    timeline = planner.timeline
    plan = planner.document.plan
    metrics = QFontMetrics(timeline._block_font())
    short = [i for i, s in enumerate(plan.segments) if s.planned_seconds <= 240]
    assert len(short) >= 5  # the sample run order has 4-minute pitches and 3-minute interactions
    assert timeline.block_rect(short[0]).width() < 60  # a realistic, narrow block

    for index, segment in enumerate(plan.segments):
        top, bottom = timeline.block_label(index)
        room = timeline.block_rect(index).width() - 8
        assert metrics.horizontalAdvance(top) <= room and metrics.horizontalAdvance(bottom) <= room
        assert top.rstrip("…") == top or len(top.rstrip("…")) >= 2, top  # never "…" or "山…" alone
        minutes, seconds = divmod(segment.planned_seconds, 60)
        assert bottom in ("", f"{minutes}:{seconds:02d}", f"{round(segment.planned_seconds / 60)}′")
        tooltip = timeline.block_tooltip(index)
        name = plan.product(segment.product_id).name if segment.product_id else None
        assert f"{minutes}:{seconds:02d}" in tooltip and (name is None or name in tooltip)

    # The 4-minute pitches at this width show their length, not a clipped one.
    four = [i for i in short if plan.segments[i].planned_seconds == 240]
    assert four and all(timeline.block_label(i)[1] in ("4:00", "4′") for i in four)
    # A block wide enough for its whole name shows it whole.
    wide = max(range(len(plan.segments)), key=lambda i: timeline.block_rect(i).width())
    assert timeline.block_label(wide)[0]


def test_hovering_a_short_block_shows_its_full_text(planner, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    timeline = planner.timeline
    index = next(i for i, s in enumerate(planner.document.plan.segments) if s.planned_seconds == 240)
    centre = timeline.block_rect(index).center().toPoint()
    QApplication.sendEvent(timeline, QHelpEvent(QEvent.Type.ToolTip, centre, timeline.mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == timeline.block_tooltip(index)
    assert "4:00" in QToolTip.text()
    QToolTip.hideText()
    assert timeline.toolTip() not in ("", timeline.block_tooltip(index))  # between blocks: the drag hint


def test_the_insert_button_has_room_for_its_text_and_arrow(planner):
    button = planner.insert_button
    option = QStyleOptionButton()
    button.initStyleOption(option)
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert button.menu() is not None and len(button.menu().actions()) >= 5
    assert button.width() >= text + arrow + 8  # laid out in the 1600-pixel toolbar, nothing squeezed
    image = button.grab().toImage()
    # The arrow is painted: dark pixels right of the text, inside the button's frame.
    right_half = [
        image.pixelColor(x, y).lightness()
        for x in range(button.width() - arrow - 6, button.width() - 3)
        for y in range(3, button.height() - 3)
    ]
    assert min(right_half) < 140


def test_the_wave_strips_scale_labels_fit_whole_or_elided_with_a_tooltip(planner, qtbot):
    wave = planner.wave
    metrics = wave.fontMetrics()
    # at the planner's width both ends of the scale read whole, in Chinese
    assert (wave.shown_label("拉人气"), wave.shown_label("促成交")) == ("拉人气", "促成交")
    assert "拉人气" in wave.toolTip() and "促成交" in wave.toolTip()
    wave.resize(120, wave.height())  # a cramped window: elided to what fits, never past its share
    long = "Pull viewers in"
    shown = wave.shown_label(long)
    assert shown.endswith("…") and len(shown) >= 2
    assert metrics.horizontalAdvance(shown) <= max(int(120 * 0.3), metrics.horizontalAdvance("…") + 4)
    picture = wave.grab().toImage()  # and the label is drawn on white over the wave at the bottom right
    corner = picture.pixelColor(picture.width() - 14, picture.height() - metrics.height() // 2)
    assert corner.lightness() > 200
