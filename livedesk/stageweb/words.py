"""The words of the browser views: the pages' own sentences as English source strings translated through
the desktop's `.ts` catalogue (`livedesk.translations`), and steps, kinds, markers and run states from
livedesk.words, so they read the same as on the desktop."""

from __future__ import annotations

from livedesk.translations import sayer
from livedesk.words import MARKERS, RUN_STATES

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


def page_words(lang: str) -> dict[str, str]:
    """Every page word in `lang`, keyed as the page scripts ask for them."""
    say = sayer(lang)
    words = {key: say(text) for key, text in PAGE_WORDS.items()}
    words |= {f"marker_{code}": MARKERS.word(code, lang) for code in MARKERS}
    words |= {f"state_{code}": RUN_STATES.word(code, lang) for code in RUN_STATES}
    return words | {"state_upcoming": ""}  # an upcoming segment carries no state word


def all_sources() -> list[str]:
    """Every English source string the pages use (the translation test checks each has Chinese)."""
    return list(PAGE_WORDS.values())
