"""Words of the metrics (DOMAIN.md §4): each metric key's label in both languages and its unit, the
words of the formulas the analysis reports, and a formula written with metric keys in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from livedesk.words.vocabulary import Vocabulary, Word

YUAN, RATE, COUNT, SECONDS, RATIO = "yuan", "rate", "count", "seconds", "ratio"


@dataclass(frozen=True)
class MetricWord(Word):
    """A metric's label and its unit: yuan (money), rate (a fraction shown as %), count, seconds or
    ratio (a plain multiple such as ROI)."""

    unit: str = COUNT


def _m(zh: str, en: str, unit: str = COUNT) -> MetricWord:
    return MetricWord(zh, en, unit=unit)


METRICS = Vocabulary(
    "metric",
    {
        "gmv": _m("成交金额", "GMV", YUAN),
        "orders": _m("成交订单数", "Orders"),
        "buyers": _m("成交人数", "Buyers"),
        "units": _m("成交件数", "Units sold"),
        "uv": _m("观看人数", "Viewers (UV)"),
        "pv": _m("观看次数", "Views (PV)"),
        "avg_online": _m("平均在线人数", "Average online"),
        "peak_online": _m("最高在线人数", "Peak online"),
        "avg_watch_seconds": _m("人均观看时长(秒)", "Average watch time (s)", SECONDS),
        "product_exposure_uv": _m("商品曝光人数", "Product exposure (people)"),
        "product_click_uv": _m("商品点击人数", "Product clicks (people)"),
        "new_followers": _m("新增粉丝数", "New followers"),
        "interaction_uv": _m("互动人数", "Interacting viewers"),
        "refund_amount": _m("退款金额", "Refund amount", YUAN),
        "ad_spend": _m("投放消耗", "Ad spend", YUAN),
        "uv_value": _m("UV价值", "UV value", YUAN),
        "gpm": _m("千次观看成交金额(GPM)", "GPM (GMV per 1000 views)", YUAN),
        "aov": _m("客单价", "Average order value", YUAN),
        "order_value": _m("笔单价", "Value per order", YUAN),
        "watch_to_buy_rate": _m("观看-成交率(人数)", "Watch-to-buy rate (people)", RATE),
        "exposure_to_click_rate": _m("商品曝光-点击率(人数)", "Exposure-to-click rate (people)", RATE),
        "click_to_buy_rate": _m("商品点击-成交率(人数)", "Click-to-buy rate (people)", RATE),
        "follow_rate": _m("观看-关注率", "Follow rate", RATE),
        "interaction_rate": _m("观看-互动率(人数)", "Interaction rate (people)", RATE),
        "refund_rate": _m("退款率", "Refund rate", RATE),
        "net_gmv": _m("净成交金额", "Net GMV", YUAN),
        "roi": _m("ROI", "ROI", RATIO),
        # per product (DOMAIN.md §4.3)
        "explain_count": _m("讲解次数", "Times explained"),
        "explain_seconds": _m("讲解时长(秒)", "Explained (s)", SECONDS),
        "gmv_per_explain_minute": _m("每讲解分钟成交额", "GMV per explained minute", YUAN),
        "units_per_explain": _m("每次讲解成交件数", "Units per explanation", RATIO),
        "exposure_gpm": _m("千次曝光成交额", "GMV per 1000 exposures", YUAN),
        "gmv_share": _m("成交占比", "GMV share", RATE),
        "sell_through": _m("售罄率", "Sell-through", RATE),
        "gross_margin": _m("毛利率", "Gross margin", RATE),
        # per segment and role (plan vs actual, scorecards)
        "on_air_gmv": _m("在播成交额", "GMV on air", YUAN),
        "on_air_share": _m("在播成交占比", "Share of GMV on air", RATE),
        "gmv_per_minute": _m("每分钟成交额", "GMV per minute", YUAN),
        "online_lift": _m("在线提升", "Online lift", RATE),
        "gmv_per_minute_ratio": _m("每分钟成交额/全场均值", "GMV per minute vs session", RATIO),
        "over_under_seconds": _m("整场超时/提前(秒)", "Session over/under (s)", SECONDS),
        "segment_overrun_seconds": _m("环节最大超时(秒)", "Largest segment overrun (s)", SECONDS),
    },
)
# The columns of a product's review row (DOMAIN.md §4.3), in the order the analysis, the review page and the
# reports show them.
PRODUCT_METRICS = (
    "gmv",
    "units",
    "orders",
    "buyers",
    "product_exposure_uv",
    "product_click_uv",
    "exposure_to_click_rate",
    "click_to_buy_rate",
    "explain_count",
    "explain_seconds",
    "gmv_per_explain_minute",
    "units_per_explain",
    "exposure_gpm",
    "refund_amount",
    "refund_rate",
    "gmv_share",
    "sell_through",
    "gross_margin",
)
MONEY_KEYS = frozenset(key for key, word in METRICS.items() if getattr(word, "unit", None) == YUAN)
RATE_KEYS = frozenset(key for key, word in METRICS.items() if getattr(word, "unit", None) == RATE)

# Formulas the analysis writes in words rather than with metric keys (metrics.py, order sums).
FORMULAS = Vocabulary(
    "formula",
    {
        "sum(amount) of paid lines in the live window": Word(
            "直播时段内已支付订单金额之和", "sum of paid order amounts in the live window"
        ),
        "sum(amount) of paid lines in the live window (a line in two downloads counts once)": Word(
            "直播时段内已支付订单金额之和（两次下载中的同一行只计一次）",
            "sum of paid order amounts in the live window (a line in two downloads counts once)",
        ),
        "count of paid sub-order lines in the live window": Word(
            "直播时段内已支付子订单行数", "count of paid sub-order lines in the live window"
        ),
        "count of distinct sub_order_id (子订单编号) of paid lines in the live window": Word(
            "直播时段内已支付订单的去重子订单编号数",
            "count of distinct sub-order ids of paid lines in the live window",
        ),
        "count of distinct order_id of paid lines in the live window": Word(
            "直播时段内已支付订单的去重订单编号数",
            "count of distinct order ids of paid lines in the live window",
        ),
        "count of paid lines in the live window (the file has no order id)": Word(
            "直播时段内已支付订单行数（文件没有订单编号）",
            "count of paid lines in the live window (the file has no order id)",
        ),
        "sum of refunded lines in the live window: negative or cancelled lines (absolute) and "
        "lines refunded since (status or refund amount)": Word(
            "直播时段内退款订单行之和：负数或已取消的行（取绝对值）及之后退款的行（按状态或退款金额）",
            "sum of refunded lines in the live window: negative or cancelled lines and lines refunded since",
        ),
        "sum(quantity)": Word("已支付订单行的件数之和", "sum of quantities on paid lines"),
        "distinct buyer_id": Word("已支付订单的去重买家数", "distinct buyers on paid lines"),
        "sum(refund_amount)": Word("退款金额之和", "sum of refunded amounts"),
        "max(online)": Word("各分钟在线人数的最大值", "highest online count of any minute"),
        "mean(online) over minutes": Word("各分钟在线人数的平均值", "mean online count over the minutes"),
        "sum(new_followers)": Word("各分钟新增粉丝数之和", "sum of new followers per minute"),
    },
)
AS_EXPORTED = Word("导出值", "as exported")
_OPERATORS = {"/": "÷", "*": "×"}


def metric_word(key: str | None, lang: str | None = None) -> str:
    """A metric or scorecard check by its label; an unknown key as itself, None as "—"."""
    return METRICS.word(key, lang)


def formula_words(formula: str | None, lang: str | None = None) -> str:
    """A formula in words: a known sentence translated, else each metric key by its label and `/` as ÷
    ("buyers / uv" → "成交人数 ÷ 观看人数")."""
    if not formula:
        return AS_EXPORTED.text(lang)
    if formula in FORMULAS:
        return FORMULAS.word(formula, lang)
    return " ".join(
        METRICS.word(token, lang) if token in METRICS else _OPERATORS.get(token, token)
        for token in formula.split(" ")
    )


_YES_NO = (Word("是", "yes"), Word("否", "no"))


def show(key: str, value: Any, lang: str | None = None) -> str:
    """A value of metric `key` as users read it: ¥1,234.56, -¥308.53, 0.68%, 1,234, or — when missing."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _YES_NO[0 if value else 1].text(lang)
    text = _shown(key, value)
    # A gap of -0.00003 reads "-0.00%": a sign in front of nothing but zeros says nothing.
    return text[1:] if text.startswith("-") and not any(ch in "123456789" for ch in text) else text


def show_value(key: str, value: Any, lang: str | None = None) -> str:
    """A value of metric `key` in the review's own units (integer fen for money) as users read it."""
    if key in MONEY_KEYS and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = value / 100
    return show(key, value, lang)


def money_words(fen: float | None, lang: str | None = None) -> str:
    """An amount in fen as users read it: ¥1,234.56, or — when missing."""
    return show_value("gmv", fen, lang)


def _shown(key: str, value: Any) -> str:
    if key in MONEY_KEYS:  # the sign before the currency, as people write it
        return f"{'-' if value < 0 else ''}¥{abs(value):,.2f}"
    if key in RATE_KEYS:
        return f"{value * 100:.2f}%"
    if key == "roi":
        return f"{value:.2f}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    if isinstance(value, (int, float)):
        return f"{int(value):,}"
    return str(value)
