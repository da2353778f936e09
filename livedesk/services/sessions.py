"""Creating, listing (paged, per account, by title), opening and saving sessions.

An editor saves with `save_plan_edit`: only the parts it changed (header, pool, run order), each checked
against the version it was read at. When someone else saved one of those parts in between, their change and
this one are merged field by field; a field both changed is an EditConflict for the user to settle.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from livedesk.domain.edit_conflict import EditConflict, EditPart, PlanVersions
from livedesk.domain.ids import saved
from livedesk.domain.plan_merge import merge_part, part_changed, script_changes
from livedesk.domain.session import DEFAULT_TIMEZONE, Session, SessionPlan
from livedesk.domain.session_listing import SessionListItem, SessionPage
from livedesk.persistence import session_repository
from livedesk.persistence.store import Store

DEFAULT_PAGE = 50


def parse_local_start(text: str, timezone: str = DEFAULT_TIMEZONE) -> datetime:
    """`2026-11-21T20:00` (wall time in the session's zone) → aware datetime; ValueError when malformed."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%dT%H:%M")
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a start time; write it as YYYY-MM-DDTHH:MM") from exc
    return moment.replace(tzinfo=ZoneInfo(timezone))


def create_session(
    store: Store,
    title: str,
    start: datetime,
    planned_seconds: int,
    *,
    platform: str = "douyin",
    account: str = "",
) -> int:
    session = Session(
        title=title, start=start, planned_seconds=planned_seconds, platform=platform, account=account
    )
    with store.transaction() as db:
        return session_repository.add_session(db, session)


def list_sessions(
    store: Store,
    *,
    account: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[SessionListItem]:
    """Sessions newest first (the list's columns only): one account's when given, titles containing
    `search`, `limit` rows from `offset`."""
    with store.reading() as db:
        return session_repository.list_sessions(
            db, account=account, search=search, limit=limit, offset=offset
        )


def session_page(
    store: Store,
    *,
    account: str | None = None,
    search: str | None = None,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> SessionPage:
    """One page of the session list with the number of matching sessions (what a paged list shows)."""
    with store.reading() as db:
        items = session_repository.list_sessions(
            db, account=account, search=search, limit=limit, offset=offset
        )
        total = session_repository.count_sessions(db, account=account, search=search)
    return SessionPage(items=items, total=total, offset=offset, limit=limit)


def list_accounts(store: Store) -> list[tuple[str, int]]:
    """The accounts in the store with their session counts (an account filter's choices)."""
    with store.reading() as db:
        return session_repository.list_accounts(db)


def initial_session(store: Store, preferred: int | None) -> int | None:
    """The session to open at start-up: `preferred` (the last one) while it exists, else the newest; two
    indexed lookups instead of a listing."""
    with store.reading() as db:
        if preferred is not None and session_repository.session_exists(db, preferred):
            return preferred
        newest = session_repository.list_sessions(db, limit=1)
    return newest[0].id if newest else None


def load_plan(store: Store, session_id: int) -> SessionPlan:
    with store.reading() as db:
        return session_repository.load_plan(db, session_id)


def save_plan(store: Store, plan: SessionPlan) -> int:
    """Write the whole plan whatever is stored (a new session, a generated or imported plan); an editor of
    a stored plan uses `save_plan_edit`."""
    with store.transaction() as db:
        return session_repository.save_plan(db, plan)


# The parts of a plan document, in the order they are written.
# Scripts before the run order: a run-order save moves the script version of products whose pitch budgets
# changed, and the script's own check must see the version the edit started from.
PLAN_PARTS = (EditPart.HEADER, EditPart.POOL, EditPart.SCRIPT, EditPart.RUN_ORDER)
_VERSION_OF = {EditPart.HEADER: "header", EditPart.POOL: "pool", EditPart.RUN_ORDER: "run_order"}


@dataclass
class SavedPlan:
    plan: SessionPlan  # what is stored now: the edit, with what others saved meanwhile merged in
    versions: PlanVersions
    merged: bool = False  # True when others' changes came in (the editor should show `plan`)


def load_plan_with_versions(store: Store, session_id: int) -> tuple[SessionPlan, PlanVersions]:
    """The plan and the versions it was read at (versions first: never an older plan under newer ones)."""
    with store.reading() as db:
        return session_repository.load_plan_with_versions(db, session_id)


def save_plan_edit(
    store: Store, plan: SessionPlan, versions: PlanVersions, base: SessionPlan, *, attempts: int = 4
) -> SavedPlan:
    """Save the parts of `plan` that differ from `base` (the plan as read at `versions`) in one transaction.

    A part someone else saved since is merged: what only they changed is taken, what only this edit changed
    is kept; a field both changed raises EditConflict naming it, and nothing is written. `plan` and `base`
    are not modified."""
    mine, merged = plan, False
    session_id = saved(plan.session.id, "session")
    for attempt in range(attempts):
        changed = [part for part in PLAN_PARTS if part_changed(part, base, mine)]
        if not changed:
            return SavedPlan(copy.deepcopy(mine), versions, merged)
        new_versions = copy.deepcopy(versions)
        try:
            with store.transaction() as db:
                for part in changed:
                    if part is EditPart.SCRIPT:
                        for product_id in script_changes(base, mine):
                            session_repository.claim_script(
                                db, session_id, product_id, versions.scripts.get(product_id, 0)
                            )
                            session_repository.write_script_texts(
                                db, session_id, mine.pool_product(product_id)
                            )
                        continue
                    expected = getattr(versions, _VERSION_OF[part])
                    if part is EditPart.HEADER:
                        new = session_repository.save_header(db, mine.session, expected)
                    elif part is EditPart.POOL:
                        new = session_repository.save_pool(db, session_id, mine.products, expected)
                    else:
                        new = session_repository.save_run_order(db, session_id, mine.segments, expected)
                    setattr(new_versions, _VERSION_OF[part], new)
                stored = session_repository.load_versions(db, session_id)
                new_versions.scripts = stored.scripts
                result = copy.deepcopy(mine)
                moved = [
                    p
                    for p in PLAN_PARTS
                    if p not in changed and part_version(stored, p) != part_version(versions, p)
                ]
                if moved:  # teammates saved other parts since this copy was read: bring them in too
                    fresh = session_repository.load_plan(db, session_id)
                    for part in moved:
                        take_part(result, fresh, part)
                        if part is not EditPart.SCRIPT:
                            setattr(new_versions, _VERSION_OF[part], part_version(stored, part))
                    merged = True
            return SavedPlan(result, new_versions, merged)
        except EditConflict:
            if attempt == attempts - 1:
                raise
        fresh, fresh_versions = load_plan_with_versions(store, session_id)
        result, clashes = copy.deepcopy(fresh), []
        for part in changed:
            part_merged, part_clashes = merge_part(part, base, mine, fresh)
            if part_clashes:
                clashes.append((part, part_clashes))
            take_part(result, part_merged, part)
        if clashes:
            raise conflict_of(clashes, session_id, versions, fresh_versions)
        mine, base, versions, merged = result, fresh, fresh_versions, True
    raise AssertionError("unreachable")  # the loop returns or raises


def part_version(versions: PlanVersions, part: EditPart, product_id: str | None = None):
    """The version of a part; for scripts the one of `product_id`, or all of them when none is named."""
    if part is EditPart.SCRIPT:
        return versions.scripts.get(product_id) if product_id else versions.scripts
    return getattr(versions, _VERSION_OF[part])


def conflict_of(clashes: list, session_id: int, expected: PlanVersions, actual: PlanVersions) -> EditConflict:
    """One EditConflict for the clashing fields [(part, [field, …]), …], named by the first part."""
    part = clashes[0][0]
    fields = tuple(name for _, names in clashes for name in names)
    if part is EditPart.SCRIPT:  # products[P1].scripts: the key is the product
        product_id = fields[0].split("[", 1)[1].split("]", 1)[0]
        return EditConflict(
            part,
            product_id,
            part_version(expected, part, product_id),
            part_version(actual, part, product_id),
            fields,
        )
    return EditConflict(
        part, str(session_id), part_version(expected, part), part_version(actual, part), fields
    )


def take_part(target: SessionPlan, source: SessionPlan, part: EditPart) -> None:
    if part is EditPart.HEADER:
        target.session = source.session
    elif part is EditPart.POOL:
        target.products = source.products
    elif part is EditPart.SCRIPT:
        texts = {p.product_id: p.scripts for p in source.products}
        for product in target.products:
            if product.product_id in texts:
                product.scripts = copy.deepcopy(texts[product.product_id])
    else:
        target.segments = source.segments


def update_session(store: Store, session: Session) -> None:
    with store.transaction() as db:
        session_repository.update_session(db, session)


def delete_session(store: Store, session_id: int) -> None:
    with store.transaction() as db:
        session_repository.delete_session(db, session_id)
