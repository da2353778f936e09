"""What the browser views show, as the JSON the server pushes: built from a live run's `LiveStatus`, its run
order and its log. Words come translated; colours from the domain palette. Values that move with the
clock sit under "clock" so a page can count them down between pushes and the feed can tell a real change
from the passing of time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from livedesk.domain.live_log import EventKind, LiveEvent
from livedesk.domain.live_run import LUCKY_BAG_TIMER, LiveRun, LiveStatus, RunState
from livedesk.domain.money import format_yuan
from livedesk.domain.roles import PITCH_STEPS, SegmentKind
from livedesk.domain.script_template import segment_script, step_text
from livedesk.domain.session import Segment, SessionPlan
from livedesk.words import KINDS, MARKERS, STEPS, segment_colour, segment_words

VERSION = 1
CLOCK_KEY = "clock"


def _clock(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%H:%M:%S")


def _seconds(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _segment(plan: SessionPlan, index: int | None, segment: Segment | None, lang: str) -> dict | None:
    if segment is None:
        return None
    product = plan.product(segment.product_id)
    return {
        "index": index,
        "number": None if index is None else index + 1,
        "label": segment_words(plan, segment, lang),
        "kind": segment.kind.value,
        "kind_name": KINDS.word(segment.kind, lang),
        "colour": segment_colour(segment.kind, plan.role_of(segment)),
        "product": product.name if product else None,
        "price": format_yuan(product.live_price_fen)
        if product and product.live_price_fen is not None
        else None,
        "mechanism": product.mechanism if product else "",
        "notes": segment.notes,
        "planned_seconds": segment.planned_seconds,
    }


def _script(
    plan: SessionPlan, segment: Segment | None, status: LiveStatus, scripts: Mapping[str, str], lang: str
) -> dict:
    """The prompter's words: a pitch as its five steps (the running one marked), other segments whole."""
    if segment is None:
        return {"title": "", "blocks": []}
    title = segment_words(plan, segment, lang)
    if segment.kind in (SegmentKind.PITCH, SegmentKind.ENCORE):
        order = [b.step for b in segment.steps] or list(PITCH_STEPS)
        blocks = [
            {
                "key": step.value,
                "name": STEPS.word(step, lang),
                "text": step_text(plan, segment, step),
                "seconds": next((b.seconds for b in segment.steps if b.step == step), None),
                "current": step == status.step,
            }
            for step in order
        ]
    else:
        text = segment_script(plan, segment, None, scripts)
        blocks = [{"key": segment.kind.value, "name": "", "text": text, "seconds": None, "current": True}]
    return {"title": title, "blocks": blocks}


def _run_order(run: LiveRun, status: LiveStatus, lang: str) -> list[dict]:
    plan = run.plan
    rows, at = [], plan.session.start
    for index, segment in enumerate(run.segments):
        actual = run.actual_seconds(index)
        if index == status.index:
            state = "on_air"
        elif run.is_unplayed(index):
            state = "unplayed"  # left out when the show ended (未播)
        elif run.is_skipped(index):
            state = "skipped"
        elif actual is not None:
            state = "done"
        else:
            state = "upcoming"
        rows.append(
            {
                "index": index,
                "number": index + 1,
                "label": segment_words(plan, segment, lang),
                "kind_name": KINDS.word(segment.kind, lang),
                "colour": segment_colour(segment.kind, plan.role_of(segment)),
                "planned_start": _clock(at.astimezone(plan.session.zone)),
                "planned_seconds": segment.planned_seconds,
                "actual_seconds": _seconds(actual),
                "state": state,
            }
        )
        at = at + timedelta(seconds=segment.planned_seconds)
    return rows


def _last_marker(events: Sequence[LiveEvent], lang: str) -> dict | None:
    for number, event in reversed(list(enumerate(events))):
        if event.kind is EventKind.MARKER and event.marker is not None:
            return {
                # the stored id where there is one; else the position, which still changes with each marker
                "id": event.id if event.id is not None else -number - 1,
                "marker": event.marker.value,
                "name": MARKERS.word(event.marker, lang),
                "note": event.note,
                "at": _clock(event.at),
            }
    return None


def view_state(
    run: LiveRun,
    events: Sequence[LiveEvent],
    session_scripts: Mapping[str, str],
    lang: str,
    *,
    status: LiveStatus | None = None,
) -> dict[str, Any]:
    """The whole state of the three views. `events` is the run's log so far (for the last marker)."""
    status = status or run.status()
    plan = run.plan
    segment = status.segment
    shown = segment
    if shown is None and status.state is RunState.READY and run.segments:
        shown = run.segments[status.next_index] if status.next_index is not None else None
    step = None
    if status.step is not None and segment is not None:
        step = {
            "index": status.step_index,
            "count": len(segment.steps),
            "key": status.step.value,
            "name": STEPS.word(status.step, lang),
            "budget": status.step_budget,
        }
    bag = next((t for t in status.timers if t.key == LUCKY_BAG_TIMER), None)
    upcoming_index = status.next_index
    if status.state is RunState.READY and upcoming_index is not None:
        upcoming_index = run.following(upcoming_index)  # the first segment is already the one shown
    upcoming = run.segments[upcoming_index] if upcoming_index is not None else None
    return {
        "version": VERSION,
        "session": {"title": plan.session.title, "start": _clock(plan.session.start)},
        "state": status.state.value,
        "warning_seconds": run.warning_seconds,
        "danger_seconds": run.danger_seconds,
        "segment": _segment(plan, status.index, segment, lang),
        "first": _segment(plan, status.next_index, shown, lang) if segment is None else None,
        "allowed": _seconds(status.allowed),
        "step": step,
        "steps": [STEPS.word(b.step, lang) for b in segment.steps] if segment else [],
        "next": _segment(plan, upcoming_index, upcoming, lang),
        "lucky_bag": None if bag is None else {"label": bag.label, "seconds": bag.seconds},
        "message": {"text": status.message, "blink": status.blink},
        "marker": _last_marker(events, lang),
        "planned_end": _clock(status.planned_end),
        "done": status.done,
        "total": status.total,
        "script": _script(plan, shown, status, session_scripts, lang),
        "run_order": _run_order(run, status, lang),
        CLOCK_KEY: {
            "remaining": _seconds(status.remaining) if segment else None,
            "elapsed": _seconds(status.elapsed) if segment else None,
            "step_remaining": _seconds(status.step_remaining) if step else None,
            "lucky_bag_remaining": _seconds(bag.remaining) if bag else None,
            "over_under": _seconds(status.over_under),
            "expected_end": _clock(status.expected_end),
        },
    }


def steady_part(state: Mapping[str, Any]) -> dict[str, Any]:
    """The state without what moves with the clock: equal steady parts mean nothing happened."""
    return {key: value for key, value in state.items() if key != CLOCK_KEY}
