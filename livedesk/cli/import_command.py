"""`livedesk import FILE... --session ID [--kind K] [--mapping FILE.json] [--json]`: platform exports into a session.

Each file is one transaction; the same file imported again replaces what it stored before.
"""

from __future__ import annotations

from livedesk.cli.context import CliContext, UserError, existing_file, print_json, session_id_argument

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
            raise UserError(str(exc)) from exc
    paths = [existing_file(name) for name in args.files]
    results, refused = [], []
    for path in paths:
        try:
            results.append(_one(context, session_id, path, args.kind, mapping))
        except SessionNotFound as exc:
            raise UserError(str(exc)) from exc
        except ImportRefused as exc:
            refused.append(exc.message)
            results.append({"file": path.name, "refused": True, "message": exc.message})
    if args.json:
        print_json(results if len(results) > 1 else results[0])
    else:
        for result in results:
            if not result.get("refused"):
                _print_summary(result)
    if refused:
        if len(refused) == 1 and len(paths) == 1:
            raise UserError(refused[0])
        raise UserError(f"{len(refused)} of {len(paths)} files were refused: " + " ".join(refused))
    return 0


def _one(context: CliContext, session_id: int, path, kind, mapping) -> dict:
    from livedesk.services.imports import import_file

    return import_file(
        context.store, session_id, path, kind=kind, mapping=mapping, on_existing="replace"
    ).to_dict()


def _print_summary(result: dict) -> None:
    print(
        f"{result['file']}: {result['format_label'] or result['format']}"
        + (f" ({result['encoding']})" if result.get("encoding") else "")
    )
    for d in result["datasets"]:
        print(
            f"  {d['kind']:<13} dataset {d['dataset_id']}: {d['rows_read']} rows read, {d['rows_stored']} stored, "
            f"{d['rows_skipped']} skipped"
        )
    if result["replaced"]:
        print(
            f"  replaced the earlier import of the same file (datasets {', '.join(map(str, result['replaced']))})"
        )
    for known in result.get("already_known", []):
        print(f"  {known['rows']} order line(s) already known from {known['file']}: this file's copy counts")
    for notice in result.get("notices", []):
        print(f"  WARNING: {notice['message']}")
    for code, count in result["skipped_by_reason"].items():
        print(f"  skipped {count} row(s): {code}")
    warnings = result["warnings"]
    for warning in warnings[:10]:
        print(f"  row {warning['row']}: {warning['message']}")
    if len(warnings) > 10:
        print(f"  … {len(warnings) - 10} more warnings (see --json)")
    for finding in result["findings"]:
        print(f"  {'ok' if finding['ok'] else 'CHECK'}: {finding['message']}")
