"""Which platform exports a review still needs, and the sentence telling the team how to import them: one text
for the review page and the three report formats (HTML, PDF, XLSX), worded through `say` (English source →
the reader's language, as livedesk.translations)."""

from __future__ import annotations

from collections.abc import Callable

from livedesk.analysis.review import Review
from livedesk.analysis.review_types import Finding

Say = Callable[[str], str]

# The export kinds a review needs, in the order a team downloads them.
NEEDED_KINDS = ("summary", "orders", "minutes")


def needed(say: Say) -> dict[str, str]:
    """Export kind → the words naming the file."""
    return {
        "summary": say("the 罗盘 whole-session workbook (整场数据 .xlsx)"),
        "orders": say("the 抖店 order export (订单 .csv)"),
        "minutes": say("the per-minute online curve (在线人数 .csv)"),
    }


def imported_kinds(review: Review) -> set[str]:
    return {entry.kind for entry in review.provenance}


def has_platform_data(review: Review) -> bool:
    return bool(imported_kinds(review))


def missing_kinds(review: Review) -> list[str]:
    kinds = imported_kinds(review)
    return [kind for kind in NEEDED_KINDS if kind not in kinds]


def import_note(review: Review, say: Say, *, in_report: bool = False) -> str:
    """A sentence for the top of the review, or "" when every needed export is there. A report says where in
    the app to import (the reader holds paper, not the page) and to export the report again."""
    files = say(", ").join(needed(say)[kind] for kind in missing_kinds(review))
    if not has_platform_data(review):
        if in_report:
            return say(
                "No platform data has been imported for this session yet, so there is nothing to review. "
                "Open this session's Review page, click “Import files…” (or drop the files on the page), "
                "add this show's exports: {files}, and export this report again. "
                "The plan and the live log alone give no sales figures."
            ).format(files=files)
        return say(
            "No platform data has been imported for this session yet, so there is nothing to review. "
            "Click “Import files…” (or drop the files on this page) and add this show's exports: {files}. "
            "The plan and the live log alone give no sales figures."
        ).format(files=files)
    if not files:
        return ""
    if in_report:
        return say(
            "Not imported yet: {files}. Figures that need them show —; import them with “Import files…” on the "
            "Review page and export this report again."
        ).format(files=files)
    return say(
        "Not imported yet: {files}. Figures that need them show —; import them with “Import files…”."
    ).format(files=files)


def counted_findings(review: Review) -> list[Finding]:
    """The findings about the show. "No platform data" is the empty state itself, said by import_note, not a
    finding about the show."""
    return [f for f in review.findings if f.code != "no_platform_data"]
