"""Shared wording and number formats of the review reports (HTML, XLSX, PDF): the Chinese words of
livedesk.words (the same the app shows), yuan with two decimals, rates as percentages, "—" for missing."""

from __future__ import annotations

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
    source_words,
)
from livedesk.words import show as show_in

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
VERDICT_LABELS = {**VERDICTS.texts(REPORT_LANG), None: VERDICTS.word("unknown", REPORT_LANG)}
ACTION_STATUS_LABELS = ACTION_STATUSES.texts(REPORT_LANG)
MONEY, RATES = MONEY_KEYS, RATE_KEYS
PRODUCT_COLUMNS = PRODUCT_METRICS


def show(key: str, value) -> str:
    """A value as the reports write it: ¥1,234.56, -¥308.53, 0.68%, 1,234, or — when missing."""
    return show_in(key, value, REPORT_LANG)


def metric_label(key: str | None) -> str:
    return METRICS.word(key, REPORT_LANG)


def formula_zh(formula: str | None) -> str:
    """ "buyers / uv" → "成交人数 ÷ 观看人数": each metric key in a formula by its label."""
    return formula_words(formula, REPORT_LANG)


def finding_zh(finding: dict, names: dict) -> str:
    """The finding in the reports' language, in the same sentence as the app's review page."""
    return finding_words(finding, names, REPORT_LANG)


def source_zh(source: str | None) -> str:
    """A value's source as the report shows it ("derived: gmv / uv" → "计算：成交金额 ÷ 观看人数"); None → "—"."""
    return "—" if not source else source_words(source, REPORT_LANG)


def minutes(seconds) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}′"


def segment_name(segment: dict, names: dict) -> str:
    """The plan's title when it has one (it already names the product: "引流款：山野 红糖姜枣茶"); otherwise the
    kind and the product. Joining all three repeated the product name."""
    kind = KINDS.word(segment["kind"], REPORT_LANG)
    product = names.get(segment.get("product_id"), segment.get("product_id")) or ""
    title = segment.get("title") or ""
    if title:
        return title if (not product or product in title) else f"{title}（{product}）"
    return " ".join(part for part in (kind, product) if part)


def stamp(moment: str | None) -> str:
    """An ISO time as people write it: 2026-11-14 20:00 (the report is in the session's own time zone)."""
    return "—" if not moment else f"{moment[:10]} {moment[11:16]}"


def product_names(review: dict) -> dict:
    return {p["product_id"]: p["name"] for p in review.get("products", [])}
