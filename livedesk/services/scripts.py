"""Script editing: a product's five step texts and budgets, the session's opening/transition/closing
scripts, and the shipped templates.

Each product's script and the session's scripts carry a version: an editor loads it with the texts and
saves with `save_script(..., expected_version)` / `save_session_scripts(..., expected_version=...)`, which
raise EditConflict when someone saved the same script in between (a different product never conflicts)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from livedesk.domain.edit_conflict import EditPart
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
    version: int = 0  # the stored version these were read at; pass it to save_script


def load_product_script(store: Store, session_id: int, product_id: str) -> ProductScript:
    with store.reading() as db:
        plan, versions = session_repository.load_plan_with_versions(db, session_id)
    script = product_script(plan, product_id)
    script.version = versions.scripts.get(product_id, 0)
    return script


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


def save_script(
    store: Store,
    session_id: int,
    product_id: str,
    texts: dict[ScriptStep, str],
    budgets: dict[ScriptStep, int],
    expected_version: int,
) -> int:
    """Save one product's script if nobody saved it since `expected_version` (EditConflict otherwise):
    the texts on the product, the budgets (with the same texts) on every pitch of it, in one transaction.
    Returns the new version, for the next save."""
    return _save_product_script(store, session_id, product_id, texts, budgets, expected_version)[0]


def save_product_script(
    store: Store,
    session_id: int,
    product_id: str,
    texts: dict[ScriptStep, str],
    budgets: dict[ScriptStep, int],
    expected_version: int | None = None,
) -> int:
    """Like `save_script`, returning the number of pitch segments updated; without `expected_version` it
    writes over whatever is stored (a tool, not an editor)."""
    return _save_product_script(store, session_id, product_id, texts, budgets, expected_version)[1]


def _save_product_script(
    store: Store,
    session_id: int,
    product_id: str,
    texts: dict[ScriptStep, str],
    budgets: dict[ScriptStep, int],
    expected_version: int | None,
) -> tuple[int, int]:
    for step, seconds in budgets.items():
        if int(seconds) <= 0:
            raise ValueError(f"the budget of step {step.value} must be a positive number of seconds")
    with store.transaction() as db:
        if expected_version is None:
            expected_version = session_repository.load_versions(db, session_id).scripts.get(product_id)
            if expected_version is None:
                raise LookupError(f"product {product_id} is not in session {session_id}")
        version = session_repository.claim_script(db, session_id, product_id, expected_version)
        plan = session_repository.load_plan(db, session_id)
        product = plan.pool_product(product_id)
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
        session_repository.write_script(db, session_id, product, plan.segments)
    return version, updated


def load_session_scripts(store: Store, session_id: int) -> dict[str, str]:
    return load_session_scripts_versioned(store, session_id)[0]


def load_session_scripts_versioned(store: Store, session_id: int) -> tuple[dict[str, str], int]:
    """The opening/transition/closing texts and their version (0: none saved yet)."""
    with store.reading() as db:
        stored, version = preference_repository.get_versioned(db, SESSION_SCRIPTS_NAMESPACE, str(session_id))
    stored = stored or {}
    return {kind: str(stored.get(kind, "")) for kind in SEGMENT_SCRIPT_KINDS}, version


def save_session_scripts(
    store: Store, session_id: int, texts: dict[str, str], *, expected_version: int | None = None
) -> int:
    """Store the given kinds' texts (others are kept); with `expected_version`, refuse a stale save with
    EditConflict. Returns the new version."""
    unknown = set(texts) - set(SEGMENT_SCRIPT_KINDS)
    if unknown:
        raise ValueError(f"unknown script kinds {sorted(unknown)}; use opening, transition or closing")
    with store.transaction() as db:
        session_repository.get_session(db, session_id)  # SessionNotFound before writing anything
        current = preference_repository.get_preference(db, SESSION_SCRIPTS_NAMESPACE, str(session_id)) or {}
        current.update({kind: text for kind, text in texts.items()})
        return preference_repository.put_preference(
            db,
            SESSION_SCRIPTS_NAMESPACE,
            str(session_id),
            current,
            expected_version,
            EditPart.SESSION_SCRIPTS,
        )


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
