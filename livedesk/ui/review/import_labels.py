"""Words for the import's codes: dataset kinds and skip reasons (from livedesk.words), canonical fields."""

from __future__ import annotations

from livedesk.ui.i18n import tr
from livedesk.words import IMPORT_KINDS, METRICS, ROW_PROBLEMS


def kind_label(kind: str) -> str:
    """What a file holds (livedesk.words.IMPORT_KINDS)."""
    return IMPORT_KINDS.word(kind)


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
    """Why rows were skipped (livedesk.words.ROW_PROBLEMS)."""
    return ROW_PROBLEMS.word(code)
