"""Prompter scroll math with a hand-moved clock."""

from __future__ import annotations

from stage_fixtures import START

from livedesk.domain.clock import FakeClock
from livedesk.domain.prompter import ACCELERATION, PrompterScroll


def test_countdown_then_accelerate_then_cruise():
    clock = FakeClock(START)
    scroll = PrompterScroll(clock, speed=60, countdown=3)
    scroll.start()
    assert scroll.countdown_left() == 3
    clock.advance(2.5)
    assert scroll.countdown_left() == 1 and scroll.position() == 0
    clock.advance(0.5)
    assert scroll.countdown_left() == 0
    clock.advance(1)  # 1 s of ramp at 60 px/s² from 0 → 60 px/s: 30 px
    assert scroll.position() == 30 and scroll.speed == 60
    clock.advance(2)  # cruising
    assert scroll.position() == 150


def test_pause_slower_and_reset():
    clock = FakeClock(START)
    scroll = PrompterScroll(clock, speed=ACCELERATION, countdown=0)
    scroll.start()
    clock.advance(2)
    assert scroll.position() == 30 + 60
    scroll.pause()
    clock.advance(10)
    assert scroll.position() == 90
    scroll.slower()
    assert scroll.target_speed == ACCELERATION - 10
    scroll.nudge(-200)
    assert scroll.position() == 0
    scroll.start()
    scroll.reset()
    assert scroll.running and scroll.position() == 0
