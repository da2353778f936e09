"""A product's pitch script as a plan edit: its five step texts go on the product and, with the step
budgets, on every pitch of it. Undoable like every other PlanEdit (`apply` returns the edit that undoes it),
so a script typed in 脚本 travels the same road as a segment dragged in 计划."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from livedesk.domain.roles import PITCH_STEPS, ScriptStep, SegmentKind
from livedesk.domain.session import SessionPlan, StepBudget

FALLBACK_STEP_SECONDS = 60  # a step the editor sent no budget for and the pitch had none either


@dataclass
class ScriptSnapshot:
    """The product's step texts and the steps of its pitches (by run-order index) as they are to become."""

    product_id: str
    scripts: dict[ScriptStep, str] = field(default_factory=dict)
    pitch_steps: dict[int, list[StepBudget]] = field(default_factory=dict)
    name: str = "script"

    def apply(self, plan: SessionPlan) -> ScriptSnapshot:
        product = plan.product(self.product_id)
        if product is None:
            raise LookupError(f"product {self.product_id} is not in the pool")
        old = ScriptSnapshot(
            self.product_id,
            dict(product.scripts),
            {index: copy.deepcopy(plan.segments[index].steps) for index in self.pitch_steps},
            self.name,
        )
        product.scripts = dict(self.scripts)
        for index, steps in self.pitch_steps.items():
            plan.segments[index].steps = copy.deepcopy(steps)
        return old


@dataclass
class SetProductScript:
    """Set a product's step texts (empty ones are dropped) and the budgets of every pitch of it."""

    product_id: str
    texts: dict[ScriptStep, str]
    budgets: dict[ScriptStep, int]
    name: str = "script"

    def apply(self, plan: SessionPlan) -> ScriptSnapshot:
        for step, seconds in self.budgets.items():
            if int(seconds) <= 0:
                raise ValueError(f"the budget of step {step.value} must be a positive number of seconds")
        scripts = {step: self.texts[step] for step in PITCH_STEPS if self.texts.get(step, "").strip()}
        pitch_steps = {}
        for index, segment in enumerate(plan.segments):
            if segment.kind is SegmentKind.PITCH and segment.product_id == self.product_id:
                old = {b.step: b.seconds for b in segment.steps}
                pitch_steps[index] = [
                    StepBudget(
                        step,
                        int(self.budgets.get(step, old.get(step, FALLBACK_STEP_SECONDS))),
                        self.texts.get(step, ""),
                    )
                    for step in PITCH_STEPS
                ]
        return ScriptSnapshot(self.product_id, scripts, pitch_steps, self.name).apply(plan)


def pitch_count(plan: SessionPlan, product_id: str) -> int:
    return sum(1 for s in plan.segments if s.kind is SegmentKind.PITCH and s.product_id == product_id)
