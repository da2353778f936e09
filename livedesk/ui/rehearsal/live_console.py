"""场控 console: current and next segment, the countdown in warning/danger/overtime colours, total
over/under and expected end, 福袋 countdown, go/next, skip, extend, encore, one-key markers, messages to
the stage view, and the prompter. Every action is logged to the store as it happens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
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
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.live_log import EventKind, LiveEvent, Marker
from livedesk.domain.live_run import LUCKY_BAG_TIMER, LiveRunError, RunState
from livedesk.domain.script_template import segment_script
from livedesk.services import scripts
from livedesk.services.live import LiveService, clear_log
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.prompter_window import PrompterWindow
from livedesk.ui.rehearsal.stage_style import (
    DARK_STYLE,
    LEVEL_COLOURS,
    MUTED,
    clock_text,
    countdown_text,
    marker_name,
    segment_colour,
    segment_label,
    step_name,
    wall_time,
)
from livedesk.ui.rehearsal.stage_view import StageView

MARKER_KEYS = {
    Qt.Key.Key_F1: Marker.LINK_UP,
    Qt.Key.Key_F2: Marker.LUCKY_BAG,
    Qt.Key.Key_F3: Marker.ENCORE,
    Qt.Key.Key_F4: Marker.INCIDENT,
    Qt.Key.Key_F9: Marker.NOTE,
}


def _label(text: str = "", size: int = 16, *, bold: bool = False, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(
        f"font-size: {size}px; {'font-weight: 700;' if bold else ''} {f'color: {MUTED};' if muted else ''}"
    )
    return label


class LiveConsole(QWidget):
    """Keys: F5 go/next, F6 skip next, F7 +30 s, F8 insert encore, PgUp/PgDn step, F1 上链接, F2 福袋,
    F3 返场, F4 事故, F9 note."""

    event_logged = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.service: LiveService | None = None
        self._session_scripts: dict[str, str] = {}
        self.prompter: PrompterWindow | None = None
        self.stage_view: StageView | None = None
        self.setStyleSheet(DARK_STYLE)
        self.setAttribute(
            Qt.WidgetAttribute.WA_StyledBackground, True
        )  # paint the dark page behind the cards
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # current segment card
        current = QFrame()
        current.setObjectName("card")
        self.stripe = QFrame()
        self.stripe.setFixedWidth(10)
        self.now_caption = _label(tr("ON AIR"), 14, muted=True)
        self.current_label = _label("—", 30, bold=True)
        self.step_label = _label("", 20)
        self.countdown = QLabel("--:--")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.elapsed_label = _label("", 16, muted=True)
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(current)
        grid.addWidget(self.stripe, 0, 0, 4, 1)
        grid.addWidget(self.now_caption, 0, 1)
        grid.addWidget(self.current_label, 1, 1)
        grid.addWidget(self.step_label, 2, 1)
        grid.addWidget(self.countdown, 0, 2, 3, 1)
        grid.addWidget(self.elapsed_label, 3, 2)
        grid.setColumnStretch(1, 1)

        # totals card
        totals = QFrame()
        totals.setObjectName("card")
        self.over_under = _label("—", 40, bold=True)
        self.expected_end = _label("—", 20)
        self.planned_end = _label("—", 16, muted=True)
        self.lucky_bag = _label("", 22, bold=True)
        self.progress = _label("", 14, muted=True)
        self.feedback = _label("", 14)
        self.feedback.setStyleSheet("font-size: 14px; color: #F5B840;")
        self.feedback.setWordWrap(True)
        t = QVBoxLayout(totals)
        t.addWidget(_label(tr("Total vs plan"), 14, muted=True))
        t.addWidget(self.over_under)
        t.addWidget(self.expected_end)
        t.addWidget(self.planned_end)
        t.addWidget(self.lucky_bag)
        t.addWidget(self.progress)
        t.addWidget(self.feedback)

        # next card
        upcoming = QFrame()
        upcoming.setObjectName("card")
        self.next_label = _label("—", 22, bold=True)
        n = QHBoxLayout(upcoming)
        n.addWidget(_label(tr("NEXT"), 14, muted=True))
        n.addWidget(self.next_label, 1)

        top = QHBoxLayout()
        left_top = QVBoxLayout()
        left_top.addWidget(current, 3)
        left_top.addWidget(upcoming, 1)
        top.addLayout(left_top, 3)
        top.addWidget(totals, 1)

        # controls
        self.go_button = self._button(tr("Go / next (F5)"), self.go, "primary")
        self.skip_button = self._button(tr("Skip next (F6)"), self.skip)
        self.extend_button = self._button(tr("+30 s (F7)"), lambda: self.extend(30))
        self.extend_more = self._button(tr("+60 s"), lambda: self.extend(60))
        self.step_back = self._button(tr("◀ Step (PgUp)"), self.step_previous)
        self.step_on = self._button(tr("Step ▶ (PgDn)"), self.step_next)
        self.encore_product = QComboBox()
        self.encore_button = self._button(tr("Insert encore (F8)"), self.insert_encore)
        self.finish_button = self._button(tr("End the run"), self.finish, "danger")
        controls = QHBoxLayout()
        for widget in (
            self.go_button,
            self.skip_button,
            self.extend_button,
            self.extend_more,
            self.step_back,
            self.step_on,
            self.encore_product,
            self.encore_button,
            self.finish_button,
        ):
            controls.addWidget(widget)

        # markers
        self.marker_buttons = {}
        markers = QHBoxLayout()
        for _key, marker in MARKER_KEYS.items():
            shortcut = {
                Marker.LINK_UP: "F1",
                Marker.LUCKY_BAG: "F2",
                Marker.ENCORE: "F3",
                Marker.INCIDENT: "F4",
                Marker.NOTE: "F9",
            }[marker]
            button = self._button(
                f"{marker_name(marker)} ({shortcut})", lambda checked=False, m=marker: self.mark(m), "marker"
            )
            self.marker_buttons[marker] = button
            markers.addWidget(button)
        self.lucky_minutes = QSpinBox()
        self.lucky_minutes.setRange(1, 30)
        self.lucky_minutes.setValue(5)
        self.lucky_minutes.setSuffix(tr(" min lucky bag"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(tr("Note for the log (F9 logs it)"))
        markers.addWidget(self.lucky_minutes)
        markers.addWidget(self.note_edit, 1)

        # stage message and screens
        self.message_edit = QLineEdit()
        self.message_edit.setPlaceholderText(tr("Message to the host's stage view"))
        self.message_edit.returnPressed.connect(self.send_message)
        self.blink = QCheckBox(tr("Blink"))
        send = self._button(tr("Send"), self.send_message)
        clear = self._button(tr("Clear"), lambda: self.send_message(clear=True))
        self.screens = QComboBox()
        for index, screen in enumerate(QGuiApplication.screens()):
            self.screens.addItem(
                f"{index + 1}: {screen.name()} {screen.size().width()}×{screen.size().height()}", index
            )
        self.screens.setCurrentIndex(self.screens.count() - 1)
        prompter = self._button(tr("Prompter"), self.open_prompter)
        stage = self._button(tr("Stage view"), self.open_stage_view)
        messages = QHBoxLayout()
        messages.addWidget(self.message_edit, 1)
        messages.addWidget(self.blink)
        messages.addWidget(send)
        messages.addWidget(clear)
        messages.addWidget(_label(tr("Screen"), 14, muted=True))
        messages.addWidget(self.screens)
        messages.addWidget(prompter)
        messages.addWidget(stage)

        # run order and log
        self.run_order = QTableWidget(0, 5)
        self.run_order.setHorizontalHeaderLabels(
            ["#", tr("Segment"), tr("Planned"), tr("Actual"), tr("State")]
        )
        self.run_order.verticalHeader().setVisible(False)
        self.run_order.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.run_order.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.run_order.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.run_order.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.log_list = QListWidget()
        self.log_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.restart_button = self._button(tr("New run (clear the log)"), self.start_over, "danger")
        bottom = QHBoxLayout()
        bottom.addWidget(self.run_order, 3)
        log_box = QVBoxLayout()
        log_box.addWidget(_label(tr("Live log"), 14, muted=True))
        log_box.addWidget(self.log_list, 1)
        log_box.addWidget(self.restart_button)
        bottom.addLayout(log_box, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addLayout(controls)
        layout.addLayout(markers)
        layout.addLayout(messages)
        layout.addLayout(bottom, 3)
        self.tick()

    def _button(self, text: str, slot, name: str | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if name:
            button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ---- session ------------------------------------------------------------------------------
    def show_session(self, session_id: int | None) -> None:
        self.service = None
        self.log_list.clear()
        if session_id:
            self.service = LiveService(self._context.store, session_id, self._context.clock)
            self._session_scripts = scripts.load_session_scripts(self._context.store, session_id)
            for event in self.service.stored:
                self._log_line(event)
            self.encore_product.clear()
            for product in self.service.plan.products:
                self.encore_product.addItem(product.name, product.product_id)
        self._fill_run_order()
        self.tick()

    # ---- actions ------------------------------------------------------------------------------
    def _act(self, action) -> None:
        if self.service is None:
            return
        try:
            result = action()
        except LiveRunError as exc:
            # the state machine's reasons are English codes of a developer; the director gets one sentence
            self.feedback.setText(tr("Not possible now: {reason}").format(reason=str(exc)))
            return
        self.feedback.setText("")
        for event in (
            result if isinstance(result, list) else ([result] if isinstance(result, LiveEvent) else [])
        ):
            self._log_line(event)
            self.event_logged.emit(event)
        self._fill_run_order()
        self.tick()

    def go(self) -> None:
        self._act(lambda: self.service.go())

    def skip(self) -> None:
        self._act(lambda: self.service.skip())

    def extend(self, seconds: int) -> None:
        self._act(lambda: self.service.extend(seconds))

    def step_next(self) -> None:
        self._act(lambda: self.service.step_next())

    def step_previous(self) -> None:
        self._act(lambda: self.service.step_previous())

    def finish(self) -> None:
        self._act(lambda: self.service.finish())

    def insert_encore(self) -> None:
        product_id = self.encore_product.currentData()
        if product_id:
            self._act(lambda: self.service.insert_encore(product_id))

    def mark(self, marker: Marker) -> None:
        if marker is Marker.LUCKY_BAG:
            self._act(lambda: self.service.lucky_bag(self.lucky_minutes.value() * 60))
        elif marker is Marker.NOTE:
            note = self.note_edit.text().strip()
            self._act(lambda: self.service.mark(Marker.NOTE, note))
            self.note_edit.clear()
        else:
            self._act(lambda: self.service.mark(marker))

    def send_message(self, clear: bool = False) -> None:
        if self.service is not None:
            if clear:
                self.message_edit.clear()
            self.service.run.set_message(self.message_edit.text().strip(), self.blink.isChecked())
            self.tick()

    def start_over(self, confirm: bool = True) -> None:
        if self.service is None:
            return
        if (
            confirm
            and QMessageBox.question(
                self, tr("New run"), tr("Delete this session's live log and start a new run?")
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        session_id = self.service.session_id
        clear_log(self._context.store, session_id)
        self.show_session(session_id)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in MARKER_KEYS:
            self.mark(MARKER_KEYS[key])
        elif key == Qt.Key.Key_F5:
            self.go()
        elif key == Qt.Key.Key_F6:
            self.skip()
        elif key == Qt.Key.Key_F7:
            self.extend(30)
        elif key == Qt.Key.Key_F8:
            self.insert_encore()
        elif key == Qt.Key.Key_PageDown:
            self.step_next()
        elif key == Qt.Key.Key_PageUp:
            self.step_previous()
        else:
            super().keyPressEvent(event)

    # ---- second screens -----------------------------------------------------------------------
    def _chosen_screen(self):
        screens = QGuiApplication.screens()
        index = self.screens.currentData()
        return screens[index] if index is not None and index < len(screens) else None

    def open_prompter(self) -> PrompterWindow:
        if self.prompter is None:
            self.prompter = PrompterWindow(self._context.clock)
            self.prompter.follow(self.prompter_content)
        self.prompter.show_on(self._chosen_screen())
        return self.prompter

    def open_stage_view(self) -> StageView:
        if self.stage_view is None:
            self.stage_view = StageView()
        screen = self._chosen_screen()
        if screen is not None:
            self.stage_view.setScreen(screen)
            self.stage_view.setGeometry(screen.availableGeometry())
        self.stage_view.show()
        self.tick()
        return self.stage_view

    def prompter_content(self) -> tuple[str, str]:
        """(title, text) of what is on air now; before the start, the first segment."""
        if self.service is None:
            return "", ""
        status = self.service.status()
        plan = self.service.run.plan
        segment, step = status.segment, status.step
        if segment is None and status.state is RunState.READY and self.service.run.segments:
            segment = self.service.run.segments[0]
        if segment is None:
            return tr("Off air"), ""
        title = segment_label(plan, segment) + (f" · {step_name(step)}" if step else "")
        return title, segment_script(plan, segment, step, self._session_scripts)

    def close_windows(self) -> None:
        for window in (self.prompter, self.stage_view):
            if window is not None:
                window.close()

    def plan_edited(self, plan) -> None:
        """Hook (workspace helper): the shared plan or the session scripts were edited in 计划/脚本. Before the
        run the console takes the plan as it now is; during it, only segments not yet started take the edit
        (the prompter shows the new words at once) and the console says so."""
        if self.service is None or plan is None or plan.session.id != self.service.session_id:
            return
        import copy

        from livedesk.domain.live_run import LiveRun

        self._session_scripts = scripts.load_session_scripts(self._context.store, self.service.session_id)
        run, fresh = self.service.run, copy.deepcopy(plan)
        if run.state is RunState.READY and not self.service.stored:
            self.service.run = LiveRun(
                fresh, run.clock, warning_seconds=run.warning_seconds, danger_seconds=run.danger_seconds
            )
        elif run.state is RunState.RUNNING:
            run.plan.products = fresh.products  # names and step texts: what the prompter reads
            if len(run.segments) == len(fresh.segments):  # no live insert shifted the order
                for index in range(run.index + 1, len(run.segments)):
                    run.segments[index] = fresh.segments[index]
            self.feedback.setText(tr("The plan was edited: segments not yet started follow the new plan."))
        self.encore_product.clear()
        for product in self.service.plan.products:
            self.encore_product.addItem(product.name, product.product_id)
        self._fill_run_order()
        self.tick()

    # ---- display ------------------------------------------------------------------------------
    def _log_line(self, event: LiveEvent) -> None:
        names = {
            EventKind.SEGMENT_START: tr("start"),
            EventKind.SEGMENT_END: tr("end"),
            EventKind.STEP_START: tr("step"),
            EventKind.STEP_END: tr("step end"),
            EventKind.MARKER: tr("marker"),
        }
        if event.kind is EventKind.STEP_END:
            return  # the next step start says the same; keep the list short
        what = names[event.kind]
        if event.marker is not None:
            what = marker_name(event.marker) + (f" · {event.note}" if event.note else "")
        elif event.step is not None:
            what += " · " + step_name(event.step)
        elif event.segment_index is not None and self.service is not None:
            segments = self.service.run.segments
            if event.segment_index < len(segments):
                what += " · " + segment_label(self.service.run.plan, segments[event.segment_index])
        self.log_list.insertItem(0, f"{wall_time(event.at)}  {what}")

    def _fill_run_order(self) -> None:
        if self.service is None:
            self.run_order.setRowCount(0)
            return
        run, status = self.service.run, self.service.status()
        self.run_order.setRowCount(len(run.segments))
        for row, segment in enumerate(run.segments):
            actual = run.actual_seconds(row)
            if row == status.index:
                state, colour = tr("on air"), LEVEL_COLOURS[status.level]
            elif run.is_skipped(row):
                state, colour = tr("skipped"), MUTED
            elif actual is not None:
                state, colour = tr("done"), MUTED
            else:
                state, colour = "", None
            values = [
                str(row + 1),
                segment_label(run.plan, segment),
                clock_text(segment.planned_seconds),
                clock_text(actual) if actual is not None else "—",
                state,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if colour:
                    item.setForeground(QColor(colour))
                if column == 1:
                    item.setForeground(
                        QColor(segment_colour(segment.kind, run.plan.role_of(segment)))
                        if not colour or row == status.index
                        else QColor(colour)
                    )
                self.run_order.setItem(row, column, item)

    def tick(self) -> None:
        """Called by the page's timer (and after every action): ask the run for the clock and repaint."""
        if self.service is None:
            self.current_label.setText(tr("No session selected"))
            self.countdown.setText("--:--")
            self.countdown.setStyleSheet(f"font-size: 110px; font-weight: 700; color: {MUTED};")
            for widget in (self.step_label, self.elapsed_label, self.next_label, self.lucky_bag):
                widget.setText("")
            return
        status = self.service.status()
        plan = self.service.run.plan
        colour = LEVEL_COLOURS[status.level]
        segment = status.segment
        if status.state is RunState.READY:
            self.now_caption.setText(tr("READY — F5 starts the run"))
            self.current_label.setText(
                segment_label(plan, self.service.run.segments[0]) if self.service.run.segments else "—"
            )
        elif status.state is RunState.FINISHED:
            self.now_caption.setText(tr("OFF AIR"))
            self.current_label.setText(tr("The run is over"))
        else:
            self.now_caption.setText(tr("ON AIR"))
            self.current_label.setText(segment_label(plan, segment))
        self.stripe.setStyleSheet(
            f"background: {segment_colour(segment.kind, plan.role_of(segment)) if segment else MUTED}; border-radius: 4px;"
        )
        if status.step is not None:
            self.step_label.setText(
                tr("Step {n}/{total} · {name} · {elapsed} of {budget}").format(
                    n=status.step_index + 1,
                    total=len(segment.steps),
                    name=step_name(status.step),
                    elapsed=clock_text(status.step_elapsed),
                    budget=clock_text(status.step_budget),
                )
            )
        else:
            self.step_label.setText("")
        self.countdown.setText(countdown_text(status.remaining) if segment else "--:--")
        self.countdown.setStyleSheet(
            f"font-size: 110px; font-weight: 700; color: {colour if segment else MUTED};"
        )
        self.elapsed_label.setText(
            tr("{elapsed} of {allowed}").format(
                elapsed=clock_text(status.elapsed), allowed=clock_text(status.allowed)
            )
            if segment
            else ""
        )
        if status.over_under is None:
            self.over_under.setText("—")
            self.over_under.setStyleSheet("font-size: 40px; font-weight: 700;")
        else:
            late = status.over_under > 0
            self.over_under.setText(
                (tr("{time} over") if late else tr("{time} ahead")).format(
                    time=clock_text(abs(status.over_under))
                )
            )
            self.over_under.setStyleSheet(
                f"font-size: 40px; font-weight: 700; color: {LEVEL_COLOURS['overtime'] if late else LEVEL_COLOURS['normal']};"
            )
        self.expected_end.setText(tr("Expected end {time}").format(time=wall_time(status.expected_end)))
        self.planned_end.setText(tr("Planned end {time}").format(time=wall_time(status.planned_end)))
        bag = next((t for t in status.timers if t.key == LUCKY_BAG_TIMER), None)
        if bag is None:
            self.lucky_bag.setText("")
        else:
            self.lucky_bag.setText(
                tr("Lucky bag {time}").format(time=countdown_text(bag.remaining))
                if not bag.expired
                else tr("Lucky bag: draw now!")
            )
            self.lucky_bag.setStyleSheet(
                f"font-size: 22px; font-weight: 700; color: {'#FF3B5C' if bag.expired else '#F5B840'};"
            )
        self.progress.setText(
            tr("{done} of {total} segments done").format(done=status.done, total=status.total)
        )
        upcoming = status.next_segment
        if status.state is RunState.READY and status.next_index is not None:
            # before the start the card above shows the first segment; NEXT is the one after it
            after = self.service.run.following(status.next_index)
            upcoming = self.service.run.segments[after] if after is not None else None
        self.next_label.setText(segment_label(plan, upcoming))
        self.restart_button.setVisible(status.state is not RunState.READY)
        if self.stage_view is not None and self.stage_view.isVisible():
            self.stage_view.show_status(status, plan)
