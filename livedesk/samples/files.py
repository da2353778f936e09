"""Names of the sample files and which session each belongs to (light: no numpy, safe at CLI start-up)."""

from __future__ import annotations

POOL_FILE = "brand_pool.csv"
PAST_SESSION_FILE = "past_session.livedesk.json"
UPCOMING_SESSION_FILE = "upcoming_session.livedesk.json"
LIVE_LOG_FILE = "past_session_live_log.csv"
COMPASS_FILE = "罗盘_整场数据_2026-11-14.xlsx"
LIVE_WORKBOOK_FILE = "直播数据_2026-11-14.xlsx"
ORDERS_FILE = "抖店_订单_2026-11-14.csv"
MINUTES_FILE = "在线人数_分钟_2026-11-14.csv"
EXPORT_FILES = (COMPASS_FILE, LIVE_WORKBOOK_FILE, ORDERS_FILE, MINUTES_FILE)

# (session file, its live log or None, its export files), in the order `samples load` prints the ids.
SESSIONS = (
    (PAST_SESSION_FILE, LIVE_LOG_FILE, EXPORT_FILES),
    (UPCOMING_SESSION_FILE, None, ()),
)
