"""Per-product figures merged field by field across 罗盘, the live workbook and the orders (issue 9): a
second product export never wipes the first, whichever is imported first."""

from __future__ import annotations

import pytest
from import_files import make_session

from livedesk.import_export.review_json import review_json
from livedesk.samples.files import COMPASS_FILE, LIVE_WORKBOOK_FILE, ORDERS_FILE
from livedesk.services.imports import import_file
from livedesk.services.review import run_review


@pytest.fixture(scope="module")
def samples():
    from livedesk.samples import samples_dir

    return samples_dir()


def _products(store, samples, order) -> dict:
    session = make_session(store)
    for name in order:
        import_file(store, session, samples / name)
    return {p["product_id"]: p for p in review_json(run_review(store, session))["products"]}


def test_both_import_orders_keep_every_field_with_compass_first(store, samples):
    one = _products(store, samples, (COMPASS_FILE, LIVE_WORKBOOK_FILE, ORDERS_FILE))
    other = _products(store, samples, (ORDERS_FILE, LIVE_WORKBOOK_FILE, COMPASS_FILE))
    assert one == other
    assert len(one) == 20
    for product in one.values():
        # 罗盘 alone has per-product buyers and 商品曝光人数: they survive the live workbook's import.
        assert product["buyers"] is not None and product["product_exposure_uv"] is not None
        assert product["click_to_buy_rate"] is not None and product["exposure_to_click_rate"] is not None
        assert product["sources"]["gmv"].startswith(COMPASS_FILE)
        sources = [v["source"] for v in product["values"]["gmv"]]
        assert sources[0].startswith(COMPASS_FILE) and sources[1].startswith(LIVE_WORKBOOK_FILE)
        assert "summed orders" in sources[2]


def test_the_live_workbook_alone_still_fills_what_it_has(store, samples):
    only = _products(store, samples, (LIVE_WORKBOOK_FILE,))
    product = next(iter(only.values()))
    assert product["sources"]["gmv"].startswith(LIVE_WORKBOOK_FILE)
    assert product["buyers"] is None  # the live workbook has no per-product buyers: null, never invented
