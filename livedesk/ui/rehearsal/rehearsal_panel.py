"""彩排: a large step timer for one product's pitch (Space start/pause, ←/→ previous/next step), actual
times against budgets, saving takes, and the product's rehearsal history. Can run the whole plan."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.live_run import level_for
from livedesk.domain.live_status import Level
from livedesk.domain.rehearsal import Rehearsal, RehearsalStep
from livedesk.domain.roles import SegmentKind
from livedesk.domain.session import SessionPlan
from livedesk.services import rehearsals, scripts
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.stage_style import DARK_STYLE, MUTED, clock_text, countdown_text
from livedesk.words import LEVEL_COLOURS, STEPS

STEP_WARNING, STEP_DANGER = 15, 5


def _item(text: str, colour: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if colour:
        from PySide6.QtGui import QColor

        item.setForeground(QColor(colour))
    return item


class RehearsalPanel(QWidget):
    take_saved = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks.scope("rehearsal")
        self._plan: SessionPlan | None = None
        self.rehearsal: Rehearsal | None = None
        self.setStyleSheet(DARK_STYLE)
        self.setAttribute(
            Qt.WidgetAttribute.WA_StyledBackground, True
        )  # paint the dark page behind the cards
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.products = QListWidget()
        self.products.currentItemChanged.connect(self._on_product_changed)
        # Space/←/→ drive the timer even while the product list has focus (the list would eat them)
        self.products.installEventFilter(self)
        self.host = QLineEdit()
        self.host.setPlaceholderText(tr("Host"))
        self.whole_plan = QCheckBox(tr("Whole plan (go on to the next product)"))
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Products")))
        left.addWidget(self.products, 1)
        left.addWidget(QLabel(tr("Host")))
        left.addWidget(self.host)
        left.addWidget(self.whole_plan)

        card = QFrame()
        card.setObjectName("card")
        self.product_label = QLabel("—")
        self.product_label.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.step_label = QLabel("—")
        self.step_label.setStyleSheet("font-size: 34px; font-weight: 700;")
        self.timer_label = QLabel("00:00")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remaining_label = QLabel()
        self.remaining_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remaining_label.setStyleSheet("font-size: 22px;")
        self.state_label = QLabel()
        self.state_label.setObjectName("muted")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.product_label, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(self.step_label, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(self.timer_label, 1)
        card_layout.addWidget(self.remaining_label)
        card_layout.addWidget(self.state_label)

        self.previous_button = QPushButton(tr("◀ Previous step (←)"))
        self.toggle_button = QPushButton(tr("Start / pause (Space)"))
        self.toggle_button.setObjectName("primary")
        self.next_button = QPushButton(tr("Next step (→) ▶"))
        self.save_button = QPushButton(tr("Save take"))
        self.reset_button = QPushButton(tr("Reset"))
        for button, slot in (
            (self.previous_button, self.previous),
            (self.toggle_button, self.toggle),
            (self.next_button, self.next),
            (self.save_button, self.save_take),
            (self.reset_button, self.reset),
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must reach the panel, not press a button
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (
            self.previous_button,
            self.toggle_button,
            self.next_button,
            self.save_button,
            self.reset_button,
        ):
            buttons.addWidget(button)

        self.steps_table = QTableWidget(0, 4)
        self.steps_table.setHorizontalHeaderLabels([tr("Step"), tr("Budget"), tr("Actual"), tr("Difference")])
        self._setup_table(self.steps_table)
        centre = QVBoxLayout()
        centre.addWidget(card, 3)
        centre.addLayout(buttons)
        centre.addWidget(self.steps_table, 2)

        self.rate_label = QLabel()
        self.history_table = QTableWidget(0, 4)
        self.history_table.setHorizontalHeaderLabels([tr("When"), tr("Host"), tr("Actual"), tr("Budget")])
        self._setup_table(self.history_table)
        self.suggest_label = QLabel()
        self.suggest_label.setWordWrap(True)
        self.suggest_label.setObjectName("muted")
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Rehearsal history")))
        right.addWidget(self.history_table, 1)
        right.addWidget(self.rate_label)
        right.addWidget(self.suggest_label)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(centre, 5)
        layout.addLayout(right, 3)
        self.tick()

    @staticmethod
    def _setup_table(table: QTableWidget) -> None:
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    # ---- data ---------------------------------------------------------------------------------
    def show_plan(self, plan: SessionPlan | None) -> None:
        """Show a plan: a new session starts afresh; the same session edited elsewhere (pool, scripts, team)
        updates the list and, unless a take is under way, the steps of the product in hand."""
        same_session = (
            self._plan is not None and plan is not None and self._plan.session.id == plan.session.id
        )
        keep = self.rehearsal.product_id if same_session and self.rehearsal is not None else None
        self._plan = plan
        self.products.blockSignals(True)
        self.products.clear()
        self.products.blockSignals(False)
        if not same_session:
            self.rehearsal = None
        if plan is None:
            self.tick()
            return
        if not same_session or not self.host.text().strip():
            self.host.setText(plan.session.team.get("host", ""))
        # Products in the order they are pitched, then the rest of the pool.
        pitched = [
            plan.product(s.product_id) for s in plan.segments if s.kind is SegmentKind.PITCH and s.product_id
        ]
        names: dict[str, str] = {}
        for product in [*pitched, *plan.products]:
            if product is not None and product.product_id not in names:
                names[product.product_id] = product.name
        seen = list(names)
        self.products.blockSignals(True)
        for product_id, name in names.items():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, product_id)
            self.products.addItem(item)
            if product_id == keep:
                self.products.setCurrentItem(item)
        self.products.blockSignals(False)
        if keep in seen:
            if self.rehearsal is not None and self.rehearsal.started_at is None:
                self.load_product(keep)  # nothing timed yet: take the edited budgets and texts
        elif self.products.count():
            self.rehearsal = None
            self.products.blockSignals(True)
            self.products.setCurrentRow(0)
            self.products.blockSignals(False)
            self._on_product_changed(self.products.currentItem())
        else:
            self.rehearsal = None
        self.tick()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.products
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Left, Qt.Key.Key_Right)
        ):
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def _on_product_changed(self, item, _previous=None) -> None:
        if item is None or self._plan is None:
            return
        self.load_product(item.data(Qt.ItemDataRole.UserRole))

    def load_product(self, product_id: str | None) -> None:
        if self._plan is None or product_id is None or self._plan.product(product_id) is None:
            self.rehearsal = None  # the product left the pool (another session, a pool import)
            self.tick()
            return
        script = scripts.product_script(self._plan, product_id)
        steps = [
            RehearsalStep(step, script.budgets[step], script.texts.get(step, "")) for step in script.budgets
        ]
        self.rehearsal = Rehearsal(
            steps, self._context.clock, product_id=product_id, host=self.host.text().strip()
        )
        self.product_label.setText(script.name)
        self._refresh_history()
        self.tick()

    def _refresh_history(self) -> None:
        """Read the product's takes, the host's rate and the suggested budgets in the background."""
        product_id = self.rehearsal.product_id if self.rehearsal is not None else None
        if product_id is None:
            return
        store, host = self._context.store, self.host.text().strip()

        def job(_control):
            return (
                rehearsals.history(store, product_id=product_id),
                rehearsals.host_rate(store, host),
                rehearsals.suggested_budgets(store, product_id),
            )

        self._tasks.submit("history", job, on_done=lambda found: self._show_history(product_id, host, *found))

    def _show_history(self, product_id: str, host: str, takes, rate: float, suggested) -> None:
        if self.rehearsal is None or self.rehearsal.product_id != product_id:
            return
        self.history_table.setRowCount(len(takes))
        for row, take in enumerate(reversed(takes)):
            over = take.total_actual > take.total_budget
            self.history_table.setItem(row, 0, _item(take.started_at.strftime("%m-%d %H:%M")))
            self.history_table.setItem(row, 1, _item(take.host or "—"))
            self.history_table.setItem(
                row, 2, _item(clock_text(take.total_actual), LEVEL_COLOURS[Level.OVERTIME] if over else None)
            )
            self.history_table.setItem(row, 3, _item(clock_text(take.total_budget)))
        self.rate_label.setText(
            tr("Speaking rate of {host}: {rate:.0f} chars/min").format(host=host or "—", rate=rate)
        )
        self.suggest_label.setText(
            tr("Budgets the takes suggest: {budgets}").format(
                budgets="，".join(
                    f"{STEPS.word(s, missing='')} {clock_text(v)}" for s, v in suggested.items()
                )
            )
            if suggested
            else tr("No rehearsal of this product yet.")
        )

    # ---- actions ------------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.rehearsal is not None:
            self.rehearsal.toggle()
            self.tick()

    def next(self) -> None:
        if self.rehearsal is None:
            return
        self.rehearsal.next()
        if self.rehearsal.finished and self.whole_plan.isChecked():
            self.save_take()
            row = self.products.currentRow()
            if row + 1 < self.products.count():
                self.products.setCurrentRow(row + 1)
                self.rehearsal.start()
        self.tick()

    def previous(self) -> None:
        if self.rehearsal is not None:
            self.rehearsal.previous()
            self.tick()

    def reset(self) -> None:
        if self.rehearsal is not None:
            self.load_product(self.rehearsal.product_id)

    def save_take(self) -> None:
        if self.rehearsal is None or self.rehearsal.started_at is None or self._plan is None:
            return
        self.rehearsal.pause()
        self.rehearsal.host = self.host.text().strip()
        take = self.rehearsal.take()
        if not take.steps:
            return
        store, session_id, product_id = self._context.store, self._plan.session.id, self.rehearsal.product_id
        self.load_product(product_id)  # a fresh take at once; the saved one joins the history when written

        def saved(take_id: int) -> None:
            self.take_saved.emit(take_id)
            self._refresh_history()

        if self._context.writer is None:
            saved(rehearsals.save_take(store, take, session_id))
        else:
            self._context.writer.write(
                # every take is its own row: a key of its own, so no take supersedes another
                f"rehearsal-take:{product_id}:{take.started_at.isoformat()}",
                lambda: rehearsals.save_take(store, take, session_id),
                on_done=saved,
            )

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle()
        elif key == Qt.Key.Key_Right:
            self.next()
        elif key == Qt.Key.Key_Left:
            self.previous()
        else:
            super().keyPressEvent(event)

    # ---- display ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.tick()  # the step table's names are worded from the rehearsal
        super().changeEvent(event)

    def tick(self) -> None:
        """Called by the page's timer: ask the rehearsal (and so the clock) and repaint the numbers."""
        r = self.rehearsal
        if r is None:
            self.step_label.setText(tr("Choose a product"))
            self.timer_label.setText("00:00")
            self.timer_label.setStyleSheet(f"font-size: 120px; font-weight: 700; color: {MUTED};")
            self.remaining_label.setText("")
            self.state_label.setText("")
            self.steps_table.setRowCount(0)
            return
        step = r.steps[r.index]
        remaining = r.remaining()
        colour = LEVEL_COLOURS[level_for(remaining, STEP_WARNING, STEP_DANGER)]
        self.step_label.setText(
            tr("Step {n}/{total} · {name}").format(
                n=r.index + 1, total=len(r.steps), name=STEPS.word(step.step, missing="")
            )
        )
        self.timer_label.setText(clock_text(r.elapsed()))
        self.timer_label.setStyleSheet(
            f"font-size: 120px; font-weight: 700; color: {colour if r.running else MUTED};"
        )
        self.remaining_label.setText(
            tr("Budget {budget} · left {left}").format(
                budget=clock_text(step.budget_seconds), left=countdown_text(remaining)
            )
        )
        self.remaining_label.setStyleSheet(f"font-size: 22px; color: {colour};")
        if r.finished:
            state = tr("Take finished: {total} of {budget}. Save it or start over.").format(
                total=clock_text(r.total_elapsed()), budget=clock_text(sum(s.budget_seconds for s in r.steps))
            )
        elif r.running:
            state = tr("Running — Space pauses")
        else:
            state = tr("Paused — Space starts")
        self.state_label.setText(state)
        self.steps_table.setRowCount(len(r.steps))
        for row, s in enumerate(r.steps):
            actual = r.elapsed(row)
            diff = actual - s.budget_seconds
            self.steps_table.setItem(
                row, 0, _item(("▶ " if row == r.index else "") + STEPS.word(s.step, missing=""))
            )
            self.steps_table.setItem(row, 1, _item(clock_text(s.budget_seconds)))
            self.steps_table.setItem(row, 2, _item(clock_text(actual) if actual else "—"))
            self.steps_table.setItem(
                row,
                3,
                _item(
                    clock_text(diff, signed=True) if actual else "—",
                    LEVEL_COLOURS[Level.OVERTIME] if actual and diff > 0 else LEVEL_COLOURS[Level.NORMAL],
                ),
            )
