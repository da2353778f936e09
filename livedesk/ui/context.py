"""What every page receives: the store, settings, background tasks, the clock and the selected session."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from livedesk.domain.clock import Clock, SystemClock
from livedesk.persistence.store import Store
from livedesk.ui.settings import Settings
from livedesk.ui.tasks import TaskRunner


class SessionSelection(QObject):
    """The session the workspaces show; pages subscribe to `session_changed`."""

    session_changed = Signal(int)
    sessions_changed = Signal()  # a session was created, loaded or deleted: lists refresh

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_id: int | None = None

    def select(self, session_id: int | None) -> None:
        if session_id == self.session_id:
            return
        self.session_id = session_id
        self.session_changed.emit(session_id or 0)


@dataclass
class AppContext:
    store: Store
    settings: Settings
    tasks: TaskRunner
    clock: Clock = field(default_factory=SystemClock)
    lang: str = "zh_CN"
    selection: SessionSelection = field(default_factory=SessionSelection)
