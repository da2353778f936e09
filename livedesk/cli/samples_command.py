"""`livedesk samples load|generate|studio`: put the synthetic sample sessions into the store, write sample
files, or fill the store with a synthetic studio of many accounts for benchmarks."""

from __future__ import annotations

import time

from livedesk.cli.context import CliContext, UserError, fail


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

    studio = sub.add_parser(
        "studio",
        help="write a synthetic studio into the store: A accounts × S sessions (one a day per account), "
        "each with a plan, a live log and N order lines (for benchmarks)",
    )
    studio.add_argument("--accounts", required=True, type=int, metavar="A")
    studio.add_argument("--sessions", required=True, type=int, metavar="S", help="sessions per account")
    studio.add_argument("--orders", type=int, metavar="N", help="order lines per session (default 3000)")
    studio.add_argument("--seed", type=int, default=17, metavar="SEED")
    add_common(studio)
    studio.set_defaults(handler=_studio)
    add_common(samples)


def _load(args, context: CliContext) -> int:
    from livedesk.import_export.session_file import SessionFileError
    from livedesk.services.samples import SampleImportFailed, SamplesMissing, load_samples

    try:
        loaded = load_samples(context.store, args.dir)
    except (SamplesMissing, SampleImportFailed, SessionFileError, ValueError) as exc:
        raise UserError.of(exc) from exc
    for sample in loaded:
        print(sample.session_id)
    return 0


def _generate(args, context: CliContext) -> int:
    from livedesk.services.samples import generate

    if args.orders is not None and args.orders < 100:
        # the sample needs cancelled, refunded and late orders
        raise fail("cli.at_least", option="--orders", least=100)
    started = time.perf_counter()
    try:
        result = generate(args.out, orders=args.orders, seed=args.seed)
    except OSError as exc:
        raise fail("cli.cannot_write", file=args.out, reason=exc.strerror or str(exc)) from exc
    elapsed = time.perf_counter() - started
    n = result.numbers
    say = context.words
    print(
        say(
            "cli.samples.generated",
            lines=result.order_lines,
            folder=str(result.folder),
            seconds=f"{elapsed:.1f}",
        )
    )
    print(say("cli.samples.numbers", gmv_fen=n.gmv_fen, orders=n.orders, pv=n.pv, gpm_fen=n.gpm_fen))
    return 0


def _studio(args, context: CliContext) -> int:
    import sys

    from livedesk.samples.studio import DEFAULT_ORDERS, write_studio

    orders = DEFAULT_ORDERS if args.orders is None else args.orders
    if args.accounts < 1 or args.sessions < 1:
        raise fail("cli.at_least", option="--accounts / --sessions", least=1)
    if orders < 1:
        raise fail("cli.at_least", option="--orders", least=1)
    step = max(1, (args.accounts * args.sessions) // 20)

    def progress(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            line = context.words("cli.samples.studio_progress", done=done, total=total)
            print(f"\r{line}", end="", file=sys.stderr, flush=True)

    result = write_studio(
        context.store, args.accounts, args.sessions, orders, seed=args.seed, progress=progress
    )
    print(file=sys.stderr)
    print(
        context.words(
            "cli.samples.studio_written",
            sessions=result.sessions,
            accounts=result.accounts,
            lines=result.order_lines,
            events=result.events,
            seconds=f"{result.seconds:.1f}",
        )
    )
    return 0
