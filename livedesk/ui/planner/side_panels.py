"""Panels beside the run order: the selected pitch's step budgets, and the forecast against the targets."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.forecast import ForecastAssumptions
from livedesk.domain.money import format_yuan
from livedesk.domain.plan_edits import SetSegmentField
from livedesk.domain.roles import PITCH_STEPS
from livedesk.domain.session import StepBudget
from livedesk.domain.wave import split_budget
from livedesk.ui.i18n import tr
from livedesk.ui.planner.labels import mmss, step_label
from livedesk.ui.planner.plan_document import PlanDocument


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
            spin.setSuffix(" s")
            spin.editingFinished.connect(self._commit)
            self.spins[step] = spin
            form.addRow(step_label(step), spin)
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

    def _segment(self):
        plan = self._document.plan
        if plan is None or self._index is None or self._index >= len(plan.segments):
            return None
        return plan.segments[self._index]

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
        segment = self._segment()
        if self._loading or segment is None:
            return
        texts = {b.step: b.text for b in segment.steps}
        steps = [StepBudget(step, spin.value(), texts.get(step, "")) for step, spin in self.spins.items()]
        if steps != segment.steps:
            self._document.push(SetSegmentField(self._index, "steps", steps), tr("Edit step budgets"))

    def _split(self) -> None:
        segment = self._segment()
        if segment is None:
            return
        texts = {b.step: b.text for b in segment.steps}
        steps = split_budget(segment.planned_seconds, self._document.config.step_shares)
        for budget in steps:
            budget.text = texts.get(budget.step, "")
        if steps != segment.steps:
            self._document.push(SetSegmentField(self._index, "steps", steps), tr("Edit step budgets"))


class ForecastPanel(QGroupBox):
    """Projected GMV against the target, the UV and UV value the target needs, and editable assumptions."""

    assumptions_edited = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(tr("Forecast vs target"), parent)
        self._document = document
        self.target = QLabel()
        self.projected = QLabel()
        self.gap = QLabel()
        self.required_uv = QLabel()
        self.required_uv_value = QLabel()
        self.conversion = QDoubleSpinBox()
        self.conversion.setRange(0.01, 100)
        self.conversion.setDecimals(2)
        self.conversion.setSuffix(" %")
        self.viewers = QSpinBox()
        self.viewers.setRange(1, 10_000_000)
        self.conversion.editingFinished.connect(self._commit)
        self.viewers.editingFinished.connect(self._commit)
        form = QFormLayout()
        form.addRow(tr("GMV target"), self.target)
        form.addRow(tr("Projected GMV"), self.projected)
        form.addRow(tr("Gap"), self.gap)
        form.addRow(tr("Viewers needed (UV)"), self.required_uv)
        form.addRow(tr("UV value needed"), self.required_uv_value)
        form.addRow(tr("Assumed conversion"), self.conversion)
        form.addRow(tr("Assumed viewers per minute"), self.viewers)
        note = QLabel(tr("Products with past reviews are forecast from their GMV per pitch minute"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6B7785;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        document.plan_changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        forecast = self._document.forecast
        self.conversion.setValue(self._document.assumptions.conversion * 100)
        self.viewers.setValue(self._document.assumptions.viewers_per_minute)
        if forecast is None:
            for label in (self.target, self.projected, self.gap, self.required_uv, self.required_uv_value):
                label.setText("—")
            return
        self.target.setText(format_yuan(forecast.target_gmv_fen))
        self.projected.setText(format_yuan(forecast.total_gmv_fen))
        gap = forecast.gap_fen
        attainment = forecast.attainment
        self.gap.setText("—" if gap is None else f"{format_yuan(gap)} ({attainment:.0%})")
        self.gap.setStyleSheet("" if gap is None or gap >= 0 else "color: #C0504D; font-weight: 600;")
        breakdown = forecast.breakdown
        self.required_uv.setText("—" if breakdown is None or breakdown.uv is None else f"{breakdown.uv:,}")
        self.required_uv_value.setText(format_yuan(breakdown.uv_value_fen if breakdown else None))

    def _commit(self) -> None:
        assumptions = ForecastAssumptions(
            conversion=self.conversion.value() / 100,
            viewers_per_minute=self.viewers.value(),
            units_per_buyer=self._document.assumptions.units_per_buyer,
        )
        if assumptions != self._document.assumptions:
            self._document.set_assumptions(assumptions)
            self.assumptions_edited.emit()
