"""The figures a benchmark reports for run_all's table (`make bench`): each is printed as one marked JSON
line beside the benchmark's own output, and run_all gathers them into one table with the load average.

A figure is LiveDesk's value, the baseline measured in the same run and the goal: a ratio (≤ goal times
the baseline) or, for the charts, an absolute goal in the value's own unit.
"""

from __future__ import annotations

import json
import os

MARK = "@figure "


def report(
    name: str,
    value: float,
    baseline: float,
    unit: str = "s",
    goal_ratio: float | None = None,
    goal_value: float | None = None,
    baseline_name: str = "",
) -> None:
    """Print one figure for run_all (a plain run of the benchmark shows it as one more line)."""
    figure = {
        "name": name,
        "value": value,
        "baseline": baseline,
        "unit": unit,
        "goal_ratio": goal_ratio,
        "goal_value": goal_value,
        "baseline_name": baseline_name,
        "load": os.getloadavg()[0],
    }
    print(MARK + json.dumps(figure, ensure_ascii=False), flush=True)


def verdict(figure: dict) -> str:
    ratio = figure["value"] / figure["baseline"] if figure["baseline"] else float("inf")
    if figure["goal_ratio"] is not None:
        return "ok" if ratio <= figure["goal_ratio"] else "OVER"
    if figure["goal_value"] is not None:
        return "ok" if figure["value"] <= figure["goal_value"] else "OVER"
    return ""


def goal_text(figure: dict) -> str:
    if figure["goal_ratio"] is not None:
        return f"≤ {figure['goal_ratio']:g}x"
    if figure["goal_value"] is not None:
        return f"≤ {figure['goal_value']:g} {figure['unit']}"
    return ""


def table(figures: list[dict]) -> list[str]:
    """The figures as aligned text lines: value, baseline, ratio, goal, verdict and the 1-minute load
    average when the figure was taken."""
    header = ("figure", "LiveDesk", "baseline", "ratio", "goal", "", "load", "baseline is")
    rows = [header]
    for f in figures:
        unit = f["unit"]
        ratio = f["value"] / f["baseline"] if f["baseline"] else float("inf")
        rows.append(
            (
                f["name"],
                f"{f['value']:.2f} {unit}",
                f"{f['baseline']:.2f} {unit}",
                f"{ratio:.2f}x",
                goal_text(f),
                verdict(f),
                f"{f['load']:.1f}",
                f["baseline_name"],
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for i, r in enumerate(rows):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:-1], widths[1:-1], strict=True)]
        lines.append("  ".join(cells) + "  " + r[-1])
        if i == 0:
            lines.append("-" * len(lines[0]))
    return lines
