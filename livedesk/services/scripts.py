"""Script editing: a product's five step texts and budgets, the session's opening/transition/closing
scripts, and the shipped templates."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from livedesk.domain.roles import PITCH_STEPS, ScriptStep, SegmentKind
from livedesk.domain.script_template import SEGMENT_SCRIPT_KINDS, TemplateLibrary
from livedesk.domain.session import SessionPlan, StepBudget
from livedesk.persistence import preference_repository, session_repository
from livedesk.persistence.store import Store
from livedesk.resources import resources_dir

SESSION_SCRIPTS_NAMESPACE = (
    "session_scripts"  # name = session id; {"opening": str, "transition": str, "closing": str}
)
DEFAULT_STEP_SECONDS = {
    ScriptStep.PAIN_POINT: 60,
    ScriptStep.SELLING_POINTS: 180,
    ScriptStep.TRUST: 90,
    ScriptStep.OFFER: 90,
    ScriptStep.CLOSE: 60,
}


@dataclass
class ProductScript:
    """What the editor shows for one product: text and budget per step, and how many pitches use them."""

    product_id: str
    name: str
    texts: dict[ScriptStep, str] = field(default_factory=dict)
    budgets: dict[ScriptStep, int] = field(default_factory=dict)
    pitch_count: int = 0


def load_product_script(store: Store, session_id: int, product_id: str) -> ProductScript:
    with store.reading() as db:
        plan = session_repository.load_plan(db, session_id)
    return product_script(plan, product_id)


def product_script(plan: SessionPlan, product_id: str) -> ProductScript:
    """The script of a product as the plan in hand has it (the GUI's shared plan, unsaved edits included)."""
    product = plan.product(product_id)
    if product is None:
        raise LookupError(f"product {product_id} is not in session {plan.session.id}")
    pitches = [s for s in plan.segments if s.kind is SegmentKind.PITCH and s.product_id == product_id]
    budgets = dict(DEFAULT_STEP_SECONDS)
    texts = {step: product.scripts.get(step, "") for step in PITCH_STEPS}
    if pitches:
        for budget in pitches[0].steps:
            budgets[budget.step] = budget.seconds
            if budget.text.strip() and not texts.get(budget.step):
                texts[budget.step] = budget.text
    return ProductScript(product_id, product.name, texts, budgets, len(pitches))


def save_product_script(
    store: Store,
    session_id: int,
    product_id: str,
    texts: dict[ScriptStep, str],
    budgets: dict[ScriptStep, int],
) -> int:
    """Store the texts on the product and the budgets (with the same texts) on every pitch of it, in one
    transaction; returns the number of pitch segments updated."""
    for step, seconds in budgets.items():
        if int(seconds) <= 0:
            raise ValueError(f"the budget of step {step.value} must be a positive number of seconds")
    with store.transaction() as db:
        plan = session_repository.load_plan(db, session_id)
        product = plan.product(product_id)
        if product is None:
            raise LookupError(f"product {product_id} is not in session {session_id}")
        product.scripts = {step: texts.get(step, "") for step in PITCH_STEPS if texts.get(step, "").strip()}
        updated = 0
        for segment in plan.segments:
            if segment.kind is SegmentKind.PITCH and segment.product_id == product_id:
                old = {b.step: b.seconds for b in segment.steps}
                segment.steps = [
                    StepBudget(
                        step,
                        int(budgets.get(step, old.get(step, DEFAULT_STEP_SECONDS[step]))),
                        texts.get(step, ""),
                    )
                    for step in PITCH_STEPS
                ]
                updated += 1
        session_repository.replace_products(db, session_id, plan.products)
        session_repository.replace_segments(db, session_id, plan.segments)
    return updated


def load_session_scripts(store: Store, session_id: int) -> dict[str, str]:
    with store.reading() as db:
        stored = preference_repository.get_preference(db, SESSION_SCRIPTS_NAMESPACE, str(session_id)) or {}
    return {kind: str(stored.get(kind, "")) for kind in SEGMENT_SCRIPT_KINDS}


def save_session_scripts(store: Store, session_id: int, texts: dict[str, str]) -> None:
    unknown = set(texts) - set(SEGMENT_SCRIPT_KINDS)
    if unknown:
        raise ValueError(f"unknown script kinds {sorted(unknown)}; use opening, transition or closing")
    with store.transaction() as db:
        session_repository.get_session(db, session_id)  # SessionNotFound before writing anything
        current = preference_repository.get_preference(db, SESSION_SCRIPTS_NAMESPACE, str(session_id)) or {}
        current.update({kind: text for kind, text in texts.items()})
        preference_repository.put_preference(db, SESSION_SCRIPTS_NAMESPACE, str(session_id), current)


@lru_cache(maxsize=2)
def _library(folder: str) -> TemplateLibrary:
    from pathlib import Path

    base = Path(folder)
    pitches = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(base.glob("pitch_*.json"))]
    lines_path = base / "segments.json"
    lines = json.loads(lines_path.read_text(encoding="utf-8")) if lines_path.exists() else None
    return TemplateLibrary.from_documents(pitches, lines)


def template_library() -> TemplateLibrary:
    return _library(str(resources_dir() / "script_templates"))
