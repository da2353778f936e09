"""Words for where a number came from: the file (and sheet) it was read from, orders LiveDesk summed,
the minute curve, or a formula over other metrics. Sources arrive as the analysis writes them
(`"订单.xlsx (summed orders)"`, `"derived: buyers / uv"`)."""

from __future__ import annotations

from livedesk.words.metrics import formula_words
from livedesk.words.review_words import RUN_SOURCES
from livedesk.words.vocabulary import Vocabulary, Word

DERIVED_PREFIX = "derived: "
SOURCES = Vocabulary(
    "KPI source",
    {
        "summed_orders": Word("订单汇总", "summed orders"),
        "minute_curve": Word("分钟曲线", "Per-minute curve"),
        "derived": Word("计算得出", "computed"),
        "none": Word("无来源", "no source"),
    },
)
_SUFFIXES = {" (summed orders)": "summed_orders", " (minute curve)": "minute_curve"}
_COMPUTED = Word("计算：{formula}", "computed: {formula}")
_FILES_AND = Word("{files}，{how}", "{files}, {how}")


def source_words(source: str | None, lang: str | None = None) -> str:
    """A value's source in full: the file (and sheet), the file and how it was summed, or the formula."""
    if not source:
        return SOURCES.word("none", lang)
    if source in RUN_SOURCES:  # a count read from the live log or the explanation records
        return RUN_SOURCES.word(source, lang)
    if source.startswith(DERIVED_PREFIX):
        formula = formula_words(source.removeprefix(DERIVED_PREFIX), lang)
        return _COMPUTED.text(lang).format(formula=formula)
    for suffix, code in _SUFFIXES.items():
        if source.endswith(suffix):
            return _FILES_AND.text(lang).format(
                files=source.removesuffix(suffix), how=SOURCES.word(code, lang)
            )
    return source


def short_source(source: str | None, lang: str | None = None, width: int = 18) -> str:
    """One short line for a KPI card: the file name without its extension, or how it was computed."""
    if not source:
        return SOURCES.word("none", lang)
    if source.startswith(DERIVED_PREFIX):
        return SOURCES.word("derived", lang)
    for suffix, code in _SUFFIXES.items():
        if source.endswith(suffix):
            return SOURCES.word(code, lang)
    name = source.split(" · ")[0].split(" + ")[0]
    stem = name.rsplit(".", 1)[0] if "." in name[-6:] else name
    return stem if len(stem) <= width else stem[: width - 1] + "…"
