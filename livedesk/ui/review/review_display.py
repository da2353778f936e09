"""What the 复盘 page shows of a typed review: the plan-vs-actual, segment, step, product and role tables,
the findings list and the action items, each filled from the objects (times of day from epoch ms in the
session's zone, money from fen, sources from their kind) with words from livedesk.words."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from livedesk.analysis.review import Review
from livedesk.import_export.review_rows import check_value, minutes, segment_row
from livedesk.ui.i18n import tr
from livedesk.ui.review.labels import evidence_text
from livedesk.ui.review.review_base import ReviewPageBase
from livedesk.words import (
    ACTION_STATUSES,
    PRODUCT_METRICS,
    ROLES,
    RUN_SOURCES,
    SEVERITIES,
    STEPS,
    clock,
    finding_words,
    metric_word,
    money_words,
    show,
    show_value,
    source_words,
    verdict_word,
)


class ReviewDisplay(ReviewPageBase):
    """Fills the ReviewPage's tables and lists (no state of its own)."""

    # ---- filling --------------------------------------------------------------------------------
    def _fill_plan(self, review: Review) -> None:
        pva = review.plan_vs_actual
        order = {True: tr("order kept"), False: tr("order changed"), None: "—"}[pva.order_kept]
        self.plan_summary.setText(
            tr(
                "Actual run from {source}: planned {planned} min, actual {actual} min, "
                "over/under {delta} min, {order}."
            ).format(
                source=RUN_SOURCES.word(pva.source),
                planned=minutes(pva.planned_seconds),
                actual=minutes(pva.actual_seconds),
                delta=minutes(pva.over_under_seconds),
                order=order,
            )
        )
        rows = [segment_row(s, self.names, review.zone).plan_cells for s in review.segments]
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

    def _fill_segments(self, review: Review) -> None:
        rows = [segment_row(s, self.names, review.zone).figure_cells for s in review.segments]
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
        buckets = review.buckets

        def bucket_gmv(name: str) -> str:
            found = buckets.get(name)
            return money_words(found.gmv_fen if found else None)

        self.bucket_label.setText(
            tr("Not in any segment: before {before}, in pauses {gap}, after the end {after}.").format(
                before=bucket_gmv("before"), gap=bucket_gmv("gap"), after=bucket_gmv("after")
            )
            if buckets
            else ""
        )
        self.step_table.fill(
            [tr("Run position"), tr("Script step"), tr("Start"), tr("Seconds"), tr("GMV"), tr("Orders")],
            [
                [
                    str(s.position + 1),
                    STEPS.word(s.step),
                    clock(s.start_ms, review.zone, seconds=True),
                    f"{s.seconds:.0f}",
                    money_words(s.gmv_fen),
                    str(s.orders),
                ]
                for s in review.steps
            ],
        )

    def _fill_products(self, review: Review) -> None:
        rows, tips = [], []
        for p in review.products:
            rows.append([p.name, ROLES.word(p.role), *[show_value(k, p.value(k)) for k in PRODUCT_METRICS]])
            tip_row = ["", ""]
            for key in PRODUCT_METRICS:
                found = p.sources.get(key)
                source = source_words(found) if found else ""
                alt = p.alternatives.get(key)
                if alt:
                    source += "\n" + tr("{source}: {value} (gap {gap})").format(
                        source=source_words(alt.source),
                        value=show_value(key, alt.value),
                        gap=show_value(key, alt.gap),
                    )
                tip_row.append(source)
            tips.append(tip_row)
        self.product_table.fill(
            [tr("Product"), tr("Role"), *[metric_word(k) for k in PRODUCT_METRICS]], rows, tips
        )

    def _fill_roles(self, review: Review, thresholds: Mapping[str, float | int | None]) -> None:
        rows = []
        for card in review.roles.scorecards:
            checks = "; ".join(
                f"{metric_word(c.check)} {check_value(c.check, c.value)} / {check_value(c.check, c.threshold)}"
                for c in card.checks
            )
            rows.append([card.name, ROLES.word(card.role), verdict_word(card.verdict), checks])
        self.role_table.fill(
            [tr("Product"), tr("Role"), tr("Verdict"), tr("Checks (value / threshold)")],
            rows,
            [["", "", "", row[3].replace("; ", "\n")] for row in rows],  # full checks
            stretch=3,
        )
        self.thresholds.set_values(thresholds)

    def _fill_findings(self, review: Review) -> None:
        self.findings_list.clear()
        for finding in review.findings:
            item = QListWidgetItem(
                f"[{SEVERITIES.word(finding.severity)}] {finding_words(finding, self.names, review.zone)}"
            )
            item.setToolTip(evidence_text(finding, self.names, review.zone))
            item.setData(Qt.ItemDataRole.UserRole, finding)
            self.findings_list.addItem(item)
        if self.findings_list.count():
            self.findings_list.setCurrentRow(0)

    def _fill_actions(self, review: Review) -> None:
        self.carried_list.clear()
        self.own_list.clear()
        for action in review.actions:
            item_data = action.item
            # Targets and verified values are in the action item's unit (yuan for money), as typed in.
            verified = (
                ""
                if action.verified_value is None
                else tr(" · verified value {value}").format(
                    value=show(item_data.metric, action.verified_value)
                )
            )
            text = (
                tr("{action} · {owner} · {metric} {comparison} {target} · {status}").format(
                    action=item_data.action,
                    owner=item_data.owner or "—",
                    metric=metric_word(item_data.metric),
                    comparison=item_data.comparison,
                    target=show(item_data.metric, item_data.target),
                    status=ACTION_STATUSES.word(action.status),
                )
                + verified
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_data)  # what "Change action item…" opens
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if action.status == "met" else Qt.CheckState.Unchecked)
            (self.carried_list if action.carried else self.own_list).addItem(item)
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
        self.save_verdicts_button.setEnabled(bool(review.carried_to_save))
