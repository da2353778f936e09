"""The open plan: a SessionPlan, its undo stack and autosave. Every edit is one QUndoCommand wrapping a
domain PlanEdit, and is written to the store in its own transaction right after it is applied, so nothing
is lost on a crash (no save button). One document serves all three workspaces (app.py hands the same one
to each), and with a StoreWriter the writes leave the UI thread.

Saves are checked against the versions the plan was read at (plan_saver): what a teammate saved meanwhile
in another part, or in other fields of the same part, is merged in and shown; an edit to a field they also
changed is a conflict (`conflicted`), which the user settles with `reload` (take theirs) or `keep_mine`
(re-apply the unsaved edits on top of their version). Until then further edits stay in memory, unsaved.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from livedesk.domain.edit_conflict import EditConflict, PlanVersions
from livedesk.domain.forecast import ForecastAssumptions, PlanForecast
from livedesk.domain.history import AccountHistory
from livedesk.domain.plan_edits import PlanEdit
from livedesk.domain.plan_rules import PlanWarning
from livedesk.domain.session import SessionPlan
from livedesk.domain.wave import WaveConfig
from livedesk.persistence.store import Store
from livedesk.services import planning
from livedesk.services.session_open import SessionExtras, open_session
from livedesk.ui.planner.plan_saver import PlanSaver, fold_in
from livedesk.ui.widgets.error_report import describe_error


class _EditCommand(QUndoCommand):
    def __init__(self, document: PlanDocument, edit: PlanEdit, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._edit = edit

    def redo(self) -> None:
        self._toggle()

    def undo(self) -> None:
        self._toggle()

    def _toggle(self) -> None:
        applied = self._edit
        self._edit = applied.apply(self._document.current_plan())
        self._document._after_edit(applied)


class _AssumptionsCommand(QUndoCommand):
    """Forecast assumptions are edits like any other: Ctrl+Z undoes the last one, not an older plan edit."""

    def __init__(self, document: PlanDocument, assumptions: ForecastAssumptions, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._assumptions = assumptions

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()

    def _swap(self) -> None:
        old = self._document.assumptions
        self._document._store_assumptions(self._assumptions)
        self._assumptions = old


class PlanDocument(QObject):
    """Holds the plan the planner page edits; views read `plan`, `warnings` and `forecast` on `plan_changed`."""

    plan_changed = Signal()
    closing = Signal()  # another session (or none) is about to replace the plan: commit pending typing
    saved = Signal()
    save_failed = Signal(str)
    conflicted = Signal(object)  # EditConflict: an edit was not saved; settle with reload() or keep_mine()

    def __init__(self, store: Store, parent: QObject | None = None, *, writer=None) -> None:
        super().__init__(parent)
        self.store = store
        self.writer = writer  # a ui.tasks.StoreWriter; None writes on the calling thread
        self.plan: SessionPlan | None = None
        self.undo_stack = QUndoStack(self)
        self.config: WaveConfig = planning.load_wave_config(store)
        self.assumptions = ForecastAssumptions()
        self.history: AccountHistory | None = None  # the account's sessions before this one
        self.warnings: list[PlanWarning] = []
        self.forecast: PlanForecast | None = None
        self.conflict: EditConflict | None = None
        self.extras: SessionExtras | None = (
            None  # session_open.SessionExtras of the session being switched to, while it is shown
        )
        self._saver = PlanSaver(store)
        self._edits = 0  # edits applied since the plan was shown
        self._unsaved: list[tuple[int, PlanEdit]] = []  # (edit number, edit) not yet known to be stored

    @property
    def versions(self) -> PlanVersions | None:
        return self._saver.versions

    def current_plan(self) -> SessionPlan:
        """The plan shown, where there must be one: an edit is only pushed onto a shown plan, and showing
        another (or none) clears the undo history."""
        if self.plan is None:
            raise RuntimeError("the plan document shows no plan")
        return self.plan

    @property
    def has_conflict(self) -> bool:
        return self.conflict is not None

    @property
    def session_id(self) -> int | None:
        return self.plan.session.id if self.plan is not None else None

    def load(self, session_id: int | None) -> None:
        """Read the session here and now (the main window reads it in the background and calls `show`)."""
        # no extras: they are for the main window's switch, which drops them once every workspace shows it
        self.show(*open_session(self.store, session_id)[:4] if session_id else (None, None, None))

    def show(
        self,
        plan: SessionPlan | None,
        assumptions: ForecastAssumptions | None = None,
        history: AccountHistory | None = None,
        versions: PlanVersions | None = None,
        extras: SessionExtras | None = None,
    ) -> None:
        """Show a session read elsewhere (by a background task): a new plan starts a new undo history.
        `versions` are those the plan was read at (open_session gives them); without them the stored plan
        is read now as the base, and whatever `plan` differs in counts as an edit of this document.
        `extras` (session_open.SessionExtras) is what the workspaces show first, read with the plan; the
        main window drops it once every workspace has shown the session."""
        if self.plan is not None:
            self.closing.emit()
        self.undo_stack.clear()
        if plan is not None and plan.session.id is not None:
            base = plan
            if versions is None:
                base, versions = planning.load_plan_with_versions(self.store, plan.session.id)
            self._saver.reset(base, versions)
        else:
            self._saver.reset(None, None)
        self.plan = plan
        self.extras = extras
        self.conflict, self._edits, self._unsaved = None, 0, []
        self.assumptions = assumptions or ForecastAssumptions()
        self.history = history
        self._refresh()
        self.plan_changed.emit()

    def push(self, edit: PlanEdit, text: str) -> None:
        """Apply an edit as an undoable step (QUndoStack.push runs redo at once)."""
        if self.plan is None:
            return
        self.undo_stack.push(_EditCommand(self, edit, text))

    def set_assumptions(self, assumptions: ForecastAssumptions) -> None:
        if assumptions == self.assumptions:
            return
        from livedesk.ui.i18n import tr

        self.undo_stack.push(_AssumptionsCommand(self, assumptions, tr("Edit forecast assumptions")))

    def _store_assumptions(self, assumptions: ForecastAssumptions) -> None:
        self.assumptions = assumptions
        if self.plan is not None and self.plan.session.id:
            session_id, store = self.plan.session.id, self.store
            self._write(
                f"assumptions:{session_id}", lambda: planning.save_assumptions(store, session_id, assumptions)
            )
        self._refresh()
        self.plan_changed.emit()

    def set_config(self, config: WaveConfig) -> None:
        self.config = config
        planning.save_wave_config(self.store, config)
        self._refresh()
        self.plan_changed.emit()

    def reload(self) -> None:
        """Settle a conflict by taking what is stored: the unsaved edits are dropped."""
        self.load(self.session_id)

    def keep_mine(self) -> bool:
        """Settle a conflict by re-applying the unsaved edits on top of the stored plan and saving that.
        False (the conflict stays) when an edit no longer fits the stored plan."""
        if self.plan is None or self.plan.session.id is None:
            return False
        fresh, versions = planning.load_plan_with_versions(self.store, self.plan.session.id)
        candidate = copy.deepcopy(fresh)
        try:
            for _number, edit in self._unsaved:
                edit.apply(candidate)
        except (IndexError, KeyError, ValueError) as exc:
            self.save_failed.emit(str(exc))
            return False
        self.undo_stack.clear()  # its steps were made on the old plan; positions may no longer match
        self._saver.reset(fresh, versions)
        self.plan, self.conflict = candidate, None
        self._save()
        self._refresh()
        self.plan_changed.emit()
        return True

    def _after_edit(self, edit: PlanEdit) -> None:
        self._edits += 1
        self._unsaved.append((self._edits, edit))
        if self.conflict is None:  # while a conflict is open, edits wait in memory for the user's choice
            self._save()
        self._refresh()
        self.plan_changed.emit()

    def _save(self) -> None:
        snapshot, store = (
            copy.deepcopy(self.current_plan()),
            self.store,
        )  # the writer thread gets its own copy
        if self._saver.versions is None:  # a plan that is not stored yet: nothing to check against
            self._write(f"plan:{snapshot.session.id}", lambda: planning.save_plan(store, snapshot))
            return
        number, ticket = self._edits, self._saver.ticket()
        self._write(
            f"plan:{snapshot.session.id}",
            lambda: self._saver.save(snapshot, ticket),
            on_done=lambda result: self._on_plan_saved(result, snapshot, number),
            on_failed=self._on_plan_failed,
        )

    def _on_plan_saved(self, result, snapshot: SessionPlan, number: int) -> None:
        if result is None:  # dropped: the plan was reloaded, or a conflict is open, since it was queued
            return
        self._unsaved = [(n, edit) for n, edit in self._unsaved if n > number]
        if result.merged and self.plan is not None:
            # Teammates' changes came in: show them, keeping what the user edited since this snapshot.
            merged, _kept_mine = fold_in(
                snapshot, self.plan, result.plan
            )  # a clash surfaces on the next save
            if len(merged.segments) != len(self.plan.segments) or len(merged.products) != len(
                self.plan.products
            ):
                # Undo steps address segments and products by position; under a list that changed length
                # they would undo the wrong thing, so the history goes (not inside a running command).
                QTimer.singleShot(0, self.undo_stack.clear)
            self.plan = merged
            self._refresh()
            self.plan_changed.emit()
        self.saved.emit()

    def _on_plan_failed(self, error: BaseException) -> None:
        if isinstance(error, EditConflict):
            self.conflict = error
            self.conflicted.emit(error)
            return
        self.save_failed.emit(describe_error(error))

    def _write(self, key: str, job, on_done=None, on_failed=None) -> None:
        on_done = on_done or (lambda _result: self.saved.emit())
        on_failed = on_failed or (lambda error: self.save_failed.emit(describe_error(error)))
        if self.writer is not None:
            self.writer.write(key, job, on_done=on_done, on_failed=on_failed)
            return
        try:
            result = job()
        except Exception as exc:  # the edit stays in memory and on the undo stack; the user is told
            on_failed(exc)
            return
        on_done(result)

    def _refresh(self) -> None:
        if self.plan is None:
            self.warnings, self.forecast = [], None
            return
        from livedesk.domain.forecast import forecast_plan
        from livedesk.domain.plan_rules import validate_plan

        self.forecast = forecast_plan(self.plan, self.history, self.assumptions)
        self.warnings = validate_plan(self.plan, self.config, self.forecast)
