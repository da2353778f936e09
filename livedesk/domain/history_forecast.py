"""A session's GMV learnt from its account's own past sessions, and how far that method has missed.

Top-down: expected viewers (UV per live minute × planned minutes) × expected UV价值, both recency-weighted
ratios of sums; a history without UV uses GMV per live minute. An ad budget moves UV only through a slope
measured in the same history. The range comes from a rolling backtest: every past session forecast from the
sessions before it, the spread of actual ÷ forecast applied to today's figure. Money is fen; pure stdlib.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from livedesk.domain.history import AccountHistory, SessionSummary

MIN_SESSIONS = 3  # fewer past sessions than this: no forecast of the total, the targets decomposed instead
DEFAULT_HALF_LIFE_SESSIONS = 2.0  # a session two sessions older counts half as much
BACKTEST_WINDOW = 20  # the newest backtested sessions the range and the error are read from
RANGE_QUANTILES = (0.10, 0.90)  # an 80 % interval of actual ÷ forecast
AD_MIN_SESSIONS = 4  # an ad slope needs this many sessions with UV and spend …
AD_MIN_R2 = 0.5  # … and must explain at least half of the spread of UV per minute


@dataclass(frozen=True)
class AdEffect:
    """UV per live minute gained per fen of ad spend per minute, measured by least squares on `sessions`."""

    uv_per_fen: float
    r2: float
    sessions: int


@dataclass(frozen=True)
class TopDown:
    """The top-down figure and what it is made of."""

    gmv_fen: float
    basis: str  # "uv" (UV × UV价值) | "gmv_per_minute" (a history without UV)
    uv: float | None
    uv_value_fen: float | None
    gmv_fen_per_minute: float
    session_ids: list[int]
    ad_effect: AdEffect | None = None  # set only when the budget moved the UV


@dataclass(frozen=True)
class BacktestPoint:
    session_id: int
    forecast_fen: float
    actual_fen: int

    @property
    def ratio(self) -> float:
        return self.actual_fen / self.forecast_fen

    @property
    def ape(self) -> float | None:
        """Absolute percentage error against the actual (None when the actual is zero)."""
        return abs(self.actual_fen - self.forecast_fen) / self.actual_fen if self.actual_fen else None


@dataclass(frozen=True)
class Backtest:
    points: list[BacktestPoint] = field(default_factory=list)

    @property
    def sessions(self) -> int:
        return len(self.points)

    @property
    def mape(self) -> float | None:
        errors = [p.ape for p in self.points if p.ape is not None]
        return sum(errors) / len(errors) if errors else None

    def range_factors(self) -> tuple[float, float] | None:
        """The low and high multipliers of a forecast (always around 1, so the range holds the figure)."""
        ratios = sorted(p.ratio for p in self.points)
        if not ratios:
            return None
        low, high = (quantile(ratios, q) for q in RANGE_QUANTILES)
        return min(low, 1.0), max(high, 1.0)


def quantile(values: list[float], q: float) -> float:
    """Linear interpolation between sorted values (the usual definition, numpy's default)."""
    if len(values) == 1:
        return values[0]
    position = q * (len(values) - 1)
    below = int(position)
    above = min(below + 1, len(values) - 1)
    return values[below] + (values[above] - values[below]) * (position - below)


def minutes_of(summary: SessionSummary) -> float | None:
    """Minutes on air, the planned length when the live length is unknown."""
    seconds = summary.live_seconds or summary.planned_seconds
    return seconds / 60 if seconds else None


def recency_weights(count: int, half_life: float) -> list[float]:
    """Oldest first; the newest session weighs 1 and each older one less by half every `half_life` sessions."""
    half_life = max(half_life, 0.1)
    return [0.5 ** ((count - 1 - i) / half_life) for i in range(count)]


def usable(sessions: list[SessionSummary]) -> list[SessionSummary]:
    """Sessions a forecast can learn from: a GMV and a length."""
    return [s for s in sessions if s.gmv_fen is not None and minutes_of(s)]


def measure_ad_effect(sessions: list[SessionSummary]) -> AdEffect | None:
    """Least-squares slope of UV per minute on ad spend per minute; None unless it is positive and clear."""
    points = [
        (s.ad_spend_fen / minutes, s.uv / minutes)
        for s in sessions
        if s.uv and s.ad_spend_fen is not None and (minutes := minutes_of(s))
    ]
    if len(points) < AD_MIN_SESSIONS:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    syy = sum((y - mean_y) ** 2 for _, y in points)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    r2 = sxy * sxy / (sxx * syy)
    if slope <= 0 or r2 < AD_MIN_R2:
        return None
    return AdEffect(slope, r2, n)


def top_down(
    sessions: list[SessionSummary],
    planned_seconds: int,
    ad_budget_fen: int | None = None,
    half_life: float = DEFAULT_HALF_LIFE_SESSIONS,
) -> TopDown | None:
    """The top-down figure for a slot of `planned_seconds` from `sessions` (oldest first); None without any."""
    sessions = usable(sessions)
    if not sessions or planned_seconds <= 0:
        return None
    planned_minutes = planned_seconds / 60
    with_uv = [s for s in sessions if s.uv]
    # UV × UV价值 when most of the history has viewers; an orders-only history reads GMV per minute.
    uses_uv = len(with_uv) * 2 > len(sessions)
    basis_sessions = with_uv if uses_uv else sessions
    weights = recency_weights(len(basis_sessions), half_life)
    minutes = sum(w * (minutes_of(s) or 0) for w, s in zip(weights, basis_sessions, strict=True))
    gmv = sum(w * (s.gmv_fen or 0) for w, s in zip(weights, basis_sessions, strict=True))
    per_minute = gmv / minutes
    ids = [s.session_id for s in basis_sessions]
    if not uses_uv:
        return TopDown(per_minute * planned_minutes, "gmv_per_minute", None, None, per_minute, ids)
    uv = sum(w * (s.uv or 0) for w, s in zip(weights, basis_sessions, strict=True))
    uv_per_minute = uv / minutes
    uv_value = gmv / uv
    effect = None
    if ad_budget_fen is not None:
        effect = measure_ad_effect(basis_sessions)
        if effect is not None:
            spend = sum(w * (s.ad_spend_fen or 0) for w, s in zip(weights, basis_sessions, strict=True))
            usual_rate = spend / minutes
            uv_per_minute = max(
                0.0, uv_per_minute + effect.uv_per_fen * (ad_budget_fen / planned_minutes - usual_rate)
            )
    expected_uv = uv_per_minute * planned_minutes
    return TopDown(expected_uv * uv_value, "uv", expected_uv, uv_value, per_minute, ids, effect)


def backtest(
    sessions: list[SessionSummary],
    half_life: float = DEFAULT_HALF_LIFE_SESSIONS,
    window: int = BACKTEST_WINDOW,
) -> Backtest:
    """Each usable past session forecast from the sessions before it (at least one), newest `window` kept.
    The forecast is given the session's planned length and its actual ad spend as the budget."""
    sessions = usable(sessions)
    points = []
    for index in range(max(1, len(sessions) - window), len(sessions)):
        target = sessions[index]
        figure = top_down(
            sessions[:index],
            target.planned_seconds or target.live_seconds or 0,
            target.ad_spend_fen,
            half_life,
        )
        if figure is None or figure.gmv_fen <= 0 or target.gmv_fen is None:
            continue
        points.append(BacktestPoint(target.session_id, figure.gmv_fen, target.gmv_fen))
    return Backtest(points[-window:])


def prior_sessions(
    history: AccountHistory, before: datetime | None = None, session_id: int | None = None
) -> list[SessionSummary]:
    """The history's sessions that started before `before`, oldest first, never `session_id` itself: a
    defence against a caller whose history reaches the session being forecast or beyond it."""
    return sorted(
        (
            s
            for s in history.sessions
            if (before is None or s.start < before) and (session_id is None or s.session_id != session_id)
        ),
        key=lambda s: s.start,
    )
