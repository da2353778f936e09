"""What the review page says when the session has no or only some platform exports: which files to import and
how, instead of empty charts and a count of findings about data that does not exist."""

from __future__ import annotations

from livedesk.ui.i18n import tr


def needed() -> dict[str, str]:
    """Export kinds a review needs, in the order a team downloads them, with the words naming the file."""
    return {
        "summary": tr("the 罗盘 whole-session workbook (整场数据 .xlsx)"),
        "orders": tr("the 抖店 order export (订单 .csv)"),
        "minutes": tr("the per-minute online curve (在线人数 .csv)"),
    }


def imported_kinds(review: dict) -> set[str]:
    return {entry.get("kind") for entry in review.get("provenance") or []}


def has_platform_data(review: dict) -> bool:
    return bool(imported_kinds(review))


def import_note(review: dict) -> str:
    """A sentence for the top of the review, or "" when every needed export is there."""
    kinds = imported_kinds(review)
    missing = [words for kind, words in needed().items() if kind not in kinds]
    if not kinds:
        return tr(
            "No platform data has been imported for this session yet, so there is nothing to review. "
            "Click “Import files…” (or drop the files on this page) and add this show's exports: {files}. "
            "The plan and the live log alone give no sales figures."
        ).format(files=tr(", ").join(missing))
    if not missing:
        return ""
    return tr(
        "Not imported yet: {files}. Figures that need them show —; import them with “Import files…”."
    ).format(files=tr(", ").join(missing))


def counted_findings(review: dict) -> int:
    # "No platform data" is the empty state itself, said above, not a finding about the show.
    return sum(1 for f in review.get("findings", []) if f.get("code") != "no_platform_data")
