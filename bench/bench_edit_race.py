"""Concurrency stress: two real processes edit one session at once, N rounds of each scenario (same field,
different parts, stale copy of the same field, stale copy of another field), on SQLite and, when a URL is
given, PostgreSQL; then two processes import the same file at the same moment, N rounds.

Prints, per store and save mode, the conflicts detected and the edits lost, and the duplicate imports. The
`legacy` mode saves the whole plan blindly, as the planner did before edit versions (the baseline measured in
the same run); `versioned` saves as the planner does now. Usage:

    python bench/bench_edit_race.py [--runs 30] [--import-runs 5] [--pg postgresql://user:pw@host:port/db]

The PostgreSQL URL must allow CREATE DATABASE: each store is a fresh database, dropped afterwards.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "persistence"))
sys.path.insert(0, str(ROOT / "tests" / "import_export"))
sys.path.insert(0, str(ROOT / "tests"))


def fresh_stores(pg_url: str | None):
    """(label, url, cleanup) for a new SQLite file and, if asked, a new PostgreSQL database."""
    folder = Path(tempfile.mkdtemp(prefix="edit-race-"))
    yield "sqlite", f"sqlite:///{folder / 'race.sqlite3'}", lambda: None
    if pg_url:
        import sqlalchemy

        from livedesk.persistence.store import normalise_url

        admin = sqlalchemy.create_engine(normalise_url(pg_url), isolation_level="AUTOCOMMIT")
        name = "race_" + uuid.uuid4().hex[:10]
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))

        def drop() -> None:
            with admin.connect() as connection:
                connection.execute(sqlalchemy.text(f'DROP DATABASE "{name}" WITH (FORCE)'))

        yield "postgresql", normalise_url(pg_url).rsplit("/", 1)[0] + "/" + name, drop


def edit_counts(url: str, mode: str, runs: int):
    from edit_race import SCENARIOS, EditRace

    race = EditRace(url, mode)
    try:
        for _ in range(runs):
            for scenario in SCENARIOS:
                race.round(scenario)
    finally:
        race.close()
    return race.counts


def duplicate_imports(url: str, runs: int) -> int:
    """Rounds (out of `runs`) after which the session holds the same file more than once."""
    from edit_race import import_race
    from import_files import DOUDIAN_HEADERS, doudian_rows, make_session, write_csv

    from livedesk.persistence import dataset_repository
    from livedesk.persistence.store import Store

    store = Store(url)
    path = write_csv(Path(tempfile.mkdtemp()) / "orders.csv", DOUDIAN_HEADERS, doudian_rows())
    duplicated = 0
    try:
        for _ in range(runs):
            session_id = make_session(store)
            import_race(url, session_id, path)
            with store.reading() as db:
                duplicated += len(dataset_repository.list_datasets(db, session_id)) > 1
    finally:
        store.dispose()
    return duplicated


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds per edit scenario")
    parser.add_argument("--import-runs", type=int, default=5, help="rounds of the import race (0: skip)")
    parser.add_argument("--pg", help="a PostgreSQL URL that may create databases")
    parser.add_argument("--modes", default="legacy,versioned")
    args = parser.parse_args(argv)
    for label, url, cleanup in fresh_stores(args.pg):
        try:
            for mode in args.modes.split(","):
                began = time.perf_counter()
                counts = edit_counts(url, mode, args.runs)
                scenarios = ", ".join(
                    f"{name} {conflicts}/{lost}" for name, (conflicts, lost) in counts.by_scenario.items()
                )
                print(
                    f"{label:10} {mode:9} rounds {counts.rounds:3}  conflicts detected {counts.conflicts:3}  "
                    f"edits lost {counts.lost:3} (rounds losing one {counts.rounds_losing:3})  "
                    f"kept on reload {counts.kept_on_reload:3}  [{time.perf_counter() - began:.1f} s]"
                )
                print(f"{'':10} {'':9} per scenario, conflicts/lost: {scenarios}")
            if args.import_runs:
                duplicated = duplicate_imports(url, args.import_runs)
                print(
                    f"{label:10} imports   rounds {args.import_runs:3}  with duplicate datasets {duplicated}"
                )
        finally:
            cleanup()


if __name__ == "__main__":
    main()
