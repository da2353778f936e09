"""The prose of the review: a finding's sentence from its code and evidence, and the platform caveats beside
a number, in both languages. The review page, the meeting view and the three report formats all word
findings here, so a finding reads the same on screen and on paper."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from livedesk.words.language import is_chinese
from livedesk.words.metrics import METRICS, show
from livedesk.words.times import clock
from livedesk.words.vocabulary import MISSING, Vocabulary, Word


class ParamLike(Protocol):
    """One evidence value with its unit code (livedesk.analysis.review_types.Param)."""

    @property
    def name(self) -> str: ...

    @property
    def value(self) -> object: ...

    @property
    def unit(self) -> str: ...


class SubjectLike(Protocol):
    @property
    def segment(self) -> int | None: ...

    @property
    def segment_product(self) -> str | None: ...

    @property
    def product(self) -> str | None: ...


class FindingLike(Protocol):
    """What a finding is to its words (livedesk.analysis.review_types.Finding has these; the vocabulary may
    not import the analysis)."""

    @property
    def code(self) -> str: ...

    @property
    def subject(self) -> SubjectLike: ...

    @property
    def evidence(self) -> Sequence[ParamLike]: ...


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
_MINUTES = Word("{minutes} 分钟", "{minutes} min")
_SEGMENT_N = Word("环节 {n}", "segment {n}")


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _minutes(seconds: object) -> str:
    return f"{(_number(seconds) or 0) / 60:.1f}"


def _percent(value: object) -> str:
    number = _number(value)
    return MISSING if number is None else f"{number * 100:.2f}%"


def param_words(
    param: ParamLike,
    zone: str,
    names: Mapping[str, str] | None = None,
    lang: str | None = None,
    metric: str | None = None,
) -> str:
    """One evidence value worded by its unit: money from fen, a time of day from epoch ms in the session's
    zone, rates as percentages, segments by number, products by name. `metric` words a value, target or
    threshold in that metric's own format."""
    value, unit, names = param.value, str(param.unit), names or {}
    if value is None:
        return MISSING
    number = _number(value)
    if unit == "fen" and number is not None:
        return show(metric or "gmv", number / 100, lang)
    if metric and number is not None and unit in ("count", "fraction", "ratio"):
        return show(metric, value, lang)
    if unit == "seconds" and number is not None:
        return _MINUTES.text(lang).format(minutes=f"{number / 60:.1f}")
    if unit == "fraction" and number is not None:
        return _percent(number)
    if unit == "ratio" and number is not None:
        return f"{number:.2f}×"
    if unit == "instant" and isinstance(value, int):
        return clock(value, zone, seconds=True)
    if unit == "metric":
        return METRICS.word(str(value), lang)
    separator = _LIST_SEPARATOR.text(lang)
    if unit == "segments" and isinstance(value, tuple):
        return separator.join(str(int(i) + 1) for i in value if isinstance(i, int))
    if unit == "products" and isinstance(value, tuple):
        return separator.join(names.get(str(p), str(p)) for p in value if p is not None)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _param(finding: FindingLike, name: str) -> ParamLike | None:
    return next((p for p in finding.evidence if p.name == name), None)


def _values(finding: FindingLike, names: Mapping[str, str], zone: str, lang: str | None) -> dict[str, object]:
    """Every placeholder any finding sentence uses, from the finding's subject and typed evidence."""

    def raw(name: str) -> object:
        found = _param(finding, name)
        return None if found is None else found.value

    def worded(name: str, metric: str | None = None) -> str:
        found = _param(finding, name)
        return MISSING if found is None else param_words(found, zone, names, lang, metric)

    subject = finding.subject
    number = "" if subject.segment is None else str(subject.segment + 1)
    on_air = names.get(subject.segment_product or "", subject.segment_product or "")
    if number and on_air:
        number = f"{number}（{on_air}）" if is_chinese(lang) else f"{number} ({on_air})"
    # a moved segment by its product, or (an interaction, the closing) by its number
    listed, positions = raw("products"), raw("segments")
    numbers = [p for p in positions if isinstance(p, int)] if isinstance(positions, tuple) else []
    products = [
        names.get(str(p), str(p))
        if p
        else _SEGMENT_N.text(lang).format(n=numbers[i] + 1 if i < len(numbers) else "?")
        for i, p in enumerate(listed if isinstance(listed, tuple) else ())
    ]
    metric = str(raw("metric") or "")
    rate = "click_to_buy_rate" if _param(finding, "click_to_buy_rate") else "refund_rate"
    return {
        "n": number,
        "product": names.get(subject.product or "", subject.product or ""),
        "actual": _minutes(raw("actual_seconds")),
        "planned": _minutes(raw("planned_seconds")),
        "actual_s": f"{_number(raw('actual_seconds')) or 0:.0f}",
        "planned_s": f"{_number(raw('planned_seconds')) or 0:.0f}",
        "start": worded("online_start"),
        "end": worded("online_end"),
        "clicks": worded("product_click_uv"),
        "buyers": worded("buyers"),
        "rate": _percent(raw(rate)),
        "count": worded("explain_count"),
        "metric": METRICS.word(metric, lang),
        "value": worded("value", metric or None),
        "target": worded("target", metric or None),
        "orders": worded("orders"),
        "gmv": worded("gmv"),
        "primary": worded("primary"),
        "other": worded("other"),
        "gap": worded("gap"),
        "time": worded("at"),
        "note": raw("note") or MISSING,
        "first": (products + ["", ""])[0],
        "second": (products + ["", ""])[1],
        "names": _LIST_SEPARATOR.text(lang).join(products),
    }


def finding_words(finding: FindingLike, names: Mapping[str, str], zone: str, lang: str | None = None) -> str:
    """A finding's sentence in `lang` from its code, subject and evidence (`names`: product id → name; times
    of day in `zone`, the session's); a code without a sentence reads as the code (so a new one shows up in
    a test, never as English)."""
    code = finding.code
    values = _values(finding, names, zone, lang)
    if code in FINDINGS:
        return FINDINGS.word(code, lang).format(**values)
    if code.endswith("_below"):
        check = code.split("_", 1)[1].removesuffix("_below")
        return FINDINGS.word("below_threshold", lang).format(
            product=values["product"],
            check=METRICS.word(check, lang),
            value=_check_words(_param(finding, "value")),
            threshold=_check_words(_param(finding, "threshold")),
        )
    return code


def _check_words(param: ParamLike | None) -> str:
    """A scorecard check's value: a multiple (1.20×) for the GMV-per-minute comparison, else a percentage."""
    number = None if param is None else _number(param.value)
    if param is None or number is None:
        return MISSING
    return f"{number:.2f}×" if str(param.unit) == "ratio" else _percent(number)
