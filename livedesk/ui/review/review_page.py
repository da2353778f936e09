"""The 复盘 workspace: KPI cards with sources, plan vs actual, segment attribution, products, role scorecards
with thresholds, findings → action items, carried action items, charts, history and meeting mode, reports.
The analysis runs off the UI thread (context.tasks); dropping files on the page opens the import dialog.
The page keeps loading and wiring; its layout, display and user actions live beside it (review_layout,
review_display, review_actions)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from livedesk.analysis.review import Review
from livedesk.charts import review_charts
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.review.empty_state import counted_findings, has_platform_data, import_note
from livedesk.ui.review.review_actions import ReviewActions
from livedesk.ui.review.review_display import ReviewDisplay
from livedesk.ui.review.review_layout import ReviewLayout
from livedesk.words import RUN_SOURCES

if TYPE_CHECKING:  # the trend is read in services (sqlmodel), not at import time
    from livedesk.services.history import TrendPoint

# What a review job hands back: the review, the account's trend, and the thresholds with their version.
ReviewResult: TypeAlias = "tuple[Review, list[TrendPoint], tuple[dict[str, Any], int | None]]"


class ReviewPage(ReviewLayout, ReviewDisplay, ReviewActions):
    review_shown = Signal()  # a review (or the empty state) is on screen
    review_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: ReviewResult | None = None  # the last result shown, worded again on a language change
        self._context = context
        self.session_id = None
        self.review = None  # the typed Review on screen (what saving the verdicts stores)
        self.history = []
        self.names = {}
        self._thresholds_version = None  # as the last review read them; None: not read yet
        self.conflict_dialog = None
        self.meeting = None
        self.action_dialog = None
        self._stale = False  # a session was chosen while the page was hidden: its review is still to compute
        self.setAcceptDrops(True)

        self._build_layout()

    # ---- loading --------------------------------------------------------------------------------
    def shows_session(self) -> bool:
        """The chosen session's review is on screen (or the empty state, with no session)."""
        return not self.session_id or (self.review is not None and self.review.session.id == self.session_id)

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if not self.session_id:
            return
        session_id, store = self.session_id, self._context.store
        self.status.setText(tr("Analysing…"))

        def job(control: Any) -> ReviewResult:
            from livedesk.services.review import load_thresholds_versioned, run_review, session_history

            review = run_review(store, session_id, control=control)
            history = session_history(store, session_id)
            return review, history, load_thresholds_versioned(store)

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
            titles = (
                tr("Overview"),
                tr("Plan vs actual"),
                tr("Segments"),
                tr("Products"),
                tr("Roles"),
                tr("Findings"),
                tr("Actions"),
                tr("History"),
            )
            for index, title in enumerate(titles[: self.tabs.count()]):
                self.tabs.setTabText(index, title)
            if self._shown is not None and self.review is not None:
                self._on_review_done(self._shown)
        super().changeEvent(event)

    def _on_review_done(self, result: ReviewResult) -> None:
        review, history, (thresholds, thresholds_version) = result
        if review.session.id != self.session_id:
            return
        self._shown = result
        self._thresholds_version = thresholds_version
        self.review, self.history, self.names = review, history, review.names
        self.title.setText(tr("Review: {title}").format(title=review.session.title))
        note = import_note(review)
        self.import_note.setText(note)
        self.import_note.setVisible(bool(note))
        if has_platform_data(review):
            self.status.setText(
                tr("{findings} findings · actual run from {source}").format(
                    findings=counted_findings(review),
                    source=RUN_SOURCES.word(review.plan_vs_actual.source),
                )
            )
        else:
            self.status.setText(tr("No data imported yet"))
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
