"""Benchmark: redrawing each review chart at its GUI size (the ChartCanvas path: clear, draw, lay out,
render on Agg) from the loaded sample session's review, against a baseline measured in the same run:
rendering an empty figure of the same size. Goal (issue 14): every chart redraws in ≤ 150 ms (median of 15)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from figures import report  # noqa: E402 - bench/ is not a package

GOAL_MS = 150.0


def sample_review() -> tuple[Any, list]:
    """The typed review and history of the past sample session (the one with exports)."""
    from livedesk.persistence.store import Store
    from livedesk.services.review import run_review, session_history
    from livedesk.services.samples import load_samples

    folder = tempfile.mkdtemp()
    os.environ["LIVEDESK_DATA_DIR"] = folder
    store = Store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
    loaded = load_samples(store)
    reviews = [run_review(store, s.session_id) for s in loaded]
    review = next(r for r in reviews if r.kpis["gmv"].value is not None)
    history = session_history(store, review.session.id)
    store.dispose()
    return review, history


def median_ms(job, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of `job` (CPU of this thread: what the redraw costs whatever
    else the machine runs; on an idle machine the two agree)."""
    job()  # warm caches (fonts, glyphs) as a GUI that has drawn once has
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.thread_time()
        job()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args, _ = parser.parse_known_args()  # run_all passes its own arguments through
    from livedesk.charts import review_charts
    from livedesk.charts.fonts import configure_matplotlib
    from livedesk.charts.review_charts import GUI_CHARTS, redraw

    configure_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    review, history = sample_review()
    print(
        f"sample review: {len(review.segments)} segments, {len(review.products)} products, "
        f"{len(review.curves.minute_ms)} minutes; median of {args.repeat}"
    )
    print(f"{'chart':<12} {'size':>9} {'redraw ms':>10} {'empty ms':>9} {'ratio':>6}  goal ≤ {GOAL_MS:g} ms")
    worst = 0.0
    for name, (draw, size) in GUI_CHARTS.items():
        data = history if draw is review_charts.draw_history else review
        figure = Figure(figsize=size, dpi=review_charts.GUI_DPI)
        canvas = FigureCanvasAgg(figure)
        empty = Figure(figsize=size, dpi=review_charts.GUI_DPI)
        empty_canvas = FigureCanvasAgg(empty)

        def chart_job():
            redraw(figure, draw, data)  # noqa: B023 - timed inside this iteration only
            canvas.draw()  # noqa: B023 - timed inside this iteration only

        def empty_job():
            empty.clear()  # noqa: B023 - timed inside this iteration only
            empty.add_subplot(1, 1, 1)  # noqa: B023 - timed inside this iteration only
            empty_canvas.draw()  # noqa: B023 - timed inside this iteration only

        (chart_ms, chart_cpu), (empty_ms, empty_cpu) = (
            median_ms(chart_job, args.repeat),
            median_ms(empty_job, args.repeat),
        )
        for kind, ours, base in (("wall", chart_ms, empty_ms), ("CPU", chart_cpu, empty_cpu)):
            report(
                f"chart redraw, {name} ({kind})",
                ours,
                base,
                unit="ms",
                goal_value=GOAL_MS,
                baseline_name=f"an empty figure of the same size; median of {args.repeat}",
            )
        worst = max(worst, chart_ms)
        print(
            f"{name:<12} {size[0]:>4}x{size[1]:<4} {chart_ms:>10.1f} {empty_ms:>9.1f} {chart_ms / empty_ms:>6.2f}"
            f"   cpu {chart_cpu:6.1f} ms (empty {empty_cpu:.1f})"
        )
    load = os.getloadavg()[0]
    verdict = "within" if worst <= GOAL_MS else "over"
    print(f"slowest chart: {worst:.1f} ms ({verdict} the {GOAL_MS:g} ms goal; load average {load:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
