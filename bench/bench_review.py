"""Benchmark: `livedesk review SESSION --json OUT` on a session holding 1,000,000 order lines, run as a
subprocess (start-up included), against baselines measured in the same run: a bare `import pandas`
start-up, reading the same stored Parquet bytes with pyarrow, and that read plus one pandas groupby (GMV
and distinct buyers per product). Goal (issue 14): ≤ 1.5x the read plus groupby process."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from figures import report  # noqa: E402 - bench/ is not a package

GOAL = 1.5


def build_store(folder: Path, orders: int) -> tuple[str, int]:
    from livedesk.analysis.synthetic import canonical_table, synthetic_dataset, synthetic_orders
    from livedesk.domain.live_log import EventKind, LiveEvent
    from livedesk.domain.product import Product
    from livedesk.domain.roles import Role, SegmentKind
    from livedesk.domain.session import Segment, Session, SessionPlan
    from livedesk.persistence import dataset_repository, live_log_repository, session_repository
    from livedesk.persistence.store import Store

    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    store = Store(url)
    start = datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    roles = [Role.TRAFFIC, Role.PROFIT, Role.PROFIT, Role.CLEARANCE, Role.PROFIT, Role.IMAGE]
    products = [
        Product(f"P{i:03d}", f"商品{i}", roles[i % 6], live_price_fen=9900, stock=50_000) for i in range(30)
    ]
    segments = (
        [Segment(SegmentKind.OPENING, 600)]
        + [Segment(SegmentKind.PITCH, 330, product_id=p.product_id) for p in products]
        + [Segment(SegmentKind.CLOSING, 900)]
    )
    plan = SessionPlan(
        Session("基准专场", start, sum(s.planned_seconds for s in segments), account="bench"),
        products,
        segments,
    )
    seconds = plan.total_planned_seconds
    start_ms = round(start.timestamp() * 1000)
    with store.transaction() as db:
        session_id = session_repository.save_plan(db, plan)
        at = start
        events = []
        for i, segment in enumerate(segments):
            events.append(
                LiveEvent(at, EventKind.SEGMENT_START, segment_index=i, product_id=segment.product_id)
            )
            at += timedelta(seconds=segment.planned_seconds + (i % 5) * 20)
        events.append(LiveEvent(at, EventKind.SEGMENT_END, segment_index=len(segments) - 1))
        live_log_repository.append_events(db, session_id, events)
    table = synthetic_orders(start_ms, seconds + 1800, orders, [p.product_id for p in products])
    minutes = canonical_table(
        "minutes",
        {
            "minute": [start_ms + 60_000 * m for m in range(seconds // 60 + 30)],
            "online": [800 + (m * 37) % 400 for m in range(seconds // 60 + 30)],
        },
    )
    summary = canonical_table(
        "summary", {"key": ["gmv_fen", "uv", "gpm_fen"], "value": [8.0e9, 120000.0, 5.5e6]}
    )
    with store.transaction() as db:
        for kind, data, name in (
            ("orders", table, "orders.csv"),
            ("minutes", minutes, "minutes.csv"),
            ("summary", summary, "compass.xlsx"),
        ):
            dataset_repository.save_dataset(
                db, synthetic_dataset(session_id, kind, name, rows=data.num_rows), data
            )
    store.dispose()
    return url, session_id


def timed(argv: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - began


def best_of(runs: int, argv: list[str]) -> float:
    return min(timed(argv) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the store in this folder once and reuse it")
    args, _ = parser.parse_known_args()  # run_all passes its own arguments through
    python = sys.executable
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        if (folder / "bench.sqlite3").exists():  # kept from an earlier run (--keep)
            url, session_id = f"sqlite:///{folder / 'bench.sqlite3'}", 1
        else:
            began = time.perf_counter()
            url, session_id = build_store(folder, args.orders)
            print(f"store with {args.orders:,} order lines built in {time.perf_counter() - began:.1f} s")
        out = folder / "review.json"
        query = "select data from dataset_chunks where dataset_id = (select id from datasets where kind = 'orders') order by seq"
        read_parquet = (
            "import io, sqlite3, pyarrow.parquet as pq\n"
            f"c = sqlite3.connect({str(folder / 'bench.sqlite3')!r})\n"
            f"b = b''.join(r[0] for r in c.execute({query!r}))\n"
            "pq.ParquetFile(io.BytesIO(b)).read()\n"
        )
        groupby = read_parquet.replace("pq.ParquetFile(io.BytesIO(b)).read()\n", "") + (
            "t = pq.ParquetFile(io.BytesIO(b)).read().to_pandas()\n"
            "t.groupby('product_id').agg(gmv=('amount_fen', 'sum'), buyers=('buyer_id', 'nunique'))\n"
        )
        baseline_pandas = best_of(args.runs, [python, "-c", "import pandas"])
        baseline_parquet = best_of(args.runs, [python, "-c", read_parquet])
        baseline_groupby = best_of(args.runs, [python, "-c", groupby])
        review = best_of(
            args.runs,
            [
                python,
                "-m",
                "livedesk",
                "--db",
                url,
                "review",
                str(session_id),
                "--json",
                str(out),
                "--no-verify",
            ],
        )
        data = json.loads(out.read_text(encoding="utf-8"))
    print(f"python -c 'import pandas'           {baseline_pandas:6.2f} s")
    print(f"read orders Parquet (pyarrow)       {baseline_parquet:6.2f} s")
    print(f"read Parquet + pandas groupby       {baseline_groupby:6.2f} s")
    print(f"livedesk review --json              {review:6.2f} s   (best of {args.runs})")
    print(f"ratio review / import pandas        {review / baseline_pandas:6.2f}")
    print(f"ratio review / read Parquet         {review / baseline_parquet:6.2f}")
    ratio = review / baseline_groupby
    verdict = "within" if ratio <= GOAL else "over"
    print(f"ratio review / read + groupby       {ratio:6.2f}   ({verdict} the {GOAL:g}x goal)")
    report(
        f"livedesk review, {args.orders:,} order lines",
        review,
        baseline_groupby,
        goal_ratio=GOAL,
        baseline_name="Parquet read + one pandas groupby, whole process",
    )
    print(
        f"checked: {sum(s['orders'] or 0 for s in data['segments']):,} order lines attributed to "
        f"{len(data['segments'])} segments, {len(data['findings'])} findings"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
