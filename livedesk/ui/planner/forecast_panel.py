"""The forecast beside the run order: the projected GMV with its range and how far the method has missed on
this account, top-down against bottom-up, which products drive it and why each slot went to its product,
the targets decomposed (as assumptions when history is too short), and the editable assumptions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.forecast import ForecastAssumptions, PlanForecast
from livedesk.domain.history_forecast import MIN_SESSIONS
from livedesk.domain.money import format_yuan
from livedesk.domain.product_rates import ProductRate
from livedesk.domain.roles import Role, SegmentKind
from livedesk.domain.wave import left_out
from livedesk.ui.i18n import tr
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.words import ROLES

MUTED = "color: #6B7785;"
WARN = "color: #C0504D; font-weight: 600;"
DRIVER_ROWS = 5


def _rounded_yuan(fen: float | None) -> str:
    """Whole yuan for figures that are estimates (`¥2,736`)."""
    return "—" if fen is None else f"¥{round(fen / 100):,}"


def rate_reason(rate: ProductRate | None, role: Role | None) -> str:
    """Why a product's pitch is worth what it is: its own record, or its role's average without one."""
    if rate is None:
        return tr("No history for this product or its role: the assumptions below")
    if rate.has_history:
        return tr("{rate} per pitch minute over {n} sessions").format(
            rate=_rounded_yuan(rate.own), n=rate.sessions
        )
    return tr("No history yet: the {role} average, {rate} per pitch minute").format(
        role=ROLES.word(role), rate=_rounded_yuan(rate.shrunk)
    )


def backtest_sentence(forecast: PlanForecast) -> str:
    backtest = forecast.backtest
    if backtest is None or backtest.mape is None:
        return tr("Not yet measured: no earlier session to test the method on")
    return tr("On your last {n} sessions this forecast was off by {mape} on average").format(
        n=backtest.sessions, mape=f"{backtest.mape:.0%}"
    )


class ForecastPanel(QGroupBox):
    """Reads the document's forecast on every change; assumption edits go through the document (undoable)."""

    assumptions_edited = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(tr("Forecast vs target"), parent)
        self._document = document
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.target = QLabel()
        self.projected = QLabel()
        self.range = QLabel()
        self.backtest = QLabel()
        self.backtest.setWordWrap(True)
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.method.setStyleSheet(MUTED)
        self.bottom_up = QLabel()
        self.bottom_up.setWordWrap(True)
        self.gap = QLabel()
        self.required_uv = QLabel()
        self.required_uv_value = QLabel()
        self.required_buyers = QLabel()
        self.aov = QLabel()
        self.conversion = QDoubleSpinBox()
        self.conversion.setRange(0.01, 100)
        self.conversion.setDecimals(2)
        self.conversion.setSuffix(" %")
        self.viewers = QSpinBox()
        self.viewers.setRange(1, 10_000_000)
        self.half_life = QDoubleSpinBox()
        self.half_life.setRange(0.5, 50)
        self.half_life.setDecimals(1)
        self.half_life.setSingleStep(0.5)
        for spin in (self.conversion, self.viewers, self.half_life):
            spin.editingFinished.connect(self._commit)
        form = QFormLayout()
        form.addRow(tr("Projected GMV"), self.projected)
        form.addRow(tr("Range"), self.range)
        form.addRow(tr("GMV target"), self.target)
        form.addRow(tr("Gap"), self.gap)
        form.addRow(tr("Bottom-up"), self.bottom_up)
        targets = QFormLayout()
        targets.addRow(tr("Viewers needed (UV)"), self.required_uv)
        targets.addRow(tr("UV value needed"), self.required_uv_value)
        targets.addRow(tr("Buyers needed"), self.required_buyers)
        targets.addRow(tr("Average order value"), self.aov)
        assumptions = QFormLayout()
        assumptions.addRow(tr("Assumed conversion"), self.conversion)
        assumptions.addRow(tr("Assumed viewers per minute"), self.viewers)
        assumptions.addRow(tr("Recency half-life (sessions)"), self.half_life)
        self.drivers = QTreeWidget()
        self.drivers.setHeaderLabels([tr("Product"), tr("Forecast"), tr("Share"), tr("Why")])
        self.drivers.setRootIsDecorated(False)
        self.slots = QTreeWidget()
        self.slots.setHeaderLabels([tr("Slot"), tr("Product"), tr("Length"), tr("Why")])
        self.slots.setRootIsDecorated(False)
        for tree in (self.drivers, self.slots):
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.header().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.backtest)
        layout.addWidget(self.method)
        layout.addWidget(QLabel(tr("What the target needs")))
        layout.addLayout(targets)
        layout.addWidget(QLabel(tr("Products that drive the forecast")))
        layout.addWidget(self.drivers)
        layout.addWidget(QLabel(tr("Why each slot went to its product")))
        layout.addWidget(self.slots)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        layout.addWidget(self.left_out)
        layout.addLayout(assumptions)
        document.plan_changed.connect(self._refresh)
        self._refresh()

    # --- showing ----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()  # the figures' words are built from the forecast
        super().changeEvent(event)

    def _refresh(self) -> None:
        assumptions = self._document.assumptions
        self.conversion.setValue(assumptions.conversion * 100)
        self.viewers.setValue(assumptions.viewers_per_minute)
        self.half_life.setValue(assumptions.half_life_sessions)
        forecast = self._document.forecast
        self.drivers.clear()
        self.slots.clear()
        if forecast is None:
            for label in self._figure_labels():
                label.setText("—")
            self.notice.setText("")
            self.left_out.setText("")
            return
        self._show_total(forecast)
        self._show_targets(forecast)
        self._show_drivers(forecast)
        self._show_slots(forecast)
        self._show_left_out()

    def _figure_labels(self) -> list[QLabel]:
        return [
            self.target,
            self.projected,
            self.range,
            self.gap,
            self.bottom_up,
            self.backtest,
            self.method,
            self.required_uv,
            self.required_uv_value,
            self.required_buyers,
            self.aov,
        ]

    def _show_total(self, forecast: PlanForecast) -> None:
        self.target.setText(format_yuan(forecast.target_gmv_fen))
        self.projected.setText(_rounded_yuan(forecast.total_gmv_fen))
        if forecast.range_fen is None:
            self.range.setText("—")
        else:
            low, high = forecast.range_fen
            self.range.setText(f"{_rounded_yuan(low)} – {_rounded_yuan(high)}")
        gap, attainment = forecast.gap_fen, forecast.attainment
        self.gap.setText(
            "—" if gap is None or attainment is None else f"{format_yuan(gap)} ({attainment:.0%})"
        )
        self.gap.setStyleSheet("" if gap is None or gap >= 0 else WARN)
        if forecast.too_little_history:
            self.notice.setText(
                tr(
                    "Only {n} past sessions of this account have results; a forecast needs {min}. "
                    "The figures below are the targets decomposed, and what they rest on is assumed."
                ).format(n=forecast.past_sessions, min=MIN_SESSIONS)
            )
            self.notice.setStyleSheet(WARN)
            self.backtest.setText("")
            self.method.setText("")
        else:
            self.notice.setText("")
            self.backtest.setText(backtest_sentence(forecast))
            self.method.setText(self._method_text(forecast))
        self._show_bottom_up(forecast)

    def _method_text(self, forecast: PlanForecast) -> str:
        top = forecast.top_down
        if top is None:
            return ""
        if top.basis == "uv":
            text = tr(
                "Top-down: {uv} viewers × {value} per viewer, from {n} past sessions, newer ones weigh more"
            )
            text = text.format(
                uv=f"{round(top.uv or 0):,}",
                value=format_yuan(round(top.uv_value_fen or 0)),
                n=len(top.session_ids),
            )
        else:
            text = tr("Top-down: {rate} per live minute from {n} past sessions (no viewer counts in them)")
            text = text.format(rate=_rounded_yuan(top.gmv_fen_per_minute), n=len(top.session_ids))
        if top.ad_effect is not None:
            text += " " + tr("The ad budget moves viewers by the slope measured on {n} sessions").format(
                n=top.ad_effect.sessions
            )
        return text

    def _show_bottom_up(self, forecast: PlanForecast) -> None:
        if forecast.bottom_up_fen is None:
            self.bottom_up.setText("—")
            self.bottom_up.setStyleSheet("")
            return
        value = _rounded_yuan(forecast.bottom_up_fen)
        if forecast.agree is False:
            self.bottom_up.setText(
                tr("{value}: does not agree with the top-down figure; both are shown").format(value=value)
            )
            self.bottom_up.setStyleSheet(WARN)
        else:
            self.bottom_up.setText(tr("{value}: agrees with the top-down figure").format(value=value))
            self.bottom_up.setStyleSheet("")

    def _show_targets(self, forecast: PlanForecast) -> None:
        breakdown = forecast.breakdown
        assumed = set(breakdown.assumed) if breakdown else set()
        mark = " " + tr("(assumed)")

        def show(label: QLabel, text: str, key: str) -> None:
            label.setText(text + (mark if key in assumed and text != "—" else ""))

        if breakdown is None:
            for label in (self.required_uv, self.required_uv_value, self.required_buyers, self.aov):
                label.setText("—")
            return
        show(self.required_uv, "—" if breakdown.uv is None else f"{breakdown.uv:,}", "uv")
        show(self.required_uv_value, format_yuan(breakdown.uv_value_fen), "uv_value")
        show(self.required_buyers, "—" if breakdown.buyers is None else f"{breakdown.buyers:,}", "buyers")
        show(self.aov, format_yuan(breakdown.aov_fen), "aov")

    def _show_drivers(self, forecast: PlanForecast) -> None:
        plan = self._document.plan
        for driver in forecast.drivers[:DRIVER_ROWS]:
            product = plan.product(driver.product_id) if plan else None
            name = product.name if product else driver.product_id
            item = QTreeWidgetItem(
                [
                    name,
                    _rounded_yuan(driver.gmv_fen),
                    f"{driver.share:.0%}",
                    rate_reason(driver.rate, product.role if product else None),
                ]
            )
            self.drivers.addTopLevelItem(item)

    def _show_slots(self, forecast: PlanForecast) -> None:
        plan = self._document.plan
        if plan is None:
            return
        for index, segment in enumerate(plan.segments):
            if segment.kind not in (SegmentKind.PITCH, SegmentKind.ENCORE) or not segment.product_id:
                continue
            product = plan.product(segment.product_id)
            rate = forecast.rates.get(segment.product_id)
            item = QTreeWidgetItem(
                [
                    str(index + 1),
                    product.name if product else segment.product_id,
                    f"{segment.planned_seconds // 60}:{segment.planned_seconds % 60:02d}",
                    rate_reason(rate, product.role if product else None),
                ]
            )
            self.slots.addTopLevelItem(item)

    def _show_left_out(self) -> None:
        plan = self._document.plan
        missing = (
            left_out(plan.products, plan.segments, self._document.config) if plan and plan.segments else []
        )
        if not missing:
            self.left_out.setText("")
            return
        reasons = {
            "no_room": tr("no room in the slot"),
            "role_cap": tr("its role is at the team's limit"),
            "out_of_stock": tr("out of stock"),
        }
        names = {p.product_id: p.name for p in plan.products} if plan else {}
        parts = [f"{names.get(m.product_id, m.product_id)} ({reasons[m.reason]})" for m in missing]
        self.left_out.setText(tr("Not in the run order: {items}").format(items="; ".join(parts)))

    # --- editing ----------------------------------------------------------------------------------

    def _commit(self) -> None:
        current = self._document.assumptions
        assumptions = ForecastAssumptions(
            conversion=self.conversion.value() / 100,
            viewers_per_minute=self.viewers.value(),
            units_per_buyer=current.units_per_buyer,
            half_life_sessions=self.half_life.value(),
        )
        if assumptions != current:
            self._document.set_assumptions(assumptions)
            self.assumptions_edited.emit()
