"""The live console's switch for the browser views (livedesk.stageweb): off by default; the director picks
the LAN address or 127.0.0.1 and the port, and sees the address, its QR code and how many are connected.
A new link on request and at every new show; an optional operator link for a second device's keys. The
server stops a little after the show ends and when the app quits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.live_log import Marker
from livedesk.domain.live_run import RunState
from livedesk.services import scripts
from livedesk.services.live import LiveService
from livedesk.stageweb import addresses, qr
from livedesk.stageweb.server import StageServer, StageServerError
from livedesk.stageweb.tokens import Access
from livedesk.stageweb.view_state import view_state
from livedesk.stageweb.web_app import OperatorAction
from livedesk.ui import settings as setting
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.stage_style import MUTED
from livedesk.ui.widgets.error_report import describe_error

END_GRACE_MS = 15_000  # the pages show "off air" for a moment before the server stops
STATUS_MS = 1000  # connected count and the clock resync, even while another tab is shown
QR_PIXELS = 132


class StageServerPanel(QFrame):
    """`refresh()` after every console action (the console's tick) pushes the run to the browsers."""

    action_requested = Signal(object)  # an OperatorAction, emitted on the server's thread, queued here

    def __init__(
        self,
        context: AppContext,
        source: Callable[[], LiveService | None],
        on_next: Callable[[], None],
        on_marker: Callable[[Marker], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._context = context
        self._source = source
        self._on_next, self._on_marker = on_next, on_marker
        self._lang = context.lang
        self.server = StageServer(lang=context.lang, on_action=self.action_requested.emit)
        self.action_requested.connect(self._on_action_requested)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.server.stop)  # the server object, not this widget: safe at exit
        self._show_key: tuple[int, bool] | None = None
        self._scripts: dict[str, str] = {}
        self._scripts_for: int | None = None
        self._last_state: RunState | None = None

        self.switch = QCheckBox(tr("Browser views (phones, tablets)"))
        self.switch.toggled.connect(self._on_switch_toggled)
        self.address = QComboBox()
        self.address.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for choice in addresses.choices():
            label = (
                tr("{address} (this computer only)").format(address=choice)
                if choice == addresses.LOOPBACK
                else choice
            )
            self.address.addItem(label, choice)
        remembered = context.settings.get(setting.STAGE_WEB_ADDRESS)
        if remembered and self.address.findData(remembered) >= 0:
            self.address.setCurrentIndex(self.address.findData(remembered))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(context.settings.get(setting.STAGE_WEB_PORT))
        self.port.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.address.activated.connect(self._restart_if_running)
        self.port.editingFinished.connect(self._restart_if_running)
        self.url_label = QLabel("")
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setWordWrap(True)
        self.clients_label = QLabel("")
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: #F5B840;")
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.operator_qr = QLabel()  # the second device scans this one; shown only while the link is on
        self.operator_qr.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.operator_qr.hide()
        self.new_link = QPushButton(tr("New link"))
        self.new_link.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_link.clicked.connect(self.renew_link)
        self.operator = QCheckBox(tr("Operator link: a second device may press next and the markers"))
        self.operator.toggled.connect(self._on_operator_toggled)
        self.operator_label = QLabel("")
        self.operator_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.operator_label.setWordWrap(True)
        self.operator_label.setStyleSheet(f"color: {MUTED};")
        for widget in (self.switch, self.operator):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        where = QHBoxLayout()
        where.addWidget(self.switch)
        where.addWidget(self.address)
        where.addWidget(QLabel(tr("Port")))
        where.addWidget(self.port)
        where.addWidget(self.new_link)
        where.addStretch(1)
        where.addWidget(self.clients_label)
        text = QVBoxLayout()
        text.addLayout(where)
        text.addWidget(self.url_label)
        text.addWidget(self.operator)
        text.addWidget(self.operator_label)
        text.addWidget(self.status_label)
        grid = QGridLayout(self)
        grid.addLayout(text, 0, 0)
        grid.addWidget(self.qr_label, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.operator_qr, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)

        self._end_timer = QTimer(self)
        self._end_timer.setSingleShot(True)
        self._end_timer.timeout.connect(self._on_show_ended)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_MS)
        self._status_timer.timeout.connect(self._on_status_timer)
        self._show_off()

    # ---- switching ----------------------------------------------------------------------------
    def start(self) -> bool:
        """Start listening on the chosen address and port; False (with the reason shown) when it cannot."""
        host = self.address.currentData()
        try:
            self.server.start(host, self.port.value())
        except StageServerError as exc:
            self.status_label.setText(
                tr("Cannot start the browser views: {reason}").format(reason=describe_error(exc))
            )
            return False
        self._context.settings.set(setting.STAGE_WEB_ADDRESS, host)
        self._context.settings.set(setting.STAGE_WEB_PORT, self.port.value())
        self.status_label.setText("")
        self._status_timer.start()
        self.refresh()
        self._show_links()
        return True

    def stop(self) -> None:
        self._status_timer.stop()
        self._end_timer.stop()
        self.server.stop()
        self._show_off()

    def _on_switch_toggled(self, on: bool) -> None:
        if on and not self.server.running and not self.start():
            self.switch.setChecked(False)
        elif not on and self.server.running:
            self.stop()

    def _restart_if_running(self, *_args) -> None:
        if self.server.running and (self.address.currentData(), self.port.value()) != (
            self.server.host,
            self.server.port,
        ):
            self.server.stop()
            if not self.start():
                self.switch.setChecked(False)

    # ---- links --------------------------------------------------------------------------------
    def renew_link(self) -> None:
        """A new view token: the old link and QR code stop working, connected pages ask for the new one."""
        self.server.renew_token()
        self._show_links()

    def _on_operator_toggled(self, on: bool) -> None:
        if on:
            self.server.enable_operator()
        else:
            self.server.revoke_operator()
        self._show_links()

    def _show_links(self) -> None:
        if not self.server.running:
            self._show_off()
            return
        url = self.server.url("/")
        self.url_label.setText(
            tr("Host screen: {url}\nPrompter: /prompter · Run order: /rundown (same link)").format(url=url)
        )
        self.qr_label.setPixmap(self._qr_pixmap(url))
        operator = self.server.tokens.operator
        operator_url = self.server.url("/", Access.OPERATOR) if operator else ""
        self.operator_label.setText(
            tr("Operator link (keep it private): {url}").format(url=operator_url) if operator else ""
        )
        if operator:
            self.operator_qr.setPixmap(self._qr_pixmap(operator_url))
        else:
            self.operator_qr.clear()
        self.operator_qr.setVisible(bool(operator))
        self._show_clients()

    def _show_off(self) -> None:
        self.url_label.setText(
            tr("Off: switch on to show the host screen, prompter and run order in a browser")
        )
        self.qr_label.clear()
        self.operator_qr.clear()
        self.operator_qr.hide()
        self.clients_label.setText("")
        self.operator_label.setText("")

    def _show_clients(self) -> None:
        count = self.server.client_count
        self.clients_label.setText(
            tr("{count} connected").format(count=count) if count else tr("Nobody connected")
        )

    @staticmethod
    def _qr_pixmap(url: str) -> QPixmap:
        pixmap = QPixmap()
        pixmap.loadFromData(qr.png_bytes(url))
        return pixmap.scaled(
            QR_PIXELS, QR_PIXELS, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )

    def changeEvent(self, event: QEvent) -> None:
        # The app's language changed: the browser views follow it (their next load, and open pages reload).
        if event.type() == QEvent.Type.LanguageChange and self._context.lang != self._lang:
            self._lang = self._context.lang
            self.server.set_language(self._lang)
            self.refresh()
        super().changeEvent(event)

    # ---- the run ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Push the run's state (the server sends it at once when something changed)."""
        if not self.server.running:
            return
        service = self._source()
        if service is None:
            return
        status = service.status()
        key = (service.session_id, status.state is RunState.READY)
        if self._show_key is not None and key != self._show_key and (key[0] != self._show_key[0] or key[1]):
            self.renew_link()  # another session, or a cleared log: a new show gets a new link
        self._show_key = key
        if self._scripts_for != service.session_id:
            self._scripts = scripts.load_session_scripts(self._context.store, service.session_id)
            self._scripts_for = service.session_id
        self.server.publish(view_state(service.run, service.stored, self._scripts, self._lang, status=status))
        if status.state is RunState.FINISHED and self._last_state is RunState.RUNNING:
            self._end_timer.start(END_GRACE_MS)
            self.status_label.setText(tr("The show has ended: the browser views stop in a few seconds"))
        elif status.state is not RunState.FINISHED and self._end_timer.isActive():
            self._end_timer.stop()
            self.status_label.setText("")
        self._last_state = status.state

    def _on_status_timer(self) -> None:
        self.refresh()
        self._show_clients()

    def _on_show_ended(self) -> None:
        self.switch.setChecked(False)  # stops the server through the toggle
        self.status_label.setText(tr("The show ended; the browser views are off"))

    def _on_action_requested(self, action: OperatorAction) -> None:
        if not self.server.running or self.server.tokens.operator is None:
            return  # revoked between the press and now
        if action.action == "next":
            self._on_next()
        elif action.marker is not None:
            self._on_marker(action.marker)
