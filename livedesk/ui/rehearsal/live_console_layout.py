"""The live console's widgets and their places: the on-air card with its countdown, the totals card, next
up, the action row, markers and 福袋, the host-screen message with the screen choosers, and the run order
beside the live log. Builds onto the console, which connects them to its actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
)

from livedesk.domain.live_log import Marker
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.live_keys import MARKER_KEY_NAMES
from livedesk.ui.rehearsal.screen_choice import ScreenBox
from livedesk.ui.rehearsal.stage_style import ACCENT, MUTED
from livedesk.words import MARKERS

COUNTDOWN_PX = 110


class ConsoleWidgets:
    """The widgets `build` puts on the console, declared so the console's code is checked against them."""

    stripe: QFrame
    now_caption: QLabel
    current_label: QLabel
    step_label: QLabel
    countdown: QLabel
    elapsed_label: QLabel
    totals_caption: QLabel
    over_under: QLabel
    expected_end: QLabel
    planned_end: QLabel
    lucky_bag: QLabel
    progress: QLabel
    feedback: QLabel
    next_label: QLabel
    go_button: QPushButton
    skip_button: QPushButton
    extend_button: QPushButton
    extend_more: QPushButton
    step_back: QPushButton
    step_on: QPushButton
    encore_product: QComboBox
    encore_minutes: QSpinBox
    encore_button: QPushButton
    finish_button: QPushButton
    marker_buttons: dict[Marker, QPushButton]
    lucky_minutes: QSpinBox
    stop_bag_button: QPushButton
    note_edit: QLineEdit
    message_edit: QLineEdit
    blink: QCheckBox
    send_button: QPushButton
    clear_button: QPushButton
    stage_screen: ScreenBox
    prompter_screen: ScreenBox
    screens: ScreenBox
    stage_button: QPushButton
    prompter_button: QPushButton
    run_order: QTableWidget
    log_title: QLabel
    log_list: QListWidget
    restart_button: QPushButton


def label(text: str = "", size: int = 16, *, bold: bool = False, muted: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setStyleSheet(
        f"font-size: {size}px; {'font-weight: 700;' if bold else ''} {f'color: {MUTED};' if muted else ''}"
    )
    return widget


def button(text: str, slot, name: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the console
    if name:
        widget.setObjectName(name)
    widget.clicked.connect(slot)
    return widget


class FocusSpinBox(QSpinBox):
    """A spin box a stray mouse wheel passing over it does not change: only with focus."""

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = FocusSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return spin


def build(console) -> QVBoxLayout:
    """Create the console's widgets as attributes of `console` and lay them out; returns the page's layout."""
    c = console
    # on-air card
    current = QFrame()
    current.setObjectName("card")
    c.stripe = QFrame()
    c.stripe.setFixedWidth(10)
    c.now_caption = label(tr("ON AIR"), 14, muted=True)
    c.current_label = label("—", 30, bold=True)
    c.step_label = label("", 20)
    c.countdown = QLabel("--:--")
    c.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    c.elapsed_label = label("", 16, muted=True)
    c.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight)
    grid = QGridLayout(current)
    grid.addWidget(c.stripe, 0, 0, 4, 1)
    grid.addWidget(c.now_caption, 0, 1)
    grid.addWidget(c.current_label, 1, 1)
    grid.addWidget(c.step_label, 2, 1)
    grid.addWidget(c.countdown, 0, 2, 3, 1)
    grid.addWidget(c.elapsed_label, 3, 2)
    grid.setColumnStretch(1, 1)

    # totals card
    totals = QFrame()
    totals.setObjectName("card")
    c.totals_caption = label(tr("Total vs plan"), 14, muted=True)
    c.over_under = label("—", 40, bold=True)
    c.expected_end = label("—", 20)
    c.planned_end = label("—", 16, muted=True)
    c.lucky_bag = label("", 22, bold=True)
    c.progress = label("", 14, muted=True)
    c.feedback = label("", 14)
    c.feedback.setStyleSheet(f"font-size: 14px; color: {ACCENT};")
    c.feedback.setWordWrap(True)
    t = QVBoxLayout(totals)
    for widget in (
        c.totals_caption,
        c.over_under,
        c.expected_end,
        c.planned_end,
        c.lucky_bag,
        c.progress,
        c.feedback,
    ):
        t.addWidget(widget)

    # next card
    upcoming = QFrame()
    upcoming.setObjectName("card")
    c.next_label = label("—", 22, bold=True)
    n = QHBoxLayout(upcoming)
    n.addWidget(label(tr("NEXT"), 14, muted=True))
    n.addWidget(c.next_label, 1)

    top = QHBoxLayout()
    left_top = QVBoxLayout()
    left_top.addWidget(current, 3)
    left_top.addWidget(upcoming, 1)
    top.addLayout(left_top, 3)
    top.addWidget(totals, 1)

    # actions
    c.go_button = button(tr("Go / next (F5)"), c.go, "primary")
    c.skip_button = button(tr("Skip next (F6)"), c.skip)
    c.extend_button = button(tr("+30 s (F7)"), c.extend_30)
    c.extend_more = button(tr("+60 s"), lambda: c.extend(60))
    c.step_back = button(tr("◀ Step (PgUp)"), c.step_previous)
    c.step_on = button(tr("Step ▶ (PgDn)"), c.step_next)
    c.encore_product = QComboBox()
    c.encore_product.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    c.encore_minutes = _spin(1, 30, 3, tr(" min encore"))
    c.encore_button = button(tr("Insert encore (F8)"), c.insert_encore)
    # lambdas: clicked(bool) would otherwise arrive as `confirm` and skip the question
    c.finish_button = button(tr("End the run"), lambda: c.finish(), "danger")
    controls = QHBoxLayout()
    for widget in (
        c.go_button,
        c.skip_button,
        c.extend_button,
        c.extend_more,
        c.step_back,
        c.step_on,
        c.encore_product,
        c.encore_minutes,
        c.encore_button,
        c.finish_button,
    ):
        controls.addWidget(widget)

    # markers and the 福袋
    c.marker_buttons = {}
    markers = QHBoxLayout()
    for marker in MARKER_KEY_NAMES:
        widget = button("", lambda _checked=False, m=marker: c.mark(m), "marker")
        c.marker_buttons[marker] = widget
        markers.addWidget(widget)
    c.lucky_minutes = _spin(1, 30, 5, tr(" min lucky bag"))
    c.stop_bag_button = button(tr("Stop lucky bag (Shift+F2)"), c.stop_lucky_bag)
    c.note_edit = QLineEdit()
    c.note_edit.setPlaceholderText(tr("Note for the log (F9 logs it)"))
    markers.addWidget(c.lucky_minutes)
    markers.addWidget(c.stop_bag_button)
    markers.addWidget(c.note_edit, 1)

    # the host-screen message and where the stage windows go
    c.message_edit = QLineEdit()
    c.message_edit.setPlaceholderText(tr("Message to the host's stage view"))
    c.message_edit.returnPressed.connect(c.send_message)
    c.blink = QCheckBox(tr("Blink"))
    c.blink.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    c.send_button = button(tr("Send"), lambda: c.send_message())
    c.clear_button = button(tr("Clear"), lambda: c.send_message(clear=True))
    c.stage_screen = ScreenBox()
    c.stage_screen.setToolTip(tr("Screen for the host screen"))
    c.prompter_screen = ScreenBox()
    c.prompter_screen.setToolTip(tr("Screen for the prompter"))
    c.screens = c.stage_screen  # the first chooser, for callers that know one
    c.stage_button = button(tr("Stage view"), c.open_stage_view)
    c.prompter_button = button(tr("Prompter"), c.open_prompter)
    messages = QHBoxLayout()
    messages.addWidget(c.message_edit, 1)
    for widget in (c.blink, c.send_button, c.clear_button):
        messages.addWidget(widget)
    messages.addWidget(c.stage_button)
    messages.addWidget(c.stage_screen)
    messages.addWidget(c.prompter_button)
    messages.addWidget(c.prompter_screen)

    # run order and log
    c.run_order = QTableWidget(0, 5)
    c.run_order.setHorizontalHeaderLabels(["#", "", "", "", ""])  # worded by word_texts()
    c.run_order.verticalHeader().setVisible(False)
    c.run_order.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    c.run_order.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    c.run_order.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    c.run_order.setToolTip(tr("Double-click a segment still to come to skip it or bring it back."))
    c.run_order.cellDoubleClicked.connect(c.toggle_skip)
    header = c.run_order.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    c.log_list = QListWidget()
    c.log_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    c.restart_button = button(tr("New run (clear the log)"), lambda: c.start_over(), "danger")
    bottom = QHBoxLayout()
    bottom.addWidget(c.run_order, 3)
    log_box = QVBoxLayout()
    c.log_title = label("", 14, muted=True)  # worded by word_texts()
    log_box.addWidget(c.log_title)
    log_box.addWidget(c.log_list, 1)
    log_box.addWidget(c.restart_button)
    bottom.addLayout(log_box, 2)

    layout = QVBoxLayout(c)
    layout.addLayout(top, 3)
    layout.addLayout(controls)
    layout.addLayout(markers)
    layout.addLayout(messages)
    layout.addLayout(bottom, 3)
    word_texts(c)
    return layout


def word_texts(c) -> None:
    """The console's words that read the same in Chinese for two meanings or carry a key ("上链接 (F1)"),
    set here at build and again when the language changes."""
    c.run_order.setHorizontalHeaderLabels(["#", tr("Segment"), tr("Planned"), tr("Actual"), tr("State")])
    c.log_title.setText(tr("Live log"))
    for marker, key_name in MARKER_KEY_NAMES.items():
        c.marker_buttons[marker].setText(f"{MARKERS.word(marker)} ({key_name})")
