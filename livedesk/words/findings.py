"""The prose of the review: a finding's sentence from its code and evidence, and the platform caveats beside
a number, in both languages. The review page, the meeting view and the three report formats all word
findings here, so a finding reads the same on screen and on paper."""

from __future__ import annotations

from typing import Any

from livedesk.words.language import is_chinese
from livedesk.words.metrics import METRICS, show
from livedesk.words.vocabulary import Vocabulary, Word

CAVEATS = Vocabulary(
    "caveat",
    {
        "gmv_includes_refunds": Word(
            "平台成交金额为用户实付：含运费及之后退款的订单，不含平台优惠券，30 天内仍会更新。",
            "The platform's GMV is what users paid: it includes freight and orders refunded later, "
            "excludes platform coupons, and keeps updating for 30 days.",
        ),
        "gpm_per_views": Word(
            "GPM 按观看次数计算，不是观看人数。", "GPM divides by views (pv), not by viewers (uv)."
        ),
        "orders_per_sku": Word(
            "平台按 SKU（子订单）计订单数。", "The platform counts orders per SKU (sub-order)."
        ),
        "people_not_views": Word(
            "观看人数按人去重，每人只计一次。", "Viewers are people, each counted once."
        ),
        "views_not_people": Word(
            "观看次数每次进入都计，一人可计多次。",
            "Views count every entry, so one person can count several times.",
        ),
        "rate_by_people": Word(
            "按人数计的比率；次数口径为次数除以次数。",
            "A rate by people; the count variant divides counts by counts.",
        ),
    },
)

# code → the sentence with {placeholders} filled by _values below.
FINDINGS = Vocabulary(
    "finding",
    {
        "segment_overran": Word(
            "环节 {n} 实际 {actual} 分钟，计划 {planned} 分钟（超时）。",
            "Segment {n} ran {actual} min against {planned} min planned (over).",
        ),
        "segment_short": Word(
            "环节 {n} 实际 {actual} 分钟，计划 {planned} 分钟（提前结束）。",
            "Segment {n} ran {actual} min against {planned} min planned (short).",
        ),
        "segment_skipped": Word(
            "计划环节 {n} 未出现在记录中。", "Planned segment {n} does not appear in the record."
        ),
        "segment_added": Word(
            "一个计划外的环节进行了 {actual} 分钟。", "A block not in the plan ran for {actual} min."
        ),
        "order_changed": Word(
            "环节上播顺序与计划不同。", "Segments went on air in a different order from the plan."
        ),
        "session_overran": Word(
            "整场实际 {actual} 分钟，计划 {planned} 分钟（超时）。",
            "The session ran {actual} min against {planned} min planned (over).",
        ),
        "session_short": Word(
            "整场实际 {actual} 分钟，计划 {planned} 分钟（提前结束）。",
            "The session ran {actual} min against {planned} min planned (short).",
        ),
        "traffic_online_fell": Word(
            "引流款 {product} 讲解期间在线人数从 {start} 降到 {end}。",
            "Online viewers fell from {start} to {end} while traffic item {product} was on air.",
        ),
        "profit_weak_click_to_buy": Word(
            "利润款 {product}：点击 {clicks} 人，成交 {buyers} 人，点击-成交率 {rate}。",
            "Profit item {product}: {clicks} clickers, {buyers} buyers, click-to-buy {rate}.",
        ),
        "explained_no_sales": Word(
            "{product} 讲解了 {count} 次，没有成交。",
            "{product} was explained {count} time(s) and sold nothing.",
        ),
        "high_refund_rate": Word("{product}：退款率 {rate}。", "{product}: refund rate {rate}."),
        "target_missed": Word(
            "{metric} 实际 {value}，目标 {target}（未达成）。",
            "{metric} reached {value} against a target of {target} (missed).",
        ),
        "target_met": Word(
            "{metric} 实际 {value}，目标 {target}（已达成）。",
            "{metric} reached {value} against a target of {target} (met).",
        ),
        "orders_after_end": Word(
            "最后一个环节结束后仍有 {orders} 笔订单（{gmv}）支付。",
            "{orders} order lines ({gmv}) were paid after the last segment ended.",
        ),
        "sources_disagree": Word(
            "不同来源的成交金额不一致：{primary} 对 {other}（差 {gap}）。",
            "GMV differs between sources: {primary} vs {other} (gap {gap}).",
        ),
        "no_platform_data": Word(
            "本场尚未导入平台数据。", "No platform export has been imported for this session yet."
        ),
        "refund_sources_disagree": Word(
            "不同来源的退款金额不一致：{primary} 对 {other}（差 {gap}）。",
            "Refunds differ between sources: {primary} vs {other} (gap {gap}).",
        ),
        "incident": Word("{time} 事故：{note}", "Incident at {time}: {note}"),
        "closing_cut": Word(
            "收尾实际 {actual_s} 秒，计划 {planned_s} 秒（被压缩）。",
            "The closing ran {actual_s} s of the {planned_s} s planned.",
        ),
        "segments_swapped": Word(
            "{first} 与 {second} 上播顺序与计划对调。", "{first} and {second} went on air in swapped order."
        ),
        "segments_moved": Word(
            "这些环节未按计划位置上播：{names}", "These went on air out of their planned place: {names}"
        ),
        "orders_before_start": Word(
            "直播开始前支付 {orders} 笔订单（{gmv}），单独计数，不计入成交金额。",
            "{orders} orders ({gmv}) were paid before the live window: counted apart, not in GMV.",
        ),
        # every "<role>_<check>_below" scorecard finding
        "below_threshold": Word(
            "{product}：{check} {value}，低于团队阈值 {threshold}。",
            "{product}: {check} is {value}, below the team's threshold of {threshold}.",
        ),
    },
)
_LIST_SEPARATOR = Word("、", ", ")
_SEGMENT_N = Word("环节 {n}", "segment {n}")


def _minutes(seconds: float | None) -> str:
    return f"{(seconds or 0) / 60:.1f}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def _values(finding: dict[str, Any], names: dict[Any, str], lang: str | None) -> dict[str, object]:
    """Every placeholder any finding sentence uses, from the finding's subject and evidence."""
    e = finding.get("evidence") or {}
    subject = finding.get("subject") or {}
    segment = subject.get("segment")
    number = "" if segment is None else str(segment + 1)
    on_air = names.get(subject.get("segment_product"), subject.get("segment_product") or "")
    if number and on_air:
        number = f"{number}（{on_air}）" if is_chinese(lang) else f"{number} ({on_air})"
    # a moved segment by its product, or (an interaction, the closing) by its number
    positions = list(e.get("segments") or [])
    products = [
        names.get(p, p)
        if p
        else _SEGMENT_N.text(lang).format(n=positions[i] + 1 if i < len(positions) else "?")
        for i, p in enumerate(e.get("products") or [])
    ]
    metric = e.get("metric") or ""
    return {
        "n": number,
        "product": names.get(subject.get("product"), subject.get("product") or ""),
        "actual": _minutes(e.get("actual_seconds")),
        "planned": _minutes(e.get("planned_seconds")),
        "actual_s": f"{e.get('actual_seconds') or 0:.0f}",
        "planned_s": e.get("planned_seconds"),
        "start": e.get("online_start"),
        "end": e.get("online_end"),
        "clicks": e.get("product_click_uv"),
        "buyers": e.get("buyers"),
        "rate": _percent(e.get("click_to_buy_rate") if "click_to_buy_rate" in e else e.get("refund_rate")),
        "count": e.get("explain_count"),
        "metric": METRICS.word(metric, lang),
        "value": show(metric, e.get("value")),
        "target": show(metric, e.get("target")),
        "orders": e.get("orders"),
        "gmv": show("gmv", e.get("gmv")),
        "primary": show("gmv", e.get("primary")),
        "other": show("gmv", e.get("other")),
        "gap": show("gmv", e.get("gap")),
        "time": (e.get("at") or "")[11:19],
        "note": e.get("note") or "—",
        "first": (products + ["", ""])[0],
        "second": (products + ["", ""])[1],
        "names": _LIST_SEPARATOR.text(lang).join(products),
    }


def finding_words(finding: dict[str, Any], names: dict[Any, str], lang: str | None = None) -> str:
    """A finding's sentence in `lang` from its code, subject and evidence (`names`: product id → name); a
    code without a sentence reads as the code (so a new one shows up in a test, never as English)."""
    code = finding["code"]
    values = _values(finding, names, lang)
    if code in FINDINGS:
        return FINDINGS.word(code, lang).format(**values)
    if code.endswith("_below"):
        check = code.split("_", 1)[1].removesuffix("_below")
        e = finding.get("evidence") or {}
        if check == "gmv_per_minute_ratio":
            value, threshold = (
                ("—" if v is None else f"{v:.2f}×") for v in (e.get("value"), e.get("threshold"))
            )
        else:
            value, threshold = _percent(e.get("value")), _percent(e.get("threshold"))
        return FINDINGS.word("below_threshold", lang).format(
            product=values["product"], check=METRICS.word(check, lang), value=value, threshold=threshold
        )
    return code
