"""Words for where a number came from, worded from the source's kind code (the analysis's SourceKind:
export, channel_total, orders, minutes, derived, log, explanations, plan), its files and, for a computed
value, its formula. Nothing here reads prose: a source is never parsed from its text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from livedesk.words.metrics import formula_words
from livedesk.words.review_words import RUN_SOURCES
from livedesk.words.vocabulary import Vocabulary, Word


class SourceLike(Protocol):
    """What a source is to its words (livedesk.analysis.review_types.Source has these; the vocabulary may
    not import the analysis)."""

    @property
    def kind(self) -> str: ...

    @property
    def files(self) -> Sequence[str]: ...

    @property
    def formula(self) -> str | None: ...


# By kind code: how a number was made from its files (a plain export needs no words beyond its files).
SOURCES = Vocabulary(
    "KPI source",
    {
        "orders": Word("订单汇总", "summed orders"),
        "minutes": Word("分钟曲线", "Per-minute curve"),
        "channel_total": Word("全部渠道", "all channels"),
        "derived": Word("计算得出", "computed"),
        "none": Word("无来源", "no source"),
    },
)
_COMPUTED = Word("计算：{formula}", "computed: {formula}")
_FILES_AND = Word("{files}，{how}", "{files}, {how}")
_JOINED = " + "


def source_words(source: SourceLike | None, lang: str | None = None) -> str:
    """A value's source in full: the file (and sheet), the files and how they were summed, the run source
    (live log, explanation records, the plan), or the formula it was computed by."""
    if source is None:
        return SOURCES.word("none", lang)
    kind = str(source.kind)
    if kind in RUN_SOURCES:
        return RUN_SOURCES.word(kind, lang)
    if kind == "derived":
        return _COMPUTED.text(lang).format(formula=formula_words(source.formula, lang))
    files = _JOINED.join(source.files)
    if kind in SOURCES:
        return _FILES_AND.text(lang).format(files=files, how=SOURCES.word(kind, lang))
    return files or SOURCES.word("none", lang)


def short_source(source: SourceLike | None, lang: str | None = None, width: int = 18) -> str:
    """One short line for a KPI card: how the value was made, or the first file's name without extension."""
    if source is None:
        return SOURCES.word("none", lang)
    kind = str(source.kind)
    if kind in RUN_SOURCES:
        return RUN_SOURCES.word(kind, lang)
    if kind in SOURCES:
        return SOURCES.word(kind, lang)
    name = source.files[0].split(" · ")[0] if source.files else ""
    stem = name.rsplit(".", 1)[0] if "." in name[-6:] else name
    if not stem:
        return SOURCES.word("none", lang)
    return stem if len(stem) <= width else stem[: width - 1] + "…"
