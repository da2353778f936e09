"""Hostile files against every import kind: how each of 2,000+ seeded cases ends, counted by outcome.

Outcomes: imported, refused (one clean sentence), and the failures: exception, hang (past --timeout),
crash (the process died, e.g. out of memory under a 2 GiB cap), partial (a refusal that stored something),
internals (a refusal quoting library text) and noise (warnings printed during an import).

    python bench/fuzz_imports.py                 # 2,200 cases, seed 12
    python bench/fuzz_imports.py --cases 300 --seed 7 --show 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "import_export"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2200)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a case counts as a hang")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", type=int, default=10, help="failures to print in full")
    args = parser.parse_args()

    from fuzz_cases import build_cases
    from fuzz_runner import GOOD, OUTCOMES, counts, run_cases

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        cases = build_cases(Path(folder) / "seeds", args.cases, args.seed)
        built = time.perf_counter() - started
        done = 0

        def progress(_outcome) -> None:
            nonlocal done
            done += 1
            if done % 200 == 0:
                print(f"  {done}/{len(cases)} cases", file=sys.stderr, flush=True)

        started = time.perf_counter()
        outcomes = run_cases(
            cases, Path(folder) / "run", workers=args.workers, timeout=args.timeout, progress=progress
        )
        elapsed = time.perf_counter() - started
    total = counts(outcomes)
    print(f"{len(outcomes)} cases (seed {args.seed}; built in {built:.1f} s, run in {elapsed:.1f} s)")
    for name in OUTCOMES:
        print(f"  {name:<10} {total.get(name, 0):>6}")
    failures = [o for o in outcomes if o.outcome not in GOOD]
    by_family = Counter((o.outcome, o.seed, o.mutation) for o in failures)
    if by_family:
        print("failures by seed and mutation:")
        for (outcome, seed, mutation), n in by_family.most_common():
            print(f"  {n:>4}  {outcome:<10} {seed:<14} {mutation}")
    for o in failures[: args.show]:
        print(f"- case {o.case} [{o.seed} / {o.mutation}] {o.outcome}: {o.detail}")
    slowest = max(outcomes, key=lambda o: o.seconds, default=None)
    if slowest is not None:
        print(
            f"slowest case: {slowest.seconds:.1f} s ({slowest.seed} / {slowest.mutation}, {slowest.outcome})"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
