"""What each product earned per pitch minute in an account's past sessions (the tail sold after its pitch
included), shrunk toward its role's average when it has been pitched only a few times; and the GMV a session
makes outside any pitched product. The bottom-up forecast and the run-order generator read these. Money is fen.
"""

from __future__ import annotations

from dataclasses import dataclass

from livedesk.domain.history import ProductSummary, SessionSummary
from livedesk.domain.history_forecast import minutes_of

SHRINK_SESSIONS = 2.0  # a product pitched in two sessions is half its own rate, half its role's


@dataclass(frozen=True)
class ProductRate:
    """GMV per pitch minute (fen) of one product; `own` is its plain ratio of sums, `shrunk` what is used."""

    product_id: str
    sessions: int  # past sessions in which it was pitched
    gmv_fen: int
    pitch_seconds: int
    own: float | None
    shrunk: float
    role_average: float | None

    @property
    def has_history(self) -> bool:
        return self.sessions > 0


def _rate(gmv: float, seconds: float) -> float | None:
    return gmv * 60 / seconds if seconds > 0 else None


def role_averages(products: list[ProductSummary]) -> dict[str | None, float]:
    """GMV per pitch minute of each role as a ratio of sums; the key None holds all roles together."""
    sums: dict[str | None, list[float]] = {}
    for row in products:
        if row.pitch_seconds <= 0:
            continue
        for key in (row.role, None):
            entry = sums.setdefault(key, [0.0, 0.0])
            entry[0] += row.gmv_fen
            entry[1] += row.pitch_seconds
    return {key: rate for key, (gmv, sec) in sums.items() if (rate := _rate(gmv, sec)) is not None}


def product_rates(
    products: list[ProductSummary], roles: dict[str, str], shrink: float = SHRINK_SESSIONS
) -> dict[str, ProductRate]:
    """A rate for every product of `roles` (product id → its role in the plan being made) that history can
    say anything about: its own record shrunk toward the role's average, or the role's average alone for a
    product never pitched. A product whose role nothing in history shares falls back on all roles' average."""
    averages = role_averages(products)
    totals: dict[str, list[int]] = {}
    for row in products:
        if row.product_id not in roles or row.pitch_seconds <= 0:
            continue
        entry = totals.setdefault(row.product_id, [0, 0, 0])
        entry[0] += 1
        entry[1] += row.gmv_fen
        entry[2] += row.pitch_seconds
    rates = {}
    for product_id, role in roles.items():
        prior = averages.get(role, averages.get(None))
        sessions, gmv, seconds = totals.get(product_id, [0, 0, 0])
        own = _rate(gmv, seconds)
        if own is None:
            if prior is None:
                continue
            shrunk = prior
        elif prior is None:
            shrunk = own
        else:
            shrunk = (sessions * own + shrink * prior) / (sessions + shrink)
        rates[product_id] = ProductRate(product_id, sessions, gmv, seconds, own, shrunk, prior)
    return rates


def baseline_fen_per_minute(sessions: list[SessionSummary], products: list[ProductSummary]) -> float | None:
    """GMV per live minute not earned by a pitched product (products sold without a pitch, sales no product
    claims), over the sessions that have product rows; None when none has."""
    pitched: dict[int, int] = {}
    for row in products:
        if row.pitch_seconds > 0:
            pitched[row.session_id] = pitched.get(row.session_id, 0) + row.gmv_fen
    gmv, minutes = 0.0, 0.0
    for summary in sessions:
        length = minutes_of(summary)
        if summary.session_id not in pitched or summary.gmv_fen is None or not length:
            continue
        gmv += max(0, summary.gmv_fen - pitched[summary.session_id])
        minutes += length
    return gmv / minutes if minutes else None
