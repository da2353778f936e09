"""The plan document's checked autosave, run on the writer thread: it remembers what it last stored and at
which versions, so snapshots queued one after another are each saved against the right versions.

A snapshot holds the user's edits on top of the last snapshot (its parent); it is rebased onto what is
stored (which may hold teammates' changes merged in since) and saved with sessions.save_plan_edit. No Qt
here: the document hands the jobs to its StoreWriter and gets the results back on the UI thread.
"""

from __future__ import annotations

import copy
import threading

from livedesk.domain.edit_conflict import EditConflict, EditPart, PlanVersions
from livedesk.domain.ids import saved
from livedesk.domain.plan_merge import merge_part
from livedesk.domain.session import SessionPlan
from livedesk.persistence.store import Store
from livedesk.services import sessions


def fold_in(
    parent: SessionPlan, mine: SessionPlan, theirs: SessionPlan
) -> tuple[SessionPlan, list[tuple[EditPart, str]]]:
    """`mine` (edited from `parent`) with what `theirs` changed since `parent`, part by part; on a field both
    changed `mine` is kept and the field is named."""
    result = copy.deepcopy(mine)
    clashes: list[tuple[EditPart, str]] = []
    for part in sessions.PLAN_PARTS:
        merged, part_clashes = merge_part(part, parent, mine, theirs)
        clashes.extend((part, name) for name in part_clashes)
        sessions.take_part(result, merged, part)
    return result, clashes


class PlanSaver:
    """State of one document's saves; `save` runs on the writer thread, `reset` on the UI thread."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._generation = 0
        self.versions: PlanVersions | None = None
        self._parent: SessionPlan | None = None  # the last snapshot saved (or the plan as shown)
        self._stored: SessionPlan | None = None  # what is stored at `versions`
        self._blocked = False  # a conflict is open: queued snapshots wait for the user's choice

    def reset(self, plan: SessionPlan | None, versions: PlanVersions | None) -> None:
        """Start again from a plan read at `versions` (shown, reloaded or the base of "keep mine")."""
        with self._lock:
            self._generation += 1
            self.versions = copy.deepcopy(versions)
            self._parent = copy.deepcopy(plan)
            self._stored = copy.deepcopy(plan)
            self._blocked = False

    def ticket(self) -> int:
        """Taken with a snapshot: a save whose plan was reset in between is dropped."""
        return self._generation

    def save(self, snapshot: SessionPlan, ticket: int) -> sessions.SavedPlan | None:
        """Save the snapshot's edits; None when dropped; EditConflict when a teammate changed a field the
        user also changed (nothing is written and later snapshots wait until `reset`)."""
        with self._lock:  # held through the write: a reset from the UI waits for it
            parent, stored, versions = self._parent, self._stored, self.versions
            if ticket != self._generation or self._blocked:
                return None
            if parent is None or stored is None or versions is None:
                return None  # no plan shown (reset with none): there is nothing to save the edits against
            mine, clashes = fold_in(parent, snapshot, stored)
            try:
                if clashes:
                    parts = [
                        (part, [name for p, name in clashes if p is part]) for part in {p for p, _ in clashes}
                    ]
                    raise sessions.conflict_of(parts, saved(snapshot.session.id), versions, versions)
                result = sessions.save_plan_edit(self.store, mine, versions, stored)
            except EditConflict:
                self._blocked = True
                raise
            self._parent, self._stored, self.versions = snapshot, copy.deepcopy(result.plan), result.versions
            result.merged = result.merged or mine != snapshot
            return result
