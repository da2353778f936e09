"""Store round trips on SQLite and PostgreSQL: sessions, plans, live log, datasets, actions, preferences."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pyarrow as pa
import pytest
from sqlalchemy import text

from livedesk.domain.action_item import ActionItem, ActionStatus
from livedesk.domain.dataset import Dataset, DatasetKind, RowWarning
from livedesk.domain.live_log import EventKind, LiveEvent, Marker
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import ChecklistItem, Segment, Session, SessionPlan, StepBudget, Targets
from livedesk.persistence import (
    action_repository,
    dataset_repository,
    live_log_repository,
    preference_repository,
    session_repository,
)
from livedesk.persistence.store import Store, StoreError
from livedesk.persistence.tables import SCHEMA_VERSION

SHANGHAI = ZoneInfo("Asia/Shanghai")


def sample_plan(start=datetime(2026, 11, 14, 20, 0, tzinfo=SHANGHAI), account="shanye") -> SessionPlan:
    session = Session(
        title="山野 双12 预热",
        start=start,
        planned_seconds=3 * 3600,
        account=account,
        team={"host": "小林", "director": "阿杰"},
        targets=Targets(gmv_fen=30_000_000, uv=20000, conversion=0.012),
        ad_budget_fen=500_000,
        scene_checklist=[ChecklistItem("补光灯", True), ChecklistItem("KT板")],
    )
    products = [
        Product(
            "3581234567890123456",
            "山野 速干T恤",
            Role.TRAFFIC,
            daily_price_fen=9900,
            live_price_fen=2990,
            cost_fen=1800,
            stock=500,
            mechanism="1元秒杀前100单",
            scripts={ScriptStep.PAIN_POINT: "夏天一出汗就黏？"},
        ),
        Product(
            "10002",
            "山野 冲锋衣",
            Role.PROFIT,
            daily_price_fen=89900,
            live_price_fen=59900,
            cost_fen=30000,
            stock=200,
        ),
    ]
    segments = [
        Segment(SegmentKind.OPENING, 600, cues=["福袋"]),
        Segment(
            SegmentKind.PITCH,
            240,
            product_id="3581234567890123456",
            owner="小林",
            cues=["上链接"],
            steps=[
                StepBudget(ScriptStep.PAIN_POINT, 40, "夏天一出汗就黏？"),
                StepBudget(ScriptStep.CLOSE, 200),
            ],
        ),
        Segment(SegmentKind.PITCH, 720, product_id="10002"),
    ]
    return SessionPlan(session, products, segments)


def test_schema_is_versioned_with_foreign_keys(any_store: Store):
    assert any_store.schema_version() == SCHEMA_VERSION
    plan = sample_plan()
    with any_store.transaction() as db:
        session_repository.save_plan(db, plan)
    with any_store.transaction() as db:
        session_repository.delete_session(db, plan.session.id)
    with any_store.reading() as db:
        # ON DELETE CASCADE only works when foreign keys are enforced.
        assert session_repository.load_products(db, plan.session.id) == []


def test_sqlite_uses_wal_and_foreign_keys(store: Store):
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_plan_round_trip_keeps_ids_text_money_and_zone(any_store: Store):
    plan = sample_plan()
    with any_store.transaction() as db:
        session_id = session_repository.save_plan(db, plan)
    with any_store.reading() as db:
        loaded = session_repository.load_plan(db, session_id)
    assert loaded.session.start == plan.session.start
    assert loaded.session.start.utcoffset() == timedelta(hours=8)
    assert loaded.products[0].product_id == "3581234567890123456"
    assert loaded.products[0].live_price_fen == 2990
    assert loaded.products[0].scripts[ScriptStep.PAIN_POINT] == "夏天一出汗就黏？"
    assert loaded.segments[1].steps[0] == StepBudget(ScriptStep.PAIN_POINT, 40, "夏天一出汗就黏？")
    assert loaded.session.targets.gmv_fen == 30_000_000
    assert loaded.session.scene_checklist[0] == ChecklistItem("补光灯", True)
    assert [s.isoformat() for s in loaded.planned_starts()] == [
        "2026-11-14T20:00:00+08:00",
        "2026-11-14T20:10:00+08:00",
        "2026-11-14T20:14:00+08:00",
    ]


def test_a_failed_action_leaves_nothing_half_written(any_store: Store):
    plan = sample_plan()
    plan.products.append(Product("10002", "duplicate id", Role.PROFIT))  # violates the unique pool id
    # The driver's own IntegrityError class differs per backend, so any exception is the expected one.
    with pytest.raises(Exception), any_store.transaction() as db:  # noqa: B017 - see above
        session_repository.save_plan(db, plan)
    with any_store.reading() as db:
        assert session_repository.list_sessions(db) == []


def test_live_log_appends_and_reads_in_time_order(any_store: Store):
    plan = sample_plan()
    with any_store.transaction() as db:
        session_id = session_repository.save_plan(db, plan)
    t0 = plan.session.start
    events = [
        LiveEvent(
            t0 + timedelta(seconds=601.5),
            EventKind.MARKER,
            1,
            marker=Marker.LINK_UP,
            product_id="3581234567890123456",
        ),
        LiveEvent(t0, EventKind.SEGMENT_START, 0),
        LiveEvent(t0 + timedelta(seconds=600), EventKind.STEP_START, 1, step=ScriptStep.PAIN_POINT),
    ]
    for event in events:  # one transaction per event, as the live console writes them
        with any_store.transaction() as db:
            live_log_repository.append_events(db, session_id, [event])
    with any_store.reading() as db:
        logged = live_log_repository.list_events(db, session_id, "Asia/Shanghai")
    assert [e.kind for e in logged] == [EventKind.SEGMENT_START, EventKind.STEP_START, EventKind.MARKER]
    assert logged[2].at == t0 + timedelta(seconds=601.5)
    assert logged[2].marker is Marker.LINK_UP


def test_dataset_rows_and_provenance_round_trip(any_store: Store):
    plan = sample_plan()
    with any_store.transaction() as db:
        session_id = session_repository.save_plan(db, plan)
    table = pa.table({"order_id": ["0001", "0002"], "amount_fen": pa.array([2990, None], pa.int64())})
    dataset = Dataset(
        session_id,
        DatasetKind.ORDERS,
        "doudian_orders",
        "抖店_订单.csv",
        "ab" * 32,
        imported_at=datetime(2026, 11, 15, 9, 0, tzinfo=SHANGHAI),
        rows_read=3,
        rows_stored=2,
        rows_skipped=1,
        warnings=[RowWarning(4, "bad_time", "unparseable time")],
    )
    with any_store.transaction() as db:
        dataset_id = dataset_repository.save_dataset(db, dataset, table)
    with any_store.reading() as db:
        assert dataset_repository.load_table(db, dataset_id).equals(table)
        [stored] = dataset_repository.list_datasets(db, session_id, DatasetKind.ORDERS)
        assert stored.warnings == [RowWarning(4, "bad_time", "unparseable time")]
        assert stored.source_name == "抖店_订单.csv"
        assert dataset_repository.find_same_source(db, session_id, "ab" * 32)[0].id == dataset_id


def test_action_items_carry_into_the_next_session_of_the_account(any_store: Store):
    first, second = sample_plan(), sample_plan(start=datetime(2026, 11, 21, 20, 0, tzinfo=SHANGHAI))
    other_account = sample_plan(start=datetime(2026, 11, 21, 20, 0, tzinfo=SHANGHAI), account="另一个号")
    with any_store.transaction() as db:
        for plan in (first, second, other_account):
            session_repository.save_plan(db, plan)
        action_repository.save_action(
            db,
            ActionItem(
                first.session.id,
                "shanye",
                "冲锋衣讲解加试穿",
                owner="小林",
                metric="click_to_buy_rate",
                target=0.05,
            ),
        )
    with any_store.reading() as db:
        carried = action_repository.actions_carried_into(db, second.session.id)
        assert [a.action for a in carried] == ["冲锋衣讲解加试穿"]
        assert action_repository.actions_carried_into(db, other_account.session.id) == []
    item = carried[0]
    item.status, item.verified_session_id, item.verified_value = ActionStatus.MET, second.session.id, 0.061
    with any_store.transaction() as db:
        action_repository.save_action(db, item)
    with any_store.reading() as db:
        assert action_repository.actions_of_session(db, first.session.id)[0].status is ActionStatus.MET


def test_preferences_round_trip(any_store: Store):
    with any_store.transaction() as db:
        preference_repository.put_preference(
            db, "import_mapping", "淘宝订单", {"kind": "orders", "columns": {"order_id": "订单编号"}}
        )
    with any_store.reading() as db:
        assert (
            preference_repository.get_preference(db, "import_mapping", "淘宝订单")["columns"]["order_id"]
            == "订单编号"
        )
        assert list(preference_repository.list_preferences(db, "import_mapping")) == ["淘宝订单"]


def test_unreachable_or_bad_database_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open the database"):
        Store("postgresql://nobody:secret@127.0.0.1:9/none")
    with pytest.raises(StoreError, match="not supported"):
        Store("mysql://x@localhost/db")
