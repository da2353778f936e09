"""The open plan: a SessionPlan, its undo stack and autosave. Every edit is one QUndoCommand wrapping a
domain PlanEdit, and is written to the store in its own transaction right after it is applied, so nothing
is lost on a crash (no save button). One document serves all three workspaces (app.py hands the same one
to each), and with a StoreWriter the writes leave the UI thread.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from livedesk.domain.forecast import ForecastAssumptions, PlanForecast
from livedesk.domain.history import AccountHistory
from livedesk.domain.plan_edits import PlanEdit
from livedesk.domain.plan_rules import PlanWarning
from livedesk.domain.session import SessionPlan
from livedesk.domain.wave import WaveConfig
from livedesk.persistence.store import Store
from livedesk.services import planning
from livedesk.services.session_open import open_session


class _EditCommand(QUndoCommand):
    def __init__(self, document: PlanDocument, edit: PlanEdit, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._edit = edit

    def redo(self) -> None:
        self._edit = self._edit.apply(self._document.plan)
        self._document._after_edit()

    def undo(self) -> None:
        self._edit = self._edit.apply(self._document.plan)
        self._document._after_edit()


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

    @property
    def session_id(self) -> int | None:
        return self.plan.session.id if self.plan is not None else None

    def load(self, session_id: int | None) -> None:
        """Read the session here and now (the main window reads it in the background and calls `show`)."""
        self.show(*open_session(self.store, session_id) if session_id else (None, None, None))

    def show(self, plan: SessionPlan | None, assumptions=None, history=None) -> None:
        """Show a session read elsewhere (by a background task): a new plan starts a new undo history."""
        if self.plan is not None:
            self.closing.emit()
        self.undo_stack.clear()
        self.plan = plan
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

    def _after_edit(self) -> None:
        self._save()
        self._refresh()
        self.plan_changed.emit()

    def _save(self) -> None:
        snapshot, store = copy.deepcopy(self.plan), self.store  # the writer thread gets its own copy
        self._write(f"plan:{snapshot.session.id}", lambda: planning.save_plan(store, snapshot))

    def _write(self, key: str, job) -> None:
        if self.writer is not None:
            self.writer.write(
                key,
                job,
                on_done=lambda _r: self.saved.emit(),
                on_failed=lambda e: self.save_failed.emit(str(e)),
            )
            return
        try:
            job()
        except Exception as exc:  # the edit stays in memory and on the undo stack; the user is told
            self.save_failed.emit(str(exc))
            return
        self.saved.emit()

    def _refresh(self) -> None:
        if self.plan is None:
            self.warnings, self.forecast = [], None
            return
        from livedesk.domain.forecast import forecast_plan
        from livedesk.domain.plan_rules import validate_plan

        self.forecast = forecast_plan(self.plan, self.history, self.assumptions)
        self.warnings = validate_plan(self.plan, self.config, self.forecast)
