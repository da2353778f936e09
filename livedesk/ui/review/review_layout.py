"""The 复盘 page's layout: the top bar and the tabs (overview with KPI cards and charts, plan vs actual,
segments, products, roles with thresholds, findings, actions, history), built once in code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livedesk.charts import review_charts
from livedesk.ui.i18n import tr
from livedesk.ui.review.chart_canvas import ChartCanvas
from livedesk.ui.review.history_view import HistoryView
from livedesk.ui.review.kpi_cards import KpiPanel
from livedesk.ui.review.review_base import ReviewPageBase
from livedesk.ui.review.tables import ReviewTable
from livedesk.ui.review.thresholds_editor import ThresholdsEditor


class ReviewLayout(ReviewPageBase):
    """Builds the ReviewPage's widgets; the slots it connects live in ReviewActions and the page's loading."""

    def _build_layout(self) -> None:
        self.title = QLabel(tr("Review"))
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.status = QLabel(tr("Choose a session to review."))
        self.refresh_button = QPushButton(tr("Refresh"))
        self.import_button = QPushButton(tr("Import files…"))
        self.meeting_button = QPushButton(tr("Meeting mode"))
        self.export_buttons = {
            suffix: QPushButton(text)
            for suffix, text in (
                (".html", tr("Export HTML…")),
                (".pdf", tr("Export PDF…")),
                (".xlsx", tr("Export XLSX…")),
            )
        }
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addWidget(self.status, 1)
        for button in (
            self.refresh_button,
            self.import_button,
            *self.export_buttons.values(),
            self.meeting_button,
        ):
            bar.addWidget(button)
        self.refresh_button.clicked.connect(self.refresh)
        self.import_button.clicked.connect(lambda: self.open_import_dialog())
        self.meeting_button.clicked.connect(self.open_meeting_mode)
        for suffix, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, s=suffix: self._ask_export(s))

        self.tabs = QTabWidget()
        self._build_overview()
        self._build_plan_tab()
        self._build_segments_tab()
        self._build_products_tab()
        self._build_roles_tab()
        self._build_findings_tab()
        self._build_actions_tab()
        self.history_view = HistoryView()
        self.tabs.addTab(self.history_view, tr("History"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self._set_enabled(False)

    # ---- building -------------------------------------------------------------------------------
    def _build_overview(self) -> None:
        # First screen = the story: headline numbers, then the minute curve with role bands beside the funnel.
        self.kpis = KpiPanel()
        self.import_note = QLabel()
        self.import_note.setWordWrap(True)
        self.import_note.setStyleSheet("background:#FFF7E0; padding:8px; border-radius:4px;")
        self.import_note.hide()
        self.minute_chart = ChartCanvas(review_charts.draw_minute_curves, size=(10, 3.2))
        self.funnel_chart = ChartCanvas(review_charts.draw_funnel, size=(5, 3.2))
        charts = QHBoxLayout()
        charts.addWidget(self.minute_chart, 2)
        charts.addWidget(self.funnel_chart, 1)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.import_note)
        layout.addWidget(self.kpis.headline)
        layout.addLayout(charts)
        layout.addWidget(QLabel(tr("More numbers")))
        layout.addWidget(self.kpis.more)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.tabs.addTab(scroll, tr("Overview"))

    def _build_plan_tab(self) -> None:
        self.plan_summary = QLabel("")
        self.plan_table = ReviewTable()
        self.gantt_chart = ChartCanvas(review_charts.draw_gantt, size=(10, 4))
        self.tabs.addTab(
            self._stack(self.plan_summary, self._split(self.plan_table, self.gantt_chart)),
            tr("Plan vs actual"),
        )

    def _build_segments_tab(self) -> None:
        self.segment_table = ReviewTable()
        self.bucket_label = QLabel("")
        self.step_table = ReviewTable()
        self.tabs.addTab(self._stack(self.segment_table, self.bucket_label, self.step_table), tr("Segments"))

    def _build_products_tab(self) -> None:
        self.product_table = ReviewTable()
        self.product_chart = ChartCanvas(review_charts.draw_product_bars, size=(8, 3.6))
        self.tabs.addTab(self._split(self.product_table, self.product_chart), tr("Products"))

    def _build_roles_tab(self) -> None:
        self.role_table = ReviewTable()
        self.scorecard_chart = ChartCanvas(review_charts.draw_scorecards, size=(6, 3.2))
        self.thresholds = ThresholdsEditor()
        self.thresholds.thresholds_saved.connect(self._on_thresholds_saved)
        right = self._stack(QLabel(tr("Thresholds (the team's; used for every session)")), self.thresholds)
        self.tabs.addTab(
            self._split(self._stack(self.role_table, self.scorecard_chart), right, Qt.Orientation.Horizontal),
            tr("Roles"),
        )

    def _build_findings_tab(self) -> None:
        self.findings_list = QListWidget()
        self.findings_list.setWordWrap(True)
        self.make_action_button = QPushButton(tr("Make action item…"))
        self.make_action_button.clicked.connect(self._make_action)
        self.tabs.addTab(self._stack(self.findings_list, self.make_action_button), tr("Findings"))

    def _build_actions_tab(self) -> None:
        self.carried_list = QListWidget()
        self.own_list = QListWidget()
        # Checking carried items is part of reading the review; storing the verdicts is the user's choice.
        self.save_verdicts_button = QPushButton(tr("Save verdicts"))
        self.save_verdicts_button.setEnabled(False)
        self.save_verdicts_button.clicked.connect(self.save_verdicts)
        self.edit_action_button = QPushButton(tr("Change action item…"))
        self.edit_action_button.clicked.connect(
            lambda: self._edit_action(self.own_list.currentItem()) if self.own_list.currentItem() else None
        )
        self.own_list.itemDoubleClicked.connect(self._edit_action)
        self.tabs.addTab(
            self._stack(
                QLabel(tr("Carried in from earlier sessions (checked automatically)")),
                self.carried_list,
                self.save_verdicts_button,
                QLabel(tr("Made at this session")),
                self.own_list,
                self.edit_action_button,
            ),
            tr("Actions"),
        )

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        for widget in widgets:
            layout.addWidget(
                widget, 1 if isinstance(widget, (ReviewTable, QListWidget, ChartCanvas, QSplitter)) else 0
            )
        return box

    @staticmethod
    def _split(
        first: QWidget, second: QWidget, orientation: Qt.Orientation = Qt.Orientation.Vertical
    ) -> QSplitter:
        splitter = QSplitter(orientation)
        splitter.addWidget(first)
        splitter.addWidget(second)
        return splitter

    def _set_enabled(self, enabled: bool) -> None:
        for button in (
            self.refresh_button,
            self.import_button,
            self.meeting_button,
            self.make_action_button,
            *self.export_buttons.values(),
        ):
            button.setEnabled(enabled)
