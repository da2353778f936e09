"""Real order logs through mappings, reviewed, with every headline number checked against an independent
pandas computation on the same file (issue 9): UCI Online Retail II (one month of invoices with several
lines each and C-prefixed cancellations) and the CDNOW log (no order id: one sale per line)."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from shared_data import shared_path

from livedesk.import_export.review_json import review_json
from livedesk.services.imports import import_file
from livedesk.services.review import run_review
from livedesk.services.sessions import create_session

UCI_II = ("uci-online-retail-ii-nonuk", "online_retail_II.xlsx")  # in ../shared/data/real
CDNOW = ("cdnow-transactions", "CDNOW_master.txt")


def real(parts: tuple[str, str]) -> Path:
    return shared_path("data", "real", *parts)


def fen(value: float) -> int:
    return int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_uci_invoices_of_one_month_are_orders_not_lines(store):
    path = real(UCI_II)
    zone = ZoneInfo("Europe/London")
    start, end = datetime(2011, 11, 1, tzinfo=zone), datetime(2011, 12, 1, tzinfo=zone)
    session = create_session(store, "UCI November", start, int((end - start).total_seconds()))
    mapping = {
        "kind": "orders",
        "sheet": "Year 2010-2011",
        "columns": {
            "order_id": "Invoice",
            "product_id": "StockCode",
            "quantity": "Quantity",
            "paid_at": "InvoiceDate",
            "unit_price": "Price",
            "buyer_id": "Customer ID",
        },
        "cancel_prefix": "C",
        "timezone": "Europe/London",
    }
    import_file(store, session, path, mapping=mapping)
    review = review_json(run_review(store, session))

    # Independently: pandas on the same sheet.
    frame = pd.read_excel(path, sheet_name="Year 2010-2011", engine="calamine", dtype={"Invoice": str})
    frame = frame[(frame.InvoiceDate >= "2011-11-01") & (frame.InvoiceDate < "2011-12-01")]
    amount = frame.Price.map(fen) * frame.Quantity
    refund = frame.Invoice.str.startswith("C") | (frame.Quantity < 0) | (amount < 0)
    sales = frame[~refund]
    kpis = review["kpis"]
    assert kpis["orders"] == sales.Invoice.nunique() == 131  # not the 2,916 lines
    assert round(kpis["gmv"] * 100) == int(amount[~refund].sum())
    assert kpis["units"] == int(sales.Quantity.sum())
    assert kpis["buyers"] == sales["Customer ID"].dropna().nunique()
    assert round(kpis["refund_amount"] * 100) == int(amount[refund].abs().sum())
    assert kpis["order_value"] == pytest.approx(amount[~refund].sum() / 100 / 131, abs=0.005)
    assert "distinct order_id" in review["kpi_details"]["orders"]["formula"]
    outside = review["outside_window"]
    assert outside["before"]["lines"] + outside["after"]["lines"] > 0  # the other months, counted apart


def test_cdnow_log_without_order_ids_counts_each_line_as_a_sale(store):
    path = real(CDNOW)
    zone = ZoneInfo("America/New_York")
    start, end = datetime(1997, 1, 1, tzinfo=zone), datetime(1997, 2, 1, tzinfo=zone)
    session = create_session(store, "CDNOW January", start, int((end - start).total_seconds()))
    mapping = {
        "kind": "orders",
        "columns": {
            "buyer_id": "customer_id",
            "paid_at": "date",
            "quantity": "number_of_cds",
            "amount": "dollar_value",
        },
        "time_format": "%Y%m%d",
        "timezone": "America/New_York",
    }
    import_file(store, session, path, mapping=mapping)
    review = review_json(run_review(store, session))

    frame = pd.read_csv(path, sep=r"\s+", dtype={"customer_id": str, "date": str})
    month = frame[frame.date.str.startswith("199701")]
    kpis = review["kpis"]
    assert kpis["orders"] == len(month)  # no order id: one sale per line, and the formula says so
    assert "paid lines" in review["kpi_details"]["orders"]["formula"]
    assert round(kpis["gmv"] * 100) == sum(fen(v) for v in month.dollar_value)
    assert kpis["units"] == int(month.number_of_cds.sum())
    assert kpis["buyers"] == month.customer_id.nunique()
    assert kpis["refund_amount"] is None  # nothing in this log can say what was refunded
    after = review["outside_window"]["after"]
    assert after["lines"] == int((frame.date >= "19970201").sum())
