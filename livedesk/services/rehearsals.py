"""Rehearsal takes: storing them, their history per product and host, the host's learnt speaking rate
and budgets suggested from what was actually spoken."""

from __future__ import annotations

from livedesk.domain.rehearsal import RehearsalTake
from livedesk.domain.roles import ScriptStep
from livedesk.domain.script_timing import DEFAULT_CHARS_PER_MINUTE, RECENT_TAKES, learn_rate, suggest_budget
from livedesk.persistence import preference_repository, rehearsal_repository
from livedesk.persistence.store import Store

RATE_NAMESPACE = "speaking_rate"  # name = host; {"chars_per_minute": float} set by hand overrides learning


def save_take(store: Store, take: RehearsalTake, session_id: int | None = None) -> int:
    if not take.steps:
        raise ValueError("the take has no timed step; start the timer before saving")
    take.session_id = session_id if session_id is not None else take.session_id
    with store.transaction() as db:
        return rehearsal_repository.add_take(db, take)


def history(
    store: Store, *, product_id: str | None = None, host: str | None = None, limit: int = 20
) -> list[RehearsalTake]:
    with store.reading() as db:
        return rehearsal_repository.list_takes(db, product_id=product_id, host=host, limit=limit)


def host_rate(store: Store, host: str) -> float:
    """Chars per minute for a host: a rate set by hand wins, else learnt from their recent takes, else 220."""
    with store.reading() as db:
        manual = preference_repository.get_preference(db, RATE_NAMESPACE, host or "")
        if manual and manual.get("chars_per_minute"):
            return float(manual["chars_per_minute"])
        takes = rehearsal_repository.list_takes(db, host=host or "", limit=RECENT_TAKES)
    # every timed step of the recent takes counts; the take limit is what keeps the rate current
    return learn_rate(
        [sample for take in takes for sample in take.samples()], default=DEFAULT_CHARS_PER_MINUTE, recent=0
    )


def set_host_rate(store: Store, host: str, chars_per_minute: float | None) -> None:
    """Fix a host's rate by hand, or (None) go back to the learnt rate."""
    with store.transaction() as db:
        if chars_per_minute is None:
            preference_repository.delete_preference(db, RATE_NAMESPACE, host or "")
        else:
            if not 60 <= chars_per_minute <= 500:
                raise ValueError("a speaking rate must be between 60 and 500 characters a minute")
            preference_repository.put_preference(
                db, RATE_NAMESPACE, host or "", {"chars_per_minute": float(chars_per_minute)}
            )


def suggested_budgets(store: Store, product_id: str, host: str | None = None) -> dict[ScriptStep, int]:
    """Per step, the budget the recent takes of this product suggest (steps without history are absent)."""
    takes = history(store, product_id=product_id, host=host)
    actuals: dict[ScriptStep, list[float]] = {}
    for take in takes:
        for taken in take.steps:
            if not taken.complete:
                continue  # the host stopped in the middle of it: its time says nothing about the budget
            actuals.setdefault(taken.step, []).append(taken.actual)
    out = {}
    for step, values in actuals.items():
        budget = suggest_budget(values)
        if budget is not None:
            out[step] = budget
    return out
