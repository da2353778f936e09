"""Opening a session for the workspaces: its plan, forecast assumptions and its account's history, read
together in one call so the GUI can run it off the UI thread; with them what the 彩排/直播 workspace shows
first (the live log, the session scripts, the team's word list, the host's speaking rate), so a session
switch reads nothing on the UI thread."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from livedesk.domain.edit_conflict import PlanVersions
from livedesk.domain.forecast import ForecastAssumptions
from livedesk.domain.history import AccountHistory
from livedesk.domain.session import SessionPlan
from livedesk.persistence.store import Store
from livedesk.services import lexicon, planning, rehearsals, scripts
from livedesk.services.live import read_log


@dataclass
class SessionExtras:
    """Read with the plan in the background; valid while the switch is being shown (then re-read as usual)."""

    session_id: int
    live_run: (
        tuple  # (plan, events) for LiveService: a plan object of its own, the run never shares the document's
    )
    session_scripts: dict[str, str]
    team_words: tuple[list[dict], list[str]]
    host: str
    host_rate: float


def open_session(
    store: Store, session_id: int
) -> tuple[SessionPlan, ForecastAssumptions, AccountHistory, PlanVersions, SessionExtras]:
    """(plan, assumptions, history, versions, extras): the versions the plan was read at are what its edits
    are saved against (see sessions.save_plan_edit); raises SessionNotFound when the session is gone."""
    plan, versions = planning.load_plan_with_versions(store, session_id)
    assumptions = planning.load_assumptions(store, session_id)
    history = planning.account_history(store, plan.session)
    host = plan.session.team.get("host", "")
    extras = SessionExtras(
        session_id=session_id,
        # the run's own copy of the plan read above, with the log as stored now
        live_run=(copy.deepcopy(plan), read_log(store, session_id, plan.session.timezone)),
        session_scripts=scripts.load_session_scripts(store, session_id),
        team_words=lexicon.user_words(store),
        host=host,
        host_rate=rehearsals.host_rate(store, host),
    )
    return plan, assumptions, history, versions, extras
