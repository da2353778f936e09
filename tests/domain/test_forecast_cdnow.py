"""The forecast on a real multi-day order log: CDNOW's transactions, one day per session of one account
(orders only, no viewers). On the last 20 days its error must be no worse than the better of two naive
forecasts (the previous session; the mean of the last 7), and its range must hold the actual on at least 60 %
of the days without being wider than the forecast itself. The daily figures come from an independent pandas
aggregation of the file; the forecast sees every day, later ones included, and must read only the earlier."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
from shared_data import shared_path

from livedesk.domain.forecast import forecast_plan
from livedesk.domain.history import AccountHistory, SessionSummary
from livedesk.domain.session import Session, SessionPlan

LOG = ("data", "real", "cdnow-transactions", "CDNOW_master.txt")  # in ../shared
DAY = 24 * 3600
EVALUATED = 20


def _daily() -> pd.DataFrame:
    frame = pd.read_csv(shared_path(*LOG), sep=r"\s+", dtype={"customer_id": str, "date": str})
    frame["cents"] = (frame["dollar_value"] * 100).round().astype("int64")
    daily = frame.groupby("date").agg(
        gmv=("cents", "sum"), orders=("cents", "size"), buyers=("customer_id", "nunique")
    )
    return daily.sort_index()


def _history(daily: pd.DataFrame) -> tuple[AccountHistory, list[datetime]]:
    zone = ZoneInfo("America/New_York")
    starts, sessions = [], []
    for number, (date, row) in enumerate(daily.iterrows(), start=1):
        start = datetime.strptime(date, "%Y%m%d").replace(tzinfo=zone)
        starts.append(start)
        sessions.append(
            SessionSummary(
                number,
                "cdnow",
                start,
                DAY,
                DAY,
                int(row.gmv),
                None,
                None,
                int(row.orders),
                int(row.buyers),
                None,
                None,
                None,
            )
        )
    return AccountHistory("cdnow", sessions), starts


def test_cdnow_forecast_beats_the_naive_forecasts_and_its_range_is_honest():
    daily = _daily()
    assert len(daily) == 546 and daily.gmv.sum() == 250_031_563  # SOURCE.md: $2,500,315.63 over 546 days
    history, starts = _history(daily)
    actual = daily.gmv.to_numpy()
    ours, previous, mean7, covered, widths = [], [], [], 0, []
    for index in range(len(actual) - EVALUATED, len(actual)):
        session = Session("cdnow day", starts[index], DAY, account="cdnow", id=index + 1)
        result = forecast_plan(SessionPlan(session), history)
        assert result.method == "gmv_per_minute"
        assert max(result.history_session_ids) == index  # every earlier day, no later one, not itself
        low, high = result.range_fen
        covered += low <= actual[index] <= high
        widths.append((high - low) / result.total_gmv_fen)
        ours.append(abs(result.total_gmv_fen - actual[index]) / actual[index])
        previous.append(abs(actual[index - 1] - actual[index]) / actual[index])
        mean7.append(abs(actual[index - 7 : index].mean() - actual[index]) / actual[index])
    mape = sum(ours) / EVALUATED
    naive_previous, naive_mean7 = sum(previous) / EVALUATED, sum(mean7) / EVALUATED
    print(
        f"CDNOW last {EVALUATED} days: forecast MAPE {mape:.1%}, previous day {naive_previous:.1%}, "
        f"mean of last 7 {naive_mean7:.1%}; range covered {covered}/{EVALUATED}, "
        f"mean width {sum(widths) / EVALUATED:.0%} of the forecast (max {max(widths):.0%})"
    )
    assert mape <= min(naive_previous, naive_mean7)
    assert covered >= 0.6 * EVALUATED
    assert max(widths) <= 1.0
