"""`livedesk review`: JSON contract (keys of DOMAIN.md §4, yuan, fractions, null) and report files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "analysis"))  # shared review test data

from review_fixtures import at, orders, save_plan, save_table, small_plan, summary_values

from livedesk.analysis.metrics import METRIC_KEYS
from livedesk.cli.main import main


def _session(store) -> int:
    session_id = save_plan(store, small_plan())
    save_table(
        store,
        session_id,
        "summary",
        summary_values({"gmv_fen": 23655200, "gpm_fen": 2643925, "uv": 6782, "buyers": 46}, "基本信息"),
        "整场数据.xlsx",
        "基本信息",
    )
    save_table(
        store,
        session_id,
        "orders",
        orders(("T1", 1, 990, at(10), "a"), ("P1", 2, 39800, at(15), "b"), ("P1", 1, 19900, at(75), "c")),
        "orders.csv",
    )
    return session_id


def test_review_json_contract(store, tmp_path):
    session_id = _session(store)
    out = tmp_path / "review.json"
    assert main(["--db", store.url, "review", str(session_id), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    for key in ("session", "kpis", "kpi_sources", "products", "segments", "roles", "findings", "actions"):
        assert key in data
    assert list(data["kpis"]) == list(METRIC_KEYS) and set(data["kpi_sources"]) == set(METRIC_KEYS)
    assert (
        data["kpis"]["gmv"] == 236552.0 and data["kpis"]["uv_value"] == 34.88 and data["kpis"]["pv"] == 8947
    )
    assert data["kpis"]["roi"] is None and data["kpi_sources"]["roi"] is None
    assert round(data["kpis"]["watch_to_buy_rate"], 4) == 0.0068
    assert data["kpi_sources"]["gmv"] == "整场数据.xlsx · 基本信息"
    seg = data["segments"][1]
    assert {
        "index",
        "kind",
        "product_id",
        "role",
        "planned_start",
        "planned_seconds",
        "actual_start",
        "actual_seconds",
        "gmv",
        "orders",
        "units",
    } <= set(seg)
    assert (seg["index"], seg["product_id"], seg["role"], seg["gmv"], seg["orders"]) == (
        1,
        "T1",
        "traffic",
        9.9,
        1,
    )
    assert data["segments"][2]["gmv"] == 398.0
    p1 = next(p for p in data["products"] if p["product_id"] == "P1")
    assert {"product_id", "name", "role", "gmv", "units", "gmv_share", "sell_through"} <= set(p1)
    # The third line was paid 75 minutes in, after the 60-minute plan with no log: outside the live window,
    # so not in the product's GMV, but counted in its own bucket.
    assert p1["gmv"] == 398.0 and p1["units"] == 2
    assert data["outside_window"]["after"]["lines"] == 1 and data["outside_window"]["after"]["gmv"] == 199.0
    assert data["outside_window"]["before"]["lines"] == 0
    assert {"code", "severity", "message", "evidence"} <= set(data["findings"][0])
    assert "orders_after_end" in [f["code"] for f in data["findings"]]


def test_review_writes_reports(store, tmp_path):
    session_id = _session(store)
    html, xlsx, pdf = tmp_path / "r.html", tmp_path / "r.xlsx", tmp_path / "r.pdf"
    assert (
        main(
            [
                "--db",
                store.url,
                "review",
                str(session_id),
                "--json",
                str(tmp_path / "r.json"),
                "--report",
                str(html),
                "--report",
                str(xlsx),
                "--report",
                str(pdf),
            ]
        )
        == 0
    )
    assert html.stat().st_size > 1000 and xlsx.stat().st_size > 1000 and pdf.read_bytes().startswith(b"%PDF")


def test_unknown_session_and_bad_report_are_one_line_errors(tmp_path):
    db = str(tmp_path / "x.sqlite3")
    for argv, fragment in (
        (["review", "999", "--json", "-"], "没有编号为 999 的场次"),
        (["review", "1", "--report", str(tmp_path / "r.docx")], "请写成 .html、.pdf、.xlsx 文件"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "livedesk", "--db", db, *argv], capture_output=True, text=True, timeout=120
        )
        assert (
            result.returncode == 2
            and fragment in result.stderr
            and len(result.stderr.strip().splitlines()) == 1
        )


def test_review_command_loads_no_pandas_matplotlib_or_qt(store, tmp_path):
    """`livedesk review --json` works in Arrow and numpy: a fresh process has not loaded pandas (pyarrow
    would load it only to ask), matplotlib or Qt when the review is written (sys.modules, never timings)."""
    session_id = _session(store)
    out = tmp_path / "review.json"
    code = (
        "import json, sys\n"
        "from livedesk.cli.main import main\n"
        f"code = main(['--db', {store.url!r}, 'review', '{session_id}', '--json', {str(out)!r}])\n"
        "print(json.dumps([code, sorted(m for m in ('pandas', 'matplotlib', 'PySide6') if m in sys.modules)]))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [0, []]
    assert json.loads(out.read_text(encoding="utf-8"))["kpis"]["gmv"] == 236552.0


def test_the_review_summary_is_worded_in_the_lang_language(store, capsys):
    import re

    session_id = _session(store)
    assert main(["--db", store.url, "review", str(session_id)]) == 0
    out = capsys.readouterr().out
    assert "  成交金额" in out and "¥236,552.00" in out and "整场数据.xlsx · 基本信息" in out
    assert "发现：" in out
    # no metric key, severity code or source code where people read
    shown = out.replace("整场数据.xlsx", "").replace("orders.csv", "")
    assert re.findall(r"\b(gmv|uv_value|watch_to_buy_rate|warning|info|critical|derived)\b", shown) == []
    assert main(["--db", store.url, "--lang", "en", "review", str(session_id)]) == 0
    out = capsys.readouterr().out
    assert "  GMV " in out and "findings: " in out and "成交金额" not in out
