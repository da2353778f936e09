"""A finding's evidence as the meeting reads it, in the UI language (every code's own words are in
livedesk.words)."""

from __future__ import annotations

from livedesk.ui.i18n import tr
from livedesk.words import metric_word, show


def evidence_text(evidence: dict) -> str:
    """A finding's evidence as the meeting reads it: translated names, minutes, money and rates formatted."""
    metric = evidence.get("metric")
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
        "products": tr("Product IDs"),
        "at": tr("Time"),
        "note": tr("Note"),
        "position": tr("Position in the run order"),
        "lines": tr("Order lines"),
        "first_paid": tr("First paid"),
        "last_paid": tr("Last paid"),
    }
    parts = []
    for key, value in evidence.items():
        if key == "metric":
            text = metric_word(str(value))
        elif key.endswith("_seconds") and isinstance(value, (int, float)):
            text = tr("{minutes} min").format(minutes=f"{value / 60:.1f}")
        elif key in ("value", "target", "threshold") and metric:
            text = show(metric, value)
        elif key == "achieved" and isinstance(value, (int, float)):
            text = f"{value * 100:.0f}%"
        elif isinstance(value, list):
            text = "、".join(str(item) for item in value)
        elif key in ("at", "first_paid", "last_paid") and isinstance(value, str):
            text = value.replace("T", " ")[:19]  # an ISO stamp as a date and clock time
        else:
            text = show(key, value)
        parts.append(f"{words.get(key) or metric_word(key)}: {text}")
    return "\n".join(parts)
