"""Reviewing a session: load only what the analysis needs, compute the review (a pure read), and keep what
the user saves: the team's thresholds, new action items and the verdicts on carried ones. Qt-free; the GUI runs these off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from livedesk.domain.ids import saved
from livedesk.persistence.store import Store

if TYPE_CHECKING:
    from livedesk.analysis.review import Review
    from livedesk.analysis.review_types import Finding
    from livedesk.domain.action_item import ActionItem
    from livedesk.services.history import TrendPoint


class ProgressControl(Protocol):
    def progress(self, fraction: float, message: str) -> None: ...


def load_inputs(store: Store, session_id: int):
    """The plan, live log and stored tables (only the columns the review reads) of one session."""
    with store.reading() as db:
        return read_inputs(db, session_id)


def read_inputs(db, session_id: int):
    """`load_inputs` inside an open database session (an import's or a migration's transaction sees its own
    writes this way)."""
    import pyarrow as pa

    from livedesk.analysis.inputs import NEEDED_COLUMNS, ReviewInputs, SourcedTable
    from livedesk.persistence import dataset_repository, live_log_repository, session_repository

    plan = session_repository.load_plan(db, session_id)
    events = live_log_repository.list_events(db, session_id, plan.session.timezone)
    tables: dict[str, list] = {}
    for dataset in dataset_repository.list_datasets(db, session_id, zone=plan.session.timezone):
        kind = dataset.kind.value
        wanted = NEEDED_COLUMNS.get(kind)
        try:
            table = dataset_repository.load_table(db, saved(dataset.id), columns=wanted)
        except (pa.ArrowInvalid, KeyError):
            # An older or partial table without every canonical column: read all, keep what exists.
            table = dataset_repository.load_table(db, saved(dataset.id))
            table = table.select([c for c in wanted if c in table.column_names]) if wanted else table
        tables.setdefault(kind, []).append(SourcedTable(dataset, table))
    return ReviewInputs(plan=plan, events=events, tables=tables)


def load_thresholds(store: Store) -> dict:
    from livedesk.analysis.roles import THRESHOLDS_NAME, THRESHOLDS_NAMESPACE, merged_thresholds
    from livedesk.persistence.preference_repository import get_preference

    with store.reading() as db:
        return merged_thresholds(get_preference(db, THRESHOLDS_NAMESPACE, THRESHOLDS_NAME))


def save_thresholds(store: Store, values: dict) -> dict:
    """Store the team's thresholds (merged over the defaults) whatever is stored; returns what is now in
    force. An editor uses `save_thresholds_checked`."""
    return save_thresholds_checked(store, values, None)[0]


def load_thresholds_versioned(store: Store) -> tuple[dict, int]:
    """The thresholds in force and the version they were read at (0: the defaults, none saved yet)."""
    from livedesk.analysis.roles import THRESHOLDS_NAME, THRESHOLDS_NAMESPACE, merged_thresholds
    from livedesk.persistence.preference_repository import get_versioned

    with store.reading() as db:
        stored, version = get_versioned(db, THRESHOLDS_NAMESPACE, THRESHOLDS_NAME)
    return merged_thresholds(stored), version


def save_thresholds_checked(store: Store, values: dict, expected_version: int | None) -> tuple[dict, int]:
    """Store the thresholds if nobody saved them since `expected_version` (EditConflict otherwise);
    returns what is now in force and its version."""
    from livedesk.analysis.roles import THRESHOLDS_NAME, THRESHOLDS_NAMESPACE, merged_thresholds
    from livedesk.domain.edit_conflict import EditPart
    from livedesk.persistence.preference_repository import put_preference

    merged = merged_thresholds(values)
    with store.transaction() as db:
        version = put_preference(
            db, THRESHOLDS_NAMESPACE, THRESHOLDS_NAME, merged, expected_version, EditPart.THRESHOLDS
        )
    return merged, version


def update_action(store: Store, item):
    """Save a changed action item (status, owner, target …) read at `item.version`; EditConflict when
    someone saved it in between. Returns the item with its new version."""
    from livedesk.persistence import action_repository

    with store.transaction() as db:
        action_repository.save_action(db, item)
    return item


def delete_action(store: Store, action_id: int, expected_version: int) -> None:
    """Delete an action item unless someone changed it since `expected_version` (EditConflict)."""
    from livedesk.persistence import action_repository

    with store.transaction() as db:
        action_repository.delete_action(db, action_id, expected_version)


def run_review(store: Store, session_id: int, *, control: ProgressControl | None = None) -> Review:
    """The session's Review (livedesk.analysis.review), carried action items verified against it. A pure
    read: nothing is stored (the user saves the verdicts with `save_verdicts`)."""
    from livedesk.analysis.review import build_review
    from livedesk.persistence import action_repository

    _progress(control, 0.05, "loading")
    inputs = load_inputs(store, session_id)
    thresholds = load_thresholds(store)
    with store.reading() as db:
        own = action_repository.actions_of_session(db, session_id)
        carried = action_repository.actions_carried_into(db, session_id)
    _progress(control, 0.4, "analysing")
    review = build_review(inputs, thresholds=thresholds, own_actions=own, carried_actions=carried)
    _progress(control, 1.0, "done")
    return review


def save_verdicts(store: Store, review: Review) -> list[ActionItem]:
    """Store what the user accepted from this review in one transaction: the verdicts of the carried action
    items (each at the version it was read, EditConflict when someone changed it since) and the session's
    history summary. Returns the items as stored."""
    from livedesk.persistence import action_repository
    from livedesk.services import history

    saved = review.carried_to_save
    with store.transaction() as db:
        for item in saved:
            action_repository.save_action(db, item)
        history.store_review(db, review)  # the saved review is the account's history
    return saved


def add_action(
    store: Store,
    session_id: int,
    finding: Finding,
    *,
    action: str,
    owner: str = "",
    metric: str | None = None,
    target: float | None = None,
    comparison: str | None = None,
) -> ActionItem:
    """Make an action item from a finding of this session (one transaction); returns the stored item."""
    from livedesk.analysis.actions import action_from_finding
    from livedesk.persistence import action_repository, session_repository

    with store.transaction() as db:
        session = session_repository.get_session(db, session_id)
        item = action_from_finding(
            finding,
            session_id=session_id,
            account=session.account,
            action=action,
            owner=owner,
            metric=metric,
            target=target,
            comparison=comparison,
        )
        action_repository.save_action(db, item)
    return item


def session_history(store: Store, session_id: int, limit: int = 12) -> list[TrendPoint]:
    """KPIs of this session and the earlier sessions of the same account, oldest first (for trends), read
    from the stored summaries (livedesk.services.history): one query, no review recomputed."""
    from livedesk.services.history import session_trend

    return session_trend(store, session_id, limit)


def _progress(control: ProgressControl | None, fraction: float, message: str) -> None:
    if control is not None:
        control.progress(fraction, message)
