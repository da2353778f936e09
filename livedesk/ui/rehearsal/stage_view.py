"""The host's stage view on a second screen: current product and live price, mechanism, time left,
what comes next, and the director's message (optionally blinking)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from livedesk.domain.live_run import LiveStatus, RunState
from livedesk.domain.money import format_yuan
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.stage_style import (
    DARK_STYLE,
    LEVEL_COLOURS,
    MUTED,
    countdown_text,
    segment_label,
    step_name,
)


class StageView(QWidget):
    """Refreshed by the console on each tick with `show_status(status, plan)`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Stage view"))
        self.setStyleSheet(DARK_STYLE)
        self.setAttribute(
            Qt.WidgetAttribute.WA_StyledBackground, True
        )  # paint the dark page behind the cards
        self.product = QLabel("—")
        self.product.setStyleSheet("font-size: 54px; font-weight: 700;")
        self.product.setWordWrap(True)
        self.step = QLabel()
        self.step.setStyleSheet(f"font-size: 28px; color: {MUTED};")
        self.price = QLabel()
        self.price.setStyleSheet("font-size: 72px; font-weight: 700; color: #F5B840;")
        self.mechanism = QLabel()
        self.mechanism.setWordWrap(True)
        self.mechanism.setStyleSheet("font-size: 32px;")
        self.time_left = QLabel("--:--")
        self.time_left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.next_label = QLabel()
        self.next_label.setStyleSheet(f"font-size: 28px; color: {MUTED};")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(
            "font-size: 44px; font-weight: 700; color: #14171C; background: #FFE600; border-radius: 12px; padding: 12px;"
        )
        self.message.hide()
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.addWidget(self.product, 0, 0)
        grid.addWidget(self.time_left, 0, 1, 2, 1)
        grid.addWidget(self.step, 1, 0)
        grid.addWidget(self.price, 2, 0)
        grid.addWidget(self.mechanism, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(card, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.next_label)
        self.resize(1280, 720)

    def show_status(self, status: LiveStatus, plan) -> None:
        segment = status.segment
        product = plan.product(segment.product_id) if segment else None
        if status.state is RunState.READY:
            self.product.setText(tr("Not on air yet"))
        elif status.state is RunState.FINISHED:
            self.product.setText(tr("Off air"))
        else:
            self.product.setText(product.name if product else segment_label(plan, segment))
        self.step.setText(step_name(status.step))
        self.price.setText(
            tr("Live price {price}").format(price=format_yuan(product.live_price_fen))
            if product and product.live_price_fen is not None
            else ""
        )
        self.mechanism.setText(product.mechanism if product else (segment.notes if segment else ""))
        colour = LEVEL_COLOURS[status.level]
        self.time_left.setText(countdown_text(status.remaining) if segment else "--:--")
        self.time_left.setStyleSheet(f"font-size: 120px; font-weight: 700; color: {colour};")
        self.next_label.setText(
            tr("Next: {segment}").format(segment=segment_label(plan, status.next_segment))
        )
        # Blink by the clock's half-seconds, so it needs no timer of its own.
        visible = bool(status.message) and (not status.blink or int(status.now.timestamp() * 2) % 2 == 0)
        self.message.setText(status.message)
        self.message.setVisible(bool(status.message))
        self.message.setStyleSheet(
            "font-size: 44px; font-weight: 700; border-radius: 12px; padding: 12px; "
            + ("color: #14171C; background: #FFE600;" if visible else "color: #FFE600; background: #3A3300;")
        )
