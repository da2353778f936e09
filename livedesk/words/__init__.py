"""LiveDesk's one vocabulary: every code a user sees (roles, segment kinds, script steps, markers, metrics,
finding severities, sources, checks, platforms, dataset and file types, live phases) mapped to its words in
Chinese and English and, where it has one, its colour. The UI, the browser views, the charts, the reports
and the run sheets all read their words here; the language is `current_language()` unless they pass one.

Standard library only (and the domain's enums), so every layer may use it.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from livedesk.domain.live_log import Marker
from livedesk.domain.live_status import Level
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.words.findings import CAVEATS, FINDINGS, finding_words, param_words
from livedesk.words.import_words import IMPORT_KINDS, ROW_PROBLEMS, row_words
from livedesk.words.language import DEFAULT_LANGUAGE, LANGUAGES, current_language, is_chinese, set_language
from livedesk.words.lexicon_words import LEXICON_CATEGORIES, LINT_SEVERITIES
from livedesk.words.metrics import (
    FORMULAS,
    METRICS,
    MONEY_KEYS,
    PRODUCT_METRICS,
    RATE_KEYS,
    formula_words,
    metric_word,
    money_words,
    show,
    show_value,
)
from livedesk.words.phases import LEVEL_COLOURS, PHASES
from livedesk.words.review_words import (
    ACTION_STATUSES,
    BUCKETS,
    CHECKS,
    DATASETS,
    FUNNEL_STAGES,
    PLATFORMS,
    RUN_SOURCES,
    SEVERITIES,
    SOURCE_FORMATS,
    VERDICTS,
    verdict_word,
)
from livedesk.words.run_order import (
    FALLBACK_COLOUR,
    KINDS,
    MARKERS,
    ROLES,
    RUN_STATES,
    SEGMENT_STATUSES,
    STEPS,
    TEAM,
    owner_words,
    segment_colour,
    segment_words,
)
from livedesk.words.sources import SOURCES, short_source, source_words
from livedesk.words.times import clock, day, local, month_day, stamp
from livedesk.words.vocabulary import MISSING, Vocabulary, Word

# The vocabulary of each domain enum, so `word(Role.TRAFFIC)` needs no table; a plain string code is
# ambiguous ("met" is a verdict and an action status) and is looked up in its table instead.
BY_ENUM: dict[type[Enum], Vocabulary] = {
    Role: ROLES,
    SegmentKind: KINDS,
    ScriptStep: STEPS,
    Marker: MARKERS,
    Level: PHASES,
}


def word(code: StrEnum | None, lang: str | None = None) -> str:
    """The word for a domain enum member (a role, kind, step, marker or phase) in `lang` (default: the
    current language); None → "—"."""
    if code is None:
        return MISSING
    if type(code) not in BY_ENUM:
        raise TypeError(
            f"{code!r} is not a domain enum member; look it up in its vocabulary (ROLES, METRICS …)"
        )
    return BY_ENUM[type(code)].word(code, lang)


__all__ = [
    "ACTION_STATUSES",
    "BUCKETS",
    "BY_ENUM",
    "CAVEATS",
    "CHECKS",
    "DATASETS",
    "DEFAULT_LANGUAGE",
    "FALLBACK_COLOUR",
    "FINDINGS",
    "FORMULAS",
    "FUNNEL_STAGES",
    "IMPORT_KINDS",
    "KINDS",
    "LANGUAGES",
    "LEVEL_COLOURS",
    "LEXICON_CATEGORIES",
    "LINT_SEVERITIES",
    "MARKERS",
    "METRICS",
    "MISSING",
    "MONEY_KEYS",
    "PHASES",
    "PLATFORMS",
    "PRODUCT_METRICS",
    "RATE_KEYS",
    "ROW_PROBLEMS",
    "ROLES",
    "RUN_SOURCES",
    "RUN_STATES",
    "SEGMENT_STATUSES",
    "SEVERITIES",
    "SOURCES",
    "SOURCE_FORMATS",
    "STEPS",
    "TEAM",
    "VERDICTS",
    "Vocabulary",
    "Word",
    "current_language",
    "finding_words",
    "formula_words",
    "is_chinese",
    "metric_word",
    "money_words",
    "month_day",
    "param_words",
    "local",
    "day",
    "clock",
    "stamp",
    "show_value",
    "owner_words",
    "segment_colour",
    "row_words",
    "segment_words",
    "set_language",
    "short_source",
    "show",
    "source_words",
    "verdict_word",
    "word",
]
