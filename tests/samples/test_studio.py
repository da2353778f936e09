"""`livedesk samples studio`: A accounts × S sessions, one a day per account, each with a plan, a live log and
N order lines, and summaries equal to what the review computes from the stored data."""

from __future__ import annotations

from datetime import timedelta

from livedesk.cli.main import main
from livedesk.domain.dataset import DatasetKind
from livedesk.persistence import dataset_repository, live_log_repository, session_repository
from livedesk.persistence.store import Store
from livedesk.services import history
from livedesk.services.review import load_inputs
from livedesk.services.sessions import list_accounts, list_sessions


def test_studio_writes_accounts_times_sessions_with_plan_log_orders_and_summaries(tmp_path, capsys):
    db = str(tmp_path / "studio.sqlite3")
    assert (
        main(["--db", db, "samples", "studio", "--accounts", "2", "--sessions", "3", "--orders", "150"]) == 0
    )
    assert "写入 2 个账号的 6 场（900 条订单行" in capsys.readouterr().out
    store = Store(db)
    try:
        accounts = list_accounts(store)
        assert [count for _, count in accounts] == [3, 3]
        for account, _ in accounts:
            listed = sorted(list_sessions(store, account=account), key=lambda s: s.start)
            assert [b.start - a.start for a, b in zip(listed, listed[1:], strict=False)] == [
                timedelta(days=1)
            ] * 2
            assert all(s.is_sample for s in listed)
            with store.reading() as db_session:
                plans = [session_repository.load_plan(db_session, s.id) for s in listed]
                logs = [live_log_repository.list_events(db_session, s.id, s.timezone) for s in listed]
                orders = [
                    dataset_repository.list_datasets(db_session, s.id, DatasetKind.ORDERS) for s in listed
                ]
            assert all(len(p.products) == 20 and len(p.segments) == len(plans[0].segments) for p in plans)
            assert [p.products for p in plans[1:]] == [plans[0].products] * 2  # the account's own pool
            assert all(len(log) > 100 for log in logs)
            assert [[d.rows_stored for d in found] for found in orders] == [[150]] * 3
            found = history.account_history(store, account, listed[-1].start + timedelta(days=1))
            assert found.session_ids == [s.id for s in listed]
            for session in listed:
                recomputed = history.summarise(load_inputs(store, session.id))
                assert found.sessions[found.session_ids.index(session.id)] == recomputed.session
                stored_products = sorted(
                    (p for p in found.products if p.session_id == session.id), key=lambda p: p.product_id
                )
                assert stored_products == sorted(recomputed.products, key=lambda p: p.product_id)
                assert recomputed.session.orders and recomputed.session.gmv_fen
        # Two accounts are two brands: no product id is shared.
        pools = [
            {
                p.product_id
                for p in history.account_history(store, a, listed[-1].start + timedelta(days=1)).products
            }
            for a, _ in accounts
        ]
        assert pools[0] and not pools[0] & pools[1]
    finally:
        store.dispose()


def test_studio_refuses_nonsense_counts(tmp_path, capsys):
    db = str(tmp_path / "studio.sqlite3")
    assert main(["--db", db, "samples", "studio", "--accounts", "0", "--sessions", "3"]) == 2
    assert "--accounts / --sessions 至少是 1" in capsys.readouterr().err
