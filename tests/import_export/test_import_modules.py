"""`livedesk import` and `livedesk lint` load neither Qt, matplotlib nor pandas (checked in `sys.modules` of a
fresh process after the command ran, never by timing), and pyarrow still converts pandas objects when
something in the same process does load pandas later."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from shared_data import shared_path

from livedesk.samples import samples_dir

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "matplotlib", "PySide6", "shiboken6")


def _run(code: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _commands_then_modules(commands: list[list[str]]) -> dict:
    """Run the CLI commands in one fresh process; their exit codes and the heavy modules loaded."""
    return _run(
        "import io, json, sys, contextlib\n"
        "from livedesk.cli.main import main\n"
        f"codes = []\n"
        f"for argv in {commands!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        codes.append(main(argv))\n"
        f"print(json.dumps({{'codes': codes, 'loaded': [m for m in {HEAVY!r} if m in sys.modules]}}))\n"
    )


def test_import_loads_no_qt_matplotlib_or_pandas(tmp_path):
    db = str(tmp_path / "modules.sqlite3")
    folder = samples_dir()
    files = [
        "抖店_订单_2026-11-14.csv",
        "在线人数_分钟_2026-11-14.csv",
        "直播数据_2026-11-14.xlsx",
        "罗盘_整场数据_2026-11-14.xlsx",
        "past_session_live_log.csv",
    ]
    cdnow = shared_path("data", "real", "cdnow-transactions", "CDNOW_master.txt")
    create = ["--db", db, "sessions", "create", "--title", "m", "--start", "2026-11-14T20:00"]
    result = _commands_then_modules(
        [
            [*create, "--minutes", "180"],
            # every kind of sample export, then the orders again (the cross-download checks run on
            # stored data), then a whitespace-separated log (CDNOW's)
            ["--db", db, "import", *(str(folder / name) for name in files), "--session", "1"],
            ["--db", db, "import", str(folder / files[0]), "--session", "1"],
            ["--db", db, "import", str(cdnow), "--session", "1", "--kind", "orders", "--mapping",
             str(_cdnow_mapping(tmp_path))],
        ]
    )  # fmt: skip
    assert result["codes"] == [0, 0, 0, 0]
    assert result["loaded"] == []


def _cdnow_mapping(tmp_path: Path) -> Path:
    path = tmp_path / "cdnow.json"
    path.write_text(
        json.dumps(
            {
                "kind": "orders",
                "columns": {
                    "order_id": "customer_id",
                    "paid_at": "date",
                    "quantity": "number_of_cds",
                    "amount": "dollar_value",
                },
                "time_format": "%Y%m%d",
            }
        ),
        encoding="utf-8",
    )
    return path


def test_lint_loads_no_qt_matplotlib_or_pandas(tmp_path):
    script = tmp_path / "script.txt"
    script.write_text("今天全网最低价\n", encoding="utf-8")
    result = _commands_then_modules([["--db", str(tmp_path / "l.sqlite3"), "lint", str(script)]])
    assert result["codes"] == [1]  # the script has an error-level hit: the lint really ran
    assert result["loaded"] == []


def test_pyarrow_converts_pandas_objects_after_the_probe_was_skipped():
    result = _run(
        "import json, sys\n"
        "from livedesk.import_export.arrow_pandas import skip_pandas_probe\n"
        "skip_pandas_probe()\n"
        "import pyarrow as pa, pyarrow.compute as pc\n"
        "pc.equal(pa.array(['a', None]), 'a')\n"
        "before = 'pandas' in sys.modules\n"
        "import pandas as pd\n"
        "series = pa.array(pd.Series(['a', None]))\n"
        "categories = pa.array(pd.Categorical(['x', 'y', 'x']))\n"
        "frame = pa.table({'n': [1, 2]}).to_pandas()\n"
        "print(json.dumps({'before': before, 'series': series.to_pylist(),\n"
        "    'categorical': pa.types.is_dictionary(categories.type), 'frame': frame['n'].tolist()}))\n"
    )
    assert result == {"before": False, "series": ["a", None], "categorical": True, "frame": [1, 2]}
