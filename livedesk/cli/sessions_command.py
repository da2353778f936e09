"""`livedesk sessions list|create`."""

from __future__ import annotations

from livedesk.cli.context import CliContext, fail, print_json


def register(commands, add_common) -> None:
    sessions = commands.add_parser("sessions", help="list or create sessions")
    sub = sessions.add_subparsers(dest="sessions_command", metavar="ACTION")
    listing = sub.add_parser("list", help="list the sessions in the store, newest first")
    listing.add_argument("--account", metavar="NAME", help="only this account's sessions")
    listing.add_argument("--search", metavar="TEXT", help="only sessions whose title contains TEXT")
    listing.add_argument("--limit", type=int, metavar="N", help="at most N sessions (default: all)")
    listing.add_argument("--offset", type=int, default=0, metavar="K", help="skip the K newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_common(listing)
    listing.set_defaults(handler=_list)

    create = sub.add_parser("create", help="create an empty session")
    create.add_argument("--title", required=True)
    create.add_argument("--start", required=True, metavar="YYYY-MM-DDTHH:MM")
    create.add_argument("--minutes", required=True, type=int)
    create.add_argument("--platform", default="douyin")
    create.add_argument("--account", default="")
    create.add_argument("--json", action="store_true")
    add_common(create)
    create.set_defaults(handler=_create)
    add_common(sessions)


def _list(args, context: CliContext) -> int:
    from livedesk.services.sessions import list_sessions

    if args.limit is not None and args.limit < 1:
        raise fail("cli.positive", option="--limit")
    if args.offset < 0:
        raise fail("cli.not_negative", option="--offset")
    sessions = list_sessions(
        context.store, account=args.account, search=args.search, limit=args.limit, offset=args.offset
    )
    if args.json:
        print_json(
            [
                {
                    "session_id": s.id,
                    "title": s.title,
                    "platform": s.platform,
                    "account": s.account,
                    "start": s.start.isoformat(),
                    "planned_seconds": s.planned_seconds,
                    "timezone": s.timezone,
                    "is_sample": s.is_sample,
                }
                for s in sessions
            ]
        )
        return 0
    if not sessions:
        filtered = args.account is not None or args.search or args.offset
        print(context.words("cli.sessions.none_match" if filtered else "cli.sessions.none_yet"))
    for s in sessions:
        print("\t".join(_row(s, context)))
    return 0


def _row(s, context: CliContext) -> list[str]:
    """One session as the list shows it: id, start, length, platform and account in words, title."""
    from livedesk.words import PLATFORMS

    return [
        str(s.id),
        f"{s.start:%Y-%m-%d %H:%M}",
        context.words("cli.minutes", minutes=s.planned_seconds // 60),
        PLATFORMS.word(s.platform, context.language),
        s.account,
        s.title,
    ]


def _create(args, context: CliContext) -> int:
    from livedesk.services.sessions import create_session, parse_local_start

    if args.minutes <= 0:
        raise fail("cli.positive_minutes", option="--minutes")
    if not args.title.strip():
        raise fail("cli.empty_title")
    try:
        start = parse_local_start(args.start)
    except ValueError as exc:
        raise fail("cli.bad_start", text=args.start) from exc
    session_id = create_session(
        context.store,
        args.title.strip(),
        start,
        args.minutes * 60,
        platform=args.platform,
        account=args.account,
    )
    if args.json:
        print_json({"session_id": session_id})
    else:
        print(session_id)
    return 0
