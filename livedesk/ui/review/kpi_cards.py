"""KPI cards for a projector: the big value (or "—"), the target with met / not met, one short source line and
a gap badge only when another source disagrees; every source with its gap, the formula and the platform
caveat are in the tooltip. A card reads its typed Metric (money in fen) and re-words itself on a language
switch."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from livedesk.analysis.metrics import FORMULA_TEXT, Alternative, Metric
from livedesk.analysis.review import Review
from livedesk.import_export.review_rows import targets_of
from livedesk.ui.i18n import tr
from livedesk.words import CAVEATS, formula_words, metric_word, short_source, show_value, source_words

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


def disagreeing(metric: Metric) -> list[Alternative]:
    """Alternatives whose value reads differently from the primary one (a zero or rounding-only gap is agreement)."""
    shown = show_value(metric.key, metric.value)
    return [
        alt
        for alt in metric.alternatives
        if alt.value is not None and show_value(metric.key, alt.value) != shown
    ]


def signed(key: str, gap: float | None) -> str:
    """A gap (in the review's units) with its sign in front of the unit: -¥308.53, +0.12%, ±0 when equal."""
    if gap is None:
        return "—"
    if gap == 0:
        return show_value(key, 0)
    return ("+" if gap > 0 else "-") + show_value(key, abs(gap))


class KpiCard(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._shown: tuple[Metric, float | None] | None = None  # worded again on a language switch
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

    def changeEvent(self, event: QEvent) -> None:
        # The card's words come from its metric key (livedesk.words), not from a translated text: two
        # meanings can read alike in Chinese (退款金额), so the key, not the shown text, says which.
        if event.type() == QEvent.Type.LanguageChange:
            self.title.setText(metric_word(self.key))
            if self._shown is not None:
                self.show_detail(*self._shown)
        super().changeEvent(event)

    def show_detail(self, metric: Metric, target: float | None = None) -> None:
        """Show `metric` (money in fen) against `target` (the same unit; None: no target)."""
        self._shown = (metric, target)
        key, value = self.key, metric.value
        self.title.setText(metric_word(key))
        self.value.setText(show_value(key, value) + (tr(" (estimate)") if metric.estimated else ""))
        self._show_target(value, target)
        self.source.setText(short_source(metric.source) if value is not None else tr("no data"))
        others = disagreeing(metric)
        if others:
            gap = max(others, key=lambda alt: abs(alt.gap or 0)).gap
            self.badge.setText(tr("gap {gap}").format(gap=signed(key, gap)))
        self.badge.setVisible(bool(others))
        self.setToolTip(self._tooltip(metric))

    def _show_target(self, value: float | None, target: float | None) -> None:
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
            tr("Target {target} · {verdict}").format(target=show_value(self.key, target), verdict=verdict)
        )
        self.target.setStyleSheet(f"color: {colour}; font-size: 12px; font-weight: 600;")
        self.target.show()

    def _tooltip(self, metric: Metric) -> str:
        key = self.key
        formula = metric.formula or FORMULA_TEXT.get(key)
        lines = [
            f"<b>{escape(metric_word(key))}</b>",
            escape(tr("Formula: {formula}").format(formula=formula_words(formula))),
        ]
        if metric.value is not None:
            lines.append(
                escape(
                    tr("Source: {source} → {value}").format(
                        source=source_words(metric.source), value=show_value(key, metric.value)
                    )
                )
            )
        for alt in metric.alternatives:
            lines.append(
                escape(
                    tr("Also: {source} → {value} (gap {gap})").format(
                        source=source_words(alt.source),
                        value=show_value(key, alt.value),
                        gap=signed(key, alt.gap),
                    )
                )
            )
        if metric.estimated and metric.low is not None:
            lines.append(
                escape(
                    tr("Estimated range {low} – {high}").format(
                        low=show_value(key, metric.low), high=show_value(key, metric.high)
                    )
                )
            )
        caveat = CAVEATS.word(metric.caveat, missing="")
        if caveat:
            lines.append(f"<i>{escape(caveat)}</i>")
        return "<br>".join(lines)


class KpiGrid(QWidget):
    def __init__(
        self, keys: tuple[str, ...] = CARD_KEYS, columns: int = 7, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.cards: dict[str, KpiCard] = {}
        for i, key in enumerate(keys):
            card = KpiCard(key)
            self.cards[key] = card
            layout.addWidget(card, i // columns, i % columns)

    def show_review(self, review: Review) -> None:
        targets = targets_of(review.session)
        for key, card in self.cards.items():
            card.show_detail(review.kpis[key], targets.get(key))


class KpiPanel:
    """The headline cards (above the charts) and the rest (below them), filled together."""

    def __init__(self) -> None:
        self.headline = KpiGrid(HEADLINE_KEYS)
        self.more = KpiGrid(MORE_KEYS)
        self.cards = {**self.headline.cards, **self.more.cards}

    def show_review(self, review: Review) -> None:
        self.headline.show_review(review)
        self.more.show_review(review)
