"""Findings about how the run went that the meeting must hear by name: incidents marked on air (事故), a
closing cut short to absorb overruns, and segments that swapped places. Evidence carries the numbers."""

from __future__ import annotations

from livedesk.analysis.inputs import iso
from livedesk.words import KINDS

# A closing loses its job (thanks, next-session preview, private-group invite, encore) when cut by this much.
CLOSING_CUT_SHARE = 0.25
CLOSING_CUT_MIN_SECONDS = 60


def _finding(code, severity, message, evidence, subject=None) -> dict:
    return {
        "code": code,
        "severity": severity,
        "message": message,
        "evidence": evidence,
        "subject": subject or {},
        "suggested": {"metric": None, "comparison": ">=", "target": None},
    }


def _name(row, names: dict) -> str:
    product = names.get(row.product_id, row.product_id) if row.product_id else None
    kind = KINDS.word(row.kind, "zh_CN") if isinstance(row.kind, str) else row.kind
    return product or str(kind)


def incidents(review: dict) -> list[dict]:
    """Every 事故 marker becomes a warning with its time, its note and the block it happened in."""
    run, names, zone = review["run"], review["names"], review["zone"]
    out = []
    for marker in run.markers:
        if marker["marker"] != "incident":
            continue
        segment = run.segments[marker["position"]] if marker["position"] is not None else None
        product = segment.product_id if segment is not None else None
        where = f" during {names.get(product, product)}" if product else ""
        at = iso(marker["at_ms"], zone)
        out.append(
            _finding(
                "incident",
                "warning",
                f"Incident at {at[11:19]}{where}: {marker['note'] or 'no note'}.",
                {"at": at, "note": marker["note"], "position": marker["position"]},
                {"segment": segment.plan_index if segment is not None else None, "segment_product": product}
                if segment is not None
                else {},
            )
        )
    return out


def closing_cut(review: dict) -> list[dict]:
    """A closing that ran well short of its plan (the usual way a team makes up for overruns)."""
    out = []
    for row in review["plan_vs_actual"].rows:
        if row.kind != "closing" or row.status != "kept" or not row.planned_seconds:
            continue
        cut = row.planned_seconds - (row.actual_seconds or 0)
        if cut >= max(CLOSING_CUT_MIN_SECONDS, row.planned_seconds * CLOSING_CUT_SHARE):
            out.append(
                _finding(
                    "closing_cut",
                    "warning",
                    f"The closing ran {row.actual_seconds:.0f} s of the {row.planned_seconds} s planned "
                    f"(cut by {cut:.0f} s): thanks, next-session preview and group invite had less time.",
                    {
                        "planned_seconds": row.planned_seconds,
                        "actual_seconds": row.actual_seconds,
                        "delta_seconds": -cut,
                    },
                    {"segment": row.plan_index},
                )
            )
    return out


def swaps(review: dict) -> list[dict]:
    """Planned segments that went on air out of place, named: two that traded places are a swap; any
    other reordering lists the segments that moved."""
    pva, run, names = review["plan_vs_actual"], review["run"], review["names"]
    if pva.source == "plan":
        return []
    first = list(dict.fromkeys(seg.plan_index for seg in run.segments if seg.plan_index is not None))
    moved = [(a, b) for a, b in zip(first, sorted(first), strict=True) if a != b]
    if not moved:
        return []
    rows = {row.plan_index: row for row in pva.rows if row.plan_index is not None}
    if len(moved) == 2 and moved[0] == moved[1][::-1]:
        a, b = sorted(moved[0])
        left, right = _name(rows[a], names), _name(rows[b], names)
        return [
            _finding(
                "segments_swapped",
                "info",
                f"{left} (segment {a + 1}) and {right} (segment {b + 1}) went on air in swapped order.",
                {"segments": [a, b], "products": [rows[a].product_id, rows[b].product_id]},
                {"segment": a, "segment_product": rows[a].product_id},
            )
        ]
    out_of_place = sorted(a for a, _ in moved)
    listed = ", ".join(f"{_name(rows[i], names)} (segment {i + 1})" for i in out_of_place)
    return [
        _finding(
            "segments_moved",
            "info",
            f"These segments went on air out of their planned place: {listed}.",
            {"segments": out_of_place, "products": [rows[i].product_id for i in out_of_place]},
        )
    ]
