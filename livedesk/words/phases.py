"""Words and colours of a live countdown's phases, defined once for the console's windows, the rehearsal
timers and the browser views."""

from __future__ import annotations

from livedesk.domain.live_status import Level
from livedesk.words.vocabulary import Vocabulary, Word

PHASES = Vocabulary(
    "live phase",
    {
        Level.NORMAL: Word("正常", "On time", "#4CC38A"),  # green
        Level.WARNING: Word("准备收尾", "Wrap up soon", "#F5B840"),  # amber: start wrapping up
        Level.DANGER: Word("立即收尾", "Wrap up now", "#FF6B3D"),  # orange-red
        Level.OVERTIME: Word("超时", "Over time", "#FF3B5C"),  # red
    },
)
# phase → colour, for style sheets and CSS that take every phase at once.
LEVEL_COLOURS: dict[Level, str] = {Level(code): PHASES.colour(code) or "" for code in PHASES}
