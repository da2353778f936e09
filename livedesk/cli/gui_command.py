"""`livedesk screenshot`: render a workspace offscreen to a PNG (for docs, reviews and checks)."""

from __future__ import annotations

from pathlib import Path

from livedesk.cli.context import CliContext, UserError, fail


def register(commands, add_common) -> None:
    shot = commands.add_parser("screenshot", help="render the main window offscreen to a PNG")
    shot.add_argument("--workspace", choices=("plan", "rehearse", "review"), required=True)
    shot.add_argument("--session", type=int, help="session id (default: the newest)")
    shot.add_argument(
        "--mode",
        help="a view inside the workspace, e.g. live, script; host or prompter render that stage window",
    )
    shot.add_argument("--size", default="1600x1000", help="width x height in pixels, e.g. 1920x1080")
    shot.add_argument("--out", required=True, help="PNG file to write")
    add_common(shot)
    shot.set_defaults(handler=_screenshot)


def _screenshot(args, context: CliContext) -> int:
    from livedesk.app import render_screenshot
    from livedesk.persistence.store import StoreError

    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise fail("cli.png_only", file=args.out)
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        raise fail("cli.bad_size", size=args.size) from None
    try:
        render_screenshot(
            args.db,
            args.workspace,
            out,
            session_id=args.session,
            lang=getattr(args, "lang", None),
            mode=args.mode,
            size=(width, height),
        )
    except (StoreError, LookupError, OSError) as exc:
        raise UserError.of(exc) from exc
    print(out)
    return 0
