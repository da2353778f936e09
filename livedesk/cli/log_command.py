"""`livedesk log export SESSION --out FILE.csv`: the live log in the CSV format the importer reads."""

from __future__ import annotations

from livedesk.cli.context import CliContext, UserError, fail, session_id_argument


def register(commands, add_common) -> None:
    log = commands.add_parser("log", help="the live log of a session")
    sub = log.add_subparsers(dest="log_command", metavar="ACTION")
    export = sub.add_parser("export", help="write a session's live log as CSV")
    export.add_argument("session", metavar="SESSION", help="session id (see `livedesk sessions list`)")
    export.add_argument("--out", required=True, metavar="FILE.csv")
    add_common(export)
    export.set_defaults(handler=_export)
    add_common(log)


def _export(args, context: CliContext) -> int:
    from pathlib import Path

    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services.live_log_export import export_live_log

    session_id = session_id_argument(args.session)
    out = Path(args.out)
    if not out.parent.exists():
        raise fail("cli.no_folder_for", file=args.out)
    if out.is_dir():
        raise fail("cli.is_a_folder", file=args.out, example="log.csv")
    try:
        count = export_live_log(context.store, session_id, out)
    except SessionNotFound as exc:
        raise UserError.of(exc) from exc
    except OSError as exc:
        raise fail("cli.cannot_write", file=args.out, reason=exc.strerror or str(exc)) from exc
    print(context.words("cli.log.exported", events=count, file=args.out))
    return 0
