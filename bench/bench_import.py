"""Import speed and memory against the parsers underneath, each baseline measured in the same run.

Files: a 抖店 order export under the real 75-column header row (bench/doudian_export.py), as CSV and XLSX.

- CSV, whole process: `livedesk import` (a fresh SQLite store with one session) vs a process that runs
  `pyarrow.csv.read_csv` on the same file. Wall and CPU seconds, and peak memory (target ≤ 1.6x, peak
  below the parser's own).
- CSV, timed inside the process: `import_file` vs `read_csv` (module loading left out).
- XLSX, timed inside the process: `import_file` vs python-calamine's read of the sheet (target ≤ 1.2x).
- PostgreSQL: the CSV's `import_file` into a database on a PostgreSQL server vs the same into SQLite
  (target ≤ 1.3x). The server is LIVEDESK_BENCH_POSTGRES_URL (or LIVEDESK_TEST_POSTGRES_URL); without one,
  a throwaway local cluster is started when PostgreSQL is installed (bench/pg_cluster.py).

Each measurement runs in its own child process, so its peak memory is its own; baseline and LiveDesk
runs alternate and the fastest of each counts (the machine may be shared: the load average is printed).

    python bench/bench_import.py                 # 1,000,000 CSV rows, 100,000 XLSX rows
    python bench/bench_import.py --rows 50000 --xlsx-rows 5000   # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
SESSION_START = "2026-11-14T20:00"  # local wall time, Asia/Shanghai
SESSION_MINUTES = 240
PG_ENV = ("LIVEDESK_BENCH_POSTGRES_URL", "LIVEDESK_TEST_POSTGRES_URL")

from figures import report  # noqa: E402 - bench/ is not a package

# -- children: each measures one thing and reports its own time and peak memory ----------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_pyarrow(path: str, _url: str) -> dict:
    import pyarrow.csv as pacsv

    started, cpu = time.perf_counter(), _cpu()
    table = pacsv.read_csv(path)
    return _report(started, cpu, rows=table.num_rows)


def child_calamine(path: str, _url: str) -> dict:
    from python_calamine import load_workbook

    started, cpu = time.perf_counter(), _cpu()
    workbook = load_workbook(path)
    rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()
    return _report(started, cpu, rows=len(rows) - 1)


def child_import(path: str, url: str) -> dict:
    """`import_file` into the store at `url` (a fresh one), timed from the call to its return."""
    import pyarrow.csv  # noqa: F401
    import python_calamine  # noqa: F401

    import livedesk.import_export.reader  # noqa: F401 - module loading is not the import being timed
    from livedesk.import_export.arrow_pandas import skip_pandas_probe
    from livedesk.persistence.store import Store
    from livedesk.services.imports import import_file
    from livedesk.services.sessions import create_session, parse_local_start

    skip_pandas_probe()  # as `livedesk import` does: an import never needs pandas
    store = Store(url)
    session_id = create_session(store, "bench", parse_local_start(SESSION_START), SESSION_MINUTES * 60)
    started, cpu = time.perf_counter(), _cpu()
    summary = import_file(store, session_id, path)
    result = _report(started, cpu)
    store.dispose()
    _kind, _id, read, stored, skipped = summary.datasets[0]
    return result | {"rows": read, "stored": stored, "skipped": skipped, "format": summary.format}


def _report(started: float, cpu: float, **extra) -> dict:
    return {
        "seconds": time.perf_counter() - started,
        "cpu": _cpu() - cpu,
        "peak_mb": _peak_mb(),
        **extra,
    }


def child_generate(path: str, what: str) -> dict:
    """Write the file (in a child: the parent stays small, and a child's peak memory counts its parent's
    pages at the moment it was forked)."""
    import doudian_export

    rows = int(what.split(":")[1])
    started = time.perf_counter()
    if what.startswith("csv"):
        doudian_export.write_csv(Path(path), rows)
    else:
        doudian_export.write_xlsx(Path(path), rows)
    return {"seconds": time.perf_counter() - started}


CHILDREN = {
    "pyarrow": child_pyarrow,
    "calamine": child_calamine,
    "import": child_import,
    "generate": child_generate,
}


def run_child(name: str, path: Path, url: str = "") -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", name, str(path), url],
        capture_output=True,
        text=True,
        check=False,
    )
    if output.returncode != 0:
        raise SystemExit(f"{name} failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def run_process(command: list[str]) -> dict:
    """A whole process from fork to exit: wall seconds, CPU seconds and its own peak memory (wait4)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    process.stderr.close()
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def alternate(runs: dict, repeat: int) -> dict:
    """Run each measurement `repeat` times, alternating; the fastest wall time of each counts, with the
    highest peak memory seen."""
    results: dict[str, list[dict]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            results[name].append(run())
    for name, found in results.items():
        print(f"    {name:22s} runs: " + ", ".join(f"{r['seconds']:.2f} s" for r in found), flush=True)
    best = {}
    for name, found in results.items():
        best[name] = dict(min(found, key=lambda r: r["seconds"]))
        best[name]["peak_mb"] = max(r["peak_mb"] for r in found)
    return best


def row(label: str, result: dict) -> str:
    return (
        f"  {label:34s} {result['seconds']:7.2f} s   cpu {result['cpu']:6.2f} s   "
        f"peak {result['peak_mb']:6.0f} MB"
    )


def ratio_line(ours: dict, base: dict, target: float, memory: bool = False) -> str:
    text = (
        f"  ratio {ours['seconds'] / base['seconds']:.2f}x wall, {ours['cpu'] / base['cpu']:.2f}x cpu "
        f"(target ≤ {target}x)"
    )
    if memory:
        text += f"; peak memory {ours['peak_mb'] / base['peak_mb']:.2f}x the parser's (target < 1x)"
    return text


# -- the measurements ------------------------------------------------------------------------------


def csv_whole_process(csv_path: Path, folder: Path, repeat: int) -> None:
    template = folder / "template.sqlite3"
    if not template.exists():
        subprocess.run(
            [sys.executable, "-m", "livedesk.cli.main", "--db", str(template), "sessions", "create",
             "--title", "bench", "--start", SESSION_START, "--minutes", str(SESSION_MINUTES)],
            check=True, capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )  # fmt: skip

    def livedesk() -> dict:
        store = folder / "cli.sqlite3"
        shutil.copyfile(template, store)
        try:
            return run_process(
                [sys.executable, "-m", "livedesk.cli.main", "--db", str(store), "import", str(csv_path),
                 "--session", "1"]
            )  # fmt: skip
        finally:
            store.unlink()

    def parser() -> dict:
        code = f"import pyarrow.csv; pyarrow.csv.read_csv({str(csv_path)!r})"
        return run_process([sys.executable, "-c", code])

    print("  whole process (fork to exit):", flush=True)
    best = alternate({"pyarrow.csv.read_csv": parser, "livedesk import": livedesk}, repeat)
    print(row("python -c pyarrow.csv.read_csv(…)", best["pyarrow.csv.read_csv"]))
    print(row("livedesk import FILE --session 1", best["livedesk import"]))
    print(ratio_line(best["livedesk import"], best["pyarrow.csv.read_csv"], 1.6, memory=True), flush=True)
    ours, base = best["livedesk import"], best["pyarrow.csv.read_csv"]
    report("livedesk import CSV, whole process", ours["seconds"], base["seconds"], goal_ratio=1.6,
           baseline_name="pyarrow.csv.read_csv, whole process")  # fmt: skip
    report("  its peak memory", ours["peak_mb"], base["peak_mb"], unit="MB", goal_ratio=1.0,
           baseline_name="the read_csv process's peak")  # fmt: skip


def in_process(
    baseline: str, label: str, path: Path, folder: Path, repeat: int, target: float, figure: str
) -> dict:
    url = f"sqlite:///{folder / 'inproc.sqlite3'}"

    def ours() -> dict:
        try:
            return run_child("import", path, url)
        finally:
            (folder / "inproc.sqlite3").unlink(missing_ok=True)

    best = alternate({baseline: lambda: run_child(baseline, path), "import_file": ours}, repeat)
    print(row(label, best[baseline]))
    result = best["import_file"]
    print(row("LiveDesk import_file", result) + f"   stored {result['stored']:,} of {result['rows']:,}")
    print(ratio_line(result, best[baseline], target), flush=True)
    report(figure, result["seconds"], best[baseline]["seconds"], goal_ratio=target,
           baseline_name=f"{label}, in the process")  # fmt: skip
    return result


def postgres_vs_sqlite(csv_path: Path, folder: Path, repeat: int, url: str) -> None:
    import uuid

    import sqlalchemy

    from livedesk.persistence.store import normalise_url

    admin = sqlalchemy.create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")

    def postgres() -> dict:
        name = "bench_" + uuid.uuid4().hex[:10]
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
        try:
            return run_child("import", csv_path, normalise_url(url).rsplit("/", 1)[0] + "/" + name)
        finally:
            with admin.connect() as connection:
                connection.execute(sqlalchemy.text(f'DROP DATABASE "{name}" WITH (FORCE)'))

    def sqlite() -> dict:
        try:
            return run_child("import", csv_path, f"sqlite:///{folder / 'pg_vs.sqlite3'}")
        finally:
            (folder / "pg_vs.sqlite3").unlink(missing_ok=True)

    best = alternate({"SQLite": sqlite, "PostgreSQL": postgres}, repeat)
    admin.dispose()
    print(row("import_file into SQLite", best["SQLite"]))
    print(row("import_file into PostgreSQL", best["PostgreSQL"]))
    print(ratio_line(best["PostgreSQL"], best["SQLite"], 1.3), flush=True)
    report("import_file CSV into PostgreSQL", best["PostgreSQL"]["seconds"], best["SQLite"]["seconds"],
           goal_ratio=1.3, baseline_name="the same into SQLite")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV order lines (default 1,000,000)")
    parser.add_argument("--xlsx-rows", type=int, default=100_000, help="XLSX order lines (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    parser.add_argument("--postgres", default=None, help="a PostgreSQL URL (default: see the docstring)")
    parser.add_argument("--no-postgres", action="store_true", help="leave the PostgreSQL comparison out")
    parser.add_argument("--out", default=None, help="folder for the generated files (kept between runs)")
    parser.add_argument("--child", nargs=3, metavar=("WHAT", "FILE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, path, url = args.child
        print(json.dumps(CHILDREN[what](path, url)))
        return 0
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.out or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        work = Path(scratch)
        if args.rows:
            csv_path = folder / f"doudian_export_{args.rows}.csv"
            started = time.perf_counter()
            if not csv_path.exists():
                run_child("generate", csv_path, f"csv:{args.rows}")
            print(
                f"CSV: {args.rows:,} rows × 75 columns (the real 抖店 header), "
                f"{csv_path.stat().st_size / 2**20:.0f} MB (ready in {time.perf_counter() - started:.1f} s)",
                flush=True,
            )
            csv_whole_process(csv_path, work, args.repeat)
            print("  timed inside the process (module loading left out):", flush=True)
            in_process(
                "pyarrow",
                "pyarrow.csv.read_csv",
                csv_path,
                work,
                args.repeat,
                1.6,
                "import_file CSV, in the process",
            )
        if args.xlsx_rows:
            xlsx_path = folder / f"doudian_export_{args.xlsx_rows}.xlsx"
            started = time.perf_counter()
            if not xlsx_path.exists():
                run_child("generate", xlsx_path, f"xlsx:{args.xlsx_rows}")
            print(
                f"XLSX: {args.xlsx_rows:,} rows × 75 columns, {xlsx_path.stat().st_size / 2**20:.0f} MB "
                f"(ready in {time.perf_counter() - started:.1f} s); timed inside the process:",
                flush=True,
            )
            in_process(
                "calamine",
                "python-calamine read",
                xlsx_path,
                work,
                args.repeat,
                1.2,
                f"import_file XLSX {args.xlsx_rows:,} rows, in the process",
            )
        if args.rows and not args.no_postgres:
            print(f"PostgreSQL vs SQLite: the {args.rows:,}-row CSV, timed inside the process:", flush=True)
            url = args.postgres or next((os.environ[k] for k in PG_ENV if os.environ.get(k)), None)
            if url:
                postgres_vs_sqlite(csv_path, work, args.repeat, url)
            else:
                import pg_cluster

                with pg_cluster.throwaway() as started_url:
                    if started_url is None:
                        print("  skipped: no PostgreSQL server given and none installed to start")
                    else:
                        postgres_vs_sqlite(csv_path, work, args.repeat, started_url)
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
