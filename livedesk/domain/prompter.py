"""Prompter scrolling as clock-driven math: a countdown before start, then a scroll position that moves at
a speed which eases toward the chosen speed (acceleration), so a change of speed never jerks the text."""

from __future__ import annotations

from datetime import datetime, timedelta

from livedesk.domain.clock import Clock

DEFAULT_SPEED = 40.0  # pixels a second
SPEED_STEP = 10.0
MAX_SPEED = 400.0
ACCELERATION = 60.0  # pixels a second², how fast the actual speed follows the chosen one
DEFAULT_COUNTDOWN = 3


class PrompterScroll:
    """Position in pixels from the top of the text. Call `position()` on every tick; it integrates time
    from the clock, never from the tick count, so a slow tick cannot slow the text."""

    def __init__(
        self, clock: Clock, *, speed: float = DEFAULT_SPEED, countdown: int = DEFAULT_COUNTDOWN
    ) -> None:
        self.clock = clock
        self.target_speed = speed
        self.speed = 0.0
        self.countdown_seconds = countdown
        self.running = False
        self._offset = 0.0
        self._last: datetime | None = None
        self._go_at: datetime | None = None

    def start(self) -> None:
        """Start after the countdown (a running scroll just carries on)."""
        if self.running:
            return
        now = self.clock.now()
        self.running, self._last = True, now
        self._go_at = now + timedelta(seconds=self.countdown_seconds)

    def pause(self) -> None:
        self._advance()
        self.running, self.speed, self._go_at = False, 0.0, None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        """Back to the top (a new step); keeps running state and chosen speed, restarts the countdown."""
        self._offset, self.speed = 0.0, 0.0
        if self.running:
            self.running = False
            self.start()

    def faster(self) -> None:
        self.target_speed = min(MAX_SPEED, self.target_speed + SPEED_STEP)

    def slower(self) -> None:
        self.target_speed = max(0.0, self.target_speed - SPEED_STEP)

    def nudge(self, pixels: float) -> None:
        self._advance()
        self._offset = max(0.0, self._offset + pixels)

    def countdown_left(self) -> int:
        """Whole seconds still to count down (0 once the text moves)."""
        if not self.running or self._go_at is None:
            return 0
        left = (self._go_at - self.clock.now()).total_seconds()
        return max(0, int(left) + (1 if left > int(left) else 0))

    def position(self) -> float:
        self._advance()
        return self._offset

    def _advance(self) -> None:
        now = self.clock.now()
        if not self.running or self._last is None:
            self._last = now
            return
        start = max(self._last, self._go_at) if self._go_at else self._last
        self._last = now
        dt = (now - start).total_seconds()
        if dt <= 0:
            return
        # Ease toward the target: accelerate for at most dt, then cruise for the rest.
        gap = self.target_speed - self.speed
        ramp = min(dt, abs(gap) / ACCELERATION) if gap else 0.0
        direction = 1.0 if gap > 0 else -1.0
        end_speed = self.speed + direction * ACCELERATION * ramp
        self._offset += (self.speed + end_speed) / 2 * ramp + end_speed * (dt - ramp)
        self.speed = end_speed
