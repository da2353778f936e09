"""Seeded hostile files over every import kind: each ends imported (with warnings) or refused in one clean
sentence; never an exception, a hang, a crash, a partial write, printed warnings or a refusal quoting a
library. bench/fuzz_imports.py runs the same cases by the thousand and prints the counts."""

from collections import Counter

from fuzz_cases import build_cases
from fuzz_runner import GOOD, run_cases

CASES = 260  # every mutation family over every seed file, in about a minute on two cores
TIMEOUT = 30.0


def test_every_hostile_file_is_imported_or_refused_cleanly(tmp_path):
    cases = build_cases(tmp_path / "seeds", CASES, seed=12)
    assert len({c.seed for c in cases}) == 13 and len({c.mutation for c in cases}) > 50
    outcomes = run_cases(cases, tmp_path / "run", workers=2, timeout=TIMEOUT)
    assert len(outcomes) == len(cases)
    failures = [f"{o.seed}/{o.mutation}: {o.outcome}: {o.detail}" for o in outcomes if o.outcome not in GOOD]
    assert failures == [], "\n".join(failures)
    counts = Counter(o.outcome for o in outcomes)
    # Both endings happen: the damage is real, and the readers still take what they can.
    assert counts["imported"] >= 40 and counts["refused"] >= 80, counts
