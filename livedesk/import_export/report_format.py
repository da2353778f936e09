"""Shared wording and number formats of the review reports (HTML, XLSX, PDF): the Chinese words of
livedesk.words (the same the app shows), yuan with two decimals, rates as percentages, "—" for missing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from livedesk.analysis.inputs import yuan
from livedesk.analysis.review import Review
from livedesk.analysis.review_types import Finding, Provenance, SegmentReview, Source
from livedesk.import_export import review_rows
from livedesk.words import (
    ACTION_STATUSES,
    BUCKETS,
    CAVEATS,
    DATASETS,
    KINDS,
    METRICS,
    MONEY_KEYS,
    PLATFORMS,
    PRODUCT_METRICS,
    RATE_KEYS,
    ROLES,
    RUN_SOURCES,
    SEGMENT_STATUSES,
    SEVERITIES,
    SOURCE_FORMATS,
    VERDICTS,
    finding_words,
    formula_words,
    money_words,
    source_words,
)
from livedesk.words import show as show_in
from livedesk.words import show_value as show_value_in
from livedesk.words import stamp as stamp_in

REPORT_LANG = "zh_CN"  # the reports' own sentences are written in Chinese, so their words are too

# livedesk.words' Chinese as plain dicts: the report writers (HTML, XLSX and its overview, PDF, the summary)
# index them by code. They are views of the one vocabulary, not copies of it.
METRIC_LABELS = METRICS.texts(REPORT_LANG)
ROLE_LABELS = ROLES.texts(REPORT_LANG)
KIND_LABELS = KINDS.texts(REPORT_LANG)
STATUS_LABELS = SEGMENT_STATUSES.texts(REPORT_LANG)
SEVERITY_LABELS = SEVERITIES.texts(REPORT_LANG)
PLATFORM_LABELS = PLATFORMS.texts(REPORT_LANG)
RUN_SOURCE_LABELS = RUN_SOURCES.texts(REPORT_LANG)
BUCKET_LABELS = BUCKETS.texts(REPORT_LANG)
DATASET_LABELS = DATASETS.texts(REPORT_LANG)
FORMAT_LABELS = SOURCE_FORMATS.texts(REPORT_LANG)
CAVEAT_LABELS = CAVEATS.texts(REPORT_LANG)
VERDICT_LABELS: dict[str | None, str] = {None: VERDICTS.word("unknown", REPORT_LANG)}
VERDICT_LABELS.update(VERDICTS.texts(REPORT_LANG))
ACTION_STATUS_LABELS = ACTION_STATUSES.texts(REPORT_LANG)
MONEY, RATES = MONEY_KEYS, RATE_KEYS
PRODUCT_COLUMNS = PRODUCT_METRICS


def show(key: str, value: object) -> str:
    """A value as typed by people (yuan for money: an action item's target) as the reports write it: ¥1,234.56,
    -¥308.53, 0.68%, 1,234, or — when missing."""
    return show_in(key, value, REPORT_LANG)


def show_value(key: str, value: object) -> str:
    """A value of the typed review (fen for money) as the reports write it."""
    return show_value_in(key, value, REPORT_LANG)


def money(fen: float | None) -> str:
    return money_words(fen, REPORT_LANG)


def as_number(key: str, value: float | None) -> float | None:
    """A value of the typed review as the number a spreadsheet cell holds (money in yuan)."""
    return yuan(value) if key in MONEY and value is not None else value


def metric_label(key: str | None) -> str:
    return METRICS.word(key, REPORT_LANG)


def formula_zh(formula: str | None) -> str:
    """ "buyers / uv" → "成交人数 ÷ 观看人数": each metric key in a formula by its label."""
    return formula_words(formula, REPORT_LANG)


def finding_zh(finding: Finding, review: Review) -> str:
    """The finding in the reports' language, in the same sentence as the app's review page."""
    return finding_words(finding, review.names, review.zone, REPORT_LANG)


def source_zh(source: Source | None) -> str:
    """A value's source as the report shows it (a formula → "计算：成交金额 ÷ 观看人数"); None → "—"."""
    return "—" if source is None else source_words(source, REPORT_LANG)


def minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}′"


def segment_name(segment: SegmentReview, names: Mapping[str, str]) -> str:
    return review_rows.segment_name(segment, names, REPORT_LANG)


def stamp(moment: int | datetime | None, zone: str) -> str:
    """An instant as people write it, in the session's zone: 2026-11-14 20:00."""
    return stamp_in(moment, zone)


def imported_at(provenance: Provenance) -> datetime | None:
    """When a file was imported (recorded as ISO 8601 text); None when the record cannot be read."""
    try:
        return datetime.fromisoformat(provenance.imported_at)
    except ValueError:
        return None
