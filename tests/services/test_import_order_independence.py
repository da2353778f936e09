"""The same five sample files imported in different orders give the identical review (issue 9): windows,
attribution, merges and flags are decided when the review runs, never by which file came first."""

from __future__ import annotations

import json

import pytest

from livedesk.import_export.review_json import review_json
from livedesk.samples.files import (
    COMPASS_FILE,
    LIVE_LOG_FILE,
    LIVE_WORKBOOK_FILE,
    MINUTES_FILE,
    ORDERS_FILE,
    PAST_SESSION_FILE,
)

FILES = (LIVE_LOG_FILE, COMPASS_FILE, LIVE_WORKBOOK_FILE, ORDERS_FILE, MINUTES_FILE)
# Rotations put each of the five files first once and last once.
ORDERS = [FILES[i:] + FILES[:i] for i in range(len(FILES))]


def review_after_importing(tmp_path, folder, order: tuple[str, ...]) -> dict:
    """A fresh store with the sample plan, the files imported in `order`, and the review as JSON."""
    from livedesk.import_export.session_file import read_session_file
    from livedesk.persistence import session_repository
    from livedesk.persistence.store import Store
    from livedesk.services.imports import import_file
    from livedesk.services.review import run_review

    store = Store(f"sqlite:///{tmp_path / ('-'.join(str(FILES.index(n)) for n in order) + '.sqlite3')}")
    try:
        plan = read_session_file(folder / PAST_SESSION_FILE)
        with store.transaction() as db:
            session_id = session_repository.save_plan(db, plan)
        for name in order:
            import_file(store, session_id, folder / name)
        return comparable(review_json(run_review(store, session_id)))
    finally:
        store.dispose()


def comparable(review: dict) -> dict:
    """The review without the import clock (the only thing that may differ between two imports)."""
    for item in review["provenance"]:
        item.pop("imported_at")
    return review


@pytest.fixture(scope="module")
def reviews(tmp_path_factory, committed_samples):
    folder = tmp_path_factory.mktemp("orders")
    return [review_after_importing(folder, committed_samples, order) for order in ORDERS]


@pytest.fixture(scope="module")
def committed_samples():
    from livedesk.samples import samples_dir

    return samples_dir()


def test_every_import_order_gives_the_identical_review(reviews):
    first = json.dumps(reviews[0], sort_keys=True, ensure_ascii=False)
    for order, review in zip(ORDERS[1:], reviews[1:], strict=True):
        assert json.dumps(review, sort_keys=True, ensure_ascii=False) == first, order


def test_the_order_independent_review_is_the_full_one(reviews):
    review = reviews[0]
    assert review["plan_vs_actual"]["source"] == "log"  # the log imported last still drives the run
    assert review["kpis"]["gmv"] == 233308.53 and review["kpis"]["refund_amount"] == 10323.1
    assert review["outside_window"]["after"]["lines"] == 14  # paid after the stream, whatever came first
    assert all(p["buyers"] is not None for p in review["products"])
