"""`livedesk lint FILE|- [--json]`: the compliance lint of a script; exit 1 when any hit is an error."""

from __future__ import annotations

import sys
from pathlib import Path

from livedesk.cli.context import CliContext, fail, print_json

PLATFORMS = ("douyin", "kuaishou", "weixin", "taobao", "xiaohongshu", "jd", "pinduoduo")


def register(commands, add_common) -> None:
    lint = commands.add_parser("lint", help="check a script for 广告法 and platform-rule wording")
    lint.add_argument(
        "file", metavar="FILE|-", help="a UTF-8 (or GB18030) text file, or - for standard input"
    )
    lint.add_argument("--json", action="store_true", help='print {"hits": [...]} as JSON')
    lint.add_argument(
        "--platform",
        choices=PLATFORMS,
        default="douyin",
        help="the platform the script is for; its own name is not flagged (default: douyin)",
    )
    lint.add_argument(
        "--no-team-words",
        action="store_true",
        help="use only the shipped lexicon, not the team's banned/allowed words from the store",
    )
    add_common(lint)
    lint.set_defaults(handler=_lint)


def read_text(source: str) -> tuple[str, str]:
    """(display name, text) of a file or of standard input; UserError when unreadable."""
    if source == "-":
        data, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        path = Path(source)
        if not path.is_file():
            raise fail("cli.file_not_found", file=source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise fail("cli.cannot_read", file=source, reason=exc.strerror or str(exc)) from exc
        name = source
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return name, text
    raise fail("cli.not_text", file=name)


def _lint(args, context: CliContext) -> int:
    from livedesk.domain.lexicon import Severity
    from livedesk.services.lexicon import team_lexicon
    from livedesk.words import LEXICON_CATEGORIES, LINT_SEVERITIES

    name, text = read_text(args.file)
    lexicon = team_lexicon(None if args.no_team_words else context.store)
    hits = lexicon.scan(text, platform=args.platform)
    if args.json:
        print_json(
            {
                "hits": [
                    {
                        key: hit.to_dict()[key]
                        for key in ("line", "column", "text", "category", "severity", "suggestion")
                    }
                    | {"reason": hit.reason}
                    for hit in hits
                ]
            }
        )
    else:
        lang = context.language
        for hit in hits:
            print(
                context.words(
                    "cli.lint.hit",
                    file=name,
                    line=str(hit.line),
                    column=str(hit.column),
                    severity=LINT_SEVERITIES.word(hit.severity, lang),
                    category=LEXICON_CATEGORIES.word(hit.category, lang),
                    text=hit.text,
                    reason=hit.reason,
                    suggestion=hit.suggestion or "—",
                )
            )
        errors = sum(1 for h in hits if h.severity is Severity.ERROR)
        print(context.words("cli.lint.count", hits=len(hits), errors=errors), file=sys.stderr)
    return 1 if any(h.severity is Severity.ERROR for h in hits) else 0
