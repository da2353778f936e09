"""The prompter (提词器): full screen on a chosen screen, large CJK text of the current step, smooth scroll
with acceleration, mirroring for a glass rig, a reading line, a countdown before start, font size and a
high-contrast theme. Follows the live run through a content source polled on each tick. Esc closes it;
right-click sends it to another screen; as a child window of the console it goes when the app quits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from livedesk.domain.clock import Clock
from livedesk.domain.prompter import PrompterScroll
from livedesk.resources import CJK_FONT_FAMILY
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.screen_choice import screen_menu, send_to_screen

THEMES = {
    # name: (background, text, reading line, muted)
    "dark": ("#0E1014", "#F2F4F7", "#2F6FEB", "#6B7480"),
    "high_contrast": ("#000000", "#FFE600", "#FF3B5C", "#BFBFBF"),
}
READING_LINE = 0.33  # of the height: where the eye rests
TICK_MS = 33  # ~30 frames a second while scrolling


class PrompterView(QWidget):
    """Paints the text; all state lives in the PrompterWindow."""

    def __init__(self, window: PrompterWindow) -> None:
        super().__init__(window)
        self._window = window

    def paintEvent(self, _event) -> None:
        w = self._window
        background, ink, line_colour, muted = THEMES[w.theme]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(background))
        width, height = self.width(), self.height()
        painter.save()
        # Mirroring for a beam-splitter glass: flip the whole page around the centre.
        painter.translate(width / 2, height / 2)
        painter.scale(-1 if w.mirror_horizontal else 1, -1 if w.mirror_vertical else 1)
        painter.translate(-width / 2, -height / 2)
        margin = width * 0.08
        reading_y = height * READING_LINE
        band = QColor(line_colour)
        band.setAlpha(60)
        painter.fillRect(QRectF(0, reading_y - w.font_size * 0.15, width, w.font_size * 1.5), band)
        painter.fillRect(QRectF(0, reading_y + w.font_size * 1.35, width, 3), QColor(line_colour))
        title_font = QFont(CJK_FONT_FAMILY)
        title_font.setPixelSize(max(18, w.font_size // 3))
        painter.setFont(title_font)
        painter.setPen(QColor(muted))
        painter.drawText(
            QRectF(margin, 16, width - 2 * margin, w.font_size), Qt.AlignmentFlag.AlignLeft, w.title
        )
        font = QFont(CJK_FONT_FAMILY)
        font.setPixelSize(w.font_size)
        font.setBold(w.theme == "high_contrast")
        painter.setFont(font)
        painter.setPen(QColor(ink))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        bounds = painter.boundingRect(QRectF(margin, 0, width - 2 * margin, 1e6), flags, w.text)
        w.text_height = bounds.height()
        top = reading_y - min(w.offset, max(0.0, w.text_height - w.font_size))
        painter.setClipRect(QRectF(0, reading_y - w.font_size * 3.2, width, height))
        painter.drawText(QRectF(margin, top, width - 2 * margin, w.text_height + w.font_size), flags, w.text)
        painter.restore()
        left = w.autoscroll.countdown_left()
        if left:
            big = QFont(CJK_FONT_FAMILY)
            big.setPixelSize(int(height * 0.4))
            big.setBold(True)
            painter.setFont(big)
            painter.setPen(QColor(line_colour))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, str(left))
        if w.show_status:
            small = QFont(CJK_FONT_FAMILY)
            small.setPixelSize(16)
            painter.setFont(small)
            painter.setPen(QColor(muted))
            painter.drawText(
                QRectF(16, height - 30, width - 32, 24), Qt.AlignmentFlag.AlignLeft, w.status_text()
            )
        painter.end()


class PrompterWindow(QWidget):
    """Keys: Space start/pause, ↑/↓ speed, +/- font size, H/V mirror, C contrast, PgUp/PgDn jump, Esc close."""

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Prompter"))
        self.autoscroll = PrompterScroll(clock)  # not `scroll`: that name is QWidget.scroll(dx, dy)
        self.title = ""
        self.text = ""
        self.font_size = 64
        self.theme = "dark"
        self.mirror_horizontal = False
        self.mirror_vertical = False
        self.show_status = True
        self.text_height = 0.0
        self.offset = 0.0
        self._source: Callable[[], tuple[str, str]] | None = None
        self.view = PrompterView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(1280, 720)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    # ---- content ------------------------------------------------------------------------------
    def set_content(self, title: str, text: str) -> None:
        """New words (a new step or segment) start again from the top, with the countdown."""
        if (title, text) != (self.title, self.text):
            self.title, self.text = title, text
            self.autoscroll.reset()
        self.view.update()

    def follow(self, source: Callable[[], tuple[str, str]] | None) -> None:
        """Poll `source()` → (title, text) on every tick: the live run's current segment and step."""
        self._source = source
        self.tick()

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on the chosen screen (the host's monitor or the prompter rig)."""
        send_to_screen(self, screen)

    def contextMenuEvent(self, event) -> None:
        screen_menu(self).exec(event.globalPos())

    # ---- ticking ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def tick(self) -> None:
        if self._source is not None:
            self.set_content(*self._source())
        self.offset = self.autoscroll.position()
        self.view.update()

    def status_text(self) -> str:
        mirror = (
            "".join(flag for flag, on in (("H", self.mirror_horizontal), ("V", self.mirror_vertical)) if on)
            or "—"
        )
        return tr(
            "Speed {speed:.0f} px/s · font {size}px · mirror {mirror} · Space start/pause, ↑↓ speed, +/- size, H/V mirror, C contrast"
        ).format(speed=self.autoscroll.target_speed, size=self.font_size, mirror=mirror) + tr(
            " · Esc closes · right-click: move to another screen"
        )

    # ---- keys ---------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key = event.key()
        actions = {
            Qt.Key.Key_Space: self.autoscroll.toggle,
            Qt.Key.Key_Up: self.autoscroll.faster,
            Qt.Key.Key_Down: self.autoscroll.slower,
            Qt.Key.Key_Plus: lambda: self.set_font_size(self.font_size + 8),
            Qt.Key.Key_Equal: lambda: self.set_font_size(self.font_size + 8),
            Qt.Key.Key_Minus: lambda: self.set_font_size(self.font_size - 8),
            Qt.Key.Key_H: lambda: setattr(self, "mirror_horizontal", not self.mirror_horizontal),
            Qt.Key.Key_V: lambda: setattr(self, "mirror_vertical", not self.mirror_vertical),
            Qt.Key.Key_C: lambda: setattr(
                self, "theme", "dark" if self.theme == "high_contrast" else "high_contrast"
            ),
            Qt.Key.Key_PageDown: lambda: self.autoscroll.nudge(self.font_size * 3),
            Qt.Key.Key_PageUp: lambda: self.autoscroll.nudge(-self.font_size * 3),
            Qt.Key.Key_Escape: self.close,
        }
        action = actions.get(key)
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        self.tick()

    def set_font_size(self, size: int) -> None:
        self.font_size = max(24, min(200, int(size)))
        self.view.update()
