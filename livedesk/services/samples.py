"""Loading the sample sessions into a store (idempotent) and generating sample files, for the CLI and the GUI.

Each session file becomes one sample session (plan and live log in one transaction); each export file is
imported through the import service in its own transaction. Loading again finds the sessions already
there and the import service skips files whose bytes it already holds, so nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from livedesk.domain.message import Message
from livedesk.domain.session import SessionPlan
from livedesk.import_export.live_log_csv import read_live_log
from livedesk.import_export.session_file import read_session_file
from livedesk.persistence import live_log_repository, session_repository
from livedesk.persistence.store import Store
from livedesk.samples import samples_dir
from livedesk.samples.files import SESSIONS
from livedesk.services.history import refresh_stale, write_summaries
from livedesk.words.messages import SaidInEnglish


class SamplesMissing(SaidInEnglish, FileNotFoundError):
    """The sample folder or one of its files is not there; `reason` says which and what to do."""


class SampleImportFailed(SaidInEnglish, ValueError):
    """An export file of the samples was refused by the importer (`reason` holds the importer's)."""


@dataclass
class LoadedSample:
    session_id: int
    title: str
    created: bool  # False when the session was already in the store
    events_added: int = 0
    imports: list = field(default_factory=list)  # ImportSummary per export file


def load_samples(store: Store, folder: str | Path | None = None, *, control=None) -> list[LoadedSample]:
    """Load every sample session of `folder` (default: the repository's sample_sessions/) into `store`."""
    folder = Path(folder) if folder is not None else samples_dir()
    if not folder.is_dir():
        raise SamplesMissing(Message("samples.folder_missing", {"folder": str(folder)}))
    for session_file, log_file, exports in SESSIONS:
        for name in (session_file, log_file, *exports):
            if name and not (folder / name).is_file():
                raise SamplesMissing(Message("samples.file_missing", {"folder": str(folder), "file": name}))
    loaded: list[LoadedSample] = []
    for session_file, log_file, exports in SESSIONS:
        plan = read_session_file(folder / session_file)
        plan.session.is_sample = True
        events = read_live_log(folder / log_file, plan.session.timezone) if log_file else []
        sample = _store_plan_and_log(store, plan, events)
        for name in exports:
            if control is not None and getattr(control, "cancelled", False):
                return loaded
            sample.imports.append(_import_export(store, sample.session_id, folder / name, control))
        loaded.append(sample)
    # The imports left the summaries stale; the samples arrive with their history ready to read.
    refresh_stale(store)
    return loaded


def _store_plan_and_log(store: Store, plan: SessionPlan, events) -> LoadedSample:
    """The session with its plan and log, one transaction; an existing sample session is reused."""
    with store.transaction() as db:
        existing = _find_sample(session_repository.list_sessions(db, account=plan.session.account), plan)
        if existing is None:
            session_id = session_repository.save_plan(db, plan)
            created = True
        else:
            session_id, created = existing, False
        added = 0
        if events and not live_log_repository.list_events(db, session_id, plan.session.timezone):
            live_log_repository.append_events(db, session_id, events)
            added = len(events)
            write_summaries(db, session_id)
    return LoadedSample(session_id, plan.session.title, created, added)


def _find_sample(sessions, plan: SessionPlan) -> int | None:
    for session in sessions:
        if (
            session.is_sample
            and session.title == plan.session.title
            and session.account == plan.session.account
            and session.start == plan.session.start
        ):
            return session.id
    return None


def _import_export(store: Store, session_id: int, path: Path, control):
    # The import service detects the format (罗盘, live workbook, 抖店 orders, minute curve) by itself;
    # "skip" makes a second load a no-op for files already imported byte for byte.
    from livedesk.import_export.errors import ImportRefused
    from livedesk.services.imports import import_file

    try:
        return import_file(store, session_id, path, on_existing="skip", control=control)
    except ImportRefused as exc:
        raise SampleImportFailed(
            Message("samples.refused", {"folder": str(path.parent), "reason": exc.reason}), exc.details
        ) from exc


def generate(out_dir: str | Path, *, orders: int | None = None, seed: int | None = None):
    """Write the sample files into `out_dir` (see livedesk.samples.generator); returns GeneratedSamples."""
    from livedesk.samples.generator import DEFAULT_SEED, generate_samples

    return generate_samples(out_dir, orders=orders, seed=DEFAULT_SEED if seed is None else seed)
