"""Crash drill at length: a child process plays a scripted live show through LiveService and is killed with
SIGKILL at random moments, N times; each restore is compared with the run as the child last reported it
(tests/live_crash_show.py explains how). Prints the counts and the time per kill/restore cycle against a
baseline measured in the same run: restoring the same store once, with no child at all.

    python bench/bench_live_crash.py              # 200 kills
    python bench/bench_live_crash.py --kills 50 --seed 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-actions", type=int, default=40, help="most actions a child plays before a kill"
    )
    parser.add_argument("--max-delay", type=float, default=0.02, help="longest wait after them, seconds")
    args = parser.parse_args()
    from live_crash_show import _restore, run_drill

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = run_drill(
            Path(folder),
            kills=args.kills,
            seed=args.seed,
            max_actions=args.max_actions,
            max_delay=args.max_delay,
        )
        drill = time.perf_counter() - started
        from livedesk.persistence.store import Store

        store = Store(f"sqlite:///{Path(folder) / 'crash.sqlite3'}")
        started = time.perf_counter()
        _restore(store, 1, 0)
        baseline = time.perf_counter() - started
        store.dispose()
    print(f"kills: {result.kills}")
    print(f"restored exactly as last reported: {result.identical}")
    print(f"restored with the interrupted action stored whole: {result.in_flight_whole}")
    print(f"mismatches: {len(result.mismatches)}")
    for line in result.mismatches[:10]:
        print("  " + line)
    print(f"actions played by the children: {result.actions}")
    per_kill = drill / max(1, result.kills)
    print(
        f"time per kill cycle: {per_kill:.3f} s; one restore alone: {baseline:.3f} s (ratio {per_kill / baseline:.1f}x)"
    )
    return 1 if result.mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
