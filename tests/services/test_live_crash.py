"""Crash drill: a child process plays a scripted live show and is killed with SIGKILL at random moments;
every restore must rebuild the run exactly as the child last had it (see tests/live_crash_show.py).
The long variant is bench/bench_live_crash.py."""

from __future__ import annotations

import sys

import pytest
from live_crash_show import run_drill

KILLS = 30


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and forkserver are POSIX")
def test_thirty_kills_at_random_moments_restore_the_identical_run(tmp_path):
    result = run_drill(tmp_path, kills=KILLS, seed=11)
    assert result.mismatches == []
    assert result.kills == KILLS and result.identical + result.in_flight_whole == KILLS
    assert result.actions >= KILLS  # each child played before it was killed
