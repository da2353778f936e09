"""场控 console: the director's actions on the live run (go/next, skip, extend, encore, steps, markers, 福袋,
host-screen message, end of the show with a confirmation) and the two stage windows (host screen and
prompter). Every action is logged to the store as it happens, so a restart rebuilds the same run.
Widgets are built in live_console_layout, keys mapped in live_keys, and painted by live_console_display."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from livedesk.domain.live_log import LiveEvent, Marker
from livedesk.domain.live_run import LiveRunError, RunState
from livedesk.domain.script_template import segment_script
from livedesk.services import scripts
from livedesk.services.live import LiveService, clear_log
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import say, tr
from livedesk.ui.rehearsal import live_console_display as display
from livedesk.ui.rehearsal import live_console_layout as layout
from livedesk.ui.rehearsal.live_keys import action_for
from livedesk.ui.rehearsal.prompter_window import PrompterWindow
from livedesk.ui.rehearsal.screen_choice import ScreenBox
from livedesk.ui.rehearsal.stage_server_panel import StageServerPanel
from livedesk.ui.rehearsal.stage_style import DARK_STYLE, MUTED
from livedesk.ui.rehearsal.stage_view import StageView
from livedesk.words import STEPS, segment_words


class LiveConsole(layout.ConsoleWidgets, QWidget):
    """Keys: F5 go/next, F6 skip next, F7 +30 s, F8 insert encore, PgUp/PgDn step, F1 上链接, F2 福袋
    (Shift+F2 stops its countdown), F3 返场, F4 事故, F9 note. Ending the show is a button that asks first."""

    event_logged = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.service: LiveService | None = None
        self._session_scripts: dict[str, str] = {}
        self._logged: list[LiveEvent] = []  # what the log list shows, to word it again on a language switch
        self.prompter: PrompterWindow | None = None
        self.stage_view: StageView | None = None
        self.confirmation: QMessageBox | None = None  # the open "end the show?" question, if any
        self.setStyleSheet(DARK_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint the dark page behind cards
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        page = layout.build(self)
        self.stage_server = StageServerPanel(context, lambda: self.service, self.go, self.mark)
        page.addWidget(self.stage_server)  # the browser views (livedesk.stageweb), off by default
        # a chooser used with the mouse hands the keys back to the console (PgUp/PgDn are its keys)
        self.encore_product.activated.connect(lambda _i: self.setFocus())
        for spin in (self.encore_minutes, self.lucky_minutes):
            spin.editingFinished.connect(self.setFocus)
        self.stage_screen.activated.connect(lambda _i: self._move_window(self.stage_view, self.stage_screen))
        self.prompter_screen.activated.connect(
            lambda _i: self._move_window(self.prompter, self.prompter_screen)
        )
        # Quitting closes the stage windows too (they are also children of this console, so they go with it).
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_windows)
        self.tick()

    def changeEvent(self, event: QEvent) -> None:
        # The language changed: the log lines, the run order and the marker buttons are worded from data.
        if event.type() == QEvent.Type.LanguageChange:
            layout.word_texts(self)
            self.log_list.clear()
            for logged in self._logged:
                self._log_line(logged, remember=False)
            self._after_change()
        super().changeEvent(event)

    # ---- session ------------------------------------------------------------------------------
    def show_session(self, session_id: int | None) -> None:
        self.service = None
        self.log_list.clear()
        self._logged.clear()
        self.encore_product.clear()
        if session_id:
            extras = self._context.document.extras if self._context.document is not None else None
            if extras is not None and extras.session_id == session_id:  # read in the background
                self.service = LiveService(
                    self._context.store, session_id, self._context.clock, read=extras.live_run
                )
                self._session_scripts = dict(extras.session_scripts)
            else:
                self.service = LiveService(self._context.store, session_id, self._context.clock)
                self._session_scripts = scripts.load_session_scripts(self._context.store, session_id)
            for event in self.service.stored:
                self._log_line(event)
            for product in self.service.plan.products:
                self.encore_product.addItem(product.name, product.product_id)
        self._after_change()

    # ---- actions ------------------------------------------------------------------------------
    def _act(self, action: Callable[[LiveService], object]) -> list[LiveEvent]:
        """Run `action` on the live service (nothing without a session) and log what it returned."""
        if self.service is None:
            return []
        try:
            result = action(self.service)
        except LiveRunError as exc:
            # the state machine says why as a code; the director reads it in the UI language
            self.feedback.setText(say(exc.reason))
            return []
        self.feedback.setText("")
        events = result if isinstance(result, list) else ([result] if isinstance(result, LiveEvent) else [])
        for event in events:
            self._log_line(event)
            self.event_logged.emit(event)
        self._after_change()
        return events

    def go(self) -> None:
        self._act(lambda service: service.go())

    def skip(self) -> None:
        self._act(lambda service: service.skip())

    def toggle_skip(self, row: int, _column: int = 0) -> None:
        """A segment still to come leaves the run, or comes back (double-click in the run order)."""
        if self.service is None:
            return
        if self.service.run.is_skipped(row) and not self.service.run.is_unplayed(row):
            self._act(lambda service: service.unskip(row))
        else:
            self._act(lambda service: service.skip(row))

    def extend(self, seconds: int) -> None:
        self._act(lambda service: service.extend(seconds))

    def extend_30(self) -> None:
        self.extend(30)

    def step_next(self) -> None:
        self._act(lambda service: service.step_next())

    def step_previous(self) -> None:
        self._act(lambda service: service.step_previous())

    def insert_encore(self) -> None:
        product_id = self.encore_product.currentData()
        if product_id:
            seconds = self.encore_minutes.value() * 60
            self._act(lambda service: service.insert_encore(product_id, seconds))

    def mark(self, marker: Marker) -> None:
        if marker is Marker.LUCKY_BAG:
            self._act(lambda service: service.lucky_bag(self.lucky_minutes.value() * 60))
        elif marker is Marker.NOTE:
            note = self.note_edit.text().strip()
            self._act(lambda service: service.mark(Marker.NOTE, note))
            self.note_edit.clear()
        else:
            self._act(lambda service: service.mark(marker))

    def stop_lucky_bag(self) -> None:
        self._act(lambda service: service.stop_lucky_bag())

    def send_message(self, clear: bool = False) -> None:
        if clear:
            self.message_edit.clear()
            self.blink.setChecked(False)
        text, blink = self.message_edit.text().strip(), self.blink.isChecked()
        self._act(lambda service: service.send_message(text, blink))

    def finish(self, confirm: bool = True) -> None:
        """End the show after saying how many blocks are left; those are logged as 未播."""
        if self.service is None:
            return
        if self.service.status().state is not RunState.RUNNING:
            self._act(lambda service: service.finish())  # says why not, in the feedback line
            return
        if confirm and not self._confirm_finish(self.service.unplayed_count()):
            return
        self._act(lambda service: service.finish())

    def _confirm_finish(self, unplayed: int) -> bool:
        text = (
            tr(
                "End the show now? {n} segments have not been played; they will be logged as unplayed."
            ).format(n=unplayed)
            if unplayed
            else tr("End the show now? This is the last segment.")
        )
        box = QMessageBox(QMessageBox.Icon.Warning, tr("End the show"), text, parent=self)
        end = box.addButton(tr("End the show"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(tr("Keep going"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter must not end a show by accident
        self.confirmation = box
        try:
            box.exec()
            return box.clickedButton() is end
        finally:
            self.confirmation = None

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
        action = action_for(event.key(), event.modifiers())
        if action is None:
            super().keyPressEvent(event)
        elif isinstance(action, tuple):
            self.mark(action[1])
        else:
            getattr(self, action)()

    # ---- stage windows ------------------------------------------------------------------------
    def open_prompter(self) -> PrompterWindow:
        if self.prompter is None:
            self.prompter = PrompterWindow(self._context.clock, self)
            self.prompter.follow(self.prompter_content)
        self.prompter.show_on(self.prompter_screen.chosen_screen())
        return self.prompter

    def open_stage_view(self) -> StageView:
        if self.stage_view is None:
            self.stage_view = StageView(self)
            self.stage_view.follow(self.stage_content)
        self.stage_view.show_on(self.stage_screen.chosen_screen())
        self.stage_view.tick()
        return self.stage_view

    def stage_content(self):
        """(status, plan) for the host screen, or None with no session."""
        if self.service is None:
            return None
        return self.service.status(), self.service.run.plan

    def _move_window(self, window: PrompterWindow | StageView | None, chooser: ScreenBox) -> None:
        if window is not None and window.isVisible():
            window.show_on(chooser.chosen_screen())
        self.setFocus()

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
        title = segment_words(plan, segment) + (f" · {STEPS.word(step, missing='')}" if step else "")
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
        self._session_scripts = scripts.load_session_scripts(self._context.store, self.service.session_id)
        if self.service.run.adopt_plan(copy.deepcopy(plan)) and self.service.run.state is RunState.RUNNING:
            self.feedback.setText(tr("The plan was edited: segments not yet started follow the new plan."))
        self.encore_product.clear()
        for product in self.service.plan.products:
            self.encore_product.addItem(product.name, product.product_id)
        self._after_change()

    # ---- display ------------------------------------------------------------------------------
    def _log_line(self, event: LiveEvent, *, remember: bool = True) -> None:
        if remember:
            self._logged.append(event)
        if self.service is None:
            return
        line = display.log_line(event, self.service.run)
        if line is not None:
            self.log_list.insertItem(0, line)

    def _after_change(self) -> None:
        display.fill_run_order(
            self.run_order,
            self.service.run if self.service else None,
            self.service.status() if self.service else None,
        )
        self.tick()

    def tick(self) -> None:
        """Called by the page's timer (and after every action): ask the run for the clock and repaint."""
        self.stage_server.refresh()
        if self.service is None:
            self.current_label.setText(tr("No session selected"))
            self.countdown.setText("--:--")
            self.countdown.setStyleSheet(
                f"font-size: {layout.COUNTDOWN_PX}px; font-weight: 700; color: {MUTED};"
            )
            for widget in (self.step_label, self.elapsed_label, self.next_label, self.lucky_bag):
                widget.setText("")
            return
        display.paint(self, self.service.status(), self.service.run)
        if self.stage_view is not None and self.stage_view.isVisible():
            self.stage_view.tick()  # at once after an action, not at the host screen's next tick
