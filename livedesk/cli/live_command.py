"""`livedesk live go|next|skip|end SESSION`: drive a session's live run from a terminal (a floor script, a
key on a stream deck). Each action is stored in the live log exactly as the console's, and an action that
does not fit the run (next before the start) is refused in one sentence in the `--lang` language."""

from __future__ import annotations

from livedesk.cli.context import CliContext, UserError, session_id_argument
from livedesk.domain.message import Message

ACTIONS = ("go", "next", "skip", "end")


def register(commands, add_common) -> None:
    live = commands.add_parser(
        "live", help="drive a session's live run: go (start, or next block), next, skip, end"
    )
    live.add_argument("action", choices=ACTIONS, help="go starts the run or moves to the next block")
    live.add_argument("session", metavar="SESSION", help="session id (see `livedesk sessions list`)")
    add_common(live)
    live.set_defaults(handler=_act)


def _act(args, context: CliContext) -> int:
    from livedesk.domain.clock import SystemClock
    from livedesk.domain.live_run import LiveRunError
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services.live import LiveService

    session_id = session_id_argument(args.session)
    try:
        service = LiveService(context.store, session_id, SystemClock())
    except SessionNotFound as exc:
        raise UserError.of(exc) from exc
    actions = {"go": service.go, "next": service.next, "skip": service.skip, "end": service.finish}
    try:
        events = actions[args.action]()
    except LiveRunError as exc:
        raise UserError(exc.reason) from exc
    print(
        context.say(
            Message(
                "cli.live.logged", {"events": len(events), "state": Message(f"run.{service.run.state.value}")}
            )
        )
    )
    return 0
