"""Import speed and memory against the parsers underneath, measured in the same run.

CSV: a generated 抖店 order export (all 75 columns, UTF-8 with BOM, tab-prefixed ids), LiveDesk's
`import_file` into a fresh SQLite store vs `pyarrow.csv.read_csv` on the same file (target ≤ 2x, peak
memory < 1.5 GB). XLSX: the same layout with fewer rows vs python-calamine's own read (target ≤ 1.5x).
Each measurement runs in its own child process so its peak memory is its own.

    python bench/bench_import.py                 # 1,000,000 CSV rows, 100,000 XLSX rows
    python bench/bench_import.py --rows 50000 --xlsx-rows 5000   # a quick run
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SESSION_START = "2026-11-14T20:00"  # local wall time, Asia/Shanghai
SESSION_EPOCH = 1794657600  # the same instant as Unix seconds
SESSION_SECONDS = 4 * 3600
CHUNK = 100_000


def _doudian_chunk(start: int, n: int, seed: int):
    """One block of rows in the 抖店 layout, built column by column with numpy and pyarrow (no row loop)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from livedesk.import_export.order_export import DOUDIAN_HEADERS

    rng = np.random.default_rng(seed + start)
    index = np.arange(start, start + n, dtype=np.int64)

    def ids(base: int, values) -> pa.Array:
        return pc.binary_join_element_wise("\t", pa.array(values + base).cast(pa.string()), "")

    def pick(choices, draw) -> pa.Array:
        return pa.array(choices, pa.string()).take(pa.array(draw))

    def yuan(fen) -> pa.Array:
        whole = pa.array(fen // 100).cast(pa.string())
        cents = pc.utf8_lpad(pa.array(fen % 100).cast(pa.string()), 2, "0")
        return pc.binary_join_element_wise(whole, cents, ".")

    def times(epoch) -> pa.Array:
        return pc.strftime(pa.array(epoch, pa.timestamp("s")), format="%Y-%m-%d %H:%M:%S")

    dash = pa.array(["-"] * n, pa.string())
    qty = rng.integers(1, 4, n)
    price = rng.integers(990, 39_900, n)
    paid = SESSION_EPOCH + 8 * 3600 + rng.integers(0, SESSION_SECONDS + 1800, n)  # local wall clock as epoch
    unpaid = rng.random(n) < 0.03
    paid_text = pc.if_else(pa.array(unpaid), pa.scalar("-"), times(paid))
    product = rng.integers(0, 40, n)
    names = [f"商品{i:02d} 组合装" for i in range(40)]
    columns = {name: dash for name in DOUDIAN_HEADERS}
    columns.update(
        {
            "主订单编号": ids(6_920_000_000_000_000_000 // 10, index),
            "子订单编号": ids(6_920_000_000_000_000_000 // 10, index * 10 + 1),
            "支付方式": pick(["抖音支付", "微信", "支付宝", "月付"], rng.integers(0, 4, n)),
            "选购商品": pick(names, product),
            "货号": pick([f"HH{i:04d}" for i in range(40)], product),
            "商品ID": ids(3_700_000_000_000_000_000 // 10, product),
            "商家编码": pick([f"SKU-{i:03d}" for i in range(40)], product),
            "商品数量": pa.array(qty).cast(pa.string()),
            "商品金额": yuan(price * qty),
            "订单提交时间": times(paid - rng.integers(5, 600, n)),
            "支付完成时间": paid_text,
            "订单状态": pc.if_else(
                pa.array(unpaid),
                pa.scalar("已关闭"),
                pick(["已完成", "已发货", "备货中"], rng.integers(0, 3, n)),
            ),
            "售后状态": pick(["-", "-", "-", "-", "退款成功", "售后关闭"], rng.integers(0, 6, n)),
            "订单类型": pick(["普通订单"], np.zeros(n, dtype=np.int64)),
            "APP渠道": pick(["抖音", "抖音极速版"], rng.integers(0, 2, n)),
            "订单应付金额": yuan(price * qty + rng.integers(0, 2, n) * 800),
            "运费": yuan(rng.integers(0, 2, n) * 800),
            "优惠总金额": yuan(rng.integers(0, 2000, n)),
            "收件人": pick(["##密文"], np.zeros(n, dtype=np.int64)),
            "收件人手机号": pick(["##1b2c3d4e"], np.zeros(n, dtype=np.int64)),
            "省": pick(["浙江省", "广东省", "四川省"], rng.integers(0, 3, n)),
            "达人ID": ids(0, np.full(n, 1_234_567_890_123)),
            "达人昵称": pick(["小满的好物"], np.zeros(n, dtype=np.int64)),
            "流量来源": pick(["直播", "短视频", "商品卡"], rng.integers(0, 3, n)),
            "流量类型": pick(["自然流量", "付费流量"], rng.integers(0, 2, n)),
        }
    )
    return pa.table([columns[name] for name in DOUDIAN_HEADERS], names=list(DOUDIAN_HEADERS))


def write_doudian_csv(path: Path, rows: int, seed: int = 7) -> Path:
    import pyarrow.csv as pacsv

    with open(path, "wb") as handle:
        handle.write("\ufeff".encode("utf-8"))
        for start in range(0, rows, CHUNK):
            table = _doudian_chunk(start, min(CHUNK, rows - start), seed)
            pacsv.write_csv(
                table,
                handle,
                write_options=pacsv.WriteOptions(include_header=start == 0, quoting_style="needed"),
            )
    return path


def write_doudian_xlsx(path: Path, rows: int, seed: int = 7) -> Path:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("订单")
    row_index = 0
    for start in range(0, rows, CHUNK):
        table = _doudian_chunk(start, min(CHUNK, rows - start), seed)
        if start == 0:
            sheet.write_row(0, 0, table.column_names)
        for record in zip(*(column.to_pylist() for column in table.columns), strict=False):
            row_index += 1
            sheet.write_row(row_index, 0, [cell.lstrip("\t") for cell in record])
    workbook.close()
    return path


# -- children: each measures one thing and reports its own time and peak memory ----------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_pyarrow(path: str) -> dict:
    import pyarrow.csv as pacsv

    started = time.perf_counter()
    table = pacsv.read_csv(path)
    return {"seconds": time.perf_counter() - started, "rows": table.num_rows, "peak_mb": _peak_mb()}


def child_calamine(path: str) -> dict:
    from python_calamine import load_workbook

    started = time.perf_counter()
    workbook = load_workbook(path)
    rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()
    return {"seconds": time.perf_counter() - started, "rows": len(rows) - 1, "peak_mb": _peak_mb()}


def child_import(path: str) -> dict:
    import pyarrow.csv  # noqa: F401
    import python_calamine  # noqa: F401

    import livedesk.import_export.reader  # noqa: F401 - module loading is not the import being timed
    from livedesk.persistence.store import Store
    from livedesk.services.imports import import_file
    from livedesk.services.sessions import create_session, parse_local_start

    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.sqlite3")
        session_id = create_session(store, "bench", parse_local_start(SESSION_START), SESSION_SECONDS)
        started = time.perf_counter()
        summary = import_file(store, session_id, path)
        seconds = time.perf_counter() - started
        store.dispose()
        db_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
    kind, _, read, stored, skipped = summary.datasets[0]
    return {
        "seconds": seconds,
        "rows": read,
        "stored": stored,
        "skipped": skipped,
        "peak_mb": _peak_mb(),
        "db_mb": round(db_mb, 1),
        "format": summary.format,
    }


CHILDREN = {"pyarrow": child_pyarrow, "calamine": child_calamine, "import": child_import}


def run_child(name: str, path: Path) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", name, str(path)], capture_output=True, text=True, check=False
    )
    if output.returncode != 0:
        raise SystemExit(f"{name} failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def compare(baseline: str, path: Path, repeat: int) -> tuple[dict, dict]:
    """Alternate baseline and import runs; keep each one's fastest run (the machine may be shared)."""
    runs = {baseline: [], "import": []}
    for _ in range(repeat):
        for name in runs:
            runs[name].append(run_child(name, path))
    for name, results in runs.items():
        print(f"  {name:9s} runs: " + ", ".join(f"{r['seconds']:.2f} s" for r in results), flush=True)
    best = {name: min(results, key=lambda r: r["seconds"]) for name, results in runs.items()}
    best["import"]["peak_mb"] = max(r["peak_mb"] for r in runs["import"])
    return best[baseline], best["import"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV order lines (default 1,000,000)")
    parser.add_argument("--xlsx-rows", type=int, default=100_000, help="XLSX order lines (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    parser.add_argument(
        "--out", default=None, help="folder for the generated files (default: a temporary folder)"
    )
    parser.add_argument("--child", nargs=2, metavar=("WHAT", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](args.child[1])))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.out or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        if args.rows:
            csv_path = folder / f"doudian_orders_{args.rows}.csv"
            started = time.perf_counter()
            if not csv_path.exists():
                write_doudian_csv(csv_path, args.rows)
            print(
                f"CSV: {args.rows:,} rows × 75 columns, {csv_path.stat().st_size / 2**20:.0f} MB "
                f"(generated in {time.perf_counter() - started:.1f} s)",
                flush=True,
            )
            base, ours = compare("pyarrow", csv_path, args.repeat)
            print(f"  pyarrow.csv.read_csv   {base['seconds']:7.2f} s   peak {base['peak_mb']:6.0f} MB")
            print(
                f"  LiveDesk import_file   {ours['seconds']:7.2f} s   peak {ours['peak_mb']:6.0f} MB   "
                f"stored {ours['stored']:,} of {ours['rows']:,} rows, database {ours['db_mb']} MB"
            )
            print(
                f"  ratio {ours['seconds'] / base['seconds']:.2f}x (target ≤ 2x), "
                f"peak memory {ours['peak_mb'] / 1024:.2f} GB (target < 1.5 GB)",
                flush=True,
            )
        if args.xlsx_rows:
            xlsx_path = folder / f"doudian_orders_{args.xlsx_rows}.xlsx"
            started = time.perf_counter()
            if not xlsx_path.exists():
                write_doudian_xlsx(xlsx_path, args.xlsx_rows)
            print(
                f"XLSX: {args.xlsx_rows:,} rows × 75 columns, {xlsx_path.stat().st_size / 2**20:.0f} MB "
                f"(generated in {time.perf_counter() - started:.1f} s)",
                flush=True,
            )
            base, ours = compare("calamine", xlsx_path, args.repeat)
            print(f"  python-calamine read   {base['seconds']:7.2f} s   peak {base['peak_mb']:6.0f} MB")
            print(
                f"  LiveDesk import_file   {ours['seconds']:7.2f} s   peak {ours['peak_mb']:6.0f} MB   "
                f"stored {ours['stored']:,} of {ours['rows']:,} rows"
            )
            print(f"  ratio {ours['seconds'] / base['seconds']:.2f}x (target ≤ 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
