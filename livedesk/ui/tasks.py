"""Background work: jobs run on a thread pool and call back on the UI thread; the newest request per key wins.

Workers never touch widgets: a job gets a `TaskControl` (progress, cancellation) and returns a value; the
callbacks run on the UI thread through a queued signal. Tests set `inline=True` to run jobs synchronously.
Writes to the store go through one `StoreWriter` thread, so the UI never waits on the database's lock.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot


class TaskCancelled(Exception):
    """Raised inside a job (by `TaskControl.check()`) when the user or a newer request cancelled it."""


class TaskControl:
    """Handed to a job: report progress, look at or react to cancellation."""

    def __init__(self, report: Callable[[float, str], None]) -> None:
        self._cancel = threading.Event()
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, fraction: float, message: str = "") -> None:
        self._report(max(0.0, min(1.0, fraction)), message)


class _Relay(QObject):
    """Tells the UI thread that a job of (key, generation) finished; signals are queued across threads.

    Only plain values cross the signal: the outcome waits in `TaskRunner._outcomes` (PySide 6 on Python 3.11
    mis-counts references of None passed through `object` signal arguments, which crashed the interpreter).
    """

    finished = Signal(str, int)
    progressed = Signal(str, int, float, str)


_scope_numbers = itertools.count(1)
_SKIPPED = object()  # what a superseded write returns instead of writing


class TaskRunner(QObject):
    """Submit jobs by key; only the newest job of a key calls back.

    `busy_changed` follows the set of jobs still running, whatever order they end in. A failure that no
    caller handles is announced by `failed` (the main window shows it) instead of being raised into Qt.
    """

    busy_changed = Signal(bool)
    failed = Signal(object)  # the exception of a job nobody handles (with its __traceback__)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False, workers: int = 2) -> None:
        super().__init__(parent)
        self.inline = inline
        # Plain Python threads: the jobs are Python, and Qt's QRunnable wrappers crashed the interpreter at exit.
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="livedesk-task")
        self._futures: set[Future] = set()
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._relay.progressed.connect(self._on_progressed)
        self._generation: dict[str, int] = {}
        self._controls: dict[str, TaskControl] = {}
        self._callbacks: dict[tuple[str, int], tuple[Callable | None, Callable | None, Callable | None]] = {}
        self._outcomes: dict[tuple[str, int], tuple[Any, BaseException | None]] = {}
        self._outcomes_lock = threading.Lock()

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def scope(self, name: str) -> TaskScope:
        """Keys of one owner (a dialog, a page): two dialogs of the same kind never cancel each other's jobs."""
        return TaskScope(self, f"{name}#{next(_scope_numbers)}")

    def submit(
        self,
        key: str,
        job: Callable[[TaskControl], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
    ) -> TaskControl:
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        if key in self._controls:
            self._controls[key].cancel()
        control = TaskControl(
            lambda fraction, message: self._relay.progressed.emit(key, generation, fraction, message)
        )
        self._controls[key] = control
        was_busy = self.busy
        self._callbacks[(key, generation)] = (on_done, on_failed, on_progress)
        if not was_busy:
            self.busy_changed.emit(True)

        def run() -> None:
            result, error = None, None
            try:
                result = job(control)
            except BaseException as exc:
                error = exc  # keeps its __traceback__: the error report shows where it was raised
            with self._outcomes_lock:
                self._outcomes[(key, generation)] = (result, error)
            self._relay.finished.emit(key, generation)

        if self.inline:
            run()
        else:
            future = self._pool.submit(run)
            self._futures.add(future)
            future.add_done_callback(self._futures.discard)
        return control

    def cancel(self, key: str) -> None:
        if key in self._controls:
            self._controls[key].cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until running jobs end (their callbacks still arrive through the event loop)."""
        _, pending = wait(list(self._futures), timeout=msecs / 1000)
        return not pending

    def shutdown(self) -> None:
        for control in self._controls.values():
            control.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)

    @Slot(str, int, float, str)
    def _on_progressed(self, key: str, generation: int, fraction: float, message: str) -> None:
        callbacks = self._callbacks.get((key, generation))
        if callbacks and callbacks[2] and self._generation.get(key) == generation:
            callbacks[2](fraction, message)

    @Slot(str, int)
    def _on_finished(self, key: str, generation: int) -> None:
        with self._outcomes_lock:
            result, error = self._outcomes.pop((key, generation), (None, None))
        on_done, on_failed, _ = self._callbacks.pop((key, generation), (None, None, None))
        # Busy follows every job still out, superseded or not: a newer job ending first must not leave
        # "Working…" behind, nor an older one ending first clear it while the newer still runs.
        if not self._callbacks:
            self.busy_changed.emit(False)
        if self._generation.get(key) != generation:
            return  # a newer request for the same key superseded this one
        self._controls.pop(key, None)
        if error is None:
            if on_done:
                on_done(result)
        elif isinstance(error, TaskCancelled):
            return
        elif on_failed:
            on_failed(error)
        else:
            self.failed.emit(error)


class TaskScope:
    """A TaskRunner seen through one owner's key prefix (see `TaskRunner.scope`)."""

    def __init__(self, runner: TaskRunner, prefix: str) -> None:
        self.runner = runner
        self.prefix = prefix

    def key(self, name: str) -> str:
        return f"{self.prefix}/{name}"

    def submit(self, name: str, job: Callable[[TaskControl], Any], **callbacks: Any) -> TaskControl:
        return self.runner.submit(self.key(name), job, **callbacks)

    def cancel(self, name: str) -> None:
        self.runner.cancel(self.key(name))


class StoreWriter(QObject):
    """The one thread that writes user edits to the store, in the order they were made.

    The UI hands over a finished snapshot and goes on; a write still queued is dropped when a newer one of
    the same key arrives (the newer snapshot holds everything the older had). `saved`/`failed` callbacks
    arrive on the UI thread. With `inline=True` (tests, screenshots) writes happen at once.
    """

    pending_changed = Signal(int)
    failed = Signal(object)  # a write whose caller gave no on_failed

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.inline = inline
        self._runner = TaskRunner(self, inline=inline, workers=1)
        self._queued: dict[str, int] = {}
        self._serial = itertools.count(1)
        self._lock = threading.Lock()
        self._pending = 0

    @property
    def pending(self) -> int:
        return self._pending

    def write(
        self,
        key: str,
        job: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        serial = next(self._serial)
        with self._lock:
            self._queued[key] = serial

        def run(_control: TaskControl) -> Any:
            with self._lock:
                if self._queued.get(key) != serial:
                    return _SKIPPED  # a newer snapshot of the same thing is queued behind us
            return job()

        self._set_pending(self._pending + 1)
        # Each write its own task key: the runner must not drop an older write's callback (it is not
        # superseded until the newer one has been written), and one worker keeps them in order.
        self._runner.submit(
            f"{key}@{serial}",
            run,
            on_done=lambda result: self._finish(on_done, result),
            on_failed=lambda error: self._fail(on_failed, error),
        )

    def wait(self, msecs: int = 30000) -> bool:
        return self._runner.wait(msecs)

    def shutdown(self) -> None:
        self._runner.shutdown()

    def _finish(self, callback, result) -> None:
        self._set_pending(self._pending - 1)
        if callback and result is not _SKIPPED:
            callback(result)

    def _fail(self, callback, error: BaseException) -> None:
        self._set_pending(self._pending - 1)
        if callback:
            callback(error)
        else:
            self.failed.emit(error)

    def _set_pending(self, count: int) -> None:
        self._pending = max(0, count)
        self.pending_changed.emit(self._pending)
