"""Findings about how the run went that the meeting must hear by name: incidents marked on air (事故), a
closing cut short to absorb overruns, and segments that swapped places. Evidence carries the numbers; the
sentences are livedesk.words.findings'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from livedesk.analysis.review_types import Finding, Param, Severity, Subject, Unit

if TYPE_CHECKING:
    from livedesk.analysis.findings import FindingBasis

# A closing loses its job (thanks, next-session preview, private-group invite, encore) when cut by this much.
CLOSING_CUT_SHARE = 0.25
CLOSING_CUT_MIN_SECONDS = 60


def incidents(basis: FindingBasis) -> list[Finding]:
    """Every 事故 marker becomes a warning with its time, its note and the block it happened in."""
    run = basis.run
    out = []
    for marker in run.markers:
        if marker.marker != "incident":
            continue
        segment = run.segments[marker.position] if marker.position is not None else None
        product = segment.product_id if segment is not None else None
        out.append(
            Finding(
                "incident",
                Severity.WARNING,
                (
                    Param("at", marker.at_ms, Unit.INSTANT),
                    Param("note", marker.note, Unit.TEXT),
                    Param("position", marker.position, Unit.COUNT),
                ),
                Subject(segment=segment.plan_index, segment_product=product)
                if segment is not None
                else Subject(),
            )
        )
    return out


def closing_cut(basis: FindingBasis) -> list[Finding]:
    """A closing that ran well short of its plan (the usual way a team makes up for overruns)."""
    out = []
    for row in basis.plan_vs_actual.rows:
        if row.kind != "closing" or row.status != "kept" or not row.planned_seconds:
            continue
        actual = row.actual_seconds or 0
        cut = row.planned_seconds - actual
        if cut >= max(CLOSING_CUT_MIN_SECONDS, row.planned_seconds * CLOSING_CUT_SHARE):
            out.append(
                Finding(
                    "closing_cut",
                    Severity.WARNING,
                    (
                        Param("planned_seconds", row.planned_seconds, Unit.SECONDS),
                        Param("actual_seconds", row.actual_seconds, Unit.SECONDS),
                        Param("delta_seconds", -cut, Unit.SECONDS),
                    ),
                    Subject(segment=row.plan_index),
                )
            )
    return out


def swaps(basis: FindingBasis) -> list[Finding]:
    """Planned segments that went on air out of place, named: two that traded places are a swap; any
    other reordering lists the segments that moved."""
    pva, run = basis.plan_vs_actual, basis.run
    if pva.source == "plan":
        return []
    first = list(dict.fromkeys(seg.plan_index for seg in run.segments if seg.plan_index is not None))
    moved = [(a, b) for a, b in zip(first, sorted(first), strict=True) if a != b]
    if not moved:
        return []
    rows = {row.plan_index: row for row in pva.rows if row.plan_index is not None}
    if len(moved) == 2 and moved[0] == moved[1][::-1]:
        a, b = sorted(moved[0])
        return [
            Finding(
                "segments_swapped",
                Severity.INFO,
                (
                    Param("segments", (a, b), Unit.SEGMENTS),
                    Param("products", (rows[a].product_id, rows[b].product_id), Unit.PRODUCTS),
                ),
                Subject(segment=a, segment_product=rows[a].product_id),
            )
        ]
    out_of_place = sorted(a for a, _ in moved)
    return [
        Finding(
            "segments_moved",
            Severity.INFO,
            (
                Param("segments", tuple(out_of_place), Unit.SEGMENTS),
                Param("products", tuple(rows[i].product_id for i in out_of_place), Unit.PRODUCTS),
            ),
        )
    ]
