"""`livedesk review SESSION --json OUT [--report FILE.html|.pdf|.xlsx]`: the session's review as JSON
(money in yuan, rates as fractions, null for missing) and optionally a report file."""

from __future__ import annotations

import argparse
from pathlib import Path

from livedesk.cli.context import CliContext, UserError, fail, print_json, session_id_argument

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
    data = review_json(review)
    if args.json:
        print_json(data, args.json)
    for report in reports:
        from livedesk.services.review_reports import write_report

        write_report(review, report)
    if not args.json and not reports:
        _print_summary(data, context)
    return 0


def _print_summary(data: dict, context: CliContext) -> None:
    """The KPIs with their sources and the findings, in words of the `--lang` language."""
    from datetime import datetime

    from livedesk.words import METRICS, SEVERITIES, finding_words, show, source_words

    lang = context.language
    session = data["session"]
    start = datetime.fromisoformat(session["start"]) if session.get("start") else None
    print(f"{session['title']}  ({start:%Y-%m-%d %H:%M})" if start else session["title"])
    kpis = data["kpis"]
    keys = ("gmv", "uv", "pv", "buyers", "orders", "uv_value", "gpm", "aov", "watch_to_buy_rate")
    width = max(_display_width(METRICS.word(key, lang)) for key in keys) + 2
    for key in keys:
        label = METRICS.word(key, lang)
        source = data["kpi_sources"][key]
        pad = " " * (width - _display_width(label))
        print(
            f"  {label}{pad}{show(key, kpis[key], lang):>14}   {source_words(source, lang) if source else ''}"
        )
    names = {p["product_id"]: p["name"] for p in data.get("products", [])}
    findings = data["findings"]
    print("  " + context.words("cli.review.findings", count=len(findings)))
    for finding in findings:
        print(f"   [{SEVERITIES.word(finding['severity'], lang)}] {finding_words(finding, names, lang)}")


def _display_width(text: str) -> int:
    # a Chinese character takes two columns in a terminal
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
