"""`livedesk review SESSION --json OUT [--report FILE.html|.pdf|.xlsx]`: the session's review as JSON
(money in yuan, rates as fractions, null for missing) and optionally a report file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from livedesk.cli.context import CliContext, UserError, fail, print_json, session_id_argument

if TYPE_CHECKING:
    from livedesk.analysis.review import Review

REPORT_SUFFIXES = (".html", ".pdf", ".xlsx")


def register(commands, add_common) -> None:
    review = commands.add_parser(
        "review", help="review a session: KPIs, plan vs actual, products, roles, findings"
    )
    review.add_argument("session", metavar="SESSION", help="session id (`livedesk sessions list`)")
    review.add_argument(
        "--json", metavar="OUT", help="write the review as JSON to OUT ('-' for standard output)"
    )
    review.add_argument(
        "--report",
        metavar="FILE",
        action="append",
        default=[],
        help="also write a report: .html, .pdf (A4) or .xlsx (may be repeated)",
    )
    review.add_argument(
        "--save-verdicts",
        action="store_true",
        help="store the verdicts on action items carried in from earlier sessions and the session's "
        "history summary (reviewing alone stores nothing)",
    )
    # Reviewing no longer stores anything unless asked: the old opt-out is accepted and does nothing.
    review.add_argument("--no-verify", action="store_true", help=argparse.SUPPRESS)
    add_common(review)
    review.set_defaults(handler=_review)


def _review(args, context: CliContext) -> int:
    session_id = session_id_argument(args.session)
    reports = [Path(r) for r in args.report]
    for report in reports:
        if report.suffix.lower() not in REPORT_SUFFIXES:
            raise fail("cli.bad_suffix", file=str(report), suffixes=list(REPORT_SUFFIXES))
        if not report.parent.exists():
            raise fail("cli.no_folder", folder=str(report.parent))
    from livedesk.import_export.arrow_pandas import skip_pandas_probe
    from livedesk.import_export.review_json import review_json
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services.review import run_review, save_verdicts

    skip_pandas_probe()  # the review works in Arrow and numpy; pyarrow would load pandas only to ask
    store = context.store
    try:
        review = run_review(store, session_id)
    except SessionNotFound as exc:
        raise UserError.of(exc) from exc
    if args.save_verdicts:
        save_verdicts(store, review)
    if args.json:
        print_json(review_json(review), args.json)
    for report in reports:
        from livedesk.services.review_reports import write_report

        write_report(review, report)
    if not args.json and not reports:
        _print_summary(review, context)
    return 0


def _print_summary(review: Review, context: CliContext) -> None:
    """The KPIs with their sources and the findings, in words of the `--lang` language (read from the typed
    review: money from fen, the start in the session's zone)."""
    from livedesk.words import METRICS, SEVERITIES, finding_words, show_value, source_words, stamp

    lang = context.language
    session = review.session
    print(f"{session.title}  ({stamp(session.start, review.zone)})")
    keys = ("gmv", "uv", "pv", "buyers", "orders", "uv_value", "gpm", "aov", "watch_to_buy_rate")
    width = max(_display_width(METRICS.word(key, lang)) for key in keys) + 2
    for key in keys:
        label = METRICS.word(key, lang)
        metric = review.kpis[key]
        pad = " " * (width - _display_width(label))
        source = source_words(metric.source, lang) if metric.source else ""
        print(f"  {label}{pad}{show_value(key, metric.value, lang):>14}   {source}")
    findings = review.findings
    print("  " + context.words("cli.review.findings", count=len(findings)))
    for finding in findings:
        sentence = finding_words(finding, review.names, review.zone, lang)
        print(f"   [{SEVERITIES.word(finding.severity, lang)}] {sentence}")


def _display_width(text: str) -> int:
    # a Chinese character takes two columns in a terminal
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
