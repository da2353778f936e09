"""`livedesk live`: actions stored in the live log as the console's, and a refused action in one sentence,
Chinese by default and English with --lang en."""

from __future__ import annotations

from livedesk.cli.main import main
from livedesk.persistence import live_log_repository
from livedesk.persistence.store import Store

POOL = "商品ID,商品名称,角色,日常价,直播价,成本,库存,机制\n3720000000000000001,洗脸巾,引流款,19.9,9.9,5,500,买一送一\n"


def _planned_session(tmp_path, capsys) -> tuple[str, str]:
    pool = tmp_path / "货盘.csv"
    pool.write_text(POOL, encoding="utf-8")
    db = str(tmp_path / "live.sqlite3")
    args = ["--db", db, "plan", "generate", "--products", str(pool), "--duration", "60"]
    assert main([*args, "--start", "2026-11-14T20:00", "--title", "双11"]) == 0
    return db, capsys.readouterr().out.strip()


def test_next_before_the_start_is_refused_in_the_chosen_language(tmp_path, capsys):
    db, session = _planned_session(tmp_path, capsys)
    assert main(["--db", db, "live", "next", session]) == 2
    assert capsys.readouterr().err.strip() == "livedesk: 还没开播：先开始直播（控制台按 F5）。"
    assert main(["--db", db, "live", "next", session, "--lang", "en"]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "livedesk: Not on air yet: start the run first (F5 in the console)."
    )


def test_go_and_end_are_stored_in_the_live_log(tmp_path, capsys):
    db, session = _planned_session(tmp_path, capsys)
    assert main(["--db", db, "live", "go", session]) == 0
    assert "直播进行中" in capsys.readouterr().out
    assert main(["--db", db, "live", "end", session, "--lang", "en"]) == 0
    assert "the run is over" in capsys.readouterr().out
    assert main(["--db", db, "live", "go", session]) == 2
    assert capsys.readouterr().err.strip() == "livedesk: 直播已结束；点“重新开始”可再来一场。"
    store = Store(db)
    with store.reading() as reading:
        kinds = [
            e.kind.value for e in live_log_repository.list_events(reading, int(session), "Asia/Shanghai")
        ]
    store.dispose()
    assert kinds[0] == "segment_start" and kinds[-1] == "run_end"
