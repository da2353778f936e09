"""Speaking-time estimates, learnt rates and suggested budgets."""

from __future__ import annotations

import pytest

from livedesk.domain.script_timing import (
    Fit,
    TakeSample,
    estimate_seconds,
    estimate_step,
    learn_rate,
    spoken_chars,
    suggest_budget,
)


def test_spoken_chars_counts_han_digits_and_latin_words():
    assert spoken_chars("今天到手价99元！") == 8
    assert spoken_chars("iPhone 手机壳，  OK？") == 5
    assert spoken_chars("，。！…   ") == 0


def test_estimate_at_default_and_host_rate():
    text = "好" * 220
    assert estimate_seconds(text) == 60
    assert estimate_seconds(text, 110) == 120
    assert estimate_seconds("好" * 221) == 61  # rounded up: a budget must hold the whole text
    with pytest.raises(ValueError):
        estimate_seconds(text, 0)


def test_step_fit():
    assert estimate_step("好" * 110, 60).fit is Fit.FITS  # 30 s of 60
    assert estimate_step("好" * 210, 60).fit is Fit.TIGHT  # 58 s
    over = estimate_step("好" * 330, 60)
    assert over.fit is Fit.OVER and over.over_by == 30
    assert estimate_step("", 60).fit is Fit.EMPTY


def test_learn_rate_is_a_ratio_of_sums_over_recent_usable_takes():
    samples = [TakeSample(100, 30), TakeSample(300, 90)]  # 200 chars/min both
    assert learn_rate(samples) == 200
    assert learn_rate([TakeSample(100, 20), TakeSample(200, 60)]) == 225  # 300 chars in 80 s
    # too short, silent and absurd takes are ignored
    assert learn_rate([TakeSample(10, 2), TakeSample(0, 40), TakeSample(1000, 30)]) == 220
    assert learn_rate([], default=240) == 240
    recent = [TakeSample(100, 60)] * 3 + [TakeSample(250, 60)] * 5
    assert learn_rate(recent) == 250


def test_suggest_budget_from_history():
    assert suggest_budget([42, 55, 61]) == 55
    assert suggest_budget([40, 50]) == 45
    assert suggest_budget([41]) == 45
    assert suggest_budget([]) is None
