"""Two real processes edit one session at once (same field, different parts, stale copies) and import the same
file at the same moment, on SQLite and PostgreSQL: every conflict is detected, no edit is lost, the user's
side is what is stored after "keep mine", and the file is stored once. bench/bench_edit_race.py runs 30
rounds a scenario and prints the counts."""

from __future__ import annotations

import sys
from pathlib import Path

from edit_race import SCENARIOS, EditRace, import_race

from livedesk.persistence import dataset_repository
from livedesk.persistence.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "import_export"))


def test_two_editor_processes_lose_nothing(any_store: Store):
    race = EditRace(any_store.url)
    try:
        for scenario in SCENARIOS:
            outcomes = race.round(scenario)
            refused = {role: fields for role, (outcome, fields) in outcomes.items() if outcome == "conflict"}
            if scenario == "same_field":
                assert list(refused.values()) == [("title",)]  # exactly one of the two, naming the field
            elif scenario == "stale_same_field":
                assert refused == {"A": ("segments[1].notes",)}
            else:  # different parts, or other fields of one part: merged, nobody is bothered
                assert refused == {}
    finally:
        race.close()
    counts = race.counts
    assert counts.rounds == len(SCENARIOS)
    assert counts.lost == 0
    assert counts.conflicts == 2
    assert counts.kept_on_reload == 2  # after a conflict the user's re-applied edit is what is stored


def test_the_blind_whole_plan_save_loses_edits_the_checked_save_keeps(store: Store):
    """The harness can see a lost edit: the old autosave (whole plan, unchecked) loses one every round."""
    race = EditRace(store.url, mode="legacy")
    try:
        race.round("different_parts")
        race.round("stale_same_field")
    finally:
        race.close()
    assert race.counts.conflicts == 0
    assert race.counts.lost == 2


def test_two_processes_importing_the_same_file_store_it_once(any_store: Store, tmp_path):
    from import_files import DOUDIAN_HEADERS, doudian_rows, make_session, write_csv

    session_id = make_session(any_store)
    path = write_csv(tmp_path / "orders.csv", DOUDIAN_HEADERS, doudian_rows())
    outcomes = import_race(any_store.url, session_id, path)
    with any_store.reading() as db:
        stored = dataset_repository.list_datasets(db, session_id)
    assert len(stored) == 1  # the same bytes once, whichever import won
    assert sorted(role for role, _ in outcomes) == ["A", "B"]  # both finished without an error
