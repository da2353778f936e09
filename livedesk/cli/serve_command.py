"""`livedesk serve SESSION [--host 127.0.0.1] [--port N]`: the view server without the GUI. Follows the
session's live log in the store (the director's console writes it), prints the host view's address with
its token as the first line of output, and runs until SIGINT or SIGTERM."""

from __future__ import annotations

import signal
import sys
import threading

from livedesk.cli.context import CliContext, UserError, fail, session_id_argument

DEFAULT_HOST = "127.0.0.1"


def register(commands, add_common) -> None:
    serve = commands.add_parser(
        "serve", help="serve the host screen, prompter and run order of a session to browsers (no GUI)"
    )
    serve.add_argument("session", metavar="SESSION", help="session id (see `livedesk sessions list`)")
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on: 127.0.0.1 for this machine only, or this machine's LAN address",
    )
    serve.add_argument(
        "--port", type=int, default=None, help="port to listen on (default 8765; 0 picks a free one)"
    )
    add_common(serve)
    serve.set_defaults(handler=_serve)


def _serve(args, context: CliContext) -> int:
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.stageweb.addresses import shown_host
    from livedesk.stageweb.log_follower import LogFollower
    from livedesk.stageweb.server import DEFAULT_PORT, StageServer, StageServerError

    session_id = session_id_argument(args.session)
    port = DEFAULT_PORT if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise fail("cli.bad_port", port=str(port))
    lang = context.lang or "zh_CN"
    server = StageServer(lang=lang)
    follower = LogFollower(context.store, session_id, server.publish, lang)
    try:
        follower.poll_once()  # the first state is there before any browser asks
    except SessionNotFound as exc:
        raise UserError.of(exc) from exc
    try:
        server.start(args.host, port)
    except StageServerError as exc:
        raise UserError.of(exc) from exc

    stopping = threading.Event()

    def on_signal(_number, _frame) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        # the first line is the contract scripts read: the host view with its token
        host = shown_host(args.host)
        print(server.url("/", host=host), flush=True)
        print(context.words("cli.serve.prompter", url=server.url("/prompter", host=host)), flush=True)
        print(context.words("cli.serve.rundown", url=server.url("/rundown", host=host)), flush=True)
        follower.start()
        while not stopping.wait(0.5):
            pass
    finally:
        follower.stop()
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    sys.stderr.write(f"livedesk serve: {context.words('cli.serve.stopped')}\n")
    return 0
