"""The 复盘 workspace: KPI cards with sources, plan vs actual, segment attribution, products, role scorecards
with thresholds, findings → action items, carried action items, charts, history and meeting mode, reports.
The analysis runs off the UI thread (context.tasks); dropping files on the page opens the import dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livedesk.charts import review_charts
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.review.chart_canvas import ChartCanvas
from livedesk.ui.review.empty_state import counted_findings, has_platform_data, import_note
from livedesk.ui.review.history_view import HistoryView
from livedesk.ui.review.kpi_cards import KpiPanel
from livedesk.ui.review.labels import evidence_text
from livedesk.ui.review.tables import ReviewTable
from livedesk.ui.review.thresholds_editor import ThresholdsEditor
from livedesk.words import (
    ACTION_STATUSES,
    KINDS,
    PRODUCT_METRICS,
    ROLES,
    RUN_SOURCES,
    SEGMENT_STATUSES,
    SEVERITIES,
    STEPS,
    finding_words,
    metric_word,
    show,
    source_words,
    verdict_word,
)


def _minutes(seconds) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}"


class ReviewPage(QWidget):
    review_shown = Signal()  # a review (or the empty state) is on screen
    review_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = None  # the last review result shown, worded again when the language changes
        self._context = context
        self.session_id: int | None = None
        self.review: dict | None = None
        self.review_object = None  # the typed Review the page shows (what saving the verdicts stores)
        self.history: list[dict] = []
        self._thresholds_version: int | None = None  # as the last review read them; None: not read yet
        self.conflict_dialog = None
        self.meeting = None
        self._stale = False  # a session was chosen while the page was hidden: its review is still to compute
        self.setAcceptDrops(True)

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
        self.tabs.addTab(
            self._stack(
                QLabel(tr("Carried in from earlier sessions (checked automatically)")),
                self.carried_list,
                self.save_verdicts_button,
                QLabel(tr("Made at this session")),
                self.own_list,
            ),
            tr("Actions"),
        )

    @staticmethod
    def _stack(*widgets) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        for widget in widgets:
            layout.addWidget(
                widget, 1 if isinstance(widget, (ReviewTable, QListWidget, ChartCanvas, QSplitter)) else 0
            )
        return box

    @staticmethod
    def _split(first: QWidget, second: QWidget, orientation=Qt.Orientation.Vertical) -> QSplitter:
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

    # ---- loading --------------------------------------------------------------------------------
    def shows_session(self) -> bool:
        """The chosen session's review is on screen (or the empty state, with no session)."""
        return not self.session_id or (
            self.review is not None and self.review["session"]["id"] == self.session_id
        )

    def show_session(self, session_id: int | None) -> None:
        self.session_id = session_id or None
        self.review = None
        self._set_enabled(False)
        if not self.session_id:
            self.status.setText(tr("Choose a session to review."))
            self.review_shown.emit()
            return
        if self.parentWidget() is not None and not self.isVisible():
            # Inside a window showing another workspace: a session switch there computes no review (CPU the
            # UI thread shares); it is computed when 复盘 is shown.
            self._stale = True
            self.status.setText(tr("Analysing…"))
            return
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if not self.session_id:
            return
        session_id, store = self.session_id, self._context.store
        self.status.setText(tr("Analysing…"))

        def job(control):
            from livedesk.import_export.review_json import review_json
            from livedesk.services.review import load_thresholds_versioned, run_review, session_history

            review = run_review(store, session_id, control=control)
            history = session_history(store, session_id)
            return review, review_json(review), history, load_thresholds_versioned(store)

        self._context.tasks.submit(
            "review",
            job,
            on_done=self._on_review_done,
            on_failed=self._on_review_failed,
            on_progress=lambda fraction, _m: self.status.setText(
                tr("Analysing… {percent}%").format(percent=int(fraction * 100))
            ),
        )

    def _on_review_failed(self, error: BaseException) -> None:
        from livedesk.ui.widgets.error_report import describe_error

        # In the UI language: a coded reason in its words, a store or file failure with what to do.
        self.status.setText(
            tr("The review could not be computed: {reason}").format(reason=describe_error(error))
        )
        self.import_button.setEnabled(bool(self.session_id))
        self.review_failed.emit(str(error))

    def changeEvent(self, event: QEvent) -> None:
        # The language changed: word the tabs and the shown review anew (their words come from the data).
        if event.type() == QEvent.Type.LanguageChange:
            titles = (tr("Overview"), tr("Plan vs actual"), tr("Segments"), tr("Products"), tr("Roles"))
            titles += (tr("Findings"), tr("Actions"), tr("History"))
            for index, title in enumerate(titles[: self.tabs.count()]):
                self.tabs.setTabText(index, title)
            if self._shown is not None and self.review is not None:
                self._on_review_done(self._shown)
        super().changeEvent(event)

    def _on_review_done(self, result) -> None:
        review_object, review, history, (thresholds, thresholds_version) = result
        if review["session"]["id"] != self.session_id:
            return
        self._shown = result
        self._thresholds_version = thresholds_version
        self.review, self.history, self.review_object = review, history, review_object
        self.title.setText(tr("Review: {title}").format(title=review["session"]["title"]))
        note = import_note(review)
        self.import_note.setText(note)
        self.import_note.setVisible(bool(note))
        if has_platform_data(review):
            self.status.setText(
                tr("{findings} findings · actual run from {source}").format(
                    findings=counted_findings(review),
                    source=RUN_SOURCES.word(review["plan_vs_actual"]["source"]),
                )
            )
        else:
            self.status.setText(tr("No data imported yet"))
        self.names = {p["product_id"]: p["name"] for p in review["products"]}
        self.kpis.show_review(review)
        for chart in (
            self.minute_chart,
            self.funnel_chart,
            self.gantt_chart,
            self.product_chart,
            self.scorecard_chart,
        ):
            # A chart with nothing to show is hidden rather than drawn as an empty frame.
            chart.setVisible(review_charts.has_data(chart.draw_function, review))
            chart.show_data(review)
        self._fill_plan(review)
        self._fill_segments(review)
        self._fill_products(review)
        self._fill_roles(review, thresholds)
        self._fill_findings(review)
        self._fill_actions(review)
        self.history_view.show_history(history)
        self._set_enabled(True)
        self.review_shown.emit()

    # ---- filling --------------------------------------------------------------------------------
    def _segment_name(self, s: dict) -> str:
        # The plan's title already names the kind and product ("引流款: 山野 红糖姜枣茶"); repeating them doubled
        # the column's width.
        if s.get("title"):
            return s["title"]
        product = self.names.get(s.get("product_id"), s.get("product_id") or "")
        return " ".join(p for p in (KINDS.word(s["kind"]), product) if p)

    def _fill_plan(self, review: dict) -> None:
        pva = review["plan_vs_actual"]
        order = {True: tr("order kept"), False: tr("order changed"), None: "—"}[pva["order_kept"]]
        self.plan_summary.setText(
            tr(
                "Actual run from {source}: planned {planned} min, actual {actual} min, "
                "over/under {delta} min, {order}."
            ).format(
                source=RUN_SOURCES.word(pva["source"]),
                planned=_minutes(pva["planned_seconds"]),
                actual=_minutes(pva["actual_seconds"]),
                delta=_minutes(pva["over_under_seconds"]),
                order=order,
            )
        )
        rows = [
            [
                ("" if s["index"] is None else s["index"] + 1),
                self._segment_name(s),
                ROLES.word(s["role"]),
                SEGMENT_STATUSES.word(s["status"]),
                (s["planned_start"] or "—")[11:16],
                _minutes(s["planned_seconds"]),
                (s["actual_start"] or "—")[11:19],
                _minutes(s["actual_seconds"]),
                _minutes(s["delta_seconds"]),
            ]
            for s in review["segments"]
        ]
        self.plan_table.fill(
            [
                tr("#"),
                tr("Segment"),
                tr("Role"),
                tr("Status"),
                tr("Planned start"),
                tr("Planned min"),
                tr("Actual start"),
                tr("Actual min"),
                tr("Over/under min"),
            ],
            rows,
            stretch=1,
        )

    def _fill_segments(self, review: dict) -> None:
        rows = [
            [
                ("" if s["index"] is None else s["index"] + 1),
                self._segment_name(s),
                show("gmv", s["gmv"]),
                show("orders", s["orders"]),
                show("units", s["units"]),
                show("on_air_share", s["on_air_share"]),
                show("x", s["online_start"]),
                show("x", s["online_end"]),
                show("gmv_per_minute", s["gmv_per_minute"]),
            ]
            for s in review["segments"]
        ]
        self.segment_table.fill(
            [
                tr("#"),
                tr("Segment"),
                tr("GMV"),
                tr("Orders"),
                tr("Units sold"),
                tr("Share of the product on air"),
                tr("Online at start"),
                tr("Online at end"),
                tr("GMV per minute"),
            ],
            rows,
            stretch=1,
        )
        buckets = review.get("buckets") or {}
        self.bucket_label.setText(
            tr("Not in any segment: before {before}, in pauses {gap}, after the end {after}.").format(
                before=show("gmv", (buckets.get("before") or {}).get("gmv")),
                gap=show("gmv", (buckets.get("gap") or {}).get("gmv")),
                after=show("gmv", (buckets.get("after") or {}).get("gmv")),
            )
            if buckets
            else ""
        )
        self.step_table.fill(
            [tr("Run position"), tr("Script step"), tr("Start"), tr("Seconds"), tr("GMV"), tr("Orders")],
            [
                [
                    s["position"] + 1,
                    STEPS.word(s["step"]),
                    (s["start"] or "—")[11:19],
                    f"{s['seconds']:.0f}",
                    show("gmv", s["gmv"]),
                    s["orders"],
                ]
                for s in review["steps"]
            ],
        )

    def _fill_products(self, review: dict) -> None:
        rows, tips = [], []
        for p in review["products"]:
            rows.append([p["name"], ROLES.word(p["role"]), *[show(k, p.get(k)) for k in PRODUCT_METRICS]])
            tip_row = ["", ""]
            for key in PRODUCT_METRICS:
                alt = (p.get("alternatives") or {}).get(key)
                source = (p.get("sources") or {}).get(key) or ""
                source = source_words(source) if source else ""
                if alt:
                    source += "\n" + tr("{source}: {value} (gap {gap})").format(
                        source=source_words(alt["source"]),
                        value=show(key, alt["value"]),
                        gap=show(key, alt["gap"]),
                    )
                tip_row.append(source)
            tips.append(tip_row)
        self.product_table.fill(
            [tr("Product"), tr("Role"), *[metric_word(k) for k in PRODUCT_METRICS]], rows, tips
        )

    def _fill_roles(self, review: dict, thresholds: dict) -> None:
        rows = []
        for card in review["roles"]["scorecards"]:
            checks = "; ".join(
                f"{metric_word(c['check'])} {self._check(c, 'value')} / {self._check(c, 'threshold')}"
                for c in card["checks"]
            )
            rows.append([card["name"], ROLES.word(card["role"]), verdict_word(card["verdict"]), checks])
        self.role_table.fill(
            [tr("Product"), tr("Role"), tr("Verdict"), tr("Checks (value / threshold)")],
            rows,
            [["", "", "", row[3].replace("; ", "\n")] for row in rows],
            stretch=3,
        )  # full checks
        self.thresholds.set_values(thresholds)

    @staticmethod
    def _check(check: dict, field: str) -> str:
        value = check[field]
        if value is None:
            return "—"
        return f"{value:.2f}×" if check["check"] == "gmv_per_minute_ratio" else f"{value * 100:.1f}%"

    def _fill_findings(self, review: dict) -> None:
        self.findings_list.clear()
        for finding in review["findings"]:
            item = QListWidgetItem(
                f"[{SEVERITIES.word(finding['severity'])}] {finding_words(finding, self.names)}"
            )
            item.setToolTip(evidence_text(finding["evidence"]))
            item.setData(Qt.ItemDataRole.UserRole, finding)
            self.findings_list.addItem(item)
        if self.findings_list.count():
            self.findings_list.setCurrentRow(0)

    def _fill_actions(self, review: dict) -> None:
        self.carried_list.clear()
        self.own_list.clear()
        for action in review["actions"]:
            verified = (
                ""
                if action["verified_value"] is None
                else tr(" · verified value {value}").format(
                    value=show(action["metric"], action["verified_value"])
                )
            )
            text = (
                tr("{action} · {owner} · {metric} {comparison} {target} · {status}").format(
                    action=action["action"],
                    owner=action["owner"] or "—",
                    metric=metric_word(action["metric"]),
                    comparison=action["comparison"],
                    target=show(action["metric"], action["target"]),
                    status=ACTION_STATUSES.word(action["status"]),
                )
                + verified
            )
            item = QListWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if action["status"] == "met" else Qt.CheckState.Unchecked
            )
            (self.carried_list if action["carried"] else self.own_list).addItem(item)
        # An empty list says why it is empty and what to do, rather than leaving a blank box in the meeting.
        for widget, hint in (
            (self.carried_list, tr("No open action items from earlier sessions of this account.")),
            (
                self.own_list,
                tr('No action items yet: pick a finding under Findings and choose "Make action item…".'),
            ),
        ):
            if widget.count() == 0:
                placeholder = QListWidgetItem(hint)
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(placeholder)
        self.save_verdicts_button.setEnabled(bool(self.review_object and self.review_object.carried_to_save))

    def save_verdicts(self) -> None:
        """Store the verdicts on carried items (and the session's history summary) as this review found them."""
        if self.review_object is None:
            return
        from livedesk.domain.edit_conflict import EditConflict
        from livedesk.services.review import save_verdicts

        try:
            saved = save_verdicts(self._context.store, self.review_object)
        except EditConflict:
            self.status.setText(tr("An action item was changed meanwhile: refreshed, save again."))
        else:
            self.status.setText(tr("Saved {count} verdicts").format(count=len(saved)))
        self.refresh()

    # ---- user actions ---------------------------------------------------------------------------
    def _on_thresholds_saved(self, values: dict) -> None:
        """Saved against the version the page read: a teammate's save in between is a conflict to settle,
        never silently overwritten."""
        from livedesk.domain.edit_conflict import EditConflict
        from livedesk.services.review import save_thresholds_checked
        from livedesk.ui.widgets.conflict_dialog import ConflictDialog

        try:
            _, self._thresholds_version = save_thresholds_checked(
                self._context.store, values, self._thresholds_version
            )
        except EditConflict as conflict:
            their_version = conflict.actual_version  # `conflict` is unbound once the except block ends
            self.conflict_dialog = ConflictDialog(conflict, self)
            self.conflict_dialog.reload_chosen.connect(self.refresh)
            self.conflict_dialog.keep_mine_chosen.connect(
                lambda: self._keep_my_thresholds(values, their_version)
            )
            self.conflict_dialog.open()
            return
        self.refresh()

    def _keep_my_thresholds(self, values: dict, their_version: int | None) -> None:
        from livedesk.services.review import save_thresholds_checked

        _, self._thresholds_version = save_thresholds_checked(self._context.store, values, their_version)
        self.refresh()

    def selected_finding(self) -> dict | None:
        item = self.findings_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _make_action(self) -> None:
        finding = self.selected_finding()
        if finding is None or self.session_id is None:
            return
        from livedesk.ui.review.action_dialog import ActionDialog

        dialog = ActionDialog(finding, finding_words(finding, self.names), self)
        if dialog.exec():
            self.add_action(finding, **dialog.values())

    def add_action(self, finding: dict, **values) -> None:
        from livedesk.import_export.review_json import finding_from_json
        from livedesk.services.review import add_action

        add_action(self._context.store, self.session_id, finding_from_json(finding), **values)
        self.refresh()

    def _ask_export(self, suffix: str) -> None:
        if self.review is None:
            return
        name = f"{self.review['session']['title']}-复盘{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export report"), str(Path.home() / name))
        if path:
            self.export_report(Path(path) if Path(path).suffix else Path(path + suffix))

    def _on_export_failed(self, error: BaseException) -> None:
        from livedesk.ui.widgets.error_report import describe_error

        self.status.setText(tr("Export failed: {reason}").format(reason=describe_error(error)))

    def export_report(self, path: Path) -> None:
        review = self.review

        def job(_control):
            from livedesk.services.review_reports import write_report

            return write_report(review, path)

        self.status.setText(tr("Exporting {name}…").format(name=path.name))
        self._context.tasks.submit(
            "review-export",
            job,
            on_done=lambda p: self.status.setText(tr("Exported {name}").format(name=p.name)),
            on_failed=self._on_export_failed,
        )

    def open_meeting_mode(self) -> None:
        if self.review is None:
            return
        from livedesk.ui.review.meeting_mode import MeetingWindow

        self.meeting = MeetingWindow(self.review)
        self.meeting.showFullScreen()

    def open_import_dialog(self, paths: list[str] | None = None):
        if not self.session_id:
            return None
        try:
            from livedesk.ui.review.import_dialog import ImportDialog
        except ImportError:
            self.status.setText(tr("The import dialog is not available in this build."))
            return None
        dialog = ImportDialog(self._context, self.session_id, paths=paths, parent=self)
        dialog.import_finished.connect(lambda *_: self.refresh())
        dialog.show()
        return dialog

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and self.session_id:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.open_import_dialog(paths)
            event.acceptProposedAction()
