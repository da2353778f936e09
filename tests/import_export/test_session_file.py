"""The LiveDesk session file: a whole plan round-trips exactly, and bad files are refused with their name."""

from __future__ import annotations

import json

import pytest

from livedesk.domain.roles import ScriptStep, SegmentKind
from livedesk.import_export.session_file import SessionFileError, read_session_file, write_session_file
from livedesk.samples.plans import past_plan, upcoming_plan


@pytest.mark.parametrize("build", [past_plan, upcoming_plan])
def test_plan_round_trips_exactly(tmp_path, build):
    plan = build(7)
    path = write_session_file(plan, tmp_path / "s.livedesk.json")
    back = read_session_file(path)
    assert back == plan
    assert back.session.start.utcoffset().total_seconds() == 8 * 3600
    assert str(back.session.zone) == "Asia/Shanghai"
    pitch = next(s for s in back.segments if s.kind is SegmentKind.PITCH)
    assert sum(b.seconds for b in pitch.steps) == pitch.planned_seconds
    assert set(back.products[0].scripts) == set(ScriptStep)


def test_same_plan_gives_same_bytes(tmp_path):
    a = write_session_file(past_plan(7), tmp_path / "a.json").read_bytes()
    b = write_session_file(past_plan(7), tmp_path / "b.json").read_bytes()
    assert a == b
    document = json.loads(a)
    assert document["format"] == "livedesk-session" and document["version"] == 1
    assert document["products"][0]["live_price_fen"] == 990  # money stays integer fen


def _write(tmp_path, document, name="bad.livedesk.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _document(tmp_path):
    path = write_session_file(past_plan(7), tmp_path / "good.livedesk.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_not_json_names_the_file(tmp_path):
    path = tmp_path / "notes.livedesk.json"
    path.write_text("this is not json", encoding="utf-8")
    with pytest.raises(SessionFileError, match="notes.livedesk.json"):
        read_session_file(path)


def test_missing_file_is_a_session_file_error(tmp_path):
    with pytest.raises(SessionFileError, match="not found"):
        read_session_file(tmp_path / "nowhere.livedesk.json")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("format"), "not a LiveDesk session file"),
        (lambda d: d.update(version=99), "version 99"),
        (lambda d: d["session"].update(start="2026-11-14T20:00:00"), "no UTC offset"),
        (lambda d: d["session"].update(timezone="Mars/Base"), "not a known time zone"),
        (lambda d: d["products"][0].update(role="hero"), "products\\[0\\].role 'hero'"),
        (lambda d: d["segments"][1].update(product_id="404"), "segments\\[1\\] names product 404"),
        (lambda d: d["segments"][1]["steps"][0].update(seconds=-5), "whole number of seconds"),
        (lambda d: d["products"].append(dict(d["products"][0])), "appears twice"),
    ],
)
def test_invalid_documents_are_refused_with_a_reason(tmp_path, change, message):
    document = _document(tmp_path)
    change(document)
    with pytest.raises(SessionFileError, match=message) as caught:
        read_session_file(_write(tmp_path, document))
    assert str(caught.value).startswith("bad.livedesk.json: ")
