"""`livedesk plan generate|show|export`: a wave plan from a pool file, the plan as JSON, run sheets."""

from __future__ import annotations

from livedesk.cli.context import CliContext, UserError, existing_file, fail, print_json, session_id_argument
from livedesk.domain.ids import saved

DEFAULT_START_HOUR = 20  # evening prime time, when most sessions start


def register(commands, add_common) -> None:
    plan = commands.add_parser("plan", help="generate, show and export run orders")
    sub = plan.add_subparsers(dest="plan_command", metavar="ACTION")

    generate = sub.add_parser(
        "generate", help="create a session with a wave plan built from a product pool file"
    )
    generate.add_argument(
        "--products", required=True, metavar="FILE", help="pool as CSV or XLSX (UTF-8 or GBK)"
    )
    generate.add_argument("--duration", required=True, type=int, metavar="MINUTES")
    generate.add_argument(
        "--start", metavar="YYYY-MM-DDTHH:MM", help="local start time (default: today 20:00)"
    )
    generate.add_argument("--title", help="session title (default: the pool file's name)")
    generate.add_argument(
        "--account", default="", help="the account it streams on: its earlier sessions order the run"
    )
    generate.add_argument(
        "--pattern", metavar="ROLES", help="role cycle, e.g. traffic,profit,profit,clearance,profit,image"
    )
    generate.add_argument(
        "--json", metavar="OUT", help="also write the plan JSON to OUT ('-' for standard output)"
    )
    add_common(generate)
    generate.set_defaults(handler=_generate)

    show = sub.add_parser("show", help="write a session's plan, warnings and forecast as JSON")
    show.add_argument("session", metavar="SESSION")
    show.add_argument(
        "--json", metavar="OUT", default="-", help="file to write ('-' or absent: standard output)"
    )
    add_common(show)
    show.set_defaults(handler=_show)

    export = sub.add_parser("export", help="write a session's run sheet (排品表) as XLSX, PDF or CSV")
    export.add_argument("session", metavar="SESSION")
    export.add_argument("--out", required=True, metavar="FILE.xlsx|.pdf|.csv")
    add_common(export)
    export.set_defaults(handler=_export)
    add_common(plan)


def _generate(args, context: CliContext) -> int:
    import sys
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from livedesk.domain.session import DEFAULT_TIMEZONE
    from livedesk.import_export.pool_reader import PoolRefused
    from livedesk.services import planning
    from livedesk.services.sessions import parse_local_start

    path = existing_file(args.products)
    if args.duration <= 0:
        raise fail("cli.positive_minutes", option="--duration")
    try:
        start = (
            parse_local_start(args.start)
            if args.start
            else datetime.now(ZoneInfo(DEFAULT_TIMEZONE)).replace(
                hour=DEFAULT_START_HOUR, minute=0, second=0, microsecond=0
            )
        )
    except ValueError as exc:
        raise fail("cli.bad_start", text=args.start) from exc
    config = planning.load_wave_config(context.store)
    if args.pattern:
        try:
            config.pattern = planning.parse_pattern(args.pattern)
        except planning.PatternError as exc:
            raise UserError.of(exc) from exc
    try:
        pool = planning.read_pool_file(context.store, path)
    except PoolRefused as exc:
        raise UserError.of(exc) from exc
    if not pool.products:
        raise fail("pool.no_products", file=path.name)
    if pool.duplicates:
        raise fail("pool.duplicate_ids", file=path.name, ids=sorted(pool.duplicates))
    title = (args.title or path.stem).strip() or path.stem
    plan = planning.generate_plan_session(
        context.store,
        pool.products,
        title=title,
        start=start,
        planned_seconds=args.duration * 60,
        config=config,
        account=args.account,
    )
    from livedesk.words import row_words

    for warning in pool.warnings:
        text = row_words(warning.code, warning.params, warning.message, context.language)
        line = context.words("cli.plan.row_warning", file=path.name, row=warning.row, text=text)
        sys.stderr.write(f"livedesk: {line}\n")
    if args.json:
        print_json(planning.plan_report(context.store, saved(plan.session.id, "session")), args.json)
    if args.json != "-":
        print(plan.session.id)
    return 0


def _show(args, context: CliContext) -> int:
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services import planning

    try:
        document = planning.plan_report(context.store, session_id_argument(args.session))
    except SessionNotFound as exc:
        raise UserError.of(exc) from exc
    print_json(document, args.json)
    return 0


def _export(args, context: CliContext) -> int:
    from pathlib import Path

    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services import planning

    out = Path(args.out)
    if out.suffix.lower() not in planning.RUN_SHEET_SUFFIXES:
        raise fail("cli.bad_suffix", file=out.name, suffixes=list(planning.RUN_SHEET_SUFFIXES))
    if not out.parent.exists():
        raise fail("cli.no_folder", folder=str(out.parent))
    try:
        plan = planning.load_plan(context.store, session_id_argument(args.session))
    except SessionNotFound as exc:
        raise UserError.of(exc) from exc
    try:
        rows = planning.export_run_sheet(plan, out)
    except OSError as exc:
        raise fail("cli.cannot_write", file=str(out), reason=exc.strerror or str(exc)) from exc
    print(context.words("cli.plan.exported", file=str(out), segments=rows))
    return 0
