"""Panels beside the run order: the selected pitch's step budgets (the forecast has its own module)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from livedesk.domain.plan_edits import SetSegmentField
from livedesk.domain.roles import PITCH_STEPS
from livedesk.domain.session import Segment, StepBudget
from livedesk.domain.wave import split_budget
from livedesk.ui.i18n import tr
from livedesk.ui.planner.labels import mmss
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.words import STEPS


class StepBudgetEditor(QGroupBox):
    """Seconds per script step of the selected pitch; the sum is shown against the pitch length."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(tr("Script step budgets"), parent)
        self._document = document
        self._index: int | None = None
        self._loading = False
        self.spins = {}
        form = QFormLayout(self)
        for step in PITCH_STEPS:
            spin = QSpinBox()
            spin.setRange(0, 3600)
            spin.setSuffix(tr(" s"))
            spin.editingFinished.connect(self._commit)
            self.spins[step] = spin
            form.addRow(STEPS.word(step), spin)
        self.total = QLabel()
        form.addRow(tr("Total"), self.total)
        self.split = QPushButton(tr("Split by default shares"))
        self.split.clicked.connect(self._split)
        form.addRow(self.split)
        document.plan_changed.connect(self._refresh)
        self.show_segment(None)

    def show_segment(self, index: int | None) -> None:
        self._index = index
        self._refresh()

    def _selected(self) -> tuple[int, Segment] | None:
        """The selected segment with its index, or None (no plan, no selection, or an index now past the end)."""
        plan, index = self._document.plan, self._index
        if plan is None or index is None or index >= len(plan.segments):
            return None
        return index, plan.segments[index]

    def _segment(self) -> Segment | None:
        selected = self._selected()
        return selected[1] if selected else None

    def _refresh(self) -> None:
        segment = self._segment()
        self.setEnabled(segment is not None)
        self._loading = True
        budgets = {b.step: b.seconds for b in segment.steps} if segment else {}
        for step, spin in self.spins.items():
            spin.setValue(budgets.get(step, 0))
        self._loading = False
        if segment is None:
            self.total.setText("—")
            return
        total = sum(budgets.values())
        text = tr("{steps} of {length}").format(steps=mmss(total), length=mmss(segment.planned_seconds))
        self.total.setText(text)
        self.total.setStyleSheet(
            "" if total == segment.planned_seconds else "color: #C0504D; font-weight: 600;"
        )

    def _commit(self) -> None:
        selected = self._selected()
        if self._loading or selected is None:
            return
        index, segment = selected
        texts = {b.step: b.text for b in segment.steps}
        steps = [StepBudget(step, spin.value(), texts.get(step, "")) for step, spin in self.spins.items()]
        if steps != segment.steps:
            self._document.push(SetSegmentField(index, "steps", steps), tr("Edit step budgets"))

    def _split(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        index, segment = selected
        texts = {b.step: b.text for b in segment.steps}
        steps = split_budget(segment.planned_seconds, self._document.config.step_shares)
        for budget in steps:
            budget.text = texts.get(budget.step, "")
        if steps != segment.steps:
            self._document.push(SetSegmentField(index, "steps", steps), tr("Edit step budgets"))
