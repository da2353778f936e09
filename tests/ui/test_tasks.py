"""Background tasks: results arrive on the UI thread, the newest request per key wins, cancellation works."""

from __future__ import annotations

import threading

from livedesk.ui.tasks import StoreWriter, TaskRunner
from livedesk.ui.widgets.error_report import error_details


def test_result_arrives_on_the_ui_thread(qtbot):
    runner = TaskRunner()
    results = []
    ui_thread = threading.current_thread()
    runner.submit(
        "sum",
        lambda control: sum(range(1000)),
        on_done=lambda r: results.append((r, threading.current_thread())),
    )
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [(499500, ui_thread)]


def test_newest_request_wins(qtbot):
    runner = TaskRunner()
    gate = threading.Event()
    seen, busy = [], []
    runner.busy_changed.connect(busy.append)

    def slow(control):
        gate.wait(5)
        return "old"

    first = runner.submit("analysis", slow, on_done=seen.append)
    assert runner.busy and busy == [True]
    second = runner.submit("analysis", lambda control: "new", on_done=seen.append)
    assert first.cancelled and not second.cancelled  # the older request is told to stop
    qtbot.waitUntil(lambda: "new" in seen, timeout=5000)
    # The newer job is done, the older one still runs: the page keeps showing it is busy.
    assert runner.busy and busy == [True]
    gate.set()
    runner.wait()
    qtbot.waitUntil(lambda: busy == [True, False], timeout=5000)
    assert seen == ["new"]  # the older result arrived and was dropped
    assert not runner.busy


def test_failures_and_progress_are_reported(qtbot):
    runner = TaskRunner(inline=True)
    progress, errors = [], []

    def job(control):
        control.progress(0.5, "half")
        raise ValueError("bad file")

    runner.submit("import", job, on_failed=errors.append, on_progress=lambda f, m: progress.append((f, m)))
    qtbot.waitUntil(lambda: bool(errors), timeout=2000)
    assert progress == [(0.5, "half")]
    assert str(errors[0]) == "bad file"


def test_busy_ends_whatever_order_jobs_of_one_key_finish_in(qtbot):
    """A newer job finishing before an older one of the same key once left "Working…" on for good."""
    runner = TaskRunner()
    states = []
    runner.busy_changed.connect(states.append)
    old_gate, new_gate = threading.Event(), threading.Event()
    seen = []
    runner.submit("open-session", lambda control: old_gate.wait(5) and "old", on_done=seen.append)
    runner.submit("open-session", lambda control: new_gate.wait(5) and "new", on_done=seen.append)
    new_gate.set()
    qtbot.waitUntil(lambda: seen == ["new"], timeout=5000)
    assert runner.busy  # the old job is still out
    old_gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    qtbot.wait(20)
    assert seen == ["new"] and states[0] is True and states[-1] is False


def test_two_scopes_never_cancel_each_others_jobs(qtbot):
    """Two import dialogs open at once: each one's "import" job is its own."""
    runner = TaskRunner()
    first, second = runner.scope("import-dialog"), runner.scope("import-dialog")
    gate = threading.Event()
    seen = []
    control_one = first.submit("import", lambda control: gate.wait(5) and "one", on_done=seen.append)
    control_two = second.submit("import", lambda control: gate.wait(5) and "two", on_done=seen.append)
    gate.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert sorted(seen) == ["one", "two"]
    assert not control_one.cancelled and not control_two.cancelled
    second.cancel("import")
    assert not control_one.cancelled


def test_an_unhandled_failure_is_announced_not_raised(qtbot):
    runner = TaskRunner(inline=True)
    failures = []
    runner.failed.connect(failures.append)
    runner.submit("export", lambda control: 1 / 0)
    assert len(failures) == 1 and isinstance(failures[0], ZeroDivisionError)
    details = error_details(failures[0])  # what the error report shows: the job's own frame included
    assert "ZeroDivisionError" in details and "1 / 0" in details


def test_store_writer_keeps_order_and_drops_superseded_snapshots(qtbot):
    writer = StoreWriter()
    gate = threading.Event()
    written, done = [], []
    writer.write("block", lambda: gate.wait(5))
    for version in (1, 2, 3):
        writer.write("plan:7", lambda v=version: written.append(v) or v, on_done=done.append)
    writer.write("scripts:7", lambda: written.append("scripts") or "scripts", on_done=done.append)
    assert writer.pending == 5
    gate.set()
    qtbot.waitUntil(lambda: writer.pending == 0, timeout=5000)
    # versions 1 and 2 were still queued when 3 arrived: only the newest plan snapshot is written
    assert written == [3, "scripts"] and done == [3, "scripts"]
