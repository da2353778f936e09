"""A 抖店 order export as the platform writes it, for the import benchmarks (not our sample generator's shape).

The header row is read from the shared header set (../shared/formats, the real 75 columns in their real
order, as the export writes them: unquoted). Every column is filled the way real exports fill it: ids with a
leading tab so spreadsheets keep their digits, slash dates, masked buyers, addresses, courier numbers, buyer
notes with commas and quotes, empty cells where a column does not apply. Built column by column with numpy
and pyarrow (no row loop), UTF-8 with a BOM.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER_FILE = ROOT.parent / "shared" / "formats" / "douyin_doudian_order_export_75col.header.csv"
SESSION_EPOCH = 1794657600  # 2026-11-14 20:00 in Asia/Shanghai, as Unix seconds
SESSION_SECONDS = 4 * 3600
CHUNK = 100_000


def real_header() -> list[str]:
    """The 抖店 export's header cells, in order, from the shared header set."""
    import csv

    with open(HEADER_FILE, encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def _chunk(headers: list[str], start: int, n: int, seed: int):
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = np.random.default_rng(seed * 1_000_003 + start)
    index = np.arange(start, start + n, dtype=np.int64)
    zero = np.zeros(n, dtype=np.int64)

    def text(values) -> pa.Array:
        return pa.array(values).cast(pa.string())

    def ids(base: int, values) -> pa.Array:
        return pc.binary_join_element_wise("\t", text(values + base), "")

    def pick(choices, draw) -> pa.Array:
        return pa.array(choices, pa.string()).take(pa.array(draw))

    def yuan(fen) -> pa.Array:
        cents = pc.utf8_lpad(text(fen % 100), 2, "0")
        return pc.binary_join_element_wise(text(fen // 100), cents, ".")

    def times(epoch) -> pa.Array:
        return pc.strftime(pa.array(epoch, pa.timestamp("s")), format="%Y/%m/%d %H:%M:%S")

    def sometimes(array: pa.Array, share: float) -> pa.Array:
        """The cell filled in `share` of the rows, empty in the others."""
        return pc.if_else(pa.array(rng.random(n) < share), array, pa.scalar(None, pa.string()))

    empty = pa.nulls(n, pa.string())
    qty = rng.integers(1, 4, n)
    price = rng.integers(990, 39_900, n)
    freight = rng.integers(0, 2, n) * 800
    discount = rng.integers(0, 2000, n)
    local = SESSION_EPOCH + 8 * 3600  # the export writes Beijing wall time
    paid = local + rng.integers(0, SESSION_SECONDS + 1800, n)
    submitted = paid - rng.integers(5, 600, n)
    unpaid = rng.random(n) < 0.03
    product = rng.integers(0, 60, n)
    names = [f"【直播专享】山野{i:02d}号 礼盒装{(i % 3) + 1}件套" for i in range(60)]
    names[7] = "山野07号 250g*2罐，送随行杯"  # a comma inside a product name
    notes = ["", "", "", "", "请尽快发货", "不要放驿站，谢谢", '送人的，别放"发票"', "周末送, 工作日没人"]
    cities = [("浙江省", "杭州市", "西湖区"), ("广东省", "深圳市", "南山区"), ("四川省", "成都市", "武侯区")]
    city = rng.integers(0, len(cities), n)
    masked = rng.integers(0, 10_000, n)
    paid_text = pc.if_else(pa.array(unpaid), pa.scalar(None, pa.string()), times(paid))
    status = pc.if_else(
        pa.array(unpaid),
        pa.scalar("已关闭"),
        pick(["已完成", "已发货", "备货中", "待发货"], rng.integers(0, 4, n)),
    )
    shipped = sometimes(times(paid + rng.integers(3600, 86_400, n)), 0.6)
    courier = pc.binary_join_element_wise(
        pick(["中通快递", "圆通速递", "韵达快递", "顺丰速运"], rng.integers(0, 4, n)),
        text(rng.integers(73_000_000_000_000, 79_000_000_000_000, n)),
        " ",
    )
    values = {
        "主订单编号": ids(6_920_000_000_000_000_000 // 10, index),
        "子订单编号": ids(6_920_000_000_000_000_000 // 10, index * 10 + 1),
        "支付方式": pick(["抖音支付", "微信", "支付宝", "月付", "银行卡"], rng.integers(0, 5, n)),
        "选购商品": pick(names, product),
        "货号": pick([f"SY-{i:04d}" for i in range(60)], product),
        "商品ID": ids(3_700_000_000_000_000_000 // 10, product),
        "商家编码": pick([f"SKU{i:05d}" for i in range(60)], product),
        "商品数量": text(qty),
        "商品金额": yuan(price * qty),
        "订单提交时间": times(submitted),
        "支付完成时间": paid_text,
        "订单完成时间": sometimes(times(paid + 5 * 86_400), 0.3),
        "承诺发货时间": times(paid + 2 * 86_400),
        "买家留言": sometimes(pick(notes, rng.integers(0, len(notes), n)), 0.2),
        "旗帜颜色": sometimes(pick(["灰旗", "红旗", "蓝旗"], rng.integers(0, 3, n)), 0.1),
        "APP渠道": pick(["抖音", "抖音极速版", "抖音火山版"], rng.integers(0, 3, n)),
        "订单状态": status,
        "取消原因": pc.if_else(pa.array(unpaid), pa.scalar("超时未支付"), empty),
        "售后状态": pick(["-", "-", "-", "-", "退款成功", "售后关闭"], rng.integers(0, 6, n)),
        "订单类型": pick(["普通订单"], zero),
        "发货时间": shipped,
        "是否是以旧换新": pick(["否"], zero),
        "换新额外补贴": yuan(zero),
        "订单应付金额": yuan(price * qty + freight - discount),
        "运费": yuan(freight),
        "优惠总金额": yuan(discount),
        "平台优惠": yuan(discount // 2),
        "商家优惠": yuan(discount - discount // 2),
        "达人优惠": yuan(zero),
        "商家改价": yuan(zero),
        "支付优惠": yuan(zero),
        "手续费": yuan(zero),
        "红包抵扣": yuan(zero),
        "降价类优惠": yuan(zero),
        "平台实际承担优惠金额": yuan(discount // 2),
        "商家实际承担优惠金额": yuan(discount - discount // 2),
        "达人实际承担优惠金额": yuan(zero),
        "收件人": pc.binary_join_element_wise(pick(["张", "李", "王", "陈"], masked % 4), "**", ""),
        "收件人手机号": pc.binary_join_element_wise(
            pick(["138", "159", "186"], masked % 3), pc.utf8_lpad(text(masked), 4, "0"), "****"
        ),
        "省": pick([c[0] for c in cities], city),
        "市": pick([c[1] for c in cities], city),
        "区": pick([c[2] for c in cities], city),
        "街道": pick(["***街道"], zero),
        "详细地址": pick(["***"], zero),
        "是否修改过地址": pick(["否", "否", "否", "是"], rng.integers(0, 4, n)),
        "快递信息": pc.if_else(pc.is_valid(shipped), courier, empty),
        "达人ID": ids(0, np.full(n, 1_234_567_890_123)),
        "达人昵称": pick(["山野小满"], zero),
        "商品单价是否含税": pick(["是"], zero),
        "税费": yuan(zero),
        "流量来源": pick(["直播", "短视频", "商品卡", "搜索"], rng.integers(0, 4, n)),
        "仓库ID": ids(0, np.full(n, 7_001_234_567)),
        "仓库名称": pick(["杭州主仓"], zero),
        "是否安心购": pick(["是", "否"], rng.integers(0, 2, n)),
        "广告渠道": sometimes(pick(["巨量千川"], zero), 0.4),
        "流量类型": pick(["自然流量", "付费流量"], rng.integers(0, 2, n)),
        "流量体裁": pick(["直播"], zero),
        "流量渠道": pick(["直播间", "直播间-橱窗"], rng.integers(0, 2, n)),
        "发货主体": pick(["商家"], zero),
        "发货主体明细": pick(["商家自发货"], zero),
        "教育优惠": yuan(zero),
        "预计送达时间": times(paid + 4 * 86_400),
        "是否平台仓自流转": pick(["否"], zero),
        "是否是渠道商品": pick(["否"], zero),
        "建议发货时间（起）": times(paid + 86_400),
        "建议发货时间（止）": times(paid + 2 * 86_400),
    }
    return pa.table([values.get(name, empty) for name in headers], names=headers)


def _csv_lines(table) -> bytes:
    """The rows as CSV text, quoted only where a cell needs it (a comma, a quote), as spreadsheet exports
    write them; an empty cell is nothing between two commas."""
    import pyarrow.compute as pc

    cells = []
    for column in table.columns:
        special = pc.fill_null(pc.match_substring_regex(column, r'[,"\r\n]'), False)
        quoted = pc.binary_join_element_wise('"', pc.replace_substring(column, '"', '""'), '"', "")
        cells.append(pc.fill_null(pc.if_else(special, quoted, column), ""))
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*cells, ","), "", "\r\n")
    return "".join(lines.to_pylist()).encode("utf-8")


def write_csv(path: Path, rows: int, seed: int = 7) -> Path:
    """`rows` order lines under the real header row."""
    headers = real_header()
    with open(path, "wb") as handle:
        handle.write(("\ufeff" + ",".join(headers) + "\r\n").encode("utf-8"))
        for start in range(0, rows, CHUNK):
            handle.write(_csv_lines(_chunk(headers, start, min(CHUNK, rows - start), seed)))
    return path


def write_xlsx(path: Path, rows: int, seed: int = 7) -> Path:
    """The same lines as a workbook (one sheet, ids without the tab: a spreadsheet export keeps text)."""
    import xlsxwriter

    headers = real_header()
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("订单")
    sheet.write_row(0, 0, headers)
    row_index = 0
    for start in range(0, rows, CHUNK):
        table = _chunk(headers, start, min(CHUNK, rows - start), seed)
        for record in zip(*(column.to_pylist() for column in table.columns), strict=True):
            row_index += 1
            sheet.write_row(row_index, 0, ["" if cell is None else cell.lstrip("\t") for cell in record])
    workbook.close()
    return path
