"""The session list pages: newest first, per account, by title, with the total; and the CLI's options."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from livedesk.cli.main import main
from livedesk.domain.session_listing import SessionListItem
from livedesk.services import sessions

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = datetime(2026, 10, 1, 20, 0, tzinfo=SHANGHAI)


def _fill(store) -> dict[str, list[int]]:
    """7 sessions of 山野 and 5 of 花溪, one a day each, interleaved; ids newest last per account."""
    ids: dict[str, list[int]] = {"山野": [], "花溪": []}
    for day in range(7):
        ids["山野"].append(
            sessions.create_session(
                store, f"山野 第{day}场 Promo", DAY + timedelta(days=day), 3600, account="山野"
            )
        )
        if day < 5:
            title = "花溪 100%_好物" if day == 2 else f"花溪 第{day}场"
            ids["花溪"].append(
                sessions.create_session(
                    store, title, DAY + timedelta(days=day, hours=1), 7200, account="花溪"
                )
            )
    return ids


def test_pages_of_one_account_newest_first_with_the_total(any_store):
    ids = _fill(any_store)
    first = sessions.session_page(any_store, account="山野", limit=3)
    assert [s.id for s in first.items] == ids["山野"][::-1][:3]
    assert first.total == 7 and first.has_more and first.next_offset == 3
    assert all(isinstance(s, SessionListItem) and s.account == "山野" for s in first.items)
    assert first.items[0].start == DAY + timedelta(days=6) and first.items[0].start.utcoffset() == timedelta(
        hours=8
    )
    last = sessions.session_page(any_store, account="山野", limit=3, offset=6)
    assert [s.id for s in last.items] == [ids["山野"][0]] and not last.has_more and last.next_offset is None
    everything = sessions.list_sessions(any_store)
    assert len(everything) == 12 and [s.start for s in everything] == sorted(
        (s.start for s in everything), reverse=True
    )
    assert sessions.list_sessions(any_store, account="nobody") == []
    assert sessions.list_accounts(any_store) == [("山野", 7), ("花溪", 5)]


def test_search_by_title_ignores_case_and_takes_wildcards_literally(any_store):
    ids = _fill(any_store)
    assert len(sessions.list_sessions(any_store, search="promo")) == 7
    assert [s.id for s in sessions.list_sessions(any_store, search="100%_")] == [ids["花溪"][2]]
    assert sessions.list_sessions(any_store, search="%") == sessions.list_sessions(any_store, search="100%")
    assert sessions.list_sessions(any_store, search="_好物 不存在") == []
    page = sessions.session_page(any_store, account="花溪", search="第", limit=2)
    assert page.total == 4 and len(page.items) == 2


def test_initial_session_is_the_last_one_while_it_exists_else_the_newest(store):
    assert sessions.initial_session(store, None) is None
    ids = _fill(store)
    newest = ids["山野"][-1]
    assert sessions.initial_session(store, ids["花溪"][0]) == ids["花溪"][0]
    assert sessions.initial_session(store, 99_999) == newest
    sessions.delete_session(store, newest)
    assert sessions.initial_session(store, newest) == ids["山野"][-2]


def test_cli_lists_one_account_with_a_limit(store, capsys):
    ids = _fill(store)
    db = store.url
    assert main(["--db", db, "sessions", "list", "--account", "花溪", "--limit", "2", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["session_id"] for row in listed] == ids["花溪"][::-1][:2]
    assert {row["account"] for row in listed} == {"花溪"}
    assert main(["--db", db, "sessions", "list", "--search", "PROMO", "--limit", "50"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 7 and all("山野" in line for line in lines)
    assert main(["--db", db, "sessions", "list", "--account", "nobody"]) == 0
    assert capsys.readouterr().out.strip() == "没有符合条件的场次"
    assert main(["--db", db, "sessions", "list", "--limit", "0"]) == 2
    assert "--limit 必须是正数" in capsys.readouterr().err
