"""脚本: per-product five-step scripts (text + budget, speaking-time estimate vs budget, live lint),
the session's opening/transition/closing scripts, templates and the team's own lint words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.lexicon import Severity
from livedesk.domain.roles import PITCH_STEPS, SegmentKind
from livedesk.domain.script_template import SEGMENT_SCRIPT_KINDS
from livedesk.domain.script_timing import Fit, estimate_step
from livedesk.services import lexicon as lexicon_service
from livedesk.services import rehearsals, scripts
from livedesk.services.sessions import load_plan
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.lint_highlighter import LintTextEdit
from livedesk.ui.rehearsal.stage_style import clock_text, kind_name, step_name

FIT_COLOURS = {Fit.FITS: "#2E7D5B", Fit.TIGHT: "#B7791F", Fit.OVER: "#C53030", Fit.EMPTY: "#8C96A3"}
KIND_OF_SCRIPT = {
    "opening": SegmentKind.OPENING,
    "transition": SegmentKind.TRANSITION,
    "closing": SegmentKind.CLOSING,
}


def lint_summary(hits) -> str:
    errors = sum(1 for h in hits if h.severity is Severity.ERROR)
    warnings = sum(1 for h in hits if h.severity is Severity.WARNING)
    if not hits:
        return tr("Compliance: no problems found")
    return tr("Compliance: {errors} errors, {warnings} warnings (hover the underlined words)").format(
        errors=errors, warnings=warnings
    )


class ProductScriptEditor(QWidget):
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session_id: int | None = None
        self._product = None
        self._rate = 220.0
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
            name = QLabel(step_name(step))
            name.setStyleSheet("font-weight: 600;")
            edit = LintTextEdit(self._lexicon)
            edit.setMinimumHeight(70)
            edit.setStyleSheet("font-size: 15px;")
            edit.textChanged.connect(self._update_estimates)
            budget = QSpinBox()
            budget.setRange(5, 3600)
            budget.setSingleStep(15)
            budget.setSuffix(tr(" s"))
            budget.valueChanged.connect(self._update_estimates)
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
        self.save_button = QPushButton(tr("Save script"))
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label)
        bottom.addWidget(self.lint_label, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)

    def set_lexicon(self, lexicon) -> None:
        self._lexicon = lexicon
        for edit in self.texts.values():
            edit.highlighter.set_lexicon(lexicon)
        self._update_estimates()

    def load(self, session_id: int, product, host: str) -> None:
        self._session_id, self._product = session_id, product
        script = scripts.load_product_script(self._context.store, session_id, product.product_id)
        self._rate = rehearsals.host_rate(self._context.store, host)
        self.rate_label.setText(tr("Speaking rate {rate:.0f} chars/min").format(rate=self._rate))
        self.title.setText(product.name)
        self.templates.clear()
        for template in scripts.template_library().for_role(product.role):
            self.templates.addItem(template.name_zh, template.key)
        for step in PITCH_STEPS:
            self.texts[step].setPlainText(script.texts.get(step, ""))
            self.budgets[step].setValue(script.budgets.get(step, 60))
        self.save_button.setEnabled(True)
        self._update_estimates()

    def apply_template(self) -> None:
        if self._product is None:
            return
        key = self.templates.currentData()
        template = next((t for t in scripts.template_library().pitches if t.key == key), None)
        if template is None:
            return
        texts, budgets = template.render(self._product), template.budgets()
        for step in PITCH_STEPS:
            if step in texts:
                self.texts[step].setPlainText(texts[step])
                self.budgets[step].setValue(budgets[step])

    def apply_suggested_budgets(self) -> None:
        if self._product is None:
            return
        suggested = rehearsals.suggested_budgets(self._context.store, self._product.product_id)
        for step, seconds in suggested.items():
            self.budgets[step].setValue(seconds)

    def save(self) -> None:
        if self._session_id is None or self._product is None:
            return
        texts = {step: self.texts[step].toPlainText() for step in PITCH_STEPS}
        budgets = {step: self.budgets[step].value() for step in PITCH_STEPS}
        count = scripts.save_product_script(
            self._context.store, self._session_id, self._product.product_id, texts, budgets
        )
        if count == 0:
            QMessageBox.information(
                self,
                tr("Script saved"),
                tr("The texts are saved; the budgets apply once the product has a pitch in the run order."),
            )
        self.saved.emit()

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


class SegmentScriptEditor(QWidget):
    """The session's opening, transition or closing script."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session_id: int | None = None
        self._kind = "opening"
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.lines = QComboBox()
        insert = QPushButton(tr("Insert line"))
        insert.clicked.connect(self.insert_line)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.lines)
        top.addWidget(insert)
        self.edit = LintTextEdit(lexicon_service.team_lexicon())
        self.edit.setStyleSheet("font-size: 16px;")
        self.edit.textChanged.connect(lambda: self.lint_label.setText(lint_summary(self.edit.hits())))
        self.lint_label = QLabel()
        save = QPushButton(tr("Save script"))
        save.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.lint_label, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.edit, 1)
        layout.addLayout(bottom)

    def set_lexicon(self, lexicon) -> None:
        self.edit.highlighter.set_lexicon(lexicon)

    def load(self, session_id: int, kind: str) -> None:
        self._session_id, self._kind = session_id, kind
        self.title.setText(kind_name(KIND_OF_SCRIPT[kind]))
        self.lines.clear()
        for line in scripts.template_library().lines_for(kind):
            self.lines.addItem(line.name_zh, line.text)
        self.edit.setPlainText(scripts.load_session_scripts(self._context.store, session_id).get(kind, ""))

    def insert_line(self) -> None:
        text = self.lines.currentData()
        if text:
            self.edit.appendPlainText(text)

    def save(self) -> None:
        if self._session_id is not None:
            scripts.save_session_scripts(
                self._context.store, self._session_id, {self._kind: self.edit.toPlainText()}
            )


class TeamWordsDialog(QDialog):
    """The team's own banned and allowed words, one a line."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Team words"))
        self._context = context
        banned, allowed = lexicon_service.user_words(context.store)
        self.banned = QPlainTextEdit("\n".join(str(b.get("term", "")) for b in banned))
        self.allowed = QPlainTextEdit("\n".join(allowed))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Banned words (one a line)")))
        layout.addWidget(self.banned)
        layout.addWidget(QLabel(tr("Allowed phrases, never flagged (one a line)")))
        layout.addWidget(self.allowed)
        layout.addWidget(buttons)

    def accept(self) -> None:
        lexicon_service.save_user_words(
            self._context.store,
            self.banned.toPlainText().splitlines(),
            self.allowed.toPlainText().splitlines(),
        )
        super().accept()


class ScriptEditor(QWidget):
    """The 脚本 tab: a list of what can be scripted on the left, the editor on the right."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._plan = None
        self.items = QListWidget()
        self.items.currentItemChanged.connect(self._on_item_changed)
        words = QPushButton(tr("Team words…"))
        words.clicked.connect(self.edit_team_words)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.items, 1)
        left_layout.addWidget(words)
        self.product_editor = ProductScriptEditor(context)
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

    def show_plan(self, plan) -> None:
        self._plan = plan
        self.refresh_lexicon()
        self.items.clear()
        if plan is None:
            return
        for kind in SEGMENT_SCRIPT_KINDS:
            item = QListWidgetItem(kind_name(KIND_OF_SCRIPT[kind]))
            item.setData(Qt.ItemDataRole.UserRole, ("segment", kind))
            self.items.addItem(item)
        for product in plan.products:
            item = QListWidgetItem(f"{product.name}  ({product.product_id})")
            item.setData(Qt.ItemDataRole.UserRole, ("product", product.product_id))
            self.items.addItem(item)
        self.items.setCurrentRow(len(SEGMENT_SCRIPT_KINDS) if plan.products else 0)

    def select_product(self, product_id: str) -> None:
        for row in range(self.items.count()):
            if self.items.item(row).data(Qt.ItemDataRole.UserRole) == ("product", product_id):
                self.items.setCurrentRow(row)

    def refresh_lexicon(self) -> None:
        lexicon = lexicon_service.team_lexicon(self._context.store)
        self.product_editor.set_lexicon(lexicon)
        self.segment_editor.set_lexicon(lexicon)

    def edit_team_words(self) -> None:
        if TeamWordsDialog(self._context, self).exec():
            self.refresh_lexicon()

    def _on_item_changed(self, item, _previous=None) -> None:
        if item is None or self._plan is None:
            return
        what, key = item.data(Qt.ItemDataRole.UserRole)
        session_id = self._plan.session.id
        if what == "product":
            plan = load_plan(self._context.store, session_id)  # scripts may have been saved since
            self.product_editor.load(session_id, plan.product(key), plan.session.team.get("host", ""))
            self.stack.setCurrentWidget(self.product_editor)
        else:
            self.segment_editor.load(session_id, key)
            self.stack.setCurrentWidget(self.segment_editor)
