"""`livedesk import FILE... --session ID [--kind K] [--mapping FILE.json] [--json]`: platform exports into a session.

Each file is one transaction; the same file imported again replaces what it stored before.
"""

from __future__ import annotations

from livedesk.cli.context import CliContext, UserError, existing_file, print_json, session_id_argument
from livedesk.domain.message import Message

KINDS = ("orders", "products", "explanations", "minutes", "compass", "live-workbook", "log")


def register(commands, add_common) -> None:
    parser = commands.add_parser(
        "import", help="import platform exports (orders, workbooks, curves, logs) into a session"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="CSV, TXT or XLSX files")
    parser.add_argument("--session", required=True, metavar="ID", help="the session the files belong to")
    parser.add_argument("--kind", choices=KINDS, help="what the files hold, when detection should not guess")
    parser.add_argument(
        "--mapping", metavar="FILE.json", help="column mapping for any other table (see DOMAIN §6)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_common(parser)
    parser.set_defaults(handler=_import)


def _import(args, context: CliContext) -> int:
    from livedesk.import_export.arrow_pandas import skip_pandas_probe
    from livedesk.import_export.errors import ImportRefused
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services.imports import load_mapping_file

    skip_pandas_probe()  # an import never needs pandas; pyarrow would load it only to ask (arrow_pandas.py)
    session_id = session_id_argument(args.session)
    mapping = None
    if args.mapping:
        try:
            mapping = load_mapping_file(existing_file(args.mapping)).to_dict()
        except ValueError as exc:
            raise UserError.of(exc) from exc
    paths = [existing_file(name) for name in args.files]
    results, refused = [], []
    for path in paths:
        try:
            results.append(_one(context, session_id, path, args.kind, mapping))
        except SessionNotFound as exc:
            raise UserError.of(exc) from exc
        except ImportRefused as exc:
            sentence = context.say(exc.reason)
            refused.append(sentence)
            results.append({"file": path.name, "refused": True, "code": exc.reason.code, "message": sentence})
    if args.json:
        print_json(results if len(results) > 1 else results[0])
    else:
        for result in results:
            if not result.get("refused"):
                _print_summary(result, context)
    if refused:
        if len(refused) == 1 and len(paths) == 1:
            raise UserError(refused[0])
        heading = context.say(
            Message("cli.import.refused_count", {"refused": len(refused), "files": len(paths)})
        )
        raise UserError(heading + " " + " ".join(refused))
    return 0


def _one(context: CliContext, session_id: int, path, kind, mapping) -> dict:
    from livedesk.services.imports import import_file

    result = import_file(
        context.store, session_id, path, kind=kind, mapping=mapping, on_existing="replace"
    ).to_dict()
    for finding in result["findings"]:
        said = Message.from_json(finding.get("says"))
        finding["message"] = context.say(said) if said else finding.get("message", finding["code"])
    return result


def _print_summary(result: dict, context: CliContext) -> None:
    def say(code: str, **params) -> str:
        return context.say(Message(f"cli.import.{code}", params))

    from livedesk.words import ROW_PROBLEMS, SOURCE_FORMATS, row_words

    lang = context.language
    shown_format = (
        SOURCE_FORMATS.word(result["format"], lang)
        if result["format"] in SOURCE_FORMATS
        else result["format_label"] or result["format"]
    )
    # the encoding as the import dialog shows it: UTF-8 BOM, GB18030
    encoding = (result.get("encoding") or "").upper().replace("-SIG", " BOM")
    print(f"{result['file']}: {shown_format}" + (f" ({encoding})" if encoding else ""))
    for d in result["datasets"]:
        print(
            "  "
            + say(
                "dataset",
                kind=Message(f"dataset.{d['kind']}"),
                dataset=d["dataset_id"],
                read=d["rows_read"],
                stored=d["rows_stored"],
                skipped=d["rows_skipped"],
            )
        )
    if result["replaced"]:
        print("  " + say("replaced", datasets=", ".join(map(str, result["replaced"]))))
    for known in result.get("already_known", []):
        print("  " + say("already_known", rows=known["rows"], file=known["file"]))
    for notice in result.get("notices", []):
        said = Message.from_json(notice.get("says"))
        print("  " + say("notice", text=context.say(said) if said else notice["message"]))
    for code, count in result["skipped_by_reason"].items():
        print("  " + say("skipped", rows=count, reason=ROW_PROBLEMS.word(code, lang)))
    warnings = sorted(result["warnings"], key=lambda w: w["row"])
    for warning in warnings[:10]:
        text = row_words(warning["code"], warning.get("params"), warning["message"], lang)
        print("  " + say("row_warning", row=warning["row"], text=text))
    if len(warnings) > 10:
        print("  " + say("more_warnings", more=len(warnings) - 10))
    for finding in result["findings"]:
        print("  " + say("check_ok" if finding["ok"] else "check_gap", text=finding["message"]))
