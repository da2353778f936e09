"""The end-of-import summary in words: per file what was detected, stored and skipped, warnings, checks."""

from __future__ import annotations

from livedesk.domain.message import Message
from livedesk.ui.i18n import say, tr
from livedesk.ui.review.import_labels import kind_label, reason_label
from livedesk.words import SOURCE_FORMATS, current_language, row_words

WARNINGS_SHOWN = 20


def summary_text(summaries: list) -> str:
    lines: list[str] = []
    for summary in summaries:
        if summary.refused:
            refusal = getattr(summary, "refusal", None)
            # The coded sentence already names the file; an older summary only has its English message.
            lines.append(
                say(refusal)
                if refusal is not None
                else tr("{file}: refused — {reason}").format(file=summary.file, reason=summary.message)
            )
            continue
        shown = SOURCE_FORMATS.word(summary.format) if summary.format in SOURCE_FORMATS else None
        lines.append(f"{summary.file}: {shown or summary.format_label or summary.format}")
        if summary.already_imported:
            lines.append("  " + tr("already imported; skipped"))
        for kind, _dataset_id, read, stored, skipped in summary.datasets:
            lines.append(
                "  "
                + tr("{kind}: {read} rows read, {stored} stored, {skipped} skipped").format(
                    kind=kind_label(kind), read=read, stored=stored, skipped=skipped
                )
            )
        for known in getattr(summary, "already_known", []):
            lines.append(
                "  "
                + tr("{rows} order lines were already in {file}; this file's copy counts.").format(
                    rows=known["rows"], file=known["file"]
                )
            )
        for notice in getattr(summary, "notices", []):
            lines.append(
                "  "
                + tr(
                    "This file covers {file_from} – {file_to}, not within a day of the session "
                    "({session_from} – {session_to}): imported, but check that it belongs to this session."
                ).format(
                    file_from=notice["file_range"][0],
                    file_to=notice["file_range"][1],
                    session_from=notice["session_range"][0],
                    session_to=notice["session_range"][1],
                )
            )
        for code, count in summary.skipped_by_reason.items():
            lines.append(
                "  " + tr("{count} rows skipped: {reason}").format(count=count, reason=reason_label(code))
            )
        for warning in sorted(summary.warnings, key=lambda w: w.row)[:WARNINGS_SHOWN]:
            worded = row_words(warning.code, warning.params, reason_label(warning.code), current_language())
            lines.append("  " + tr("row {row}: {reason}").format(row=warning.row, reason=worded))
        if len(summary.warnings) > WARNINGS_SHOWN:
            lines.append(
                "  " + tr("… and {n} more warnings").format(n=len(summary.warnings) - WARNINGS_SHOWN)
            )
        for finding in summary.findings:
            mark = tr("check passed") if finding.get("ok") else tr("check shows a gap")
            said = Message.from_json(finding.get("says"))
            lines.append(f"  {mark}: {say(said) if said else finding.get('message', finding.get('code'))}")
    return "\n".join(lines)
