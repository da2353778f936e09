"""Translated words for the review's codes and keys: metric names, caveats, statuses and finding texts."""

from __future__ import annotations

from livedesk.import_export.report_format import show
from livedesk.ui.i18n import tr
from livedesk.words import RUN_SOURCES


def metric_label(key: str) -> str:
    labels = {
        "gmv": tr("GMV"),
        "orders": tr("Orders"),
        "buyers": tr("Buyers"),
        "units": tr("Units sold"),
        "uv": tr("Viewers (UV)"),
        "pv": tr("Views (PV)"),
        "avg_online": tr("Average online"),
        "peak_online": tr("Peak online"),
        "avg_watch_seconds": tr("Average watch time (s)"),
        "product_exposure_uv": tr("Product exposure (people)"),
        "product_click_uv": tr("Product clicks (people)"),
        "new_followers": tr("New followers"),
        "interaction_uv": tr("Interacting viewers"),
        "refund_amount": tr("Refunds"),
        "ad_spend": tr("Ad spend"),
        "uv_value": tr("UV value"),
        "gpm": tr("GPM (GMV per 1000 views)"),
        "aov": tr("Average order value per buyer"),
        "order_value": tr("Value per order"),
        "watch_to_buy_rate": tr("Watch-to-buy rate (people)"),
        "exposure_to_click_rate": tr("Exposure-to-click rate (people)"),
        "click_to_buy_rate": tr("Click-to-buy rate (people)"),
        "follow_rate": tr("Follow rate"),
        "interaction_rate": tr("Interaction rate (people)"),
        "refund_rate": tr("Refund rate"),
        "net_gmv": tr("Net GMV"),
        "roi": tr("ROI"),
        "explain_count": tr("Explanation count"),
        "explain_seconds": tr("Explained (s)"),
        "gmv_per_explain_minute": tr("GMV per explained minute"),
        "units_per_explain": tr("Units per explanation"),
        "exposure_gpm": tr("GMV per 1000 exposures"),
        "gmv_share": tr("GMV share"),
        "sell_through": tr("Sell-through"),
        "gross_margin": tr("Gross margin"),
        "online_lift": tr("Online lift"),
        "gmv_per_minute_ratio": tr("GMV per minute vs session"),
        "over_under_seconds": tr("Session over/under (s)"),
        "segment_overrun_seconds": tr("Largest segment overrun (s)"),
    }
    return labels.get(key, key)


def caveat_text(code: str | None) -> str:
    texts = {
        "gmv_includes_refunds": tr(
            "The platform's GMV is what users paid: it includes freight and orders refunded "
            "later, excludes platform coupons, and keeps updating for 30 days."
        ),
        "gpm_per_views": tr("GPM divides by views (pv), not by viewers (uv)."),
        "orders_per_sku": tr("The platform counts orders per SKU (sub-order)."),
        "people_not_views": tr("Viewers are people, each counted once."),
        "views_not_people": tr("Views count every entry, so one person can count several times."),
        "rate_by_people": tr("A rate by people; the count variant divides counts by counts."),
    }
    return texts.get(code or "", "")


def role_label(role: str | None) -> str:
    return {
        "traffic": tr("Traffic"),
        "profit": tr("Profit"),
        "image": tr("Image"),
        "clearance": tr("Clearance"),
    }.get(role or "", "—")


def kind_label(kind: str) -> str:
    return {
        "opening": tr("Opening"),
        "pitch": tr("Pitch"),
        "interaction": tr("Interaction"),
        "transition": tr("Transition"),
        "encore": tr("Encore"),
        "closing": tr("Closing"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "kept": tr("As planned"),
        "skipped": tr("Skipped"),
        "added": tr("Not in plan"),
        "not_recorded": tr("No record"),
    }.get(status, status)


def severity_label(severity: str) -> str:
    return {"critical": tr("Critical"), "warning": tr("Warning"), "info": tr("Info")}.get(severity, severity)


def verdict_label(verdict: str | None) -> str:
    return {"met": tr("Met"), "not_met": tr("Not met")}.get(verdict or "", tr("Not enough data"))


def action_status_label(status: str) -> str:
    return {"open": tr("Open"), "met": tr("Met"), "not_met": tr("Not met"), "dropped": tr("Dropped")}.get(
        status, status
    )


def source_label(source: str) -> str:
    return {"log": tr("live log"), "explanations": tr("explanation records"), "plan": tr("the plan")}.get(
        source, source
    )


def finding_text(finding: dict, names: dict) -> str:
    """The finding in the UI language, from its code and evidence (the English message is the fallback)."""
    e, code = finding.get("evidence") or {}, finding["code"]
    subject = finding.get("subject") or {}
    product = names.get(subject.get("product"), subject.get("product") or "")
    segment = subject.get("segment")
    number = "" if segment is None else str(segment + 1)
    on_air = names.get(subject.get("segment_product"), subject.get("segment_product") or "")
    if number and on_air:
        number = f"{number}（{on_air}）"

    def m(seconds):
        return f"{(seconds or 0) / 60:.1f}"

    def pct(value):
        return "—" if value is None else f"{value * 100:.2f}%"

    templates = {
        "segment_overran": lambda: tr("Segment {n} ran {actual} min against {planned} min planned.").format(
            n=number, actual=m(e.get("actual_seconds")), planned=m(e.get("planned_seconds"))
        ),
        "segment_short": lambda: tr("Segment {n} ran {actual} min against {planned} min planned.").format(
            n=number, actual=m(e.get("actual_seconds")), planned=m(e.get("planned_seconds"))
        ),
        "segment_skipped": lambda: tr("Planned segment {n} does not appear in the record.").format(n=number),
        "segment_added": lambda: tr("A block not in the plan ran for {actual} min.").format(
            actual=m(e.get("actual_seconds"))
        ),
        "order_changed": lambda: tr("Segments went on air in a different order from the plan."),
        "session_overran": lambda: tr("The session ran {actual} min against {planned} min planned.").format(
            actual=m(e.get("actual_seconds")), planned=m(e.get("planned_seconds"))
        ),
        "session_short": lambda: tr("The session ran {actual} min against {planned} min planned.").format(
            actual=m(e.get("actual_seconds")), planned=m(e.get("planned_seconds"))
        ),
        "traffic_online_fell": lambda: tr(
            "Online viewers fell from {start} to {end} while traffic item {product} was on air."
        ).format(start=e.get("online_start"), end=e.get("online_end"), product=product),
        "profit_weak_click_to_buy": lambda: tr(
            "Profit item {product}: {clicks} clickers, {buyers} buyers, click-to-buy {rate}."
        ).format(
            product=product,
            clicks=e.get("product_click_uv"),
            buyers=e.get("buyers"),
            rate=pct(e.get("click_to_buy_rate")),
        ),
        "explained_no_sales": lambda: tr("{product} was explained {count} time(s) and sold nothing.").format(
            product=product, count=e.get("explain_count")
        ),
        "high_refund_rate": lambda: tr("{product}: refund rate {rate}.").format(
            product=product, rate=pct(e.get("refund_rate"))
        ),
        "target_missed": lambda: tr("{metric} reached {value} against a target of {target}.").format(
            metric=metric_label(e.get("metric", "")),
            value=show(e.get("metric", ""), e.get("value")),
            target=show(e.get("metric", ""), e.get("target")),
        ),
        "target_met": lambda: tr("{metric} reached {value} against a target of {target}.").format(
            metric=metric_label(e.get("metric", "")),
            value=show(e.get("metric", ""), e.get("value")),
            target=show(e.get("metric", ""), e.get("target")),
        ),
        "orders_after_end": lambda: tr(
            "{orders} order lines ({gmv}) were paid after the last segment ended."
        ).format(orders=e.get("orders"), gmv=show("gmv", e.get("gmv"))),
        "sources_disagree": lambda: tr(
            "GMV differs between sources: {primary} vs {other} (gap {gap})."
        ).format(
            primary=show("gmv", e.get("primary")),
            other=show("gmv", e.get("other")),
            gap=show("gmv", e.get("gap")),
        ),
        "no_platform_data": lambda: tr("No platform export has been imported for this session yet."),
        "refund_sources_disagree": lambda: tr(
            "Refunds differ between sources: {primary} vs {other} (gap {gap})."
        ).format(
            primary=show("gmv", e.get("primary")),
            other=show("gmv", e.get("other")),
            gap=show("gmv", e.get("gap")),
        ),
        "incident": lambda: tr("Incident at {time}: {note}").format(
            time=(e.get("at") or "")[11:19], note=e.get("note") or "—"
        ),
        "closing_cut": lambda: tr("The closing ran {actual} s of the {planned} s planned.").format(
            actual=f"{e.get('actual_seconds') or 0:.0f}", planned=e.get("planned_seconds")
        ),
        "segments_swapped": lambda: tr("{first} and {second} went on air in swapped order.").format(
            first=names.get((e.get("products") or [None, None])[0], ""),
            second=names.get((e.get("products") or [None, None])[1], ""),
        ),
        "segments_moved": lambda: tr("These went on air out of their planned place: {names}").format(
            names=", ".join(names.get(p, p or "") for p in e.get("products") or [])
        ),
        "orders_before_start": lambda: tr(
            "{orders} orders ({gmv}) were paid before the live window: counted apart, not in GMV."
        ).format(orders=e.get("orders"), gmv=show("gmv", e.get("gmv"))),
    }
    if code in templates:
        return templates[code]()
    if code.endswith("_below"):
        return tr("{product}: {check} is below the team's threshold.").format(
            product=product, check=metric_label(code.split("_", 1)[1].removesuffix("_below"))
        )
    return finding.get("message", code)


def evidence_text(evidence: dict) -> str:
    """A finding's evidence as the meeting reads it: translated names, minutes, money and rates formatted."""
    metric = evidence.get("metric")
    words = {
        "metric": tr("Metric"),
        "value": tr("Actual"),
        "target": tr("Target"),
        "threshold": tr("Threshold"),
        "achieved": tr("Achieved"),
        "planned_seconds": tr("Planned"),
        "actual_seconds": tr("Actual length"),
        "delta_seconds": tr("Difference"),
        "online_start": tr("Online at start"),
        "online_end": tr("Online at end"),
        "skipped": tr("Skipped"),
        "added": tr("Added"),
        "segments": tr("Segment numbers"),
        "products": tr("Product IDs"),
        "at": tr("Time"),
        "note": tr("Note"),
        "position": tr("Position in the run order"),
        "lines": tr("Order lines"),
        "first_paid": tr("First paid"),
        "last_paid": tr("Last paid"),
    }
    parts = []
    for key, value in evidence.items():
        if key == "metric":
            text = metric_label(str(value))
        elif key.endswith("_seconds") and isinstance(value, (int, float)):
            text = tr("{minutes} min").format(minutes=f"{value / 60:.1f}")
        elif key in ("value", "target", "threshold") and metric:
            text = show(metric, value)
        elif key == "achieved" and isinstance(value, (int, float)):
            text = f"{value * 100:.0f}%"
        elif isinstance(value, list):
            text = "、".join(str(item) for item in value)
        elif key in ("at", "first_paid", "last_paid") and isinstance(value, str):
            text = value.replace("T", " ")[:19]  # an ISO stamp as a date and clock time
        else:
            text = show(key, value)
        parts.append(f"{words.get(key) or metric_label(key)}: {text}")
    return "\n".join(parts)


def step_label(step: str | None) -> str:
    return {
        "pain_point": tr("Pain point"),
        "selling_points": tr("Show selling points"),
        "trust": tr("Trust"),
        "offer": tr("Price / offer"),
        "close": tr("Closing push"),
    }.get(step or "", step or "—")


def formula_text(formula: str | None) -> str:
    """A metric's formula in the UI language: metric keys become their names, / becomes ÷."""
    if not formula:
        return tr("as exported")
    fixed = {
        "sum(amount) of paid lines in the live window": tr("sum of paid order amounts in the live window"),
        "count of paid sub-order lines in the live window": tr(
            "count of paid sub-order lines in the live window"
        ),
        "sum(quantity)": tr("sum of quantities on paid lines"),
        "distinct buyer_id": tr("distinct buyers on paid lines"),
        "sum(refund_amount)": tr("sum of refunded amounts"),
        "max(online)": tr("highest online count of any minute"),
        "mean(online) over minutes": tr("mean online count over the minutes"),
        "sum(new_followers)": tr("sum of new followers per minute"),
    }
    if formula in fixed:
        return fixed[formula]
    words = [
        metric_label(word) if word.isidentifier() else {"/": "÷", "×": "×", "−": "−"}.get(word, word)
        for word in formula.split()
    ]
    return " ".join(words)


def source_text(source: str | None) -> str:
    """A value's source as users read it: the file (and sheet), or how it was computed."""
    if not source:
        return tr("no source")
    if source in RUN_SOURCES:  # a count read from the live log or the explanation records
        return RUN_SOURCES.word(source)
    if source.startswith("derived: "):
        return tr("computed: {formula}").format(formula=formula_text(source.removeprefix("derived: ")))
    for suffix, template in (
        (" (summed orders)", tr("{files}, summed orders")),
        (" (minute curve)", tr("{files}, minute curve")),
    ):
        if source.endswith(suffix):
            return template.format(files=source.removesuffix(suffix))
    return source


def short_source(source: str | None) -> str:
    """One short line for a card: the file name without its extension, or "computed"."""
    if not source:
        return tr("no source")
    if source.startswith("derived: "):
        return tr("computed")
    for suffix, word in ((" (summed orders)", tr("summed orders")), (" (minute curve)", tr("minute curve"))):
        if source.endswith(suffix):
            return word
    name = source.split(" · ")[0].split(" + ")[0]
    stem = name.rsplit(".", 1)[0] if "." in name[-6:] else name
    return stem if len(stem) <= 18 else stem[:17] + "…"
