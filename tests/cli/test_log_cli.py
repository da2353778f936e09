"""`livedesk log export`: the live log CSV as the importer expects it."""

from __future__ import annotations

import csv

from stage_fixtures import START, stage_plan

from livedesk.cli.main import main
from livedesk.domain.clock import FakeClock
from livedesk.domain.live_log import Marker
from livedesk.services.live import LiveService
from livedesk.services.sessions import save_plan


def test_export_writes_header_and_events(tmp_path, store, capsys):
    session_id = save_plan(store, stage_plan())
    clock = FakeClock(START)
    live = LiveService(store, session_id, clock)
    live.go()
    clock.advance(90.25)
    live.mark(Marker.NOTE, "声音小, 调麦")
    clock.advance(30)
    live.go()
    out = tmp_path / "log.csv"
    assert main(["log", "export", str(session_id), "--out", str(out), "--db", store.url]) == 0
    assert capsys.readouterr().out.startswith("已把 5 条事件写入")
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "at,kind,segment_index,step,marker,note,product_id"
    rows = list(csv.DictReader(text.splitlines()))
    assert rows[0] == {
        "at": "2026-11-14T20:00:00.000+08:00",
        "kind": "segment_start",
        "segment_index": "0",
        "step": "",
        "marker": "",
        "note": "",
        "product_id": "",
    }
    assert rows[1]["at"] == "2026-11-14T20:01:30.250+08:00" and rows[1]["marker"] == "note"
    assert rows[1]["note"] == "声音小, 调麦"
    assert [r["kind"] for r in rows[2:]] == ["segment_end", "segment_start", "step_start"]
    assert rows[-1]["step"] == "pain_point" and rows[-1]["product_id"] == "P1"


def test_unknown_session_and_bad_folder_are_user_errors(tmp_path, store, capsys):
    assert main(["log", "export", "99", "--out", str(tmp_path / "x.csv"), "--db", store.url]) == 2
    assert "没有编号为 99 的场次" in capsys.readouterr().err
    assert (
        main(["log", "export", "99", "--out", str(tmp_path / "x.csv"), "--db", store.url, "--lang", "en"])
        == 2
    )
    assert "there is no session 99" in capsys.readouterr().err
    assert main(["log", "export", "abc", "--out", str(tmp_path / "x.csv"), "--db", store.url]) == 2
    assert main(["log", "export", "1", "--out", str(tmp_path / "missing" / "x.csv"), "--db", store.url]) == 2
    assert "所在的文件夹不存在" in capsys.readouterr().err


def test_an_exported_log_imported_into_another_session_becomes_its_live_log(tmp_path, store, capsys):
    from livedesk.persistence import live_log_repository
    from livedesk.services.imports import import_file

    source = save_plan(store, stage_plan())
    target = save_plan(store, stage_plan())
    clock = FakeClock(START)
    live = LiveService(store, source, clock)
    live.go()
    clock.advance(61.5)
    live.mark(Marker.LINK_UP)
    clock.advance(30)
    live.go()
    out = tmp_path / "log.csv"
    assert main(["log", "export", str(source), "--out", str(out), "--db", store.url]) == 0
    summary = import_file(store, target, out, kind="log")
    with store.reading() as db:
        original = live_log_repository.list_events(db, source, "Asia/Shanghai")
        imported = live_log_repository.list_events(db, target, "Asia/Shanghai")
    assert summary.live_log_events == len(original) == 5

    def strip(events):
        return [(e.at, e.kind, e.segment_index, e.step, e.marker, e.note, e.product_id) for e in events]

    assert strip(imported) == strip(original)
    import_file(store, target, out, kind="log")  # importing again replaces, never duplicates
    with store.reading() as db:
        assert len(live_log_repository.list_events(db, target, "Asia/Shanghai")) == 5
