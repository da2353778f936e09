"""Opening a session for the workspaces: its plan, forecast assumptions and the products' sales history,
read together in one call so the GUI can run it off the UI thread (the history scan reads every past
session's 商品讲解 records)."""

from __future__ import annotations

from livedesk.domain.forecast import ForecastAssumptions, ProductHistory
from livedesk.domain.session import SessionPlan
from livedesk.persistence.store import Store
from livedesk.services import planning


def open_session(
    store: Store, session_id: int
) -> tuple[SessionPlan, ForecastAssumptions, dict[str, ProductHistory]]:
    """(plan, assumptions, history); raises SessionNotFound when the session is gone."""
    plan = planning.load_plan(store, session_id)
    assumptions = planning.load_assumptions(store, session_id)
    history = planning.product_history(store, [p.product_id for p in plan.products], session_id)
    return plan, assumptions, history
