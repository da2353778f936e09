"""`livedesk log export SESSION --out FILE.csv`: the live log in the CSV format the importer reads."""

from __future__ import annotations

from livedesk.cli.context import CliContext, UserError, session_id_argument


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
        raise UserError(f"the folder of {args.out} does not exist; create it or choose another --out")
    if out.is_dir():
        raise UserError(f"{args.out} is a folder; give a file name such as log.csv")
    try:
        count = export_live_log(context.store, session_id, out)
    except SessionNotFound as exc:
        raise UserError(str(exc)) from exc
    except OSError as exc:
        raise UserError(f"cannot write {args.out}: {exc.strerror}") from exc
    print(f"{count} events written to {args.out}")
    return 0
