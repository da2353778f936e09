"""Benchmark: a studio's store (1,000 sessions over 20 accounts) against one account's 10 sessions, on SQLite
and PostgreSQL. For each store the same session-level actions are timed on the newest session of the first
account, and the ratio big / small is printed (target: each within 1.3x; the GUI switch also ≤ 200 ms):

- GUI session switch: the real main window offscreen, from the click until the session is shown in the
  workspaces and no background task is left (history-derived panels included);
- `livedesk plan show` with the forecast, and `livedesk sessions list --account X --limit 50`, as
  processes (start-up included, as a director meets them);
- the 历史 tab: the trend read (services.review.session_history) and the real HistoryView filled and drawn.

Also prints the store size per session. Stores are written with `livedesk samples studio` (through the
storage layer); `--keep DIR` keeps and reuses them between runs. PostgreSQL runs when --postgres URL (or
LIVEDESK_TEST_POSTGRES_URL) names a server where the role may create databases.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.3
TARGETS = ("switch", "plan_show", "list", "history", "ui_cpu", "plan_show_cpu", "list_cpu", "history_cpu")
SWITCH_BUDGET_MS = 200.0


# --- stores --------------------------------------------------------------------------------------------


def _sqlite_copy(source: Path, target: Path) -> None:
    import sqlite3

    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)


def _pg_database(base_url: str, name: str, *, fresh: bool, template: str | None = None) -> tuple[str, bool]:
    """URL of database `name` on the server (a copy of `template` when given); (url, existed)."""
    import sqlalchemy

    from livedesk.persistence.store import normalise_url

    url = normalise_url(base_url)
    admin = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            sqlalchemy.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).first()
        if exists and fresh:
            connection.execute(sqlalchemy.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            exists = None
        if not exists:
            copied = f' TEMPLATE "{template}"' if template else ""
            connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"{copied}'))
    admin.dispose()
    return url.rsplit("/", 1)[0] + "/" + name, bool(exists)


def _drop_pg(base_url: str, name: str) -> None:
    import sqlalchemy

    from livedesk.persistence.store import normalise_url

    admin = sqlalchemy.create_engine(normalise_url(base_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _fill(url: str, accounts: int, sessions: int, orders: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "livedesk.cli.main",
            "--db",
            url,
            "samples",
            "studio",
            "--accounts",
            str(accounts),
            "--sessions",
            str(sessions),
            "--orders",
            str(orders),
        ],
        check=True,
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _env() -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("LIVEDESK_DATABASE_URL", None)
    return env


def _size_and_target(url: str) -> tuple[int, int, int, str, int]:
    """(bytes, sessions, target session id, its account, the account's previous session id)."""
    from sqlalchemy import text

    from livedesk.persistence.store import Store
    from livedesk.services.sessions import list_accounts, list_sessions

    store = Store(url)
    try:
        account = list_accounts(store)[0][0]
        newest = list_sessions(store, account=account, limit=2)
        count = sum(n for _, n in list_accounts(store))
        if store.is_sqlite:
            path = Path(store.engine.url.database)
            size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        else:
            with store.engine.connect() as connection:
                # Less what an empty database takes (template1), ~7 MB that is no session's.
                size = int(
                    connection.execute(
                        text("SELECT pg_database_size(current_database()) - pg_database_size('template1')")
                    ).scalar()
                )
    finally:
        store.dispose()
    return size, count, newest[0].id, account, newest[1].id


def scale_up(url: str, target_sessions: int) -> int:
    """Grow a studio store to `target_sessions` by cloning its sessions' headers and summaries under new
    account names (…·2, …·3, …) in SQL: the rows that lists, history and the forecast read, without the
    plans, logs and orders nobody reads for them. Returns the session count reached."""
    import sqlalchemy
    from sqlalchemy import text

    engine = sqlalchemy.create_engine(url)
    with engine.begin() as connection:
        original = int(connection.execute(text("SELECT COUNT(*) FROM sessions")).scalar())
        last_id = int(connection.execute(text("SELECT MAX(id) FROM sessions")).scalar())
        inspector = sqlalchemy.inspect(connection)
        session_columns = [c["name"] for c in inspector.get_columns("sessions") if c["name"] != "id"]
        summary_columns = [c["name"] for c in inspector.get_columns("session_summaries")]
        product_columns = [c["name"] for c in inspector.get_columns("product_summaries")]
        count, copy = original, 1
        while count < target_sessions:
            copy += 1
            take = min(original, target_sessions - count)
            suffix = f"·{copy}"
            concat = "account || :suffix"
            picked = ", ".join(concat if c == "account" else f'"{c}"' for c in session_columns)
            names = ", ".join(f'"{c}"' for c in session_columns)
            connection.execute(
                text(
                    f"INSERT INTO sessions ({names}) SELECT {picked} FROM sessions "
                    f"WHERE id IN (SELECT id FROM sessions WHERE id <= :last ORDER BY id LIMIT :take)"
                ),
                {"suffix": suffix, "last": last_id, "take": take},
            )
            for table, columns in (
                ("session_summaries", summary_columns),
                ("product_summaries", product_columns),
            ):
                chosen = ", ".join(
                    "s2.id" if c == "session_id" else ("s2.account" if c == "account" else f'x."{c}"')
                    for c in columns
                )
                connection.execute(
                    text(
                        f"INSERT INTO {table} ({', '.join(chr(34) + c + chr(34) for c in columns)}) "
                        f"SELECT {chosen} FROM {table} x JOIN sessions s1 ON s1.id = x.session_id "
                        f"JOIN sessions s2 ON s2.account = s1.account || :suffix AND s2.start_ms = s1.start_ms "
                        f"WHERE s1.id <= :last"
                    ),
                    {"suffix": suffix, "last": last_id},
                )
            count += take
    engine.dispose()
    return count


# --- measurements (each in a child process of its own) -------------------------------------------------


def _cli_ms(args: list[str], repeat: int) -> tuple[float, float]:
    """(wall, CPU) in ms, the fastest of `repeat` runs of each: on a shared machine the slower ones measure
    the neighbours, and the CPU the command used (user + system) is what it costs on an idle one."""
    import resource

    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "livedesk.cli.main", *args],
            check=True,
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.DEVNULL,
        )
        times.append((time.perf_counter() - started) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return min(times), min(cpu)


def _gui_ms(url: str, target: int, other: int, repeat: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", url, str(target), str(other), str(repeat)],
        check=True,
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def child(url: str, target: int, other: int, repeat: int) -> None:
    """The GUI measurements in this process: session switches and the 历史 tab."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from livedesk.app import build_application
    from livedesk.services.review import session_history
    from livedesk.ui.main_window import MainWindow
    from livedesk.ui.review.history_view import HistoryView

    config = tempfile.mkdtemp(prefix="ld-bench-config-")
    app, context = build_application("zh_CN", config_dir=config, db_url=url)
    window = MainWindow(context)
    window.resize(1600, 1000)
    window.show()
    # A heartbeat on the UI thread: the longest gap between beats is the longest the window froze.
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    heartbeat.start()

    def switch_to(session_id: int) -> tuple[float, float, float, float, float]:
        """(click → shown in the workspaces, click → every background task done, longest UI freeze, CPU the
        UI thread spent until shown, CPU of the whole process until settled) in ms. The CPU figures are what
        the wall-clock ones would be on an idle machine: on a shared one the wall clock also counts waiting
        for a core."""
        beats.clear()
        started = time.perf_counter()
        ui_cpu, all_cpu = time.thread_time(), time.process_time()
        beats.append(started)
        context.selection.select(session_id)
        shown_at = None
        while True:
            app.processEvents()
            document = context.document
            plan = document.plan if document is not None else None
            if shown_at is None and plan is not None and plan.session.id == session_id:
                app.processEvents()  # the repaint of what changed
                shown_at = time.perf_counter()
                ui_cpu = time.thread_time() - ui_cpu
            if shown_at is not None and not context.tasks.busy:
                break
            time.sleep(0.001)
        app.processEvents()
        settled = time.perf_counter()
        beats.append(settled)
        stall = max(b - a for a, b in zip(beats, beats[1:], strict=False))
        all_cpu = time.process_time() - all_cpu
        return tuple(x * 1000 for x in (shown_at - started, settled - started, stall, ui_cpu, all_cpu))

    switch_to(other)
    switch_to(target)  # warm: modules imported, fonts loaded
    switches = []
    for _ in range(repeat):
        switch_to(other)
        switches.append(switch_to(target))
    heartbeat.stop()
    view = HistoryView()
    view.resize(1200, 700)
    view.show()
    histories, rows = [], 0
    history_cpu = []
    for i in range(repeat + 1):
        started, cpu = time.perf_counter(), time.thread_time()
        history = session_history(context.store, target)
        view.show_history(history)
        app.processEvents()
        if i:  # the first one imports matplotlib
            histories.append((time.perf_counter() - started) * 1000)
            history_cpu.append((time.thread_time() - cpu) * 1000)
        rows = len(history)
    context.tasks.wait()
    window.close()
    QApplication.processEvents()
    print(
        json.dumps(
            {
                "switch_ms": statistics.median(s[0] for s in switches),
                "settled_ms": statistics.median(s[1] for s in switches),
                "stall_ms": statistics.median(s[2] for s in switches),
                "ui_cpu_ms": statistics.median(s[3] for s in switches),
                "cpu_ms": statistics.median(s[4] for s in switches),
                "history_ms": statistics.median(histories),
                "history_cpu_ms": statistics.median(history_cpu),
                "history_rows": rows,
            }
        )
    )


def measure(url: str, repeat: int) -> dict:
    size, count, target, account, other = _size_and_target(url)
    gui = _gui_ms(url, target, other, repeat)
    plan_show = _cli_ms(["--db", url, "plan", "show", str(target)], repeat)
    listing = _cli_ms(["--db", url, "sessions", "list", "--account", account, "--limit", "50"], repeat)
    return {
        "plan_show": plan_show[0],
        "plan_show_cpu": plan_show[1],
        "list": listing[0],
        "list_cpu": listing[1],
        "sessions": count,
        "bytes_per_session": size / count,
        "switch": gui["switch_ms"],
        "settled": gui["settled_ms"],
        "stall": gui["stall_ms"],
        "ui_cpu": gui["ui_cpu_ms"],
        "cpu": gui["cpu_ms"],
        "history": gui["history_ms"],
        "history_cpu": gui["history_cpu_ms"],
        "history_rows": gui["history_rows"],
    }


# --- the run -------------------------------------------------------------------------------------------

ROWS = (
    ("switch", "GUI session switch: click → shown (ms)"),
    ("settled", "  … → every background task done (ms)"),
    ("stall", "  longest UI-thread freeze in a switch (ms)"),
    ("ui_cpu", "  UI-thread CPU, click → shown (ms)"),
    ("cpu", "  process CPU, click → settled (ms)"),
    ("plan_show", "plan show with the forecast (ms)"),
    ("plan_show_cpu", "  its CPU (ms)"),
    ("list", "sessions list --account X --limit 50 (ms)"),
    ("list_cpu", "  its CPU (ms)"),
    ("history", "历史 tab: trend read + view (ms)"),
    ("history_cpu", "  its UI-thread CPU (ms)"),
)


def report(backend: str, small: dict, big: dict) -> bool:
    print(f"\n{backend}: {small['sessions']} sessions of one account vs {big['sessions']} over many accounts")
    print(f"  {'what':<44}{'small':>10}{'big':>10}{'ratio':>8}")
    ok = True
    for key, label in ROWS:
        ratio = big[key] / small[key]
        flag = ""
        if key in TARGETS and ratio > TARGET_RATIO:
            flag = f"  over {TARGET_RATIO}x"
        if key in ("switch", "ui_cpu") and big[key] > SWITCH_BUDGET_MS:
            flag += f"  over {SWITCH_BUDGET_MS:.0f} ms"
        ok &= not flag
        print(f"  {label:<44}{small[key]:>10.1f}{big[key]:>10.1f}{ratio:>7.2f}x{flag}")
    print(
        f"  store size per session: {small['bytes_per_session'] / 1024:,.0f} KiB (small), "
        f"{big['bytes_per_session'] / 1024:,.0f} KiB (big); history rows shown {big['history_rows']}"
    )
    return ok


def report_scaled(backend: str, small: dict, big: dict, scaled: dict) -> None:
    print(
        f"\n{backend} at {scaled['sessions']:,} sessions (the big store grown by cloned headers and "
        "summaries; the measured sessions keep their plans, logs and orders)"
    )
    print(f"  {'what':<44}{'small':>10}{'scaled':>10}{'ratio':>8}")
    for key, label in ROWS:
        print(f"  {label:<44}{small[key]:>10.1f}{scaled[key]:>10.1f}{scaled[key] / small[key]:>7.2f}x")
    per_session = big["bytes_per_session"]
    print(
        f"  store size on paper: {per_session / 1024:,.0f} KiB a session × {scaled['sessions']:,} = "
        f"{per_session * scaled['sessions'] / 1024**3:,.1f} GiB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=20, help="accounts in the big store (default 20)")
    parser.add_argument(
        "--sessions", type=int, default=50, help="sessions per account, big store (default 50)"
    )
    parser.add_argument(
        "--small", type=int, default=10, help="sessions of the one-account store (default 10)"
    )
    parser.add_argument("--orders", type=int, default=3000, help="order lines per session (default 3000)")
    parser.add_argument("--repeat", type=int, default=9, help="switches and history reads per store")
    parser.add_argument("--keep", metavar="DIR", help="keep the stores here and reuse them next time")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("LIVEDESK_TEST_POSTGRES_URL"))
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument(
        "--scale-to",
        type=int,
        default=0,
        metavar="N",
        help="also measure a copy of the big store grown to N sessions by cloning headers and summaries",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args, _unknown = parser.parse_known_args()  # run_all passes its own options to every script
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]), int(args.child[3]))
        return 0
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ld-bench-studio-"))
    folder.mkdir(parents=True, exist_ok=True)
    shape = (args.accounts, args.sessions, args.small, args.orders)
    tag = f"{args.accounts}x{args.sessions}_{args.small}_{args.orders}"
    ok = True
    if not args.no_sqlite:
        urls = {}
        for name, accounts, sessions in (("small", 1, shape[2]), ("big", shape[0], shape[1])):
            path = folder / f"studio_{name}_{tag}.sqlite3"
            urls[name] = f"sqlite:///{path}"
            if not path.exists():
                seconds = _fill(urls[name], accounts, sessions, args.orders)
                print(f"SQLite {name}: wrote {accounts * sessions:,} sessions in {seconds:.0f} s", flush=True)
        small = measure(urls["small"], args.repeat)
        big = measure(urls["big"], args.repeat)
        ok &= report("SQLite", small, big)
        if args.scale_to:
            scaled = folder / f"studio_scaled{args.scale_to}_{tag}.sqlite3"
            if not scaled.exists():
                _sqlite_copy(folder / f"studio_big_{tag}.sqlite3", scaled)
                scale_up(f"sqlite:///{scaled}", args.scale_to)
            report_scaled("SQLite", small, big, measure(f"sqlite:///{scaled}", args.repeat))
    if args.postgres:
        names = {name: f"ld_bench_{name}_{tag}".lower() for name in ("small", "big")}
        urls = {}
        for name, accounts, sessions in (("small", 1, shape[2]), ("big", shape[0], shape[1])):
            urls[name], existed = _pg_database(args.postgres, names[name], fresh=not args.keep)
            if not existed:
                seconds = _fill(urls[name], accounts, sessions, args.orders)
                print(
                    f"PostgreSQL {name}: wrote {accounts * sessions:,} sessions in {seconds:.0f} s",
                    flush=True,
                )
        try:
            small = measure(urls["small"], args.repeat)
            big = measure(urls["big"], args.repeat)
            ok &= report("PostgreSQL", small, big)
            if args.scale_to:
                names["scaled"] = f"ld_bench_scaled{args.scale_to}_{tag}".lower()
                scaled_url, existed = _pg_database(
                    args.postgres, names["scaled"], fresh=True, template=names["big"]
                )
                scale_up(scaled_url, args.scale_to)
                report_scaled("PostgreSQL", small, big, measure(scaled_url, args.repeat))
                _drop_pg(args.postgres, names.pop("scaled"))
        finally:
            if not args.keep:
                for name in names.values():
                    _drop_pg(args.postgres, name)
    else:
        print("\nPostgreSQL: skipped (give --postgres URL or set LIVEDESK_TEST_POSTGRES_URL)")
    print("\nall within target" if ok else "\nsome figures are over target (see above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
