"""KPI cards for a projector: the big value (or "—"), the target with met / not met, one short source line and
a gap badge only when another source disagrees; every source with its gap, the formula and the platform
caveat are in the tooltip."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from livedesk.ui.i18n import tr
from livedesk.words import CAVEATS, formula_words, metric_word, short_source, show, source_words

# The first screen of the review: what sold, to how many, how well they converted, the audience.
HEADLINE_KEYS = (
    "gmv",
    "uv",
    "uv_value",
    "watch_to_buy_rate",
    "gpm",
    "buyers",
    "orders",
    "aov",
    "peak_online",
    "avg_online",
    "exposure_to_click_rate",
    "click_to_buy_rate",
    "refund_rate",
    "roi",
)
MORE_KEYS = (
    "pv",
    "units",
    "order_value",
    "net_gmv",
    "refund_amount",
    "ad_spend",
    "follow_rate",
    "interaction_rate",
    "product_exposure_uv",
    "product_click_uv",
    "new_followers",
    "interaction_uv",
    "avg_watch_seconds",
)
CARD_KEYS = HEADLINE_KEYS + MORE_KEYS
MET_COLOUR, NOT_MET_COLOUR, GAP_COLOUR = "#2E7D5B", "#C0504D", "#B26A00"


def disagreeing(key: str, detail: dict) -> list[dict]:
    """Alternatives whose value reads differently from the primary one (a zero or rounding-only gap is agreement)."""
    shown = show(key, detail["value"])
    return [
        alt
        for alt in detail.get("alternatives", [])
        if alt["value"] is not None and show(key, alt["value"]) != shown
    ]


def signed(key: str, gap) -> str:
    """A gap with its sign in front of the unit: -¥308.53, +0.12%, ±0 when equal."""
    if gap is None:
        return "—"
    if gap == 0:
        return show(key, 0)
    return ("+" if gap > 0 else "-") + show(key, abs(gap))


class KpiCard(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("kpiCard")
        self.title = QLabel(metric_word(key))
        self.title.setStyleSheet("color: #444; font-size: 13px;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 24px; font-weight: 600;")
        self.target = QLabel("")
        self.source = QLabel("")
        self.source.setStyleSheet("color: #777; font-size: 11px;")
        self.badge = QLabel("")
        self.badge.setStyleSheet(
            f"color: white; background: {GAP_COLOUR}; border-radius: 3px; padding: 0 4px; font-size: 11px;"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        for widget in (self.title, self.value, self.target, self.source):
            layout.addWidget(widget)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)  # a small pill, not a full-width bar
        layout.addStretch(1)
        self.target.hide()
        self.badge.hide()

    def show_detail(self, detail: dict, target=None) -> None:
        key, value = self.key, detail["value"]
        self.value.setText(show(key, value) + (tr(" (estimate)") if detail.get("estimated") else ""))
        self._show_target(value, target)
        self.source.setText(short_source(detail["source"]) if value is not None else tr("no data"))
        others = disagreeing(key, detail)
        if others:
            gap = max(others, key=lambda alt: abs(alt["gap"] or 0))["gap"]
            self.badge.setText(tr("gap {gap}").format(gap=signed(key, gap)))
        self.badge.setVisible(bool(others))
        self.setToolTip(self._tooltip(detail))

    def _show_target(self, value, target) -> None:
        if target is None:
            self.target.hide()
            return
        if value is None:
            verdict, colour = tr("no data"), "#777"
        elif value >= target:
            verdict, colour = tr("met"), MET_COLOUR
        else:
            verdict, colour = tr("not met"), NOT_MET_COLOUR
        self.target.setText(
            tr("Target {target} · {verdict}").format(target=show(self.key, target), verdict=verdict)
        )
        self.target.setStyleSheet(f"color: {colour}; font-size: 12px; font-weight: 600;")
        self.target.show()

    def _tooltip(self, detail: dict) -> str:
        key = self.key
        lines = [
            f"<b>{escape(metric_word(key))}</b>",
            escape(tr("Formula: {formula}").format(formula=formula_words(detail.get("formula")))),
        ]
        if detail["value"] is not None:
            lines.append(
                escape(
                    tr("Source: {source} → {value}").format(
                        source=source_words(detail["source"]), value=show(key, detail["value"])
                    )
                )
            )
        for alt in detail.get("alternatives", []):
            lines.append(
                escape(
                    tr("Also: {source} → {value} (gap {gap})").format(
                        source=source_words(alt["source"]),
                        value=show(key, alt["value"]),
                        gap=signed(key, alt["gap"]),
                    )
                )
            )
        if detail.get("estimated") and detail.get("low") is not None:
            lines.append(
                escape(
                    tr("Estimated range {low} – {high}").format(
                        low=show(key, detail["low"]), high=show(key, detail["high"])
                    )
                )
            )
        caveat = CAVEATS.word(detail.get("caveat_code"), missing="")
        if caveat:
            lines.append(f"<i>{escape(caveat)}</i>")
        return "<br>".join(lines)


class KpiGrid(QWidget):
    def __init__(self, keys=CARD_KEYS, columns: int = 7, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.cards = {}
        for i, key in enumerate(keys):
            card = KpiCard(key)
            self.cards[key] = card
            layout.addWidget(card, i // columns, i % columns)

    def show_review(self, review: dict) -> None:
        targets = (review.get("session") or {}).get("targets") or {}
        for key, card in self.cards.items():
            card.show_detail(review["kpi_details"][key], targets.get(key))


class KpiPanel:
    """The headline cards (above the charts) and the rest (below them), filled together."""

    def __init__(self) -> None:
        self.headline = KpiGrid(HEADLINE_KEYS)
        self.more = KpiGrid(MORE_KEYS)
        self.cards = {**self.headline.cards, **self.more.cards}

    def show_review(self, review: dict) -> None:
        self.headline.show_review(review)
        self.more.show_review(review)
