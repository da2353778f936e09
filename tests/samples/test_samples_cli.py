"""`livedesk samples load|generate` through the real command line entry point."""

from __future__ import annotations

import pandas as pd

from livedesk.cli.main import main
from livedesk.samples.files import ORDERS_FILE, PAST_SESSION_FILE


def test_load_prints_the_session_ids_and_is_idempotent(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    assert main(["--db", db, "samples", "load"]) == 0
    first = capsys.readouterr().out.split()
    assert len(first) == 2 and all(i.isdigit() for i in first)
    assert main(["samples", "load", "--db", db]) == 0
    assert capsys.readouterr().out.split() == first
    assert main(["--db", db, "sessions", "list"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2


def test_generate_writes_the_requested_number_of_orders(tmp_path, capsys):
    out = tmp_path / "big"
    assert main(["samples", "generate", "--out", str(out), "--orders", "500"]) == 0
    assert "把 500 条订单行和场次文件写入" in capsys.readouterr().out
    frame = pd.read_csv(out / ORDERS_FILE, dtype=str, encoding="utf-8-sig")
    assert frame.shape == (500, 75)
    assert (out / PAST_SESSION_FILE).is_file()


def test_user_errors_exit_2_with_one_line(tmp_path, capsys, monkeypatch):
    assert main(["samples", "generate", "--out", str(tmp_path), "--orders", "5"]) == 2
    assert "--orders 至少是 100" in capsys.readouterr().err
    assert main(["--lang", "en", "samples", "generate", "--out", str(tmp_path), "--orders", "5"]) == 2
    assert "--orders must be at least 100" in capsys.readouterr().err
    monkeypatch.setenv("LIVEDESK_SAMPLES_DIR", str(tmp_path / "missing"))
    assert main(["--db", str(tmp_path / "x.sqlite3"), "samples", "load"]) == 2
    err = capsys.readouterr().err
    assert "不存在" in err and len(err.strip().splitlines()) == 1
