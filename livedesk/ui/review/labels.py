"""A finding's evidence as the meeting reads it, in the UI language: each value worded by its unit (money
from fen, times of day from epoch ms in the session's zone) by livedesk.words."""

from __future__ import annotations

from collections.abc import Mapping

from livedesk.analysis.review_types import Finding
from livedesk.ui.i18n import tr
from livedesk.words import metric_word, param_words


def evidence_text(finding: Finding, names: Mapping[str, str], zone: str) -> str:
    """One line per evidence value: its name and its value, worded by the value's unit."""
    words = {
        "metric": tr("Metric"),
        "value": tr("Actual"),
        "target": tr("Target"),
        "threshold": tr("Threshold"),
        "achieved": tr("Achieved"),
        "planned_seconds": tr("Planned"),
        "actual_seconds": tr("Actual length"),
        "delta_seconds": tr("Difference"),
        "online_start": tr("Online at start"),
        "online_end": tr("Online at end"),
        "skipped": tr("Skipped"),
        "added": tr("Added"),
        "segments": tr("Segment numbers"),
        "products": tr("Products"),
        "at": tr("Time"),
        "note": tr("Note"),
        "position": tr("Position in the run order"),
        "lines": tr("Order lines"),
        "first_paid": tr("First paid"),
        "last_paid": tr("Last paid"),
    }
    metric = finding.param("metric")
    lines = []
    for param in finding.evidence:
        in_metric = str(metric) if param.name in ("value", "target") and isinstance(metric, str) else None
        if param.name == "achieved" and isinstance(param.value, (int, float)):
            text = f"{param.value * 100:.0f}%"  # share of the target: whole percents read at a glance
        else:
            text = param_words(param, zone, names, metric=in_metric)
        lines.append(f"{words.get(param.name) or metric_word(param.name)}: {text}")
    return "\n".join(lines)
