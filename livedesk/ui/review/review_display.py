"""What the 复盘 page shows of a review: the plan-vs-actual, segment, step, product and role tables, the
findings list and the action items, each filled from the review with words from livedesk.words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QListWidgetItem,
)

from livedesk.ui.i18n import tr
from livedesk.ui.review.labels import evidence_text
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


class ReviewDisplay:
    """Fills the ReviewPage's tables and lists (no state of its own)."""

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
