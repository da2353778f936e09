"""The history a plan's forecast and generator learn from: the same account's sessions that started before
the plan's session. Read from the stored summaries (services.history) when the store has them; otherwise
computed here from each past session's review, which costs one review per past session."""

from __future__ import annotations

from datetime import datetime

from livedesk.domain.history import AccountHistory, ProductSummary, SessionSummary
from livedesk.domain.roles import SegmentKind
from livedesk.domain.session import Session
from livedesk.persistence.store import Store

SELLING = (SegmentKind.PITCH.value, SegmentKind.ENCORE.value)


def history_before(store: Store, session: Session) -> AccountHistory:
    """The account's history before `session` starts (the session itself and later ones never included)."""
    try:
        from livedesk.services.history import account_history  # the stored summaries, when present
    except ImportError:
        return reviewed_history(store, session.account, session.start, exclude=session.id)
    return account_history(store, session.account, session.start)


def reviewed_history(
    store: Store, account: str, before: datetime, exclude: int | None = None
) -> AccountHistory:
    """Summaries computed from the reviews of the account's earlier sessions that have imported data."""
    from livedesk.analysis.review import build_review
    from livedesk.persistence import dataset_repository, session_repository
    from livedesk.services.review import load_inputs

    with store.reading() as db:
        candidates = [
            s
            for s in session_repository.list_sessions(db)
            if s.account == account and s.start < before and s.id != exclude
        ]
        with_data = [s for s in candidates if dataset_repository.list_datasets(db, s.id)]
    sessions, products = [], []
    for session in sorted(with_data, key=lambda s: s.start):
        review = build_review(load_inputs(store, session.id))
        summary, rows = _summaries(session, review)
        sessions.append(summary)
        products.extend(rows)
    return AccountHistory(account, sessions, products)


def _int(value) -> int | None:
    return None if value is None else round(value)


def _summaries(session: Session, review) -> tuple[SessionSummary, list[ProductSummary]]:
    kpis = {key: metric.value for key, metric in review.kpis.items()}
    run = review.run
    live = (run.end_ms - run.start_ms) / 1000 if run.segments and run.end_ms and run.start_ms else None
    pitch = sum(s.seconds for s in run.segments if s.kind in SELLING) if run.segments else None
    summary = SessionSummary(
        session_id=session.id,
        account=session.account,
        start=session.start,
        planned_seconds=session.planned_seconds,
        live_seconds=_int(live),
        gmv_fen=_int(kpis.get("gmv")),
        refund_fen=_int(kpis.get("refund_amount")),
        units=_int(kpis.get("units")),
        orders=_int(kpis.get("orders")),
        buyers=_int(kpis.get("buyers")),
        uv=_int(kpis.get("uv")),
        pitch_seconds=_int(pitch),
        ad_spend_fen=_int(kpis.get("ad_spend")),
    )
    rows = [
        ProductSummary(
            session_id=session.id,
            product_id=row["product_id"],
            role=row.get("role"),
            gmv_fen=_int(row.get("gmv")) or 0,
            units=_int(row.get("units")) or 0,
            orders=_int(row.get("orders")),
            pitch_seconds=_int(row.get("explain_seconds")) or 0,
            refund_fen=_int(row.get("refund_amount")),
        )
        for row in review.products
        if row.get("gmv") is not None
    ]
    return summary, rows
