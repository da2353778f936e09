"""Entry point: global options, discovery of command modules, one-line errors with exit code 2."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

import livedesk
from livedesk.cli.context import CliContext, UserError
from livedesk.words.language import DEFAULT_LANGUAGE, LANGUAGES, set_language

EXIT_OK, EXIT_USER_ERROR = 0, 2


class OneLineParser(argparse.ArgumentParser):
    """argparse prints usage blocks on errors; users get one line saying what is wrong and what to do."""

    def error(self, message: str):
        sys.stderr.write(f"livedesk: {message} (see `{self.prog} --help`)\n")
        raise SystemExit(EXIT_USER_ERROR)


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On sub-commands the defaults are SUPPRESS so `livedesk --db X cmd` is not overwritten by `cmd`'s default.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help="SQLite file or postgresql:// URL (default: LIVEDESK_DATABASE_URL or the user's data folder)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=default, help="language of the UI and the words printed"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="livedesk", description="LiveDesk: plan, run and review live-stream sessions."
    )
    parser.add_argument("--version", action="version", version=f"livedesk {livedesk.__version__}")
    _add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for module in _command_modules():
        module.register(commands, lambda p: _add_common(p, top=False))
    return parser


def _command_modules():
    import livedesk.cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.endswith("_command"):
            yield importlib.import_module(f"livedesk.cli.{info.name}")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    context = CliContext(db_url=args.db, lang=args.lang)
    # Every word the command prints (and the GUI until its settings say otherwise) follows --lang.
    set_language(context.lang or DEFAULT_LANGUAGE)
    try:
        if args.command is None:
            from livedesk.app import run_gui

            return run_gui(context.db_url, lang=context.lang)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.error(context.words("cli.needs_action", command=args.command))
        return int(handler(args, context) or EXIT_OK)
    except UserError as exc:
        sys.stderr.write(f"livedesk: {exc.words(context.language)}\n")
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # the reader went away (`livedesk review 1 | head`): what was wanted was read; no traceback
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # closed by the interpreter at exit
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write(f"livedesk: {context.words('cli.interrupted')}\n")
        return 130
    finally:
        context.close()


if __name__ == "__main__":
    raise SystemExit(main())
