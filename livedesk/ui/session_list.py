"""The session list beside the workspaces: newest first, one page at a time (a studio keeps thousands),
filtered by account and searched by title. Pages are read by the task runner, never on the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.services.sessions import list_accounts, session_page
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.words import PLATFORMS

PAGE_SIZE = 50
SEARCH_DELAY_MS = 250  # typing pauses this long before the list is searched


class SessionListPanel(QWidget):
    """Lists sessions; selecting one selects it for every workspace."""

    new_session_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks.scope("session-list")
        self._next_offset: int | None = None
        self._total = 0
        heading = QLabel(tr("Sessions"))
        heading.setStyleSheet("font-weight: 600; font-size: 14px; padding: 4px 2px;")
        self.account = QComboBox()
        self.account.setObjectName("sessionAccount")
        self.account.addItem(tr("All accounts"), None)
        self.account.currentIndexChanged.connect(lambda _i: self.refresh(accounts=False))
        self.search = QLineEdit()
        self.search.setObjectName("sessionSearch")
        self.search.setPlaceholderText(tr("Search titles"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.refresh(accounts=False))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._list = QListWidget()
        self._list.setObjectName("sessionList")
        self._list.currentItemChanged.connect(self._on_current_item_changed)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #6B7785;")
        self.more_button = QPushButton(tr("Show more"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setVisible(False)
        new_button = QPushButton(tr("New session…"))
        new_button.clicked.connect(self.new_session_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(heading)
        layout.addWidget(self.account)
        layout.addWidget(self.search)
        layout.addWidget(self._list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.more_button)
        layout.addWidget(new_button)
        context.selection.sessions_changed.connect(self.refresh)
        context.selection.session_changed.connect(self._on_session_changed)
        self.refresh()

    # -- reading pages in the background ---------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.refresh()  # "(sample)" and the account filter's first entry, in the new language
        super().changeEvent(event)

    def refresh(self, accounts: bool = True) -> None:
        """Read the first page again (and the accounts, unless only the filter changed)."""
        self._read_page(0, replace=True, accounts=accounts)

    def load_more(self) -> None:
        if self._next_offset is not None:
            self._read_page(self._next_offset, replace=False, accounts=False)

    def _read_page(self, offset: int, *, replace: bool, accounts: bool) -> None:
        store = self._context.store
        account = self.account.currentData()
        search = self.search.text().strip() or None

        def job(_control):
            page = session_page(store, account=account, search=search, limit=PAGE_SIZE, offset=offset)
            return page, (list_accounts(store) if accounts else None)

        self._tasks.submit("page", job, on_done=lambda found: self._show_page(*found, replace=replace))

    def _show_page(self, page, accounts, *, replace: bool) -> None:
        if accounts is not None:
            self._show_accounts(accounts)
        selected = self._context.selection.session_id
        self._list.blockSignals(True)
        if replace:
            self._list.clear()
        for session in page.items:
            label = f"{session.start:%m-%d %H:%M}  {session.title}"
            if session.is_sample:
                label += "  " + tr("(sample)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setToolTip(
                tr("#{id} · {platform} · {account} · {minutes} min").format(
                    id=session.id,
                    platform=PLATFORMS.word(session.platform),
                    account=session.account,
                    minutes=session.planned_seconds // 60,
                )
            )
            self._list.addItem(item)
            if session.id == selected:
                self._list.setCurrentItem(item)
        self._list.blockSignals(False)
        self._next_offset, self._total = page.next_offset, page.total
        self.more_button.setVisible(page.has_more)
        self.count_label.setText(
            tr("{shown} of {total} sessions").format(shown=self._list.count(), total=page.total)
        )

    def _show_accounts(self, accounts: list[tuple[str, int]]) -> None:
        current = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(tr("All accounts"), None)
        for name, count in accounts:
            self.account.addItem(f"{name or tr('(no account)')} ({count})", name)
        index = self.account.findData(current)
        self.account.setCurrentIndex(max(index, 0))
        self.account.blockSignals(False)

    # -- selection -------------------------------------------------------------------------------------
    def session_ids(self) -> list[int]:
        return [self._list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self._list.count())]

    def _on_current_item_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self._context.selection.select(int(current.data(Qt.ItemDataRole.UserRole)))

    def _on_session_changed(self, session_id: int) -> None:
        for i in range(self._list.count()):
            item = self._list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == session_id and self._list.currentItem() is not item:
                self._list.blockSignals(True)
                self._list.setCurrentItem(item)
                self._list.blockSignals(False)
