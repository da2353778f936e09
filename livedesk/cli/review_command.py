"""`livedesk review SESSION --json OUT [--report FILE.html|.pdf|.xlsx]`: the session's review as JSON
(money in yuan, rates as fractions, null for missing) and optionally a report file."""

from __future__ import annotations

import argparse
from pathlib import Path

from livedesk.cli.context import CliContext, UserError, print_json, session_id_argument

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
            raise UserError(f"--report {report}: the report must end in .html, .pdf or .xlsx")
        if not report.parent.exists():
            raise UserError(f"--report {report}: the folder {report.parent} does not exist")
    from livedesk.import_export.arrow_pandas import skip_pandas_probe
    from livedesk.import_export.review_json import review_json
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services.review import run_review, save_verdicts

    skip_pandas_probe()  # the review works in Arrow and numpy; pyarrow would load pandas only to ask
    store = context.store
    try:
        review = run_review(store, session_id)
    except SessionNotFound as exc:
        raise UserError(str(exc)) from exc
    if args.save_verdicts:
        save_verdicts(store, review)
    data = review_json(review)
    if args.json:
        print_json(data, args.json)
    for report in reports:
        from livedesk.services.review_reports import write_report

        write_report(review, report)
    if not args.json and not reports:
        _print_summary(data)
    return 0


def _print_summary(data: dict) -> None:
    kpis = data["kpis"]
    show = lambda v: "—" if v is None else (f"{v:,.2f}" if isinstance(v, float) else f"{v:,}")  # noqa: E731
    print(f"{data['session']['title']}  ({data['session']['start']})")
    for key in ("gmv", "uv", "pv", "buyers", "orders", "uv_value", "gpm", "aov", "watch_to_buy_rate"):
        print(f"  {key:<20} {show(kpis[key]):>14}   {data['kpi_sources'][key] or ''}")
    print(f"  findings: {len(data['findings'])}")
    for finding in data["findings"]:
        print(f"   [{finding['severity']}] {finding['message']}")
