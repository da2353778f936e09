"""`load_samples`: both sample sessions, the live log and every export land in the store, once."""

from __future__ import annotations

import shutil

import pytest

from livedesk.domain.dataset import DatasetKind
from livedesk.persistence import dataset_repository, live_log_repository, session_repository
from livedesk.services.samples import SamplesMissing, load_samples


def _state(store):
    with store.reading() as db:
        sessions = session_repository.list_sessions(db)
        datasets = {
            s.id: [(d.kind, d.rows_stored) for d in dataset_repository.list_datasets(db, s.id)]
            for s in sessions
        }
        events = {s.id: len(live_log_repository.list_events(db, s.id, s.timezone)) for s in sessions}
    return sessions, datasets, events


def test_load_puts_both_sessions_with_log_and_exports_into_the_store(store, committed):
    loaded = load_samples(store, committed)
    past_id, upcoming_id = (sample.session_id for sample in loaded)
    sessions, datasets, events = _state(store)
    assert {s.id for s in sessions} == {past_id, upcoming_id}
    assert all(s.is_sample for s in sessions)
    with store.reading() as db:
        past = session_repository.load_plan(db, past_id)
        upcoming = session_repository.load_plan(db, upcoming_id)
    assert len(past.products) == 20 and len(past.segments) == 26 and upcoming.segments
    assert past.session.account == upcoming.session.account
    assert events[past_id] > 200 and events[upcoming_id] == 0
    kinds = {kind for kind, _ in datasets[past_id]}
    assert {
        DatasetKind.SUMMARY,
        DatasetKind.CHANNELS,
        DatasetKind.PRODUCTS,
        DatasetKind.EXPLANATIONS,
        DatasetKind.ORDERS,
        DatasetKind.MINUTES,
    } <= kinds
    assert (DatasetKind.ORDERS, 2600) in datasets[past_id]
    assert datasets[upcoming_id] == []
    # The importer's own cross-checks agree with the generator: every finding on the sample is "ok".
    findings = [f for sample in loaded for summary in sample.imports for f in summary.findings]
    assert findings and all(f["ok"] for f in findings), [f for f in findings if not f["ok"]]
    assert not [w for sample in loaded for summary in sample.imports for w in summary.warnings]


def test_loading_twice_adds_nothing(store, committed):
    first = [s.session_id for s in load_samples(store, committed)]
    before = _state(store)
    second = load_samples(store, committed)
    assert [s.session_id for s in second] == first
    assert not any(s.created for s in second) and all(s.events_added == 0 for s in second)
    after = _state(store)
    assert [s.id for s in after[0]] == [s.id for s in before[0]]
    assert after[1] == before[1] and after[2] == before[2]


def test_missing_folder_or_file_is_named(store, tmp_path, committed):
    with pytest.raises(SamplesMissing, match="does not exist"):
        load_samples(store, tmp_path / "nowhere")
    partial = tmp_path / "partial"
    shutil.copytree(committed, partial)
    (partial / "抖店_订单_2026-11-14.csv").unlink()
    with pytest.raises(SamplesMissing, match="抖店_订单_2026-11-14.csv is missing"):
        load_samples(store, partial)
    assert _state(store)[0] == []  # nothing half-stored


def test_samples_dir_honours_the_environment(monkeypatch, tmp_path):
    from livedesk.samples import samples_dir

    assert samples_dir().name == "sample_sessions" and (samples_dir().parent / "livedesk").is_dir()
    monkeypatch.setenv("LIVEDESK_SAMPLES_DIR", str(tmp_path))
    assert samples_dir() == tmp_path


def test_a_refused_export_is_reported_with_its_name(store, tmp_path, committed):
    from livedesk.services.samples import SampleImportFailed

    broken = tmp_path / "broken"
    shutil.copytree(committed, broken)
    (broken / "罗盘_整场数据_2026-11-14.xlsx").write_bytes(b"not a workbook at all")
    with pytest.raises(SampleImportFailed, match="罗盘_整场数据_2026-11-14.xlsx"):
        load_samples(store, broken)
