"""Shared wording and number formats of the review reports (HTML, XLSX, PDF): Chinese labels for metric
keys, yuan with two decimals, rates as percentages, "—" for missing."""

from __future__ import annotations

METRIC_LABELS = {
    "gmv": "成交金额",
    "orders": "成交订单数",
    "buyers": "成交人数",
    "units": "成交件数",
    "uv": "观看人数",
    "pv": "观看次数",
    "avg_online": "平均在线人数",
    "peak_online": "最高在线人数",
    "avg_watch_seconds": "人均观看时长(秒)",
    "product_exposure_uv": "商品曝光人数",
    "product_click_uv": "商品点击人数",
    "new_followers": "新增粉丝数",
    "interaction_uv": "互动人数",
    "refund_amount": "退款金额",
    "ad_spend": "投放消耗",
    "uv_value": "UV价值",
    "gpm": "千次观看成交金额(GPM)",
    "aov": "客单价",
    "order_value": "笔单价",
    "watch_to_buy_rate": "观看-成交率(人数)",
    "exposure_to_click_rate": "商品曝光-点击率(人数)",
    "click_to_buy_rate": "商品点击-成交率(人数)",
    "follow_rate": "观看-关注率",
    "interaction_rate": "观看-互动率(人数)",
    "refund_rate": "退款率",
    "net_gmv": "净成交金额",
    "roi": "ROI",
    "explain_count": "讲解次数",
    "explain_seconds": "讲解时长(秒)",
    "gmv_per_explain_minute": "每讲解分钟成交额",
    "units_per_explain": "每次讲解成交件数",
    "exposure_gpm": "千次曝光成交额",
    "gmv_share": "成交占比",
    "sell_through": "售罄率",
    "gross_margin": "毛利率",
}
MONEY = {
    "gmv",
    "refund_amount",
    "ad_spend",
    "uv_value",
    "gpm",
    "aov",
    "order_value",
    "net_gmv",
    "gmv_per_explain_minute",
    "exposure_gpm",
    "on_air_gmv",
    "gmv_per_minute",
}
RATES = {
    "watch_to_buy_rate",
    "exposure_to_click_rate",
    "click_to_buy_rate",
    "follow_rate",
    "interaction_rate",
    "refund_rate",
    "gmv_share",
    "sell_through",
    "gross_margin",
    "on_air_share",
}
ROLE_LABELS = {"traffic": "引流款", "profit": "利润款", "image": "形象款", "clearance": "清仓款"}
KIND_LABELS = {
    "opening": "开场",
    "pitch": "讲解",
    "interaction": "互动",
    "transition": "过品",
    "encore": "返场",
    "closing": "收尾",
}
STATUS_LABELS = {"kept": "按计划", "skipped": "未执行", "added": "计划外", "not_recorded": "无记录"}
# The same words as the app's 复盘 page (严重 / 警告 / 提示), so a finding reads alike on screen and on paper.
SEVERITY_LABELS = {"critical": "严重", "warning": "警告", "info": "提示"}
PLATFORM_LABELS = {"douyin": "抖音", "kuaishou": "快手", "taobao": "淘宝直播", "wechat": "视频号"}
RUN_SOURCE_LABELS = {"log": "直播日志", "explanations": "讲解记录", "plan": "计划"}
CHECK_LABELS = {"online_lift": "在线提升", "gmv_per_minute_ratio": "每分钟成交额/全场均值"}
BUCKET_LABELS = {
    "before": "开播前",
    "after": "下播后",
    "gap": "环节间隙",
    "no_paid_time": "无支付时间",
}
DATASET_LABELS = {
    "summary": "整场汇总",
    "channels": "渠道流量",
    "products": "商品明细",
    "explanations": "商品讲解",
    "orders": "订单",
    "minutes": "分钟曲线",
}
FORMAT_LABELS = {
    "compass_workbook": "罗盘整场数据",
    "live_workbook": "直播数据工作簿",
    "doudian_orders": "抖店订单导出",
    "minute_curve": "分钟在线人数",
}
# The app's caveat sentences (ui/review/labels.caveat_text in Chinese), by the KPI's caveat code.
CAVEAT_LABELS = {
    "gmv_includes_refunds": "平台成交金额为用户实付：含运费及之后退款的订单，不含平台优惠券，30 天内仍会更新。",
    "gpm_per_views": "GPM 按观看次数计算，不是观看人数。",
    "orders_per_sku": "平台按 SKU（子订单）计订单数。",
    "people_not_views": "观看人数按人去重，每人只计一次。",
    "views_not_people": "观看次数每次进入都计，一人可计多次。",
    "rate_by_people": "按人数计的比率；次数口径为次数除以次数。",
}
VERDICT_LABELS = {"met": "达标", "not_met": "未达标", None: "数据不足"}
ACTION_STATUS_LABELS = {"open": "待验证", "met": "已达成", "not_met": "未达成", "dropped": "已放弃"}
PRODUCT_COLUMNS = (
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


def show(key: str, value) -> str:
    """A value as users read it: ¥1,234.56, -¥308.53, 0.68%, 1,234, or — when missing."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    text = _shown(key, value)
    # A gap of -0.00003 reads "-0.00%": a sign in front of nothing but zeros says nothing.
    return text[1:] if text.startswith("-") and not any(ch in "123456789" for ch in text) else text


def _shown(key: str, value) -> str:
    if key in MONEY:  # the sign before the currency, as people write it
        return f"{'-' if value < 0 else ''}¥{abs(value):,.2f}"
    if key in RATES:
        return f"{value * 100:.2f}%"
    if key == "roi":
        return f"{value:.2f}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    if isinstance(value, (int, float)):
        return f"{int(value):,}"
    return str(value)


def minutes(seconds) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}′"


def segment_name(segment: dict, names: dict) -> str:
    """The plan's title when it has one (it already names the product: "引流款：山野 红糖姜枣茶"); otherwise the
    kind and the product. Joining all three repeated the product name."""
    kind = KIND_LABELS.get(segment["kind"], segment["kind"])
    product = names.get(segment.get("product_id"), segment.get("product_id")) or ""
    title = segment.get("title") or ""
    if title:
        return title if (not product or product in title) else f"{title}（{product}）"
    return " ".join(part for part in (kind, product) if part)


def stamp(moment: str | None) -> str:
    """An ISO time as people write it: 2026-11-14 20:00 (the report is in the session's own time zone)."""
    return "—" if not moment else f"{moment[:10]} {moment[11:16]}"


def metric_label(key: str | None) -> str:
    return "—" if not key else METRIC_LABELS.get(key, CHECK_LABELS.get(key, key))


def formula_zh(formula: str | None) -> str:
    """ "buyers / uv" → "成交人数 / 观看人数": each metric key in a formula by its label."""
    if not formula:
        return "导出值"
    return " ".join(METRIC_LABELS.get(token, token) for token in formula.split(" "))


def product_names(review: dict) -> dict:
    return {p["product_id"]: p["name"] for p in review.get("products", [])}


def finding_zh(finding: dict, names: dict) -> str:
    """The finding in Chinese for the printed reports (the UI has its own translated words); the English
    message is the fallback for a code without a template."""
    e, code = finding.get("evidence") or {}, finding["code"]
    subject = finding.get("subject") or {}
    product = names.get(subject.get("product"), subject.get("product") or "")
    n = "" if subject.get("segment") is None else subject["segment"] + 1
    m = lambda s: f"{(s or 0) / 60:.1f}"  # noqa: E731
    pct = lambda v: "—" if v is None else f"{v * 100:.2f}%"  # noqa: E731
    label = lambda key: METRIC_LABELS.get(key, key)  # noqa: E731
    templates = {
        "segment_overran": lambda: (
            f"环节 {n} 实际 {m(e.get('actual_seconds'))} 分钟，计划 {m(e.get('planned_seconds'))} 分钟。"
        ),
        "segment_short": lambda: (
            f"环节 {n} 实际 {m(e.get('actual_seconds'))} 分钟，计划 {m(e.get('planned_seconds'))} 分钟。"
        ),
        "segment_skipped": lambda: f"计划环节 {n} 未出现在记录中。",
        "segment_added": lambda: f"一个计划外的环节进行了 {m(e.get('actual_seconds'))} 分钟。",
        "order_changed": lambda: "环节上播顺序与计划不同。",
        "session_overran": lambda: (
            f"整场实际 {m(e.get('actual_seconds'))} 分钟，计划 {m(e.get('planned_seconds'))} 分钟。"
        ),
        "session_short": lambda: (
            f"整场实际 {m(e.get('actual_seconds'))} 分钟，计划 {m(e.get('planned_seconds'))} 分钟。"
        ),
        "traffic_online_fell": lambda: (
            f"引流款 {product} 讲解期间在线人数从 {e.get('online_start')} 降到 {e.get('online_end')}。"
        ),
        "profit_weak_click_to_buy": lambda: (
            f"利润款 {product}：点击 {e.get('product_click_uv')} 人，成交 {e.get('buyers')} 人，"
            f"点击-成交率 {pct(e.get('click_to_buy_rate'))}。"
        ),
        "explained_no_sales": lambda: f"{product} 讲解了 {e.get('explain_count')} 次，没有成交。",
        "high_refund_rate": lambda: f"{product}：退款率 {pct(e.get('refund_rate'))}。",
        "target_missed": lambda: (
            f"{label(e.get('metric'))} 实际 {show(e.get('metric'), e.get('value'))}，目标 {show(e.get('metric'), e.get('target'))}（未达成）。"
        ),
        "target_met": lambda: (
            f"{label(e.get('metric'))} 实际 {show(e.get('metric'), e.get('value'))}，目标 {show(e.get('metric'), e.get('target'))}（已达成）。"
        ),
        "orders_after_end": lambda: (
            f"最后一个环节结束后仍有 {e.get('orders')} 笔订单（{show('gmv', e.get('gmv'))}）支付。"
        ),
        "sources_disagree": lambda: (
            f"不同来源的成交金额不一致：{show('gmv', e.get('primary'))} 对 {show('gmv', e.get('other'))}（差 {show('gmv', e.get('gap'))}）。"
        ),
        "no_platform_data": lambda: "本场尚未导入平台数据，只有计划和日志。",
        "refund_sources_disagree": lambda: (
            f"不同来源的退款金额不一致：{show('gmv', e.get('primary'))} 对 {show('gmv', e.get('other'))}（差 {show('gmv', e.get('gap'))}）。"
        ),
        "incident": lambda: f"{(e.get('at') or '')[11:19]} 事故：{e.get('note') or '无备注'}。",
        "closing_cut": lambda: (
            f"收尾实际 {e.get('actual_seconds') or 0:.0f} 秒，计划 {e.get('planned_seconds')} 秒（被压缩）。"
        ),
        "segments_swapped": lambda: (
            "、".join(names.get(p, p or "") for p in e.get("products") or []) + " 上播顺序与计划对调。"
        ),
        "segments_moved": lambda: (
            "这些环节未按计划位置上播："
            + "、".join(names.get(p, p or "") for p in e.get("products") or [])
            + "。"
        ),
        "orders_before_start": lambda: (
            f"直播开始前支付 {e.get('orders')} 笔订单（{show('gmv', e.get('gmv'))}），单独计数，不计入成交金额。"
        ),
    }
    if code in templates:
        return templates[code]()
    if code.endswith("_below"):
        check = code.split("_", 1)[1].removesuffix("_below")
        value, threshold = e.get("value"), e.get("threshold")
        fmt = (lambda v: "—" if v is None else f"{v:.2f}×") if check == "gmv_per_minute_ratio" else pct
        names_zh = {"online_lift": "在线提升", "gmv_per_minute_ratio": "每分钟成交额/全场均值"}
        return f"{product}：{names_zh.get(check, label(check))} {fmt(value)}，低于团队阈值 {fmt(threshold)}。"
    return finding.get("message", code)


_SOURCE_WORDS = (
    ("derived: ", "计算："),
    (" (summed orders)", "（订单汇总）"),
    (" (minute curve)", "（分钟曲线）"),
    ("gmv − refund_amount", "成交金额 − 退款金额"),
)


def source_zh(source: str | None) -> str:
    """A value's source as the Chinese report shows it ("derived: gmv / uv" → "计算：gmv / uv"); None → "—"."""
    if not source:
        return "—"
    for english, chinese in _SOURCE_WORDS:
        source = source.replace(english, chinese)
    if source.startswith("计算："):
        source = "计算：" + formula_zh(source.removeprefix("计算："))
    return source
