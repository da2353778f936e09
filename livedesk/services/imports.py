"""Importing one file into a session: detect, read, check, and store every dataset in one transaction.

`import_file` is what the CLI calls and what the GUI runs in the background; `preview_file` shows what
was detected before anything is stored; mapping presets live in the preferences ("import_mapping").
"""

from __future__ import annotations

import functools
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from livedesk.domain.dataset import Dataset, DatasetKind, RowWarning
from livedesk.domain.ids import saved
from livedesk.domain.live_log import EventKind, LiveEvent, Marker
from livedesk.domain.message import Message
from livedesk.domain.roles import ScriptStep
from livedesk.import_export.errors import ImportCancelled, ImportRefused
from livedesk.persistence import (
    dataset_repository,
    live_log_repository,
    preference_repository,
    session_repository,
)
from livedesk.persistence.store import Store
from livedesk.services.history import mark_stale

PRESET_NAMESPACE = "import_mapping"
ON_EXISTING = ("replace", "skip")


@dataclass
class ImportSummary:
    file: str
    format: str
    datasets: list[tuple[str, int, int, int, int]] = field(
        default_factory=list
    )  # kind, id, read, stored, skipped
    warnings: list[RowWarning] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    refused: bool = False
    format_label: str = ""
    encoding: str | None = None
    already_imported: bool = False  # on_existing="skip" and the same bytes were there
    replaced: list[int] = field(default_factory=list)
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    message: str = ""
    live_log_events: int | None = None  # events that became the session's live log (log imports)
    # Order lines an earlier file of the session already held: [{"file", "rows"}]; the newer copy counts.
    already_known: list[dict] = field(default_factory=list)
    # Whole-file notices (e.g. file_outside_session with both time ranges); the file is still imported.
    notices: list[dict] = field(default_factory=list)
    # A refused file: why, as a code with values (the screens word it), and what the library said.
    refusal: Message | None = None
    details: str | None = None

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "format_label": self.format_label,
            "encoding": self.encoding,
            "refused": self.refused,
            "message": self.message,
            "already_imported": self.already_imported,
            "replaced": self.replaced,
            "datasets": [
                {"kind": k, "dataset_id": i, "rows_read": r, "rows_stored": s, "rows_skipped": sk}
                for k, i, r, s, sk in self.datasets
            ],
            "skipped_by_reason": self.skipped_by_reason,
            "warnings": [
                {"row": w.row, "code": w.code, "params": w.params, "message": w.message}
                for w in self.warnings
            ],
            "findings": self.findings,
            "live_log_events": self.live_log_events,
            "already_known": self.already_known,
            "notices": self.notices,
        }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(8 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def load_mapping_file(path: str | Path):
    """A mapping JSON file → ColumnMapping; ValueError with one sentence when it cannot be used."""
    from livedesk.import_export.mapped_table import load_mapping_document

    return load_mapping_document(path)


def _as_mapping(mapping):
    from livedesk.import_export.mapped_table import ColumnMapping, parse_mapping

    if mapping is None or isinstance(mapping, ColumnMapping):
        return mapping
    return parse_mapping(mapping)


def preview_file(path: str | Path, *, kind: str | None = None, mapping=None):
    """Detect without importing: format, encoding, sheet, header and first rows (for the import dialog)."""
    from livedesk.import_export.detection import detect

    return detect(path, kind=kind, mapping=_as_mapping(mapping))


def _stored_once(import_function):
    """When an import of the same bytes ran at the same moment and stored first, the file is in (once):
    this import reports it as already imported instead of storing it twice (its transaction rolled back)."""

    @functools.wraps(import_function)
    def run(store: Store, session_id: int, path: str | Path, **options) -> ImportSummary:
        try:
            return import_function(store, session_id, path, **options)
        except dataset_repository.SameSourceStored as stored:
            return _already_imported(Path(path), _existing(store, session_id, stored.sha256))

    return run


@_stored_once
def import_file(
    store: Store,
    session_id: int,
    path: str | Path,
    *,
    kind: str | None = None,
    mapping: dict | None = None,
    on_existing: str = "replace",
    control=None,
) -> ImportSummary:
    """Read `path` and store its datasets for the session in one transaction; ImportRefused stores nothing.

    `kind` narrows detection (orders|products|explanations|minutes|compass|live-workbook|log); `mapping` reads
    any table through a column mapping; `on_existing` says what to do when the same bytes were imported
    before: "replace" them or "skip" the file. `control` (optional) has `progress(fraction, message)` and
    `cancelled`; a cancelled import raises ImportCancelled and stores nothing.
    """
    from livedesk.import_export.detection import KINDS, detect
    from livedesk.import_export.parsed import ReadContext
    from livedesk.import_export.reader import read_detected
    from livedesk.services.import_overlap import already_known, outside_session

    if on_existing not in ON_EXISTING:
        raise ValueError(f"on_existing must be one of {ON_EXISTING}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    path = Path(path)
    try:
        column_mapping = _as_mapping(mapping)
    except ValueError as exc:
        raise ImportRefused(
            "import.bad_mapping", file=path.name, reason=getattr(exc, "reason", None) or str(exc)
        ) from exc
    with store.reading() as db:
        session = session_repository.get_session(db, session_id)
        logged = live_log_repository.list_events(db, session_id, session.timezone)
    start_ms = round(session.start.timestamp() * 1000)
    end_ms = start_ms + session.planned_seconds * 1000
    if logged:
        # A stream that started early or overran is still the session: the live log tells its real window.
        start_ms = min(start_ms, round(logged[0].at.timestamp() * 1000))
        end_ms = max(end_ms, round(logged[-1].at.timestamp() * 1000))
    context = ReadContext(
        zone=(column_mapping.timezone if column_mapping and column_mapping.timezone else session.timezone),
        window_ms=(start_ms, end_ms),
        time_format=column_mapping.time_format if column_mapping else None,
        progress=getattr(control, "progress", None),
        cancelled=(lambda: bool(getattr(control, "cancelled", False))) if control is not None else None,
    )
    if not path.is_file():
        raise ImportRefused("import.not_a_file", file=path.name)
    with ThreadPoolExecutor(max_workers=1) as pool:
        # Hashing a 370 MB export takes as long as parsing it; hashlib releases the GIL, so it runs beside.
        digest = pool.submit(file_sha256, path)
        if on_existing == "skip":
            existing = _existing(store, session_id, digest.result())
            if existing:
                return _already_imported(path, existing)
        detection = detect(path, kind=kind, mapping=column_mapping)
        parsed = read_detected(detection, context, column_mapping)
        sha = digest.result()
    context.step(0.85, "storing")
    summary = ImportSummary(
        file=path.name, format=parsed.format, format_label=detection.label, encoding=detection.encoding
    )
    file_meta = parsed.meta | {
        "format_label": detection.label,
        "encoding": detection.encoding,
        "delimiter": detection.delimiter,
        "container": detection.container,
    }
    with store.transaction() as db:
        for old in dataset_repository.find_same_source(db, session_id, sha):
            dataset_repository.delete_dataset(db, saved(old.id))
            summary.replaced.append(saved(old.id))
        findings = parsed.findings + _cross_file_findings(
            db, session_id, parsed, set(summary.replaced), session.timezone, path.name, (start_ms, end_ms)
        )
        summary.already_known = already_known(db, session_id, parsed, set(summary.replaced), session.timezone)
        notice = outside_session(path.name, parsed, (start_ms, end_ms), session.timezone)
        summary.notices = [notice] if notice else []
        now = datetime.now(UTC)
        for index, item in enumerate(parsed.datasets):
            stored = item.table.num_rows
            meta = item.meta | {"file": file_meta}
            if index == 0:
                meta["findings"] = findings
                meta["already_known"] = summary.already_known
                meta["notices"] = summary.notices
            dataset = Dataset(
                session_id=session_id,
                kind=item.kind,
                format=parsed.format,
                source_name=path.name,
                source_sha256=sha,
                imported_at=now,
                sheet=item.sheet,
                rows_read=item.rows_read,
                rows_stored=stored,
                rows_skipped=item.rows_skipped,
                warnings=item.warnings,
                meta=meta,
            )
            dataset_id = dataset_repository.save_dataset(db, dataset, item.table, part=index)
            if item.kind is DatasetKind.LOG:
                # An imported live log is the session's actual run order: it replaces the stored live log.
                live_log_repository.clear_events(db, session_id)
                live_log_repository.append_events(db, session_id, _events_from_log_table(item.table))
                summary.live_log_events = item.table.num_rows
            summary.datasets.append((item.kind.value, dataset_id, item.rows_read, stored, item.rows_skipped))
            summary.warnings.extend(item.warnings)
            for code, count in item.meta.get("skipped_by_reason", {}).items():
                summary.skipped_by_reason[code] = summary.skipped_by_reason.get(code, 0) + count
        if context.cancelled is not None and context.cancelled():
            raise ImportCancelled()  # rolls the transaction back
        # The forecast and trends read summaries; the next reader recomputes them from what is stored now.
        mark_stale(db, session)
    summary.findings = findings
    summary.message = _summary_message(summary)
    context.step(1.0, "done")
    return summary


def _summary_message(summary: ImportSummary) -> str:
    """One sentence per whole-file fact the user must not miss (known rows, wrong day)."""
    parts = [
        f"{known['rows']:,} order lines were already known from {known['file']}; this file's copy counts."
        for known in summary.already_known
    ]
    parts += [notice["message"] for notice in summary.notices]
    return " ".join(parts)


def _events_from_log_table(table) -> list[LiveEvent]:
    """Canonical log rows (livedesk.domain.canonical.LOG_COLUMNS) as live-log events."""
    events = []
    for row in table.to_pylist():
        events.append(
            LiveEvent(
                at=row["at"],
                kind=EventKind(row["kind"]),
                segment_index=row.get("segment_index"),
                step=ScriptStep(row["step"]) if row.get("step") else None,
                marker=Marker(row["marker"]) if row.get("marker") else None,
                note=row.get("note") or "",
                product_id=row.get("product_id") or None,
            )
        )
    return events


def _existing(store: Store, session_id: int, sha: str) -> list[Dataset]:
    with store.reading() as db:
        return dataset_repository.find_same_source(db, session_id, sha)


def _already_imported(path: Path, existing: list[Dataset]) -> ImportSummary:
    first = existing[0]
    return ImportSummary(
        file=path.name,
        format=first.format,
        format_label=first.meta.get("file", {}).get("format_label", ""),
        encoding=first.meta.get("file", {}).get("encoding"),
        already_imported=True,
        datasets=[(d.kind.value, saved(d.id), d.rows_read, d.rows_stored, d.rows_skipped) for d in existing],
        message="the same file was imported before; skipped",
    )


def _cross_file_findings(
    db, session_id: int, parsed, replaced: set[int], zone: str, name: str, window_ms: tuple[int, int]
) -> list[dict]:
    """Orders against the workbook's GMV, whichever of the two arrives second. The orders side is every
    order file of the session with a line in two downloads counted once (as the review counts them)."""
    from livedesk.import_export.checks import orders_vs_summary, summary_values
    from livedesk.services.import_overlap import orders_gmv_fen

    kinds = {d.kind: d for d in parsed.datasets}
    others = [d for d in dataset_repository.list_datasets(db, session_id, zone=zone) if d.id not in replaced]
    stored_orders = [d for d in others if d.kind is DatasetKind.ORDERS]
    new_orders = [d.table for d in parsed.datasets if d.kind is DatasetKind.ORDERS]
    if DatasetKind.ORDERS in kinds and DatasetKind.SUMMARY not in kinds:
        summaries = [d for d in others if d.kind is DatasetKind.SUMMARY]
        if summaries:
            values = summary_values(dataset_repository.load_table(db, saved(summaries[-1].id)))
            if values.get("gmv_fen") is not None:
                gmv = orders_gmv_fen(db, session_id, stored_orders, new_orders, window_ms)
                return [orders_vs_summary(gmv, values["gmv_fen"], summaries[-1].source_name)]
    if DatasetKind.SUMMARY in kinds and DatasetKind.ORDERS not in kinds:
        values = summary_values(kinds[DatasetKind.SUMMARY].table)
        if stored_orders and values.get("gmv_fen") is not None:
            gmv = orders_gmv_fen(db, session_id, stored_orders, [], window_ms)
            return [orders_vs_summary(gmv, values["gmv_fen"], name)]
    return []


# -- mapping presets ----------------------------------------------------------------------------------


def save_mapping_preset(store: Store, name: str, mapping: dict) -> None:
    """Validate and save a named column mapping for reuse."""
    parsed = _as_mapping(mapping)
    if not name.strip():
        raise ValueError("a mapping preset needs a name")
    with store.transaction() as db:
        preference_repository.put_preference(db, PRESET_NAMESPACE, name.strip(), parsed.to_dict())


def list_mapping_presets(store: Store) -> dict[str, dict]:
    with store.reading() as db:
        return preference_repository.list_preferences(db, PRESET_NAMESPACE)


def get_mapping_preset(store: Store, name: str) -> dict | None:
    with store.reading() as db:
        return preference_repository.get_preference(db, PRESET_NAMESPACE, name)


def delete_mapping_preset(store: Store, name: str) -> None:
    with store.transaction() as db:
        preference_repository.delete_preference(db, PRESET_NAMESPACE, name)
