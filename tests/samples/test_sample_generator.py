"""The generator: deterministic bytes, a pool over all four roles, wave-shaped plans, a live log with deviations."""

from __future__ import annotations

import re
from datetime import timedelta

from livedesk.domain.live_log import EventKind, Marker
from livedesk.domain.roles import PITCH_STEPS, Role, SegmentKind
from livedesk.import_export.live_log_csv import read_live_log
from livedesk.samples.files import (
    EXPORT_FILES,
    LIVE_LOG_FILE,
    PAST_SESSION_FILE,
    POOL_FILE,
    UPCOMING_SESSION_FILE,
)
from livedesk.samples.generator import generate_samples
from livedesk.samples.plans import past_plan, upcoming_plan

ABSOLUTE_WORDS = ("最好", "第一", "顶级", "最低", "最高", "极品", "全网最", "国家级", "100%")


def test_same_seed_writes_identical_bytes(generated, tmp_path):
    again = generate_samples(tmp_path / "again")
    first = sorted(p.name for p in generated.folder.iterdir())
    assert first == sorted(p.name for p in again.folder.iterdir())
    for name in first:
        assert (generated.folder / name).read_bytes() == (again.folder / name).read_bytes(), name


def test_committed_folder_has_every_file(committed):
    expected = {
        POOL_FILE,
        PAST_SESSION_FILE,
        UPCOMING_SESSION_FILE,
        LIVE_LOG_FILE,
        "README.md",
        *EXPORT_FILES,
    }
    assert expected <= {p.name for p in committed.iterdir()}
    readme = (committed / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in readme and "invented" in readme


def test_pool_covers_the_four_roles_with_prices_and_scripts():
    pool = past_plan(20261114).products
    roles = [p.role for p in pool]
    assert len(pool) == 20
    assert 1 <= roles.count(Role.TRAFFIC) <= 2 and roles.count(Role.IMAGE) == 1
    assert 3 <= roles.count(Role.CLEARANCE) <= 4 and 11 <= roles.count(Role.PROFIT) <= 14
    assert len({p.product_id for p in pool}) == 20 and all(
        re.fullmatch(r"\d{19}", p.product_id) for p in pool
    )
    for p in pool:
        assert p.daily_price_fen > p.live_price_fen > p.cost_fen > 0, p.name
        assert p.stock > 0 and p.mechanism and p.selling_points and p.faq
        assert list(p.scripts) == list(PITCH_STEPS)
        for step, text in p.scripts.items():
            assert 60 <= len(text) <= 250, (p.name, step, len(text))
    flagged = [
        (p.name, s) for p in pool for s, text in p.scripts.items() if any(w in text for w in ABSOLUTE_WORDS)
    ]
    assert len(flagged) == 1  # the one deliberate 广告法 example (山楂条's offer)


def test_plans_are_wave_shaped_and_add_up():
    past, upcoming = past_plan(20261114), upcoming_plan(20261114)
    for plan in (past, upcoming):
        assert plan.total_planned_seconds == plan.session.planned_seconds == 3 * 3600
        kinds = [s.kind for s in plan.segments]
        assert kinds[0] is SegmentKind.OPENING and plan.segments[0].planned_seconds == 600
        assert plan.role_of(plan.segments[0]) is Role.TRAFFIC
        assert kinds[-1] is SegmentKind.CLOSING and plan.segments[-1].planned_seconds == 900
        assert SegmentKind.ENCORE in kinds
        for segment in plan.segments:
            if segment.steps:
                assert sum(b.seconds for b in segment.steps) == segment.planned_seconds
        pitched = [plan.role_of(s) for s in plan.segments if s.kind is SegmentKind.PITCH]
        assert pitched[:5] == [Role.TRAFFIC, Role.PROFIT, Role.PROFIT, Role.CLEARANCE, Role.PROFIT]
        assert pitched[5] is Role.IMAGE
        starts = plan.planned_starts()
        interactions = [starts[i] for i, s in enumerate(plan.segments) if s.kind is SegmentKind.INTERACTION]
        gaps = [(b - a).total_seconds() / 60 for a, b in zip(interactions, interactions[1:], strict=False)]
        assert all(15 <= g <= 21 for g in gaps), gaps
    assert upcoming.session.start - past.session.start == timedelta(days=7)
    assert upcoming.session.account == past.session.account and upcoming.session.is_sample


def test_live_log_shows_what_actually_happened(committed):
    plan = past_plan(20261114)
    events = read_live_log(committed / LIVE_LOG_FILE, "Asia/Shanghai")
    markers = {e.marker for e in events if e.kind is EventKind.MARKER}
    assert {Marker.LINK_UP, Marker.LUCKY_BAG, Marker.ENCORE, Marker.INCIDENT} <= markers
    starts = {e.segment_index: e.at for e in events if e.kind is EventKind.SEGMENT_START}
    ends = {e.segment_index: e.at for e in events if e.kind is EventKind.SEGMENT_END}
    order = [e.segment_index for e in events if e.kind is EventKind.SEGMENT_START]
    skipped = set(range(len(plan.segments))) - set(order)
    assert len(skipped) == 1
    assert order != sorted(order)  # two pitches went on air swapped
    overran = [
        i for i in order if (ends[i] - starts[i]).total_seconds() > plan.segments[i].planned_seconds + 60
    ]
    assert len(overran) >= 2
    assert all(a.at <= b.at for a, b in zip(events, events[1:], strict=False))
    assert events[-1].at <= plan.session.planned_end


def test_team_lint_finds_only_the_deliberate_absolute_claim():
    from livedesk.services.lexicon import lint_text

    errors = []
    for p in past_plan(20261114).products:
        for text in (
            *p.scripts.values(),
            p.mechanism,
            p.selling_points,
            p.pain_points,
            p.endorsements,
            p.faq,
        ):
            errors += [(p.name, h.text) for h in lint_text(text) if h.severity.value == "error"]
    assert errors == [("山野 无添加山楂条 500g", "全网最低")]


def test_large_mode_writes_agreeing_files(tmp_path):
    import pandas as pd
    from python_calamine import CalamineWorkbook

    from livedesk.domain.money import yuan_to_fen
    from livedesk.samples.files import COMPASS_FILE, ORDERS_FILE
    from livedesk.samples.orders import write_doudian_orders

    result = generate_samples(tmp_path / "large", orders=20_000)
    frame = pd.read_csv(result.folder / ORDERS_FILE, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert frame.shape == (20_000, 75)
    basic = (
        CalamineWorkbook.from_path(str(result.folder / COMPASS_FILE))
        .get_sheet_by_name("基本信息")
        .to_python()
    )
    start, end = basic[1][2].replace("/", "-").split("-2026")
    end = "2026" + end
    paid = frame[
        (frame["支付完成时间"] != "-") & (frame["支付完成时间"] >= start) & (frame["支付完成时间"] <= end)
    ]
    gmv = yuan_to_fen(basic[1][4])
    assert sum(yuan_to_fen(v) for v in paid["订单应付金额"]) == gmv == result.numbers.gmv_fen
    assert gmv * 1000 % yuan_to_fen(basic[1][5]) == 0  # whole number of views
    assert result.numbers.pv > 100 * result.numbers.avg_online  # the audience scales with the orders

    single = write_doudian_orders(tmp_path / "orders.csv", 300)
    lines = single.read_bytes().decode("utf-8-sig").splitlines()
    assert len(lines) == 301 and lines[0].count(",") == 74
