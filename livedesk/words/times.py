"""Instants as people read them: a review keeps UTC epoch ms (or aware datetimes), and every surface (the
review page, the charts, the three reports, finding sentences) shows them in the session's own time zone
through these helpers, never by cutting characters out of an ISO stamp."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from livedesk.words.vocabulary import MISSING


@lru_cache(maxsize=16)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local(moment: int | datetime, zone: str | None) -> datetime:
    """An instant (UTC epoch ms or an aware datetime) as a datetime in `zone` (None: an aware datetime's
    own zone, which a session's start already is)."""
    if isinstance(moment, datetime):
        return moment if zone is None else moment.astimezone(_zone(zone))
    if zone is None:
        raise ValueError("an epoch-ms instant needs a time zone to be read in")
    return datetime.fromtimestamp(moment / 1000, tz=UTC).astimezone(_zone(zone))


def clock(moment: int | datetime | None, zone: str | None, *, seconds: bool = False) -> str:
    """The time of day in `zone`: "20:05", or "20:05:30" with `seconds`; "—" when unknown."""
    if moment is None:
        return MISSING
    return local(moment, zone).strftime("%H:%M:%S" if seconds else "%H:%M")


def day(moment: int | datetime | None, zone: str | None) -> str:
    """The calendar day in `zone`: "2026-11-14"; "—" when unknown."""
    if moment is None:
        return MISSING
    return local(moment, zone).strftime("%Y-%m-%d")


def month_day(moment: int | datetime | None, zone: str | None) -> str:
    """The short day for a chart axis: "11-14"."""
    if moment is None:
        return MISSING
    return local(moment, zone).strftime("%m-%d")


def stamp(moment: int | datetime | None, zone: str | None, *, seconds: bool = False) -> str:
    """Day and time of day in `zone`: "2026-11-14 20:00" (with `seconds`: "… 20:00:05"); "—" when unknown."""
    if moment is None:
        return MISSING
    return f"{day(moment, zone)} {clock(moment, zone, seconds=seconds)}"
