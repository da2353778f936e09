"""The open plan: a SessionPlan, its undo stack and autosave. Every edit is one QUndoCommand wrapping a
domain PlanEdit, and is written to the store in its own transaction right after it is applied, so nothing
is lost on a crash (no save button).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from livedesk.domain.forecast import ForecastAssumptions, PlanForecast
from livedesk.domain.plan_edits import PlanEdit
from livedesk.domain.plan_rules import PlanWarning
from livedesk.domain.session import SessionPlan
from livedesk.domain.wave import WaveConfig
from livedesk.persistence.store import Store
from livedesk.services import planning


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


class PlanDocument(QObject):
    """Holds the plan the planner page edits; views read `plan`, `warnings` and `forecast` on `plan_changed`."""

    plan_changed = Signal()
    saved = Signal()
    save_failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan: SessionPlan | None = None
        self.undo_stack = QUndoStack(self)
        self.config: WaveConfig = planning.load_wave_config(store)
        self.assumptions = ForecastAssumptions()
        self.history: dict = {}
        self.warnings: list[PlanWarning] = []
        self.forecast: PlanForecast | None = None

    def load(self, session_id: int | None) -> None:
        self.undo_stack.clear()
        if session_id:
            self.plan = planning.load_plan(self.store, session_id)
            self.assumptions = planning.load_assumptions(self.store, session_id)
            self.history = planning.product_history(
                self.store, [p.product_id for p in self.plan.products], session_id
            )
        else:
            self.plan = None
        self._refresh()
        self.plan_changed.emit()

    def push(self, edit: PlanEdit, text: str) -> None:
        """Apply an edit as an undoable step (QUndoStack.push runs redo at once)."""
        if self.plan is None:
            return
        self.undo_stack.push(_EditCommand(self, edit, text))

    def set_assumptions(self, assumptions: ForecastAssumptions) -> None:
        self.assumptions = assumptions
        if self.plan is not None and self.plan.session.id:
            planning.save_assumptions(self.store, self.plan.session.id, assumptions)
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
        try:
            planning.save_plan(self.store, self.plan)
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
