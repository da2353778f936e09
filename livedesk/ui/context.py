"""What every page receives: the store, settings, background tasks, the one store writer, the clock, the
selected session and the open session's shared document (one for all three workspaces)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from livedesk.domain.clock import Clock, SystemClock
from livedesk.domain.edit_conflict import PlanVersions
from livedesk.domain.forecast import ForecastAssumptions
from livedesk.domain.history import AccountHistory
from livedesk.domain.session import SessionPlan
from livedesk.ui.settings import Settings
from livedesk.ui.tasks import StoreWriter, TaskRunner

if TYPE_CHECKING:  # the store's module brings SQLAlchemy, which the window's first paint does without
    from livedesk.persistence.store import Store
    from livedesk.services.session_open import SessionExtras


class SessionSelection(QObject):
    """The session the workspaces show; pages subscribe to `session_changed`."""

    session_changed = Signal(int)
    sessions_changed = Signal()  # a session was created, loaded or deleted: lists refresh
    # the session's opening/transition/closing scripts were edited (they live beside the plan, not in it)
    session_scripts_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_id: int | None = None

    def select(self, session_id: int | None) -> None:
        if session_id == self.session_id:
            return
        self.session_id = session_id
        self.session_changed.emit(session_id or 0)


class SessionDocument(Protocol):
    """The open session as every workspace shares it (ui/planner/plan_document.PlanDocument, wired in
    app.py so the workspaces need not import each other). Views read `plan` when `plan_changed` fires;
    every edit is a domain PlanEdit pushed onto the one undo stack and saved through the writer."""

    plan: SessionPlan | None
    extras: SessionExtras | None  # read with the plan during a session switch, while it is being shown
    plan_changed: Any  # Signal()
    closing: Any  # Signal(): another session is about to replace the plan
    saved: Any  # Signal()
    save_failed: Any  # Signal(str)
    undo_stack: Any  # QUndoStack

    @property
    def session_id(self) -> int | None: ...

    def load(self, session_id: int | None) -> None: ...

    def show(
        self,
        plan: SessionPlan | None,
        assumptions: ForecastAssumptions | None = None,
        history: AccountHistory | None = None,
        versions: PlanVersions | None = None,
        extras: SessionExtras | None = None,
    ) -> None: ...

    def push(self, edit: Any, text: str) -> None: ...


@dataclass
class AppContext:
    store: Store  # None only while app.run_gui opens it behind the first paint (MainWindow.store_opened)
    settings: Settings
    tasks: TaskRunner
    clock: Clock = field(default_factory=SystemClock)
    lang: str = "zh_CN"
    selection: SessionSelection = field(default_factory=SessionSelection)
    writer: StoreWriter | None = None
    document: SessionDocument | None = None

    def shared_document(self) -> SessionDocument:
        """The open session's document, which a workspace needs from its first line: app.attach_store sets
        it with the store, before any workspace is built."""
        if self.document is None:
            raise RuntimeError("the workspaces are built before the session document (app.attach_store)")
        return self.document
