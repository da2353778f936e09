"""Two real processes editing one session at once, for the concurrency tests and bench/bench_edit_race.py.

Two worker processes (spawned, each with its own Store and connections) stay up for many rounds. In a round
both load the same fresh session, wait for each other, apply their edit and save it:

- same_field: both change the title;
- different_parts: A the title (header), B a segment's owner (run order);
- script_and_run_order: A product P1's script (as 脚本 saves it), B a segment's owner;
- stale_same_field: B saves a segment's notes first, then A saves the same notes from its older copy;
- stale_other_field: B saves a segment's notes first, then A saves another segment's owner from its older copy.

`versioned` saves as the planner does (save_plan_edit against the versions read); on an EditConflict the
worker settles as a user choosing "keep mine": reload and re-apply its edit on top. `legacy` saves the whole
plan blindly (save_plan), which is what the planner did before. An edit is lost when its save returned
normally and the final state does not hold it, unless the other side overrode it knowingly after a conflict.
"""

from __future__ import annotations

import copy
import multiprocessing
import sys
from dataclasses import dataclass, field
from pathlib import Path

SCENARIOS = ("same_field", "different_parts", "script_and_run_order", "stale_same_field", "stale_other_field")
ROLES = ("A", "B")
TESTS = Path(__file__).resolve().parents[1]


def _edit(scenario: str, role: str):
    """The PlanEdit this role applies in this scenario, and how to read it back (path, value)."""
    from livedesk.domain.plan_edits import SetSegmentField, SetSessionField

    if scenario == "same_field" or (scenario == "different_parts" and role == "A"):
        return SetSessionField("title", f"title-{role}"), ("title", f"title-{role}")
    if scenario in ("different_parts", "script_and_run_order") and role == "B":
        return SetSegmentField(0, "owner", "owner-B"), ("owner0", "owner-B")
    if scenario == "script_and_run_order":
        from livedesk.domain.roles import ScriptStep
        from livedesk.domain.script_edits import SetProductScript

        texts = {ScriptStep.OFFER: "script-A"}
        return SetProductScript("P1", texts, {ScriptStep.OFFER: 45}), ("script", "script-A")
    if role == "B" or scenario == "stale_same_field":
        return SetSegmentField(1, "notes", f"notes-{role}"), ("notes1", f"notes-{role}")
    return SetSegmentField(2, "owner", "owner-A"), ("owner2", "owner-A")


def _read(plan, where: str):
    if where == "title":
        return plan.session.title
    if where == "script":
        from livedesk.domain.roles import ScriptStep

        return plan.product("P1").scripts.get(ScriptStep.OFFER)
    return getattr(plan.segments[int(where[-1])], where[:-1])


def worker(url: str, role: str, commands, results, barrier) -> None:
    """One editor process: runs rounds until it receives None."""
    sys.path.insert(0, str(TESTS))
    from livedesk.domain.edit_conflict import EditConflict
    from livedesk.persistence.store import Store
    from livedesk.services import sessions

    store = Store(url)
    while (command := commands.get()) is not None:
        mode, scenario, session_id = command
        edit, _ = _edit(scenario, role)
        plan, versions = sessions.load_plan_with_versions(store, session_id)
        base = copy.deepcopy(plan)
        barrier.wait()  # both hold a copy of the same stored plan
        stale = scenario.startswith("stale")
        if stale and role == "A":
            barrier.wait()  # B has saved: A's copy is now stale
        edit.apply(plan)
        outcome, fields = "saved", ()
        try:
            if mode == "legacy":
                sessions.save_plan(store, plan)
            else:
                sessions.save_plan_edit(store, plan, versions, base)
        except EditConflict as conflict:
            outcome, fields = "conflict", conflict.fields
            # The user chooses "keep mine": reload what is stored and re-apply the edit on top of it.
            fresh, fresh_versions = sessions.load_plan_with_versions(store, session_id)
            mine = copy.deepcopy(fresh)
            edit.apply(mine)
            sessions.save_plan_edit(store, mine, fresh_versions, fresh)
        if stale and role == "B":
            barrier.wait()
        results.put((role, outcome, fields))
    store.dispose()


@dataclass
class RaceCounts:
    rounds: int = 0
    conflicts: int = 0  # saves refused as a conflict (each then re-applied by its user)
    lost: int = 0  # edits whose save returned normally but which the final state does not hold
    rounds_losing: int = 0
    kept_on_reload: int = 0  # conflicts after which the user's re-applied edit is what is stored
    by_scenario: dict[str, list[int]] = field(default_factory=dict)  # scenario → [conflicts, lost]


class EditRace:
    """Two editor processes on one store; `round(scenario)` runs one race and updates `counts`."""

    def __init__(self, url: str, mode: str = "versioned") -> None:
        context = multiprocessing.get_context("spawn")
        self.url, self.mode = url, mode
        self.barrier = context.Barrier(2, timeout=120)
        self.results = context.Queue()
        self.commands = {role: context.Queue() for role in ROLES}
        self.workers = [
            context.Process(target=worker, args=(url, role, self.commands[role], self.results, self.barrier))
            for role in ROLES
        ]
        for process in self.workers:
            process.start()
        self.counts = RaceCounts()

    def round(self, scenario: str) -> dict[str, tuple]:
        from livedesk.persistence.store import Store
        from livedesk.services import sessions

        if str(TESTS) not in sys.path:
            sys.path.insert(0, str(TESTS))
        from stage_fixtures import stage_plan

        store = Store(self.url)
        try:
            session_id = sessions.save_plan(store, stage_plan())
            for role in ROLES:
                self.commands[role].put((self.mode, scenario, session_id))
            outcomes = {}
            for _ in ROLES:
                role, outcome, fields = self.results.get(timeout=180)
                outcomes[role] = (outcome, fields)
            final = sessions.load_plan(store, session_id)
        finally:
            store.dispose()
        self._count(scenario, outcomes, final)
        return outcomes

    def _count(self, scenario: str, outcomes: dict, final) -> None:
        counts = self.counts
        counts.rounds += 1
        conflicts = sum(1 for outcome, _ in outcomes.values() if outcome == "conflict")
        lost = 0
        for role in ROLES:
            where, value = _edit(scenario, role)[1]
            other = "B" if role == "A" else "A"
            other_where = _edit(scenario, other)[1][0]
            if outcomes[role][0] == "conflict":
                counts.kept_on_reload += _read(final, where) == value
                continue
            overridden = outcomes[other][0] == "conflict" and other_where == where
            if _read(final, where) != value and not overridden:
                lost += 1
        counts.conflicts += conflicts
        counts.lost += lost
        counts.rounds_losing += lost > 0
        entry = counts.by_scenario.setdefault(scenario, [0, 0])
        entry[0] += conflicts
        entry[1] += lost

    def close(self) -> None:
        for role in ROLES:
            self.commands[role].put(None)
        for process in self.workers:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()


def import_race(url: str, session_id: int, path: Path) -> list[tuple[str, bool]]:
    """Two processes import the same file into the session at the same moment; their (role, already) pairs."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2, timeout=120), context.Queue()
    workers = [
        context.Process(target=_import_worker, args=(url, session_id, str(path), role, barrier, results))
        for role in ROLES
    ]
    for process in workers:
        process.start()
    outcomes = [results.get(timeout=180) for _ in workers]
    for process in workers:
        process.join(timeout=60)
    return outcomes


def _import_worker(url: str, session_id: int, path: str, role: str, barrier, results) -> None:
    from livedesk.persistence.store import Store
    from livedesk.services import imports

    store = Store(url)
    barrier.wait()
    summary = imports.import_file(store, session_id, path)
    results.put((role, summary.already_imported))
    store.dispose()
