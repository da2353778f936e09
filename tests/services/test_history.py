"""Stored session and product summaries: they equal a full recomputation of the review from the stored
datasets after imports, re-imports and replaced files, and history is read per account."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from livedesk.analysis.review import build_review
from livedesk.domain.history import ProductSummary, SessionSummary
from livedesk.domain.session import Session, SessionPlan
from livedesk.import_export.review_json import review_json
from livedesk.persistence import session_repository, summary_repository
from livedesk.samples import samples_dir
from livedesk.services import history
from livedesk.services.imports import import_file
from livedesk.services.review import load_inputs, run_review, save_verdicts
from livedesk.services.samples import load_samples

SHANGHAI = ZoneInfo("Asia/Shanghai")
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=SHANGHAI)
ORDERS_FILE = "抖店_订单_2026-11-14.csv"
MINUTES_FILE = "在线人数_分钟_2026-11-14.csv"


def stored(store, session_id: int) -> tuple[SessionSummary | None, list[ProductSummary]]:
    """What the store holds for the session, read through the account history (the readers' path)."""
    with store.reading() as db:
        account = session_repository.get_session(db, session_id).account
    found = history.account_history(store, account, FAR_FUTURE)
    sessions = [s for s in found.sessions if s.session_id == session_id]
    products = [p for p in found.products if p.session_id == session_id]
    return (sessions[0] if sessions else None), sorted(products, key=lambda p: p.product_id)


def assert_matches_full_review(store, session_id: int) -> SessionSummary:
    """The stored summary equals the review computed afresh from the stored datasets, figure by figure."""
    inputs = load_inputs(store, session_id)
    review = review_json(build_review(inputs))
    summary, products = stored(store, session_id)
    assert summary is not None
    fen = lambda yuan: None if yuan is None else round(yuan * 100)  # noqa: E731
    kpis = review["kpis"]
    assert summary.gmv_fen == fen(kpis["gmv"])
    assert summary.refund_fen == fen(kpis["refund_amount"])
    assert summary.ad_spend_fen == fen(kpis["ad_spend"])
    assert (summary.units, summary.orders, summary.buyers, summary.uv) == (
        kpis["units"],
        kpis["orders"],
        kpis["buyers"],
        kpis["uv"],
    )
    if summary.uv_value_fen is not None:
        assert round(summary.uv_value_fen) == fen(kpis["uv_value"])
    expected_products = {row["product_id"]: row for row in review["products"]}
    assert {p.product_id for p in products} == set(expected_products)
    for product in products:
        row = expected_products[product.product_id]
        assert product.gmv_fen == (fen(row["gmv"]) or 0)
        assert product.units == (row["units"] or 0)
        assert product.pitch_seconds == round(row["explain_seconds"] or 0)
        assert product.refund_fen == fen(row["refund_amount"])
        if product.gmv_fen_per_pitch_minute is not None:
            assert round(product.gmv_fen_per_pitch_minute) == fen(row["gmv_per_explain_minute"])
    # And the whole summary, not only the figures checked above, is what the summariser makes of the data.
    again = history.summarise(inputs)
    assert summary == again.session
    assert products == sorted(again.products, key=lambda p: p.product_id)
    return summary


def test_loading_the_samples_writes_summaries_that_match_the_review(any_store):
    past, upcoming = (sample.session_id for sample in load_samples(any_store, samples_dir()))
    summary = assert_matches_full_review(any_store, past)
    assert summary.gmv_fen == 23_330_853  # the committed sample's GMV (sample_sessions/README.md)
    assert summary.live_seconds == 2 * 3600 + 58 * 60 + 45  # from the live log: 2小时58分45秒
    assert summary.pitch_seconds and 0 < summary.pitch_seconds < summary.live_seconds
    # The upcoming session has a plan and nothing else: no history to learn from.
    assert stored(any_store, upcoming) == (None, [])


def _empty_copy(store, source_id: int, title: str) -> int:
    """A new session with the same plan as `source_id` and no data."""
    with store.reading() as db:
        plan = session_repository.load_plan(db, source_id)
    plan.session.id = None
    plan.session.title = title
    with store.transaction() as db:
        return session_repository.save_plan(db, plan)


def test_each_import_rebuilds_the_summaries_and_a_replaced_file_repairs_them(store):
    past, _ = (sample.session_id for sample in load_samples(store, samples_dir()))
    session_id = _empty_copy(store, past, "一份一份导入")
    folder = samples_dir()
    import_file(store, session_id, folder / MINUTES_FILE)
    minutes_only = assert_matches_full_review(store, session_id)
    assert minutes_only.orders is None  # a minute curve has no order lines
    import_file(store, session_id, folder / ORDERS_FILE)
    with_orders = assert_matches_full_review(store, session_id)
    assert with_orders.orders and with_orders.gmv_fen
    # Someone's summary went wrong (an older LiveDesk, a manual edit): importing the same file again
    # replaces its datasets, and the summaries are rebuilt from what is stored.
    with store.transaction() as db:
        db.exec(text("UPDATE session_summaries SET gmv_fen = 1, orders = 1"))
        db.exec(text("UPDATE product_summaries SET gmv_fen = 1"))
    assert stored(store, session_id)[0].gmv_fen == 1
    result = import_file(store, session_id, folder / ORDERS_FILE, on_existing="replace")
    assert result.replaced
    assert assert_matches_full_review(store, session_id) == with_orders


def test_a_saved_review_and_a_cleared_log_rewrite_the_summaries(store):
    from livedesk.services.live import clear_log

    past, _ = (sample.session_id for sample in load_samples(store, samples_dir()))
    with store.transaction() as db:
        db.exec(text("DELETE FROM product_summaries"))
        db.exec(text("DELETE FROM session_summaries"))
    save_verdicts(store, run_review(store, past))  # saving the review stores its summaries
    with_log = assert_matches_full_review(store, past)
    with store.transaction() as db:
        db.exec(text("UPDATE session_summaries SET live_seconds = 1"))
    clear_log(store, past)
    without_log = assert_matches_full_review(store, past)
    # Without the log the 商品讲解 records are the run and the exports state the live window; the
    # generated sample agrees with its own log there.
    assert without_log.live_seconds == with_log.live_seconds


def _session(store, account: str, start: datetime, title: str = "") -> int:
    plan = SessionPlan(
        Session(title=title or f"{account} {start:%m-%d}", start=start, planned_seconds=3600, account=account)
    )
    with store.transaction() as db:
        return session_repository.save_plan(db, plan)


def _figures(store, session_id: int, gmv_fen: int, products: dict[str, int]) -> None:
    with store.transaction() as db:
        session = session_repository.get_session(db, session_id)
        summary = SessionSummary(
            session_id, session.account, session.start, 3600, 3500, gmv_fen, 0, 10, 10, 8, 1000, 1200, None
        )
        rows = [ProductSummary(session_id, pid, "profit", gmv, 3, 3, 600) for pid, gmv in products.items()]
        summary_repository.replace_summaries(db, summary, rows, {"gmv": gmv_fen})


def test_history_belongs_to_the_account_and_stops_before_the_session(any_store):
    day = datetime(2026, 11, 1, 20, 0, tzinfo=SHANGHAI)
    a = [_session(any_store, "山野", day + timedelta(days=i)) for i in range(4)]
    b = _session(any_store, "别家", day + timedelta(days=1, hours=1))
    for i, session_id in enumerate(a):
        _figures(any_store, session_id, 1000 * (i + 1), {"p1": 100 * (i + 1), "p2": 7})
    _figures(any_store, b, 999_999, {"p1": 999_999})

    mine = history.account_history(any_store, "山野", day + timedelta(days=3))
    assert mine.account == "山野"
    assert mine.session_ids == a[:3]  # oldest first; the session at `before` itself is not history
    assert all(p.session_id in a[:3] for p in mine.products)
    assert sorted(p.gmv_fen for p in mine.products if p.product_id == "p1") == [100, 200, 300]

    newest_two = history.account_history(any_store, "山野", day + timedelta(days=3), limit=2)
    assert newest_two.session_ids == a[1:3]
    assert {p.session_id for p in newest_two.products} == set(a[1:3])

    only_p2 = history.account_history(any_store, "山野", FAR_FUTURE, product_ids=["p2"])
    assert {p.product_id for p in only_p2.products} == {"p2"} and len(only_p2.products) == 4
    assert (
        history.account_history(any_store, "山野", FAR_FUTURE, exclude_session_id=a[3]).session_ids == a[:3]
    )

    pooled = history.account_history(any_store, "山野", day + timedelta(days=3), pooled=True)
    assert pooled.session_ids == [a[0], a[1], b, a[2]]
    assert history.account_history(any_store, "nobody", FAR_FUTURE).sessions == []

    # Moving a session to another account moves its history with it.
    with any_store.transaction() as db:
        session = session_repository.get_session(db, a[0])
        session.account = "别家"
        session_repository.update_session(db, session)
    assert history.account_history(any_store, "山野", FAR_FUTURE).session_ids == a[1:]
    theirs = history.account_history(any_store, "别家", FAR_FUTURE)
    assert theirs.session_ids == [a[0], b]
    assert {p.session_id for p in theirs.products} == {a[0], b}


def test_the_trend_reads_the_account_up_to_the_session(store):
    day = datetime(2026, 11, 1, 20, 0, tzinfo=SHANGHAI)
    ids = [_session(store, "山野", day + timedelta(days=i), f"第{i}场") for i in range(5)]
    other = _session(store, "别家", day + timedelta(days=2, hours=1))
    for i, session_id in enumerate(ids):
        _figures(store, session_id, 10_000 * (i + 1), {})
    _figures(store, other, 5, {})
    trend = history.session_trend(store, ids[3], limit=3)
    assert [point.session_id for point in trend] == ids[1:4]
    assert [point.kpis["gmv"] for point in trend] == [20_000, 30_000, 40_000]  # fen, as the review keeps it
    assert trend[0].title == "第1场" and trend[0].start == day + timedelta(days=1)
    assert trend[0].start.utcoffset() == timedelta(hours=8)  # in the session's own zone
    assert trend[0].kpis["uv"] is None  # a KPI nothing gave stays None


def test_history_the_forecast_and_the_trend_decode_no_dataset(store, monkeypatch):
    from livedesk.persistence import dataset_repository
    from livedesk.services import planning

    past, upcoming = (sample.session_id for sample in load_samples(store, samples_dir()))

    def refuse(*_args, **_kwargs):
        raise AssertionError("history decoded a stored dataset")

    monkeypatch.setattr(dataset_repository, "load_table", refuse)
    with store.reading() as db:
        plan = session_repository.load_plan(db, upcoming)
    learned = planning.account_history(store, plan.session)
    assert learned.session_ids == [past] and learned.products
    assert [point.session_id for point in history.session_trend(store, past)] == [past]
    assert planning.forecast(store, plan) is not None


def test_an_import_leaves_the_summary_to_the_next_reader_and_the_forecast_sees_it(store, monkeypatch):
    from livedesk.persistence import dataset_repository
    from livedesk.services import planning

    past, upcoming = (sample.session_id for sample in load_samples(store, samples_dir()))
    session_id = _empty_copy(store, past, "导入后再预测")  # the same account, before the upcoming session
    import_file(store, session_id, samples_dir() / ORDERS_FILE)
    with store.reading() as db:
        # The import made no second pass over its rows: the summary waits, empty, for its first reader.
        assert [sid for sid, _mark in summary_repository.stale_marks(db)] == [session_id]
        plan = session_repository.load_plan(db, upcoming)
    learned = planning.account_history(store, plan.session)
    assert session_id in learned.session_ids
    fresh = next(s for s in learned.sessions if s.session_id == session_id)
    assert fresh.gmv_fen and fresh.orders
    assert planning.forecast(store, plan) is not None
    with store.reading() as db:
        assert summary_repository.stale_marks(db) == []
    assert assert_matches_full_review(store, session_id) == fresh

    def refuse(*_args, **_kwargs):
        raise AssertionError("a summary was computed twice")

    monkeypatch.setattr(dataset_repository, "load_table", refuse)  # computed once, then only read
    assert [point.session_id for point in history.session_trend(store, session_id)][-1] == session_id


def test_a_summary_marked_again_while_computed_stays_stale(any_store):
    session_id = _session(any_store, "山野", datetime(2026, 11, 1, 20, 0, tzinfo=SHANGHAI))
    with any_store.transaction() as db:
        session = session_repository.get_session(db, session_id)
        history.mark_stale(db, session)
    with any_store.reading() as db:
        [(_sid, first)] = summary_repository.stale_marks(db)
    with any_store.transaction() as db:
        history.mark_stale(db, session)  # another import landed while a reader computed from older data
    with any_store.transaction() as db:
        assert not summary_repository.claim(db, session_id, first)
    with any_store.reading() as db:
        assert len(summary_repository.stale_marks(db)) == 1
    # The next reader computes it: a session without data has no summary at all.
    assert history.refresh_stale(any_store) == 1
    with any_store.reading() as db:
        assert summary_repository.stale_marks(db) == []
    assert history.account_history(any_store, "山野", FAR_FUTURE).sessions == []
