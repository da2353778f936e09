"""Runs fuzz cases one child process each (two at a time) and classifies how every import ended.

A child imports its file into a copy of a fresh store, with a memory cap and a watchdog, so a hang or an
allocation of gigabytes is seen as an outcome instead of stopping the run.
"""

from __future__ import annotations

import multiprocessing
import re
import shutil
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fuzz_cases import Case

OUTCOMES = ("imported", "refused", "exception", "hang", "crash", "partial", "internals", "noise")
GOOD = ("imported", "refused")
MEMORY_CAP = 2 << 30  # a child past 2 GiB is stopped; the machine is shared
# What a user should never read in a refusal: the parser's, codec's, zip's or interpreter's own words.
INTERNALS = re.compile(
    r"Traceback|Error\b|Exception|errno|codec|0x[0-9a-f]{2}|position \d|line \d+ column|"
    r"pyarrow|arrow|calamine|zipfile|xml|\bCSV parse|Expected \d+ columns|invalid literal|NoneType|"
    r"object has no|not subscriptable|unhashable|got an unexpected|<class|\bdict\b|\bint\b|"
    r"\bstr\b|utf-?8'|strptime|Decimal|InvalidOperation|field larger|RecursionError|MemoryError",
    re.IGNORECASE,
)


@dataclass
class Outcome:
    case: int
    seed: str
    mutation: str
    outcome: str
    detail: str = ""
    seconds: float = 0.0


def refusal_problem(message: str, name: str, mapping_name: str | None = None) -> str | None:
    """Why a refusal would not do for a user (None when it is one clean sentence naming the file)."""
    if "\n" in message.strip():
        return "more than one line"
    if name not in message and (mapping_name is None or mapping_name not in message):
        return "does not name the file"
    # The file's own header cells, quoted back to the user, may hold anything.
    found = INTERNALS.search(
        # Greedy to the last bracket: a header cell such as 互动率(次数) holds a bracket of its own.
        re.sub(r"\(columns found: .*\)|（找到的列：.*）|（没有找到列名）", "", message)
    )
    if found:
        return f"quotes internals ({found.group(0)!r})"
    if len(message) > 600:
        return "longer than a sentence"
    return None


def refusal_outcome(exc, name: str, mapping_name: str | None = None) -> tuple[str, str]:
    """A refusal (of the file, or of its mapping file) is good when it has a code with words and both its
    sentences (Chinese, the default, and English) are clean and name the file."""
    from livedesk.words.messages import MESSAGES, say

    reason = getattr(exc, "reason", None)
    if reason is None or reason.code not in MESSAGES:
        return "internals", f"no words for the code of {type(exc).__name__}: {exc}"[:300]
    for lang in ("zh_CN", "en"):
        sentence = say(reason, lang)
        problem = refusal_problem(sentence, name, mapping_name)
        named = sentence.replace(name, "").replace(mapping_name or name, "")
        if problem is None and lang == "zh_CN" and not re.search(r"[\u4e00-\u9fff]", named):
            problem = "not in Chinese"
        if problem:
            return "internals", f"{lang}: {problem}: {sentence}"[:300]
    return "refused", say(reason, "zh_CN")[:200]


def _child(case: Case, folder: str, template: str, conn) -> None:
    import os
    import resource
    import warnings

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    work = Path(folder)
    work.mkdir(parents=True, exist_ok=True)
    # What the import prints (warnings, a native library's abort message) is part of the outcome.
    stderr = os.open(work / "stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(stderr, 2)
    db = work / "store.sqlite3"
    shutil.copyfile(template, db)
    path = work / case.name
    path.write_bytes(case.data)
    try:
        result = _import(case, path, db, work, warnings)
    except BaseException as exc:  # the outcome being measured: anything that escapes
        tail = traceback.format_exception(exc)[-3:]
        result = ("exception", f"{type(exc).__name__}: {str(exc)[:200]} | {''.join(tail)[-400:]}")
    conn.send(result)
    conn.close()


def _import(case: Case, path: Path, db: Path, work: Path, warnings) -> tuple[str, str]:
    from livedesk.import_export.errors import ImportRefused
    from livedesk.persistence import dataset_repository
    from livedesk.persistence.store import Store
    from livedesk.services.imports import import_file, load_mapping_file

    store = Store(f"sqlite:///{db}")
    mapping = None
    mapping_name = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if case.mapping is not None:
                mapping_file = work / "mapping.json"
                mapping_name = mapping_file.name
                mapping_file.write_bytes(case.mapping)
                try:
                    mapping = load_mapping_file(mapping_file).to_dict()
                except ValueError as exc:
                    return refusal_outcome(exc, path.name, mapping_name)
            summary = import_file(store, 1, path, kind=case.kind, mapping=mapping)
            if case.review:
                from livedesk.services.review import run_review

                run_review(store, 1)
        except ImportRefused as exc:
            with store.reading() as session:
                if dataset_repository.list_datasets(session, 1):
                    return "partial", "a refused import left datasets behind"
            return refusal_outcome(exc, path.name)
        noisy = [w for w in caught if issubclass(w.category, (RuntimeWarning, UserWarning, FutureWarning))]
    store.dispose()
    if noisy:
        return "noise", f"{noisy[0].category.__name__}: {str(noisy[0].message)[:160]}"
    return "imported", f"{len(summary.datasets)} dataset(s), {len(summary.warnings)} warning(s)"


def make_template(folder: Path) -> Path:
    """A store holding one session (id 1), copied for every case."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from livedesk.persistence.store import Store
    from livedesk.services.sessions import create_session

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "template.sqlite3"
    store = Store(f"sqlite:///{path}")
    create_session(
        store, "双十一返场", datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")), 3 * 3600
    )
    store.dispose()
    return path


def run_cases(
    cases: list[Case], folder: Path, *, workers: int = 2, timeout: float = 30.0, progress=None
) -> list[Outcome]:
    """Every case in its own child (forked from a server that has the import code loaded)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        ["fuzz_runner", "livedesk.services.imports", "livedesk.import_export.reader"]
    )
    template = make_template(folder / "template")
    pending = list(cases)
    running: dict = {}
    results: list[Outcome] = []
    while pending or running:
        while pending and len(running) < workers:
            case = pending.pop(0)
            receive, send = context.Pipe(duplex=False)
            child = context.Process(
                target=_child,
                args=(case, str(folder / f"case{case.ident}"), str(template), send),
                daemon=True,
            )
            child.start()
            send.close()
            running[case.ident] = (case, child, receive, time.monotonic())
        time.sleep(0.005)
        for ident, (case, child, receive, started) in list(running.items()):
            elapsed = time.monotonic() - started
            outcome = None
            if receive.poll():
                try:
                    outcome = receive.recv()
                except EOFError:
                    outcome = ("crash", f"exit code {child.exitcode}")
            elif not child.is_alive():
                child.join()
                outcome = ("crash", f"the process died (exit code {child.exitcode})")
            elif elapsed > timeout:
                child.kill()
                outcome = ("hang", f"still running after {timeout:.0f} s")
            if outcome is None:
                continue
            printed = _printed(folder / f"case{ident}")
            if outcome[0] == "imported" and printed:
                outcome = ("noise", printed)
            elif outcome[0] == "crash" and printed:
                outcome = ("crash", f"{outcome[1]}: {printed}")
            child.join(5)
            receive.close()
            del running[ident]
            shutil.rmtree(folder / f"case{ident}", ignore_errors=True)
            results.append(Outcome(case.ident, case.seed, case.mutation, outcome[0], outcome[1], elapsed))
            if progress is not None:
                progress(results[-1])
    return sorted(results, key=lambda o: o.case)


def _printed(folder: Path) -> str:
    try:
        text = (folder / "stderr.txt").read_text(errors="replace").strip()
    except OSError:
        return ""
    lines = [line for line in text.splitlines() if line.strip()]
    return " / ".join(lines[:2])[:300]


def counts(outcomes: list[Outcome]) -> Counter:
    return Counter(o.outcome for o in outcomes)
