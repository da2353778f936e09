"""A rehearsal take (彩排) of a pitch: a timer per script step with start/pause and next/previous,
giving the actual seconds per step to set against the budgets. Driven by an injected clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from livedesk.domain.clock import Clock
from livedesk.domain.roles import ScriptStep
from livedesk.domain.script_timing import TakeSample, spoken_chars


@dataclass(frozen=True)
class RehearsalStep:
    step: ScriptStep
    budget_seconds: int
    text: str = ""


@dataclass(frozen=True)
class TakeStep:
    """One step of a take; `chars` is the spoken length of the text rehearsed. A step the host was still in
    when the take was saved is not `complete`: its time is kept, but it teaches no speaking rate or budget
    (a 9-second partial take once reset the host's rate)."""

    step: ScriptStep
    budget: int
    actual: float
    chars: int
    complete: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step.value,
            "budget": self.budget,
            "actual": round(self.actual, 1),
            "chars": self.chars,
            "complete": self.complete,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TakeStep:
        return cls(
            ScriptStep(data["step"]),
            int(data.get("budget", 0)),
            float(data.get("actual", 0)),
            int(data.get("chars", 0)),
            bool(data.get("complete", True)),
        )


@dataclass
class RehearsalTake:
    started_at: datetime
    product_id: str | None
    host: str
    steps: list[TakeStep] = field(default_factory=list)
    session_id: int | None = None
    id: int | None = None

    @property
    def total_actual(self) -> float:
        return sum(s.actual for s in self.steps)

    @property
    def total_budget(self) -> int:
        return sum(s.budget for s in self.steps)

    def samples(self) -> list[TakeSample]:
        return [TakeSample(s.chars, s.actual) for s in self.steps if s.complete]


class Rehearsal:
    """Timers for the steps of one pitch. Time accrues only while running, on the current step."""

    def __init__(
        self, steps: list[RehearsalStep], clock: Clock, *, product_id: str | None = None, host: str = ""
    ) -> None:
        if not steps:
            raise ValueError("a rehearsal needs at least one step")
        self.steps = list(steps)
        self.clock = clock
        self.product_id = product_id
        self.host = host
        self.index = 0
        self.running = False
        self.finished = False
        self.started_at: datetime | None = None
        self._spent = [0.0] * len(steps)
        self._since: datetime | None = None

    def start(self) -> None:
        if self.running:
            return
        now = self.clock.now()
        self.started_at = self.started_at or now
        self.running, self.finished, self._since = True, False, now

    def pause(self) -> None:
        if self.running:
            self._bank()
            self.running = False

    def toggle(self) -> None:
        """Space: start or pause."""
        self.pause() if self.running else self.start()

    def next(self) -> None:
        """→: on to the next step; after the last one the take is finished (the timer stops)."""
        self._bank()
        if self.index + 1 < len(self.steps):
            self.index += 1
        else:
            self.running, self.finished = False, True

    def previous(self) -> None:
        """←: back one step; its time keeps adding up from where it was."""
        self._bank()
        self.finished = False
        self.index = max(0, self.index - 1)

    def elapsed(self, index: int | None = None) -> float:
        """Seconds spent on a step (the current one by default), including the running stretch."""
        index = self.index if index is None else index
        spent = self._spent[index]
        if self.running and index == self.index and self._since is not None:
            spent += (self.clock.now() - self._since).total_seconds()
        return spent

    def remaining(self, index: int | None = None) -> float:
        index = self.index if index is None else index
        return self.steps[index].budget_seconds - self.elapsed(index)

    def total_elapsed(self) -> float:
        return sum(self.elapsed(i) for i in range(len(self.steps)))

    def take(self) -> RehearsalTake:
        """The steps actually timed so far (steps never reached are left out)."""
        if self.started_at is None:
            raise ValueError("the rehearsal has not started")
        return RehearsalTake(
            started_at=self.started_at,
            product_id=self.product_id,
            host=self.host,
            steps=[
                TakeStep(
                    s.step,
                    s.budget_seconds,
                    self.elapsed(i),
                    spoken_chars(s.text),
                    complete=self.finished or i < self.index,
                )
                for i, s in enumerate(self.steps)
                if self.elapsed(i) > 0
            ],
        )

    def _bank(self) -> None:
        if self.running and self._since is not None:
            now = self.clock.now()
            self._spent[self.index] += (now - self._since).total_seconds()
            self._since = now
