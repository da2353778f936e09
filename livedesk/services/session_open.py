"""Opening a session for the workspaces: its plan, forecast assumptions and its account's history, read
together in one call so the GUI can run it off the UI thread."""

from __future__ import annotations

from livedesk.domain.edit_conflict import PlanVersions
from livedesk.domain.forecast import ForecastAssumptions
from livedesk.domain.history import AccountHistory
from livedesk.domain.session import SessionPlan
from livedesk.persistence.store import Store
from livedesk.services import planning


def open_session(
    store: Store, session_id: int
) -> tuple[SessionPlan, ForecastAssumptions, AccountHistory, PlanVersions]:
    """(plan, assumptions, history, versions): the versions the plan was read at are what its edits are
    saved against (see sessions.save_plan_edit); raises SessionNotFound when the session is gone."""
    plan, versions = planning.load_plan_with_versions(store, session_id)
    assumptions = planning.load_assumptions(store, session_id)
    history = planning.account_history(store, plan.session)
    return plan, assumptions, history, versions
