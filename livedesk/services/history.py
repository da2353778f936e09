"""An account's history as stored summaries: what the forecast, the run-order generator, the trends and
the 历史 tab read, one query each, instead of recomputing past reviews.

Summaries are computed by the review's own analysis (livedesk.analysis: sale lines, metrics, actual run,
per-product table) and written whenever a session's inputs change: a stored or replaced live log, a saved
review. An import (including a replaced file) only marks them stale, so a million-row import makes no
second pass over its rows; every reader here first recomputes what is stale (`refresh_stale`), so the
forecast and the trends always see the imported data. Otherwise reading never decodes a dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.persistence import summary_repository
from livedesk.persistence.store import Store

# Sales-level inputs: with none of them a product summary would only say "no idea", so none is written.
_SALES_KINDS = ("orders", "products", "minutes", "explanations")


@dataclass(frozen=True)
class SessionFigures:
    """What one session's inputs summarise to: the history contract plus every review KPI (fen)."""

    session: SessionSummary
    products: list[ProductSummary]
    kpis: dict


def summarise(inputs) -> SessionFigures:
    """The summaries of one session from its ReviewInputs, through the review's own entry points."""
    from livedesk.analysis.actual_run import actual_run
    from livedesk.analysis.metrics import compute_metrics
    from livedesk.analysis.orders import sale_lines
    from livedesk.analysis.products import product_table

    orders = sale_lines(inputs)
    kpis = compute_metrics(inputs, orders)
    run = actual_run(inputs)
    products = product_table(inputs, run, orders)
    return figures_from(inputs, kpis, run, products)


def summarise_review(review) -> SessionFigures:
    """The same summaries from a review already computed (saves a second pass when a review is saved)."""
    if review.inputs is None or review.run is None:
        raise ValueError("a review read back from JSON has no inputs to summarise")
    return figures_from(review.inputs, review.kpis, review.run, list(review.products))


def figures_from(inputs, kpis: dict, run, products: list) -> SessionFigures:
    from livedesk.analysis.actual_run import SOURCE_LOG, SOURCE_PLAN
    from livedesk.domain.roles import SegmentKind

    session = inputs.plan.session

    def whole(key: str) -> int | None:
        value = kpis[key].value
        return None if value is None else int(round(value))

    on_air = run.source != SOURCE_PLAN  # the plan is an intention, not a record of pitch time
    pitch_kinds = {SegmentKind.PITCH.value, SegmentKind.ENCORE.value}
    pitch_seconds = (
        int(round(sum(s.seconds for s in run.segments if s.kind in pitch_kinds))) if on_air else None
    )
    if run.source == SOURCE_LOG and run.segments:
        live_seconds: int | None = int(round((run.end_ms - run.start_ms) / 1000))
    else:
        live_seconds = _exported_live_seconds(inputs)
    summary = SessionSummary(
        session_id=session.id,
        account=session.account,
        start=session.start,
        planned_seconds=session.planned_seconds,
        live_seconds=live_seconds,
        gmv_fen=whole("gmv"),
        refund_fen=whole("refund_amount"),
        units=whole("units"),
        orders=whole("orders"),
        buyers=whole("buyers"),
        uv=whole("uv"),
        pitch_seconds=pitch_seconds,
        ad_spend_fen=whole("ad_spend"),
    )
    product_rows: list[ProductSummary] = []
    if any(inputs.of(kind) for kind in _SALES_KINDS):
        for row in products:
            # The product's whole GMV in the live window, the tail sold after its pitch included (the
            # review's per-product table); a pool product that sold nothing sold 0, not "unknown".
            product_rows.append(
                ProductSummary(
                    session_id=session.id,
                    product_id=str(row.product_id),
                    role=row.role,
                    gmv_fen=int(row.gmv or 0),
                    units=int(row.units or 0),
                    orders=None if row.orders is None else int(row.orders),
                    pitch_seconds=int(round(row.explain_seconds or 0)),
                    refund_fen=None if row.refund_amount is None else int(row.refund_amount),
                )
            )
    values = {key: metric.value for key, metric in kpis.items()}
    return SessionFigures(summary, product_rows, values)


def _exported_live_seconds(inputs) -> int | None:
    """The live window an export states (开播/关播 times, else 直播时长), when there is no live log."""
    for sourced in inputs.of("summary"):
        keys = sourced.table.column("key").to_pylist()
        values = sourced.table.column("value").to_pylist()
        found = {k: v for k, v in zip(keys, values, strict=False) if v is not None}
        if (
            "live_start_ms" in found
            and "live_end_ms" in found
            and found["live_end_ms"] > found["live_start_ms"]
        ):
            return int(round((found["live_end_ms"] - found["live_start_ms"]) / 1000))
        if found.get("duration_seconds"):
            return int(round(found["duration_seconds"]))
    return None


# --- writing -----------------------------------------------------------------------------------------


def write_summaries(db, session_id: int) -> SessionFigures | None:
    """Recompute and store one session's summaries inside the caller's transaction (it sees its own
    writes). A session with no imported data and no live log has nothing to summarise: its summaries go."""
    from livedesk.services.review import read_inputs

    inputs = read_inputs(db, session_id)
    if not inputs.events and not any(inputs.tables.values()):
        summary_repository.delete_summaries(db, session_id)
        return None
    figures = summarise(inputs)
    store_figures(db, figures)
    return figures


def store_figures(db, figures: SessionFigures) -> None:
    summary_repository.replace_summaries(db, figures.session, figures.products, figures.kpis)


def store_review(db, review) -> None:
    """A saved review's summaries (no second pass over the data); as `write_summaries` for no data."""
    inputs = review.inputs
    if inputs is None:
        raise ValueError("a review read back from JSON has no inputs to summarise")
    if not inputs.events and not any(inputs.tables.values()):
        summary_repository.delete_summaries(db, inputs.plan.session.id)
        return
    store_figures(db, summarise_review(review))


def mark_stale(db, session) -> None:
    """An import changed the session's data (caller's transaction): the next reader recomputes it."""
    from livedesk.persistence.timecodec import to_ms

    summary_repository.mark_stale(
        db, session.id, session.account, to_ms(session.start), session.planned_seconds
    )


def refresh_stale(store: Store) -> int:
    """Recompute every summary an import left stale, each in its own transaction; returns how many were
    written. A session marked again while it was being computed stays stale for the next reader."""
    from livedesk.persistence.session_repository import SessionNotFound
    from livedesk.services.review import read_inputs

    with store.reading() as db:
        stale = summary_repository.stale_marks(db)
    written = 0
    for session_id, mark in stale:
        with store.transaction() as db:
            try:
                inputs = read_inputs(db, session_id)
            except SessionNotFound:
                continue  # deleted meanwhile; its summary went with it
            has_data = bool(inputs.events) or any(inputs.tables.values())
            figures = summarise(inputs) if has_data else None
            if not summary_repository.claim(db, session_id, mark):
                continue
            if figures is None:
                summary_repository.delete_summaries(db, session_id)
            else:
                store_figures(db, figures)
            written += 1
    return written


def refresh_summaries(store: Store, session_id: int) -> SessionFigures | None:
    """`write_summaries` in its own transaction (after a live run ends, for a repair)."""
    with store.transaction() as db:
        return write_summaries(db, session_id)


# --- reading -----------------------------------------------------------------------------------------


def account_history(
    store: Store,
    account: str,
    before: datetime,
    limit: int | None = None,
    *,
    product_ids: list[str] | None = None,
    exclude_session_id: int | None = None,
    pooled: bool = False,
) -> AccountHistory:
    """The sessions of `account` that started strictly before `before`, oldest first (the newest `limit`
    when given), with their products (only `product_ids` when given). `pooled=True` is the director's
    explicit choice to learn from every account in the store; never the default."""
    refresh_stale(store)
    with store.reading() as db:
        return summary_repository.account_history(
            db,
            None if pooled else account,
            before,
            limit=limit,
            product_ids=product_ids,
            exclude_session_id=exclude_session_id,
        )


@dataclass(frozen=True)
class TrendPoint:
    """One session in the 历史 tab's trend: its start (aware, in its own zone) and every review KPI in the
    review's units (money in fen, rates as fractions, None where nothing gave the number)."""

    session_id: int
    title: str
    start: datetime
    kpis: dict[str, float | None]


def session_trend(store: Store, session_id: int, limit: int = 12) -> list[TrendPoint]:
    """KPIs of this session and the same account's earlier sessions, oldest first (the 历史 tab's trend
    and comparison)."""
    from livedesk.analysis.metrics import METRIC_KEYS
    from livedesk.persistence.timecodec import from_ms

    refresh_stale(store)
    with store.reading() as db:
        rows = summary_repository.trend_rows(db, session_id, limit)
    return [
        TrendPoint(
            session_id=row.session_id,
            title=title,
            start=from_ms(row.start_ms, zone),
            kpis={key: (row.kpis or {}).get(key) for key in METRIC_KEYS},
        )
        for row, title, zone in rows
    ]
