"""Run every benchmark under bench/ in turn and show their printed ratios (`make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    failures = 0
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        failures += subprocess.run([sys.executable, str(script), *sys.argv[1:]]).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
