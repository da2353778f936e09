"""`livedesk samples load|generate`: put the synthetic sample sessions into the store, or write sample files."""

from __future__ import annotations

import time

from livedesk.cli.context import CliContext, UserError


def register(commands, add_common) -> None:
    samples = commands.add_parser("samples", help="load or generate the synthetic sample sessions")
    sub = samples.add_subparsers(dest="samples_command", metavar="ACTION")
    load = sub.add_parser("load", help="load sample_sessions/ into the store and print the session ids")
    load.add_argument(
        "--dir", metavar="DIR", help="a folder of sample files (default: the repository's sample_sessions/)"
    )
    add_common(load)
    load.set_defaults(handler=_load)

    generate = sub.add_parser(
        "generate", help="write the sample files (use --orders for benchmark-sized files)"
    )
    generate.add_argument(
        "--out", required=True, metavar="DIR", help="folder to write into (created if needed)"
    )
    generate.add_argument(
        "--orders", type=int, metavar="N", help="order lines in the 抖店 export (default 2600)"
    )
    generate.add_argument(
        "--seed", type=int, metavar="S", help="random seed (default: the committed samples' seed)"
    )
    add_common(generate)
    generate.set_defaults(handler=_generate)
    add_common(samples)


def _load(args, context: CliContext) -> int:
    from livedesk.import_export.session_file import SessionFileError
    from livedesk.services.samples import SampleImportFailed, SamplesMissing, load_samples

    try:
        loaded = load_samples(context.store, args.dir)
    except (SamplesMissing, SampleImportFailed, SessionFileError, ValueError) as exc:
        raise UserError(str(exc)) from exc
    for sample in loaded:
        print(sample.session_id)
    return 0


def _generate(args, context: CliContext) -> int:
    from livedesk.services.samples import generate

    if args.orders is not None and args.orders < 100:
        raise UserError(
            "--orders must be at least 100 (the sample needs cancelled, refunded and late orders)"
        )
    started = time.perf_counter()
    try:
        result = generate(args.out, orders=args.orders, seed=args.seed)
    except OSError as exc:
        raise UserError(f"cannot write the sample files into {args.out}: {exc.strerror or exc}") from exc
    elapsed = time.perf_counter() - started
    n = result.numbers
    print(
        f"wrote {result.order_lines:,} order lines and the session files into {result.folder} in {elapsed:.1f} s"
    )
    print(
        f"GMV ¥{n.gmv_fen / 100:,.2f} in {n.orders:,} paid lines, {n.pv:,} views, GPM ¥{n.gpm_fen / 100:,.2f}"
    )
    return 0
