"""The words of the browser views. English source strings, translated through the same `.ts` catalogue as
the desktop windows (`livedesk.translations`), so a step, kind or marker reads the same on both."""

from __future__ import annotations

from collections.abc import Callable

from livedesk.domain.live_log import Marker
from livedesk.domain.roles import ScriptStep, SegmentKind
from livedesk.translations import sayer

Say = Callable[[str], str]

STEP_WORDS = {
    ScriptStep.PAIN_POINT: "Pain point",
    ScriptStep.SELLING_POINTS: "Show selling points",
    ScriptStep.TRUST: "Trust",
    ScriptStep.OFFER: "Price / offer",
    ScriptStep.CLOSE: "Closing push",
}
KIND_WORDS = {
    SegmentKind.OPENING: "Opening",
    SegmentKind.PITCH: "Pitch",
    SegmentKind.INTERACTION: "Interaction",
    SegmentKind.TRANSITION: "Transition",
    SegmentKind.ENCORE: "Encore",
    SegmentKind.CLOSING: "Closing",
}
MARKER_WORDS = {
    Marker.LINK_UP: "Link up",
    Marker.LUCKY_BAG: "Lucky bag",
    Marker.ENCORE: "Encore",
    Marker.INCIDENT: "Incident",
    Marker.NOTE: "Note",
}
STATE_WORDS = {
    "on_air": "on air",
    "done": "done",
    "skipped": "skipped",
    "unplayed": "unplayed",
    "upcoming": "",
}

# What the pages write around the live values; the key is what the page's script asks for.
PAGE_WORDS = {
    "host_title": "Host screen",
    "prompter_title": "Prompter",
    "rundown_title": "Run order",
    "on_air": "ON AIR",
    "ready": "Not on air yet",
    "off_air": "Off air",
    "finished": "The run is over",
    "next": "NEXT",
    "first_up": "First up",
    "nothing_next": "Nothing after this",
    "step": "Step",
    "step_left": "left in this step",
    "lucky_bag": "Lucky bag",
    "lucky_bag_now": "Lucky bag: draw now!",
    "live_price": "Live price",
    "last_marker": "Last marker",
    "over": "over",
    "ahead": "ahead",
    "expected_end": "Expected end",
    "planned_end": "Planned end",
    "segments_done": "segments done",
    "live": "Live",
    "stale": "Connection lost — reconnecting; the screen shows the last known state",
    "token_refused": "This link is no longer valid: scan the new QR code on the director's screen",
    "mirror": "Mirror",
    "no_script": "No script for this segment",
    "planned_start": "Start",
    "segment": "Segment",
    "planned": "Planned",
    "actual": "Actual",
    "state": "State",
    "operator": "Operator keys",
    "go_next": "Next segment",
    "sent": "Sent",
    "refused": "Not accepted",
}


def step_word(say: Say, step: ScriptStep | None) -> str:
    return say(STEP_WORDS[step]) if step is not None else ""


def kind_word(say: Say, kind: SegmentKind) -> str:
    return say(KIND_WORDS[kind])


def marker_word(say: Say, marker: Marker) -> str:
    return say(MARKER_WORDS[marker])


def page_words(say: Say) -> dict[str, str]:
    """Every page word in the views' language, keyed as the page scripts ask for them."""
    words = {key: say(text) for key, text in PAGE_WORDS.items()}
    words |= {f"marker_{m.value}": marker_word(say, m) for m in Marker}
    words |= {f"state_{key}": say(text) if text else "" for key, text in STATE_WORDS.items()}
    return words


def all_sources() -> list[str]:
    """Every English source string the views use (the translation test checks each has Chinese)."""
    texts = [*STEP_WORDS.values(), *KIND_WORDS.values(), *MARKER_WORDS.values(), *PAGE_WORDS.values()]
    texts += [t for t in STATE_WORDS.values() if t]
    return texts


def say_for(lang: str) -> Say:
    return sayer(lang)
