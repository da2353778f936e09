"""The wave generator against a plan worked out by hand (see the walk-through in the first test)."""

from __future__ import annotations

import pytest
from plan_fixtures import small_pool

from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.wave import WaveConfig, generate_wave, rank_profit_items, rescale_steps, split_budget


def _shape(segments):
    return [(s.kind.value, s.product_id, s.planned_seconds // 60) for s in segments]


def test_two_hour_plan_matches_the_hand_worked_run_order():
    # Slot 120 min: opening 10 + closing 15 leave a body of 95. The closing holds the two encores (4 min each,
    # P2 then P1: without history P2 leads on margin, 80 vs 50 yuan) and keeps 7 for itself. Pattern
    # T P P C P I with an interaction (2 min) once 15 min have passed since the last one, or when the next
    # pitch would pass 20 min; profit items alternate, the best ranked first:
    # T1 4 · P2 12 (16) · [int] P1 12 · C1 4 (16) · [int] P2 12 · I1 6 (18) · [int] T1 4 · P1 12 (16) ·
    # [int] P2 12 · C1 4 → 90 used; the next profit pitch needs 10 + 2, so the 5 spare minutes go one each
    # to the five profit pitches (13 min, within 10–15). The single image item is not repeated.
    segments = generate_wave(small_pool(), 120 * 60)
    assert _shape(segments) == [
        ("opening", "T1", 10),
        ("pitch", "T1", 4),
        ("pitch", "P2", 13),
        ("interaction", None, 2),
        ("pitch", "P1", 13),
        ("pitch", "C1", 4),
        ("interaction", None, 2),
        ("pitch", "P2", 13),
        ("pitch", "I1", 6),
        ("interaction", None, 2),
        ("pitch", "T1", 4),
        ("pitch", "P1", 13),
        ("interaction", None, 2),
        ("pitch", "P2", 13),
        ("pitch", "C1", 4),
        ("encore", "P2", 4),
        ("encore", "P1", 4),
        ("closing", None, 7),
    ]
    assert sum(s.planned_seconds for s in segments) == 7200
    # 13 min = 780 s split 15/30/20/20/15 %.
    assert [b.seconds for b in segments[2].steps] == [117, 234, 156, 156, 117]
    assert [b.step for b in segments[2].steps] == list(ScriptStep)


def test_interactions_fall_every_15_to_20_minutes():
    segments = generate_wave(small_pool(), 120 * 60)
    at, since_opening_end, gaps = 0, None, []
    for segment in segments:
        if segment.kind is SegmentKind.OPENING:
            since_opening_end = at + segment.planned_seconds
        if segment.kind is SegmentKind.INTERACTION:
            gaps.append(at - since_opening_end)
            since_opening_end = at + segment.planned_seconds
        at += segment.planned_seconds
    assert gaps == [17 * 60, 17 * 60, 19 * 60, 17 * 60]


def test_same_input_gives_the_same_plan():
    assert generate_wave(small_pool(), 3 * 3600) == generate_wave(small_pool(), 3 * 3600)


@pytest.mark.parametrize("minutes", [30, 45, 60, 90, 137, 180, 240, 360])
def test_total_equals_the_slot(minutes):
    segments = generate_wave(small_pool(), minutes * 60)
    assert sum(s.planned_seconds for s in segments) == minutes * 60
    assert segments[0].kind is SegmentKind.OPENING and segments[-1].kind is SegmentKind.CLOSING
    for s in segments:
        if s.kind in (SegmentKind.PITCH, SegmentKind.ENCORE):
            assert sum(b.seconds for b in s.steps) == s.planned_seconds


def test_a_slot_with_seconds_gives_them_to_the_closing():
    segments = generate_wave(small_pool(), 120 * 60 + 30)
    # The closing's 15 min hold the two 4-minute encores; the 30 s go to the closing itself.
    assert segments[-1].planned_seconds == 7 * 60 + 30
    assert sum(s.planned_seconds for s in segments[-3:]) == 15 * 60 + 30
    assert sum(s.planned_seconds for s in segments) == 7230


def test_short_slot_shrinks_opening_and_closing_and_drops_encores():
    # 30 min: opening and closing are capped at a sixth (5 min); 20 min of body is too short for encores.
    segments = generate_wave(small_pool(), 30 * 60)
    assert segments[0].planned_seconds == 300 and segments[-1].planned_seconds == 300
    assert not any(s.kind is SegmentKind.ENCORE for s in segments)


def test_large_pool_uses_at_most_two_traffic_skus_and_one_image_item():
    roles = [Role.TRAFFIC, Role.PROFIT, Role.IMAGE, Role.CLEARANCE]
    pool = [Product(f"{i:03d}", f"p{i}", roles[i % 4], live_price_fen=1000 + i) for i in range(40)]
    segments = generate_wave(pool, 6 * 3600)
    role_of = {p.product_id: p.role for p in pool}
    used = lambda role: {s.product_id for s in segments if s.product_id and role_of[s.product_id] is role}  # noqa: E731
    assert used(Role.TRAFFIC) == {"000", "004"}
    assert used(Role.IMAGE) == {"002"}
    assert len(used(Role.PROFIT)) == 10  # all profit items rotate through a 6-hour plan


def test_custom_pattern_and_lengths():
    config = WaveConfig(pattern=(Role.PROFIT,), encore_count=0)
    segments = generate_wave(small_pool(), 60 * 60, config)
    pitches = [s for s in segments if s.kind is SegmentKind.PITCH]
    assert {s.product_id for s in pitches} == {"P1", "P2"}
    # No history: the larger margin (P2) leads, then they alternate.
    assert [s.product_id for s in pitches[:3]] == ["P2", "P1", "P2"]


def test_empty_pool_is_refused():
    with pytest.raises(ValueError, match="empty"):
        generate_wave([], 3600)


def test_split_budget_adds_up_with_largest_remainder():
    assert [b.seconds for b in split_budget(720)] == [108, 216, 144, 144, 108]
    # 7 s: exact 1.05 2.1 1.4 1.4 1.05 → floors 1 2 1 1 1, the spare second to the first 0.4 remainder.
    assert [b.seconds for b in split_budget(7)] == [1, 2, 2, 1, 1]


def test_rescale_steps_keeps_proportions_and_texts():
    steps = split_budget(600)
    steps[0].text = "痛点"
    scaled = rescale_steps(steps, 300)
    assert [b.seconds for b in scaled] == [45, 90, 60, 60, 45]
    assert scaled[0].text == "痛点"


def test_profit_ranking_prefers_history_then_margin():
    pool = small_pool()
    assert [p.product_id for p in rank_profit_items(pool)] == ["P2", "P1"]
    assert [p.product_id for p in rank_profit_items(pool, {"P1": 9000.0})] == ["P1", "P2"]
