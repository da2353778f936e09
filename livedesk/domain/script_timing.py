"""How long a script takes to say: characters counted as spoken, a per-host speaking rate (chars/min)
learnt from rehearsal takes, and budgets suggested from what hosts actually took."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_CHARS_PER_MINUTE = 220.0  # Chinese live speech runs about 200–250 characters a minute
MIN_RATE, MAX_RATE = 80.0, 450.0  # outside this a take was timed wrongly (timer left running, skipped)
MIN_TAKE_SECONDS = 5.0  # shorter steps say nothing about the rate
RECENT_TAKES = 5

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def spoken_chars(text: str) -> int:
    """Characters as they are spoken: each Han character and each digit counts 1, each Latin word 1;
    punctuation, spaces and emoji are silent."""
    return len(_HAN.findall(text)) + len(_DIGIT.findall(text)) + len(_LATIN_WORD.findall(text))


def estimate_seconds(text: str, chars_per_minute: float = DEFAULT_CHARS_PER_MINUTE) -> int:
    """Whole seconds to say `text` at `chars_per_minute` (rounded up; 0 for silent text)."""
    if chars_per_minute <= 0:
        raise ValueError("a speaking rate must be positive")
    return math.ceil(spoken_chars(text) * 60.0 / chars_per_minute)


@dataclass(frozen=True)
class TakeSample:
    """One timed step of a rehearsal: what was said (chars) and how long it took (seconds)."""

    chars: int
    seconds: float


def learn_rate(
    samples: Iterable[TakeSample], *, default: float = DEFAULT_CHARS_PER_MINUTE, recent: int = RECENT_TAKES
) -> float:
    """Chars per minute over the `recent` most recent usable samples (newest last; 0 = all): total chars / total seconds,
    a ratio of sums so one short step does not swing it; `default` when nothing usable is there."""
    usable = [
        s
        for s in samples
        if s.chars > 0
        and s.seconds >= MIN_TAKE_SECONDS
        and MIN_RATE <= s.chars * 60.0 / s.seconds <= MAX_RATE
    ]
    usable = usable[-recent:] if recent > 0 else usable
    seconds = sum(s.seconds for s in usable)
    if seconds <= 0:
        return default
    return round(sum(s.chars for s in usable) * 60.0 / seconds, 1)


class Fit(StrEnum):
    FITS = "fits"  # estimate within 90 % of the budget
    TIGHT = "tight"  # 90–100 %
    OVER = "over"  # longer than the budget
    EMPTY = "empty"  # no text yet


@dataclass(frozen=True)
class StepEstimate:
    chars: int
    estimated_seconds: int
    budget_seconds: int

    @property
    def fit(self) -> Fit:
        if self.chars == 0:
            return Fit.EMPTY
        if self.estimated_seconds > self.budget_seconds:
            return Fit.OVER
        if self.estimated_seconds > 0.9 * self.budget_seconds:
            return Fit.TIGHT
        return Fit.FITS

    @property
    def over_by(self) -> int:
        """Seconds the estimate runs past the budget (negative: time to spare)."""
        return self.estimated_seconds - self.budget_seconds


def estimate_step(
    text: str, budget_seconds: int, chars_per_minute: float = DEFAULT_CHARS_PER_MINUTE
) -> StepEstimate:
    return StepEstimate(spoken_chars(text), estimate_seconds(text, chars_per_minute), int(budget_seconds))


def suggest_budget(
    actual_seconds: Sequence[float], *, recent: int = RECENT_TAKES, round_to: int = 5
) -> int | None:
    """A budget from the recent actual times of a step: their median, rounded up to `round_to` seconds;
    None without history (a budget is never invented)."""
    values = sorted(float(v) for v in list(actual_seconds)[-recent:] if v and v > 0)
    if not values:
        return None
    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    return int(math.ceil(median / round_to) * round_to)
