"""The host screen (主播提示屏) on a screen the host can see from the stage: a countdown that fills most of
the screen in the console's phase colours, the product and live price, the script step with its time
left, the 福袋 countdown, what comes next and the director's message (optionally blinking).
Esc closes it; right-click sends it to another screen. Every size follows the window's height, so it
reads the same from 3 m on any monitor."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from livedesk.domain.live_run import LiveStatus, RunState
from livedesk.domain.money import format_yuan
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.screen_choice import screen_menu, send_to_screen
from livedesk.ui.rehearsal.stage_style import (
    ACCENT,
    ALERT,
    BACKGROUND,
    MESSAGE_BACKGROUND,
    MESSAGE_INK,
    MUTED,
    TEXT,
    clock_text,
    countdown_text,
    phase_colour,
)
from livedesk.words import STEPS, segment_words

FILL = 0.86  # of the countdown's own box: digits ≈ 45 % of the screen's height, legible from 3 m (≈ 13 cm on 24")
GLYPH_WIDTH = 0.6  # a digit's advance as a share of the font size (Noto Sans: tabular figures ≈ 0.56)


class CountdownLabel(QLabel):
    """Takes whatever height the other lines leave and sizes its digits to fill it (never the other way
    round: its font must not push the window past the screen)."""

    def __init__(self) -> None:
        super().__init__("--:--")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.colour = MUTED

    def font_px(self) -> int:
        by_height = self.height() * FILL
        by_width = self.width() / (GLYPH_WIDTH * max(5, len(self.text())))
        return max(12, int(min(by_height, by_width)))

    def repaint_style(self) -> None:
        self.setStyleSheet(f"font-size: {self.font_px()}px; font-weight: 700; color: {self.colour};")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.repaint_style()


def _label(align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> QLabel:
    label = QLabel()
    label.setAlignment(align)
    return label


TICK_MS = 200  # five repaints a second: whole-second countdowns and a half-second blink stay on time


class StageView(QWidget):
    """Paints `show_status(status, plan)`; once it follows a source it repaints itself on its own timer, so
    it keeps counting while the director works in another tab or workspace."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # A child window of the console: it closes and goes away with the main window (and the process).
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Stage view"))
        self.setStyleSheet(f"background: {BACKGROUND}; color: {TEXT};")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.product = _label()
        self.product.setWordWrap(True)
        self.step = _label(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.time_left = CountdownLabel()
        self.phase_bar = QFrame()
        self.price = _label()
        self.mechanism = _label()
        self.mechanism.setWordWrap(True)
        self.lucky_bag = _label(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = _label(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        self.next_label = _label()
        top = QHBoxLayout()
        top.addWidget(self.product, 3)
        top.addWidget(self.step, 2)
        offer = QHBoxLayout()
        offer.setSpacing(32)
        offer.addWidget(self.price)
        offer.addWidget(self.mechanism, 1)
        offer.addWidget(self.lucky_bag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.time_left, 1)
        layout.addWidget(self.phase_bar)
        layout.addLayout(offer)
        layout.addWidget(self.message)
        layout.addWidget(self.next_label)
        self._colour = MUTED
        self._blink_on = True
        self._source: Callable[[], tuple[LiveStatus, object] | None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.resize(1280, 720)
        self._apply_sizes()

    def follow(self, source: Callable[[], tuple[LiveStatus, object] | None] | None) -> None:
        """Poll `source()` → (status, plan) on every tick (None: nothing to show)."""
        self._source = source
        self.tick()

    def tick(self) -> None:
        shown = self._source() if self._source is not None else None
        if shown is not None:
            self.show_status(*shown)

    def showEvent(self, event) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    # ---- sizes follow the window ---------------------------------------------------------------
    def _unit(self) -> float:
        return max(self.height(), 200) / 100  # 1 % of the height

    def _apply_sizes(self) -> None:
        u = self._unit()
        self.product.setStyleSheet(f"font-size: {int(6 * u)}px; font-weight: 700;")
        self.step.setStyleSheet(f"font-size: {int(4 * u)}px; color: {MUTED};")
        self.price.setStyleSheet(f"font-size: {int(6 * u)}px; font-weight: 700; color: {ACCENT};")
        self.mechanism.setStyleSheet(f"font-size: {int(4 * u)}px;")
        self.next_label.setStyleSheet(f"font-size: {int(4 * u)}px; color: {MUTED};")
        self.phase_bar.setFixedHeight(max(6, int(1.2 * u)))
        self._paint_countdown()
        self._paint_message()

    def _paint_countdown(self) -> None:
        self.time_left.colour = self._colour
        self.time_left.repaint_style()
        self.phase_bar.setStyleSheet(f"background: {self._colour}; border-radius: 4px;")

    def _paint_message(self) -> None:
        u = self._unit()
        ink, ground = (MESSAGE_INK, MESSAGE_BACKGROUND) if self._blink_on else (MESSAGE_BACKGROUND, "#3A3300")
        self.message.setStyleSheet(
            f"font-size: {int(6 * u)}px; font-weight: 700; border-radius: 12px; padding: {int(u)}px; "
            f"color: {ink}; background: {ground};"
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    # ---- content --------------------------------------------------------------------------------
    def show_status(self, status: LiveStatus, plan) -> None:
        segment, product = status.segment, status.product
        if status.state is RunState.READY:
            self.product.setText(tr("Not on air yet"))
        elif status.state is RunState.FINISHED:
            self.product.setText(tr("Off air"))
        else:
            self.product.setText(product.name if product else segment_words(plan, segment))
        if status.step is not None and status.step_remaining is not None:
            left = status.step_remaining
            self.step.setText(
                (tr("{step} · {left} left") if left >= 0 else tr("{step} · {left} over")).format(
                    step=STEPS.word(status.step, missing=""),
                    left=clock_text(abs(left) if left < 0 else math.ceil(left)),
                )
            )
        else:
            self.step.setText("")
        self.price.setText(
            tr("Live price {price}").format(price=format_yuan(product.live_price_fen))
            if product and product.live_price_fen is not None
            else ""
        )
        self.mechanism.setText(product.mechanism if product else (segment.notes if segment else ""))
        bag = status.lucky_bag
        if bag is None:
            self.lucky_bag.setText("")
        else:
            self.lucky_bag.setText(
                tr("Lucky bag {time}").format(time=countdown_text(bag.remaining))
                if not bag.expired
                else tr("Lucky bag: draw now!")
            )
            self.lucky_bag.setStyleSheet(
                f"font-size: {int(5 * self._unit())}px; font-weight: 700; color: {ALERT if bag.expired else ACCENT};"
            )
        self._colour = phase_colour(status.level if segment else None)
        self.time_left.setText(countdown_text(status.remaining) if segment else "--:--")
        self._paint_countdown()
        self.next_label.setText(
            tr("Next: {segment}").format(segment=segment_words(plan, status.next_segment))
            if status.next_segment is not None
            else ""
        )
        # Blink by the clock's half-seconds, so it needs no timer of its own.
        self._blink_on = not status.blink or int(status.now.timestamp() * 2) % 2 == 0
        self.message.setText(status.message)
        self.message.setVisible(bool(status.message))
        self._paint_message()

    # ---- stage behaviour ------------------------------------------------------------------------
    def show_on(self, screen) -> None:
        send_to_screen(self, screen)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        screen_menu(self).exec(event.globalPos())
