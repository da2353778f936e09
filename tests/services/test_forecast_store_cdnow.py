"""The forecast end to end through a real store on the CDNOW order log: each day a session of one account
(empty run order, a 24-hour slot), its summary written through the persistence layer the importer uses,
and `plan show`'s JSON read for each of the last 20 days. The contract fields are there, the history is the
account's earlier days only, and the figures hold the issue's bar (see tests/domain/test_forecast_cdnow.py
for the same method over the whole log in memory)."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
from shared_data import shared_path

from livedesk.cli.main import main
from livedesk.domain.history import SessionSummary
from livedesk.domain.session import Session, SessionPlan
from livedesk.persistence import session_repository, summary_repository
from livedesk.persistence.store import Store
from livedesk.services import planning

LOG = ("data", "real", "cdnow-transactions", "CDNOW_master.txt")  # in ../shared
DAYS = 140  # the last 20 evaluated, each with the 120 earlier days the forecast reads
EVALUATED = 20
DAY = 24 * 3600


def test_plan_show_forecasts_each_cdnow_day_from_the_days_before(tmp_path, capsys):
    frame = pd.read_csv(shared_path(*LOG), sep=r"\s+", dtype={"customer_id": str, "date": str})
    frame["cents"] = (frame["dollar_value"] * 100).round().astype("int64")
    daily = frame.groupby("date").agg(gmv=("cents", "sum"), orders=("cents", "size")).sort_index().tail(DAYS)
    db = tmp_path / "cdnow.sqlite3"
    store = Store(str(db))
    ids, actual = [], []
    try:
        with store.transaction() as session_db:
            for date, row in daily.iterrows():
                start = datetime.strptime(date, "%Y%m%d").replace(tzinfo=ZoneInfo("America/New_York"))
                session = Session(f"CDNOW {date}", start, DAY, account="cdnow", timezone="America/New_York")
                sid = session_repository.save_plan(session_db, SessionPlan(session))
                summary = SessionSummary(
                    sid,
                    "cdnow",
                    start,
                    DAY,
                    DAY,
                    int(row.gmv),
                    None,
                    None,
                    int(row.orders),
                    None,
                    None,
                    None,
                    None,
                )
                summary_repository.replace_summaries(session_db, summary, [])
                ids.append(sid)
                actual.append(int(row.gmv))
        # A later session of another account with a huge day must not reach this account's forecast.
        with store.transaction() as session_db:
            other = Session("other", start, DAY, account="someone else", timezone="America/New_York")
            oid = session_repository.save_plan(session_db, SessionPlan(other))
            summary_repository.replace_summaries(
                session_db, SessionSummary(oid, "someone else", start, DAY, DAY, 10**12, *[None] * 7), []
            )
    finally:
        store.dispose()

    # The first evaluated day through the command line (the contract), the rest through the same service.
    out = tmp_path / "plan.json"
    assert main(["--db", str(db), "plan", "show", str(ids[DAYS - EVALUATED]), "--json", str(out)]) == 0
    documents = {DAYS - EVALUATED: json.loads(out.read_text(encoding="utf-8"))}
    store = Store(str(db))
    try:
        for index in range(DAYS - EVALUATED + 1, DAYS):
            documents[index] = json.loads(json.dumps(planning.plan_report(store, ids[index])))
    finally:
        store.dispose()
    ours, previous, mean7, covered, widths = [], [], [], 0, []
    for index in range(DAYS - EVALUATED, DAYS):
        forecast = documents[index]["forecast"]
        projected, (low, high) = forecast["projected_gmv_yuan"] * 100, forecast["range_yuan"]
        assert forecast["history_session_ids"] == ids[max(0, index - 120) : index]
        assert forecast["backtest"]["sessions"] == 20 and 0 < forecast["backtest"]["mape"] < 1
        assert "GMV per live minute" in forecast["method"]
        covered += low * 100 <= actual[index] <= high * 100
        widths.append((high - low) * 100 / projected)
        ours.append(abs(projected - actual[index]) / actual[index])
        previous.append(abs(actual[index - 1] - actual[index]) / actual[index])
        mean7.append(abs(sum(actual[index - 7 : index]) / 7 - actual[index]) / actual[index])
    capsys.readouterr()
    mape = sum(ours) / EVALUATED
    assert mape <= min(sum(previous), sum(mean7)) / EVALUATED
    assert covered >= 0.6 * EVALUATED and max(widths) <= 1.0
