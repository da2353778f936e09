"""KPI cards: the value (or "—"), its source, a second source with the gap, and a tooltip with the formula
and the platform caveat."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from livedesk.import_export.report_format import show
from livedesk.ui.i18n import tr
from livedesk.ui.review.labels import caveat_text, metric_label

CARD_KEYS = ("gmv", "uv", "pv", "buyers", "orders", "units", "uv_value", "gpm", "aov", "order_value",
             "watch_to_buy_rate", "exposure_to_click_rate", "click_to_buy_rate", "follow_rate", "interaction_rate",
             "peak_online", "avg_online", "refund_amount", "refund_rate", "net_gmv", "ad_spend", "roi",
             "product_exposure_uv", "product_click_uv", "new_followers", "interaction_uv", "avg_watch_seconds")


class KpiCard(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setFrameShape(QFrame.StyledPanel)
        self.title = QLabel(metric_label(key))
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #666; font-size: 11px;")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.value, self.detail):
            layout.addWidget(widget)

    def show_detail(self, detail: dict) -> None:
        self.value.setText(show(self.key, detail["value"]) + (tr(" (estimate)") if detail.get("estimated") else ""))
        lines = [detail["source"] or tr("no source")]
        for alt in detail.get("alternatives", []):
            lines.append(tr("{source}: {value} (gap {gap})").format(
                source=alt["source"], value=show(self.key, alt["value"]), gap=show(self.key, alt["gap"])))
        self.detail.setText("\n".join(lines))
        tip = [tr("Formula: {formula}").format(formula=detail.get("formula") or tr("as exported"))]
        caveat = caveat_text(detail.get("caveat_code"))
        if caveat:
            tip.append(caveat)
        self.setToolTip("\n".join(tip))


class KpiGrid(QWidget):
    def __init__(self, columns: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        self.cards = {}
        for i, key in enumerate(CARD_KEYS):
            card = KpiCard(key)
            self.cards[key] = card
            layout.addWidget(card, i // columns, i % columns)

    def show_review(self, review: dict) -> None:
        for key, card in self.cards.items():
            card.show_detail(review["kpi_details"][key])
