"""脚本: per-product five-step scripts (text + budget, speaking-time estimate vs budget, live lint),
the session's opening/transition/closing scripts, templates and the team's own lint words.

A product's script is part of the shared plan: typing pauses (or the director turns to another product, or
presses 保存脚本) and the text goes into the plan as one undoable SetProductScript edit, saved by the writer
and seen at once by 彩排 and the live console. Typed text is never dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.roles import PITCH_STEPS
from livedesk.domain.script_edits import SetProductScript, pitch_count
from livedesk.domain.script_template import SEGMENT_SCRIPT_KINDS
from livedesk.domain.script_timing import Fit, estimate_step
from livedesk.domain.session import SessionPlan
from livedesk.services import lexicon as lexicon_service
from livedesk.services import rehearsals, scripts
from livedesk.ui.context import AppContext, SessionDocument
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.lint_highlighter import LintTextEdit
from livedesk.ui.rehearsal.segment_script_editor import (
    AUTOSAVE_MS,
    KIND_OF_SCRIPT,
    SegmentScriptEditor,
    TeamWordsDialog,
    error_count,
    lint_summary,
    saved_notice,
)
from livedesk.ui.rehearsal.stage_style import clock_text
from livedesk.ui.widgets.save_state import SaveStateLabel
from livedesk.words import KINDS, STEPS

FIT_COLOURS = {Fit.FITS: "#2E7D5B", Fit.TIGHT: "#B7791F", Fit.OVER: "#C53030", Fit.EMPTY: "#8C96A3"}


class ProductScriptEditor(QWidget):
    def __init__(self, context: AppContext, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._document = document
        self._product_id: str | None = None
        self._rate = 220.0
        self._loading = False
        self._dirty = False
        self._lexicon = lexicon_service.team_lexicon()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.templates = QComboBox()
        apply_template = QPushButton(tr("Apply template"))
        apply_template.clicked.connect(self.apply_template)
        self.use_history = QPushButton(tr("Budgets from rehearsals"))
        self.use_history.clicked.connect(self.apply_suggested_budgets)
        self.rate_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.rate_label)
        top.addWidget(self.templates)
        top.addWidget(apply_template)
        top.addWidget(self.use_history)

        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Step")), 0, 0)
        grid.addWidget(QLabel(tr("Script")), 0, 1)
        grid.addWidget(QLabel(tr("Budget")), 0, 2)
        grid.addWidget(QLabel(tr("Estimated")), 0, 3)
        self.texts, self.budgets, self.estimates = {}, {}, {}

        for row, step in enumerate(PITCH_STEPS, start=1):
            name = QLabel(STEPS.word(step, missing=""))
            name.setStyleSheet("font-weight: 600;")
            edit = LintTextEdit(self._lexicon)
            edit.setMinimumHeight(70)
            edit.setStyleSheet("font-size: 15px;")
            edit.textChanged.connect(self._on_edited)
            budget = QSpinBox()
            budget.setRange(5, 3600)
            budget.setSingleStep(15)
            budget.setSuffix(tr(" s"))
            budget.valueChanged.connect(self._on_edited)
            estimate = QLabel()
            estimate.setMinimumWidth(150)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(edit, row, 1)
            grid.addWidget(budget, row, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(estimate, row, 3, Qt.AlignmentFlag.AlignTop)
            self.texts[step], self.budgets[step], self.estimates[step] = edit, budget, estimate
        grid.setColumnStretch(1, 1)

        self.total_label = QLabel()
        self.lint_label = QLabel()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.state = SaveStateLabel()
        self.save_button = QPushButton(tr("Save script"))
        self.save_button.clicked.connect(self.save)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.commit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label)
        bottom.addWidget(self.lint_label, 1)
        bottom.addWidget(self.state)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)
        document.saved.connect(self._on_saved)
        document.save_failed.connect(self.state.show_failed)

    @property
    def product_id(self) -> str | None:
        return self._product_id

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_lexicon(self, lexicon) -> None:
        self._lexicon = lexicon
        for edit in self.texts.values():
            edit.highlighter.set_lexicon(lexicon)
        self._update_estimates()

    def load(self, product_id: str) -> None:
        """Show a product of the shared plan (what was typed for the previous one is committed first)."""
        self.commit()
        plan = self._document.plan
        product = plan.product(product_id) if plan is not None else None
        if plan is None or product is None:
            self._product_id = None
            self.save_button.setEnabled(False)
            return
        self._product_id = product_id
        host, extras = plan.session.team.get("host", ""), self._document.extras
        if extras is not None and extras.session_id == plan.session.id and extras.host == host:
            self._rate = extras.host_rate  # a session switch: read with the plan in the background
        else:
            self._rate = rehearsals.host_rate(self._context.store, host)
        self.rate_label.setText(tr("Speaking rate {rate:.0f} chars/min").format(rate=self._rate))
        self.title.setText(product.name)
        self.templates.clear()
        for template in scripts.template_library().for_role(product.role):
            self.templates.addItem(template.name_zh, template.key)
        self._show_script(plan, product_id)
        self.save_button.setEnabled(True)
        self.notice.setText("")
        self.state.setText("")

    def plan_edited(self) -> None:
        """The shared plan changed (an undo, the planner, a pool import): follow it unless text is being typed."""
        plan = self._document.plan
        if self._product_id is None or plan is None or self._dirty:
            return
        if plan.product(self._product_id) is None:
            self._product_id = None
            self.save_button.setEnabled(False)
            return
        script = scripts.product_script(plan, self._product_id)
        if script.texts != self._typed_texts() or script.budgets != self._typed_budgets():
            self._show_script(plan, self._product_id)

    def _show_script(self, plan: SessionPlan, product_id: str) -> None:
        script = scripts.product_script(plan, product_id)
        self._loading = True
        for step in PITCH_STEPS:
            if self.texts[step].toPlainText() != script.texts.get(step, ""):
                self.texts[step].setPlainText(script.texts.get(step, ""))
            self.budgets[step].setValue(script.budgets.get(step, 60))
        self._loading = False
        self._dirty = False
        self._update_estimates()

    def _typed_texts(self):
        return {step: self.texts[step].toPlainText() for step in PITCH_STEPS}

    def _typed_budgets(self):
        return {step: self.budgets[step].value() for step in PITCH_STEPS}

    def apply_template(self) -> None:
        plan = self._document.plan
        product = plan.product(self._product_id) if plan is not None and self._product_id else None
        if product is None:
            return
        key = self.templates.currentData()
        template = next((t for t in scripts.template_library().pitches if t.key == key), None)
        if template is None:
            return
        texts, budgets = template.render(product), template.budgets()
        for step in PITCH_STEPS:
            if step in texts:
                self.texts[step].setPlainText(texts[step])
                self.budgets[step].setValue(budgets[step])

    def apply_suggested_budgets(self) -> None:
        if self._product_id is None:
            return
        suggested = rehearsals.suggested_budgets(self._context.store, self._product_id)
        for step, seconds in suggested.items():
            self.budgets[step].setValue(seconds)

    def save(self) -> None:
        """保存脚本: commit now and say what the compliance check found."""
        self._dirty = True
        pushed = self.commit()
        hits = [hit for step in PITCH_STEPS for hit in self.texts[step].hits()]
        text = saved_notice(hits)
        plan = self._document.plan
        if pushed and plan is not None and self._product_id and not pitch_count(plan, self._product_id):
            text += " " + tr("The budgets apply once the product has a pitch in the run order.")
        self.notice.setText(text)
        self.notice.setStyleSheet(
            "color: #C53030; font-weight: 600;" if error_count(hits) else "color: #2E7D5B;"
        )

    def commit(self) -> bool:
        """Put what was typed into the shared plan as one undoable edit; True when something changed."""
        self._autosave.stop()
        plan = self._document.plan
        if (
            not self._dirty
            or self._product_id is None
            or plan is None
            or plan.product(self._product_id) is None
        ):
            self._dirty = False
            return False
        self._dirty = False
        texts, budgets = self._typed_texts(), self._typed_budgets()
        current = scripts.product_script(plan, self._product_id)
        if current.texts == texts and current.budgets == budgets:
            self.state.show_saved()
            return False
        self.state.show_saving()
        self._document.push(
            SetProductScript(self._product_id, texts, budgets),
            tr("Edit the script of {name}").format(name=current.name),
        )
        return True

    def _on_saved(self) -> None:
        if not self._dirty and self.state.state == "saving":
            self.state.show_saved()

    def _on_edited(self) -> None:
        self._update_estimates()
        if self._loading or self._product_id is None:
            return
        self._dirty = True
        self.notice.setText("")
        self.state.show_editing()
        self._autosave.start()

    def _update_estimates(self) -> None:
        total_estimate = total_budget = 0
        hits = []
        for step in PITCH_STEPS:
            estimate = estimate_step(self.texts[step].toPlainText(), self.budgets[step].value(), self._rate)
            total_estimate += estimate.estimated_seconds
            total_budget += estimate.budget_seconds
            colour = FIT_COLOURS[estimate.fit]
            text = (
                tr("{chars} chars ≈ {time}").format(
                    chars=estimate.chars, time=clock_text(estimate.estimated_seconds)
                )
                if estimate.chars
                else tr("no text yet")
            )
            if estimate.fit is Fit.OVER:
                text += " " + tr("({over} over)").format(over=clock_text(estimate.over_by))
            self.estimates[step].setText(text)
            self.estimates[step].setStyleSheet(f"color: {colour}; font-weight: 600;")
            hits += self.texts[step].hits()
        self.total_label.setText(
            tr("Total ≈ {estimate} of {budget}").format(
                estimate=clock_text(total_estimate), budget=clock_text(total_budget)
            )
        )
        self.lint_label.setText(lint_summary(hits))


class ScriptEditor(QWidget):
    """The 脚本 tab: a list of what can be scripted on the left, the editor on the right."""

    def __init__(self, context: AppContext, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._document = document
        self._session_id: int | None = None
        self.items = QListWidget()
        self.items.currentItemChanged.connect(self._on_item_changed)
        words = QPushButton(tr("Team words…"))
        words.clicked.connect(self.edit_team_words)
        self.undo_action = document.undo_stack.createUndoAction(self, tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redo_action = document.undo_stack.createRedoAction(self, tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addActions([self.undo_action, self.redo_action])
        history = QHBoxLayout()
        for action in (self.undo_action, self.redo_action):
            button = QToolButton()
            button.setDefaultAction(action)
            history.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.items, 1)
        left_layout.addLayout(history)
        left_layout.addWidget(words)
        self.product_editor = ProductScriptEditor(context, document)
        self.segment_editor = SegmentScriptEditor(context)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.product_editor)
        self.stack.addWidget(self.segment_editor)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setSizes([240, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        document.closing.connect(self.commit)  # before another session replaces the plan

    def commit(self) -> None:
        """Keep whatever was typed (before the session changes, or the window closes)."""
        self.product_editor.commit()
        self.segment_editor.commit()

    def show_plan(self, plan) -> None:
        """A new session, or the same one edited elsewhere: the list follows, the selection stays."""
        same_session = plan is not None and plan.session.id == self._session_id
        selected = (
            self.items.currentItem().data(Qt.ItemDataRole.UserRole) if self.items.currentItem() else None
        )
        if not same_session:
            self.commit()
            extras = self._document.extras
            read_with_plan = plan is not None and extras is not None and extras.session_id == plan.session.id
            self.refresh_lexicon(extras.team_words if extras is not None and read_with_plan else None)
        self._session_id = plan.session.id if plan is not None else None
        wanted = []
        if plan is not None:
            wanted = [(("segment", k), KINDS.word(KIND_OF_SCRIPT[k])) for k in SEGMENT_SCRIPT_KINDS] + [
                (("product", p.product_id), f"{p.name}  ({p.product_id})") for p in plan.products
            ]
        shown = [
            (self.items.item(r).data(Qt.ItemDataRole.UserRole), self.items.item(r).text())
            for r in range(self.items.count())
        ]
        if same_session and wanted == shown:
            self.product_editor.plan_edited()  # a script or budget edit: the list itself is unchanged
            return
        self.items.blockSignals(True)
        self.items.clear()
        for data, label in wanted:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, data)
            item.setToolTip(label)  # the list is narrow: a long name with its id is cut at the edge
            self.items.addItem(item)
        rows = [data for data, _label in wanted]
        keep = same_session and selected in rows
        if keep:
            self.items.setCurrentRow(rows.index(selected))
        self.items.blockSignals(False)
        if keep:
            self.product_editor.plan_edited()
        elif plan is not None:
            self.items.setCurrentRow(len(SEGMENT_SCRIPT_KINDS) if plan.products else 0)

    def select_product(self, product_id: str) -> None:
        for row in range(self.items.count()):
            if self.items.item(row).data(Qt.ItemDataRole.UserRole) == ("product", product_id):
                self.items.setCurrentRow(row)

    def refresh_lexicon(self, team_words: tuple[list[dict], list[str]] | None = None) -> None:
        """`team_words`: (banned, allowed) already read in the background; else they are read now."""
        if team_words is None:
            lexicon = lexicon_service.team_lexicon(self._context.store)
        else:
            lexicon = lexicon_service.shipped_lexicon().with_user_words(*team_words)
        self.product_editor.set_lexicon(lexicon)
        self.segment_editor.set_lexicon(lexicon)

    def edit_team_words(self) -> None:
        if TeamWordsDialog(self._context, self).exec():
            self.refresh_lexicon()

    def _on_item_changed(self, item, _previous=None) -> None:
        if item is None or self._session_id is None:
            return
        what, key = item.data(Qt.ItemDataRole.UserRole)
        self.commit()  # the text typed for the item being left is kept, never dropped
        if what == "product":
            self.product_editor.load(key)
            self.stack.setCurrentWidget(self.product_editor)
        else:
            self.segment_editor.load(self._session_id, key)
            self.stack.setCurrentWidget(self.segment_editor)
