"""`livedesk plan generate|show|export` end to end on a real SQLite file."""

from __future__ import annotations

import json

import pytest

from livedesk.cli.main import main
from livedesk.persistence.store import Store
from livedesk.services.planning import load_plan

POOL = (
    "商品ID,商品名称,角色,日常价,直播价,成本,库存,机制\n"
    "3720000000000000001,洗脸巾,引流款,19.9,9.9,5,500,买一送一\n"
    "3720000000000000002,精华液,利润款,299,199,149,100,=赠小样\n"
    "3720000000000000003,面霜,利润款,399,299,219,100,\n"
    "3720000000000000004,旧款眼霜,清仓款,99,49,30,50,\n"
    "3720000000000000005,礼盒,形象款,1299,999,600,10,\n"
)


@pytest.fixture
def pool_file(tmp_path):
    path = tmp_path / "双11货盘.csv"
    path.write_text(POOL, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.sqlite3")


def test_generate_prints_the_id_and_writes_the_plan_json(pool_file, db, tmp_path, capsys):
    out = tmp_path / "plan.json"
    code = main(
        [
            "--db",
            db,
            "plan",
            "generate",
            "--products",
            str(pool_file),
            "--duration",
            "120",
            "--start",
            "2026-11-14T20:00",
            "--title",
            "双11 大场",
            "--json",
            str(out),
        ]
    )
    assert code == 0
    session_id = int(capsys.readouterr().out.strip())
    document = json.loads(out.read_text(encoding="utf-8"))
    assert set(document) == {
        "session_id",
        "title",
        "start",
        "planned_seconds",
        "segments",
        "warnings",
        "left_out",
        "forecast",
    }
    assert (document["session_id"], document["title"], document["start"], document["planned_seconds"]) == (
        session_id,
        "双11 大场",
        "2026-11-14T20:00:00+08:00",
        7200,
    )
    first, second = document["segments"][:2]
    assert set(second) == {
        "index",
        "kind",
        "product_id",
        "role",
        "planned_start",
        "planned_seconds",
        "owner",
        "script_steps",
    }
    assert (first["kind"], first["role"], first["planned_seconds"]) == ("opening", "traffic", 600)
    assert second["planned_start"] == "2026-11-14T20:10:00+08:00"
    assert sum(s["seconds"] for s in second["script_steps"]) == second["planned_seconds"]
    assert sum(s["planned_seconds"] for s in document["segments"]) == 7200
    # The image item (999 yuan, 10 in stock) pitched 6 min at the default 200 viewers/min × 1 % = 12 units.
    assert [(w["code"], w["message"]) for w in document["warnings"]] == [
        ("forecast_over_stock", "forecast 12 units of 3720000000000000005, above the 10 allotted")
    ]
    # A new account has no past session: no total, said so, and the forecast fields are there but empty.
    forecast = document["forecast"]
    assert forecast["projected_gmv_yuan"] is None and forecast["range_yuan"] is None
    assert forecast["history_session_ids"] == [] and forecast["backtest"]["sessions"] == 0
    assert forecast["method"].startswith("fewer than 3 past sessions")
    assert document["left_out"] == []

    store = Store(db)
    try:
        plan = load_plan(store, session_id)
    finally:
        store.dispose()
    assert len(plan.segments) == len(document["segments"]) and len(plan.products) == 5


def test_pattern_show_and_export(pool_file, db, tmp_path, capsys):
    assert (
        main(
            [
                "--db",
                db,
                "plan",
                "generate",
                "--products",
                str(pool_file),
                "--duration",
                "60",
                "--start",
                "2026-11-14T20:00",
                "--pattern",
                "traffic,利润款",
            ]
        )
        == 0
    )
    session_id = capsys.readouterr().out.strip()
    out = tmp_path / "show.json"
    assert main(["--db", db, "plan", "show", session_id, "--json", str(out)]) == 0
    roles = [
        s["role"] for s in json.loads(out.read_text(encoding="utf-8"))["segments"] if s["kind"] == "pitch"
    ]
    assert set(roles) == {"traffic", "profit"}
    for suffix in ("xlsx", "csv", "pdf"):
        target = tmp_path / f"run.{suffix}"
        assert main(["--db", db, "plan", "export", session_id, "--out", str(target)]) == 0
        assert target.stat().st_size > 0


@pytest.mark.parametrize(
    "args, chinese, english",
    [
        (
            ["plan", "generate", "--products", "MISSING.csv", "--duration", "60"],
            "找不到文件：MISSING.csv",
            "file not found: MISSING.csv",
        ),
        (
            ["plan", "generate", "--products", "POOL", "--duration", "0"],
            "--duration 必须是正的分钟数",
            "--duration must be a positive",
        ),
        (
            ["plan", "generate", "--products", "POOL", "--duration", "60", "--pattern", "traffic,hero"],
            "节奏里的“hero”不是角色",
            "'hero' in the pattern is not a role",
        ),
        (
            ["plan", "generate", "--products", "POOL", "--duration", "60", "--start", "tonight"],
            "“tonight”不是开播时间",
            "is not a start time",
        ),
        (["plan", "show", "42"], "没有编号为 42 的场次", "there is no session 42"),
        (
            ["plan", "export", "1", "--out", "run.docx"],
            "run.docx：请写成 .xlsx、.csv、.pdf 文件",
            "run.docx: write it as a .xlsx, .csv, .pdf file",
        ),
    ],
)
def test_user_errors_are_one_line_with_exit_code_2(args, chinese, english, pool_file, db, capsys):
    args = [str(pool_file) if a == "POOL" else a for a in args]
    for lang, message in (("zh_CN", chinese), ("en", english)):
        assert main(["--db", db, "--lang", lang, *args]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1


def test_duplicate_ids_are_refused(tmp_path, db, capsys):
    path = tmp_path / "dup.csv"
    path.write_text("商品ID,商品名称,角色\nA,甲,利润款\nA,乙,利润款\n", encoding="utf-8")
    assert main(["--db", db, "plan", "generate", "--products", str(path), "--duration", "60"]) == 2
    assert "dup.csv：商品编号重复（A）" in capsys.readouterr().err
    assert (
        main(["--db", db, "--lang", "en", "plan", "generate", "--products", str(path), "--duration", "60"])
        == 2
    )
    assert "dup.csv repeats product ids (A)" in capsys.readouterr().err


def test_generate_keeps_the_account_its_history_is_read_from(pool_file, db, capsys):
    args = ["--db", db, "plan", "generate", "--products", str(pool_file), "--duration", "90"]
    assert main([*args, "--account", "山野好物旗舰店"]) == 0
    session_id = int(capsys.readouterr().out.strip())
    store = Store(db)
    try:
        assert load_plan(store, session_id).session.account == "山野好物旗舰店"
    finally:
        store.dispose()
