"""What the 复盘 page's parts share: the widgets the layout builds, the state the loading keeps and the slots
the actions provide, declared once so the layout, display and actions (mixins of ReviewPage) are typed
against the same page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QTabWidget, QWidget

if TYPE_CHECKING:
    from pathlib import Path

    from livedesk.analysis.review import Review
    from livedesk.services.history import TrendPoint
    from livedesk.ui.context import AppContext
    from livedesk.ui.review.action_dialog import ActionDialog
    from livedesk.ui.review.chart_canvas import ChartCanvas
    from livedesk.ui.review.history_view import HistoryView
    from livedesk.ui.review.kpi_cards import KpiPanel
    from livedesk.ui.review.meeting_mode import MeetingWindow
    from livedesk.ui.review.tables import ReviewTable
    from livedesk.ui.review.thresholds_editor import ThresholdsEditor
    from livedesk.ui.widgets.conflict_dialog import ConflictDialog


class ReviewPageBase(QWidget):
    """The page's widgets and state (annotations only: ReviewLayout builds them, ReviewPage loads them)."""

    # state
    _context: AppContext
    session_id: int | None
    review: Review | None  # the typed review on screen (what saving the verdicts stores)
    history: list[TrendPoint]
    names: dict[str, str]  # product id → name of the shown review
    _thresholds_version: int | None
    conflict_dialog: ConflictDialog | None
    meeting: MeetingWindow | None
    action_dialog: ActionDialog | None  # the open make/change action item dialog

    # the bar
    title: QLabel
    status: QLabel
    refresh_button: QPushButton
    import_button: QPushButton
    meeting_button: QPushButton
    export_buttons: dict[str, QPushButton]
    tabs: QTabWidget
    # the tabs
    kpis: KpiPanel
    import_note: QLabel
    minute_chart: ChartCanvas
    funnel_chart: ChartCanvas
    gantt_chart: ChartCanvas
    product_chart: ChartCanvas
    scorecard_chart: ChartCanvas
    plan_summary: QLabel
    plan_table: ReviewTable
    segment_table: ReviewTable
    bucket_label: QLabel
    step_table: ReviewTable
    product_table: ReviewTable
    role_table: ReviewTable
    thresholds: ThresholdsEditor
    findings_list: QListWidget
    make_action_button: QPushButton
    carried_list: QListWidget
    own_list: QListWidget
    save_verdicts_button: QPushButton
    edit_action_button: QPushButton
    history_view: HistoryView

    if TYPE_CHECKING:  # provided by ReviewPage and ReviewActions; declared here for the layout's wiring

        def refresh(self) -> None: ...
        def save_verdicts(self) -> None: ...
        def open_import_dialog(self, paths: list[str] | None = None) -> QWidget | None: ...
        def open_meeting_mode(self) -> None: ...
        def export_report(self, path: Path) -> None: ...
        def _ask_export(self, suffix: str) -> None: ...
        def _on_thresholds_saved(self, values: dict[str, float]) -> None: ...
        def _make_action(self) -> None: ...
        def _edit_action(self, list_item: QListWidgetItem) -> None: ...
        def _set_enabled(self, enabled: bool) -> None: ...
