"""Run every benchmark under bench/ in turn, show their output, and end with one table of the figures they
report (bench/figures.py: every figure of issue 14 with its baseline, ratio and goal) and the load average
(`make bench`). The machine may be shared: the load average beside each figure says how much.

    python bench/run_all.py                      # every benchmark
    python bench/run_all.py --only import review # those whose file name contains a given word
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from figures import MARK, table


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg()) + f" ({os.cpu_count()} cores)"


def run(script: Path, passed: list[str], figures: list[dict]) -> bool:
    """Run one benchmark, echoing its output and keeping its figures; True when it ended well."""
    process = subprocess.Popen(
        [sys.executable, str(script), *passed], stdout=subprocess.PIPE, text=True, bufsize=1
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(MARK):
            figure = json.loads(line[len(MARK) :])
            figures.append(figure)
            print(f"  -> {figure['name']}: {figure['value']:.2f} {figure['unit']}", flush=True)
        else:
            print(line, end="", flush=True)
    return process.wait() == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=None, help="run the benchmarks named with these words")
    args, passed = parser.parse_known_args()
    scripts = sorted(Path(__file__).parent.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if any(word in s.stem for word in args.only)]
    figures: list[dict] = []
    failed: list[str] = []
    began = time.perf_counter()
    print(f"load average at start: {_load()}", flush=True)
    for script in scripts:
        print(f"== {script.name}", flush=True)
        if not run(script, passed, figures):
            failed.append(script.name)
    minutes = (time.perf_counter() - began) / 60
    print(f"\n== the figures of issue 14 ({minutes:.0f} min; load average at the end: {_load()})")
    for line in table(figures):
        print(line)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
