"""The wave generator with what history knows: prime slots and longer pitches for the strongest sellers,
unknown items spread among known ones, every pool product scheduled or left out with a reason, encores
inside the closing, one image item pitched once, and owners from the team."""

from __future__ import annotations

from livedesk.domain.product import Product
from livedesk.domain.roles import Role, SegmentKind
from livedesk.domain.wave import WaveConfig, assign_owners, generate_wave, left_out

M = 60


def _pool() -> list[Product]:
    """Two traffic, six profit (K1–K3 known, U1–U3 new), one clearance, two image items: 11 products."""
    return [
        Product("T1", "洗脸巾", Role.TRAFFIC, live_price_fen=990, cost_fen=500, stock=500),
        Product("T2", "棉柔巾", Role.TRAFFIC, live_price_fen=1290, cost_fen=700, stock=500),
        Product("U1", "新品一", Role.PROFIT, live_price_fen=19900, cost_fen=9900, stock=100),
        Product("K1", "老品一", Role.PROFIT, live_price_fen=9900, cost_fen=6900, stock=100),
        Product("U2", "新品二", Role.PROFIT, live_price_fen=15900, cost_fen=9900, stock=100),
        Product("K2", "老品二", Role.PROFIT, live_price_fen=12900, cost_fen=8900, stock=100),
        Product("U3", "新品三", Role.PROFIT, live_price_fen=8900, cost_fen=5900, stock=100),
        Product("K3", "老品三", Role.PROFIT, live_price_fen=6900, cost_fen=4900, stock=100),
        Product("C1", "清仓", Role.CLEARANCE, live_price_fen=4900, cost_fen=3000, stock=50),
        Product("I1", "礼盒", Role.IMAGE, live_price_fen=99900, cost_fen=60000, stock=10),
        Product("I2", "典藏礼盒", Role.IMAGE, live_price_fen=199900, cost_fen=90000, stock=5),
    ]


# GMV per pitch minute (fen) learnt from history: K2 is the strongest, then K1, then K3.
RATES = {"K1": 150_000.0, "K2": 273_600.0, "K3": 60_000.0}


def _waves(segments):
    """The profit pitches of each wave: a wave starts at each traffic pitch."""
    roles = {p.product_id: p.role for p in _pool()}
    waves: list[list] = []
    for segment in segments:
        if segment.kind is not SegmentKind.PITCH:
            continue
        role = roles[segment.product_id]
        if role is Role.TRAFFIC:
            waves.append([])
        elif role is Role.PROFIT and waves:
            waves[-1].append(segment)
    return waves


def test_strongest_sellers_take_the_prime_slot_of_each_wave_and_the_longest_pitches():
    segments = generate_wave(_pool(), 3 * 3600, ranking=RATES)
    waves = _waves(segments)
    assert len(waves) >= 3
    # Six profit items fill two waves of three: each opens with a known seller, strongest first (K2, K1),
    # the new items go one per wave before any wave takes a second, the weakest known item (K3) fills the
    # last place; the third wave starts the rotation again.
    assert [[s.product_id for s in w] for w in waves[:2]] == [["K2", "U1", "U3"], ["K1", "U2", "K3"]]
    assert waves[2][0].product_id == "K2"
    # Every wave has a known performer, and each new item shares a wave with one.
    for wave in waves:
        if wave:
            assert any(s.product_id in RATES for s in wave)
    lengths = {}
    for segment in segments:
        if segment.kind is SegmentKind.PITCH and segment.product_id in ("K1", "K2", "K3", "U1", "U2", "U3"):
            lengths.setdefault(segment.product_id, set()).add(segment.planned_seconds // M)
    # Sized within 10–15 min by rank: the strongest gets the maximum, the weakest known the minimum.
    assert lengths["K2"] == {15} and lengths["K1"] == {15}
    assert max(lengths["K3"]) < min(lengths["K1"])
    assert all(10 <= m <= 15 for ms in lengths.values() for m in ms)
    assert sum(s.planned_seconds for s in segments) == 3 * 3600


def test_without_history_every_profit_item_is_pitched_before_any_repeats():
    segments = generate_wave(_pool(), 3 * 3600)
    profit = [s.product_id for s in segments if s.kind is SegmentKind.PITCH and s.product_id[0] in "UK"]
    assert sorted(profit[:6]) == ["K1", "K2", "K3", "U1", "U2", "U3"]


def test_every_pool_product_is_scheduled_or_left_out_with_a_reason():
    pool = _pool()
    pool[6].stock = 0  # U3 sold out
    segments = generate_wave(pool, 3 * 3600, ranking=RATES)
    scheduled = {s.product_id for s in segments if s.product_id}
    missing = left_out(pool, segments)
    assert {m.product_id: m.reason for m in missing} == {"I2": "role_cap", "U3": "out_of_stock"}
    assert scheduled | {m.product_id for m in missing} == {p.product_id for p in pool}
    assert "U3" not in scheduled


def test_a_short_slot_names_what_had_no_room():
    segments = generate_wave(_pool(), 45 * M, ranking=RATES)
    reasons = {m.product_id: m.reason for m in left_out(_pool(), segments)}
    assert reasons and set(reasons.values()) <= {"no_room", "role_cap"}
    assert reasons["I2"] == "role_cap"
    assert "no_room" in reasons.values()


def test_encores_come_out_of_the_closing_and_the_image_item_is_pitched_once():
    segments = generate_wave(_pool(), 3 * 3600, ranking=RATES)
    tail = segments[segments.index(next(s for s in segments if s.kind is SegmentKind.ENCORE)) :]
    assert [s.kind for s in tail] == [SegmentKind.ENCORE, SegmentKind.ENCORE, SegmentKind.CLOSING]
    assert sum(s.planned_seconds for s in tail) == 15 * M
    assert [s.product_id for s in tail[:2]] == ["K2", "K1"]  # the strongest sellers come back
    images = [s for s in segments if s.product_id == "I1"]
    assert len(images) == 1
    repeated = generate_wave(_pool(), 3 * 3600, WaveConfig(repeat_image=True), ranking=RATES)
    assert len([s for s in repeated if s.product_id == "I1"]) > 1


def test_owners_come_from_the_team():
    segments = generate_wave(_pool(), 90 * M)
    segments[1].owner = "小林"  # typed by the director: kept
    assign_owners(segments, {"host": "小满", "co_host": "阿禾", "director": "老周"})
    assert segments[1].owner == "小林"
    for segment in segments[2:]:
        expected = "co_host" if segment.kind is SegmentKind.INTERACTION else "host"
        assert segment.owner == expected
    without_co_host = generate_wave(_pool(), 90 * M)
    assign_owners(without_co_host, {"host": "小满", "director": "老周"})
    assert {s.owner for s in without_co_host if s.kind is SegmentKind.INTERACTION} == {"director"}
    nobody = generate_wave(_pool(), 90 * M)
    assign_owners(nobody, {})
    assert {s.owner for s in nobody} == {""}
