"""Words for the import's codes: dataset kinds, canonical fields and the reasons rows were skipped."""

from __future__ import annotations

from livedesk.ui.i18n import tr
from livedesk.words import METRICS


def kind_label(kind: str) -> str:
    return {
        "orders": tr("Order lines"),
        "products": tr("Products"),
        "explanations": tr("Explanations"),
        "minutes": tr("Per-minute curve"),
        "summary": tr("Session summary"),
        "channels": tr("Traffic channels"),
        "log": tr("Live log"),
        "compass": tr("Compass workbook"),
        "live-workbook": tr("Live session workbook"),
    }.get(kind, kind)


def field_label(name: str) -> str:
    """A canonical field; a field that is a metric reads as the metric does (livedesk.words)."""
    if name in METRICS:
        return METRICS.word(name)
    return {
        "order_id": tr("Order id"),
        "sub_order_id": tr("Sub-order id"),
        "product_id": tr("Product id"),
        "product_name": tr("Product name"),
        "sku": tr("SKU"),
        "quantity": tr("Quantity"),
        "unit_price": tr("Unit price"),
        "amount": tr("Amount paid"),
        "created_at": tr("Created at"),
        "paid_at": tr("Paid at"),
        "status": tr("Order status"),
        "after_sale_status": tr("After-sale status"),
        "buyer_id": tr("Buyer id"),
        "traffic_source": tr("Traffic source"),
        "author_id": tr("Creator id"),
        "price": tr("Price"),
        "refund_orders": tr("Refund orders"),
        "first_listed_at": tr("First listed at"),
        "start": tr("Start"),
        "end": tr("End"),
        "online_change": tr("Change in viewers"),
        "minute": tr("Minute"),
        "online": tr("Online viewers"),
        "entries": tr("Entries"),
        "exits": tr("Exits"),
        "comments": tr("Comments"),
        "likes": tr("Likes"),
    }.get(name, name)


def reason_label(code: str) -> str:
    return {
        "bad_money": tr("not an amount of money"),
        "bad_int": tr("not a whole number"),
        "bad_float": tr("not a number"),
        "bad_rate": tr("not a rate"),
        "bad_seconds": tr("not a duration"),
        "bad_time": tr("not a time"),
        "formula": tr("a formula instead of a value"),
        "missing_order_id": tr("no order id"),
        "missing_time": tr("no time"),
        "missing_amount": tr("no amount"),
        "missing_product": tr("no product"),
        "missing_channel": tr("no channel"),
        "missing_start": tr("no start time"),
        "missing_minute": tr("no minute"),
        "ragged_row": tr("wrong number of cells"),
        "unknown_kind": tr("unknown event kind"),
        "unknown_step": tr("unknown script step"),
        "unknown_marker": tr("unknown marker"),
        "bad_value": tr("unreadable value"),
    }.get(code, code)
