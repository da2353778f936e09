"""Background tasks: results arrive on the UI thread, the newest request per key wins, cancellation works."""

from __future__ import annotations

import threading

from livedesk.ui.tasks import TaskRunner


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
    seen = []

    def slow(control):
        gate.wait(5)
        return "old"

    runner.submit("analysis", slow, on_done=seen.append)
    second = runner.submit("analysis", lambda control: "new", on_done=seen.append)
    gate.set()
    runner.wait()
    qtbot.waitUntil(lambda: "new" in seen, timeout=5000)
    qtbot.wait(20)
    assert seen == ["new"]
    assert not second.cancelled


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
