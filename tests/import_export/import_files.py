"""Small export files in the real layouts for import tests (synthetic values; headers as the platforms write them)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import xlsxwriter

from livedesk.import_export.order_export import DOUDIAN_HEADERS, KUAISHOU_HEADERS, WEIXIN_HEADERS

ZONE = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 14, 20, 0, tzinfo=ZONE)
START_EPOCH = int(START.timestamp())
SHARED_FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "formats"


def make_session(store, minutes: int = 180) -> int:
    from livedesk.services.sessions import create_session

    return create_session(store, "双十一返场", START, minutes * 60)


def wrap_id(value: str, style: str) -> str:
    return {"tab": "\t" + value, "excel": f'="{value}"', "plain": value}[style]


def doudian_rows(id_style: str = "tab") -> list[dict]:
    """Six sub-orders: four paid sales, one unpaid, one negative (refund) line; one paid after the window."""
    plan = [
        # order, product, qty, amount, paid time, status, after-sale
        (
            "6920000000000000001",
            "3700000000000000011",
            "1",
            "¥1,234.50",
            "2026-11-14 20:05:00",
            "已完成",
            "-",
        ),
        (
            "6920000000000000002",
            "3700000000000000011",
            "2",
            "2469.00",
            "2026-11-14 20:40:10",
            "已发货",
            "退款成功",
        ),
        ("6920000000000000003", "3700000000000000022", "1", "99.90", "2026-11-14 21:15:00", "已完成", "-"),
        ("6920000000000000004", "3700000000000000022", "1", "99.90", "-", "已关闭", "-"),
        (
            "6920000000000000005",
            "3700000000000000022",
            "-1",
            "-99.90",
            "2026-11-14 21:30:00",
            "已完成",
            "售后完成",
        ),
        ("6920000000000000006", "3700000000000000011", "1", "1234.50", "2026-11-15 02:00:00", "已完成", "-"),
    ]
    rows = []
    for order, product, qty, amount, paid, status, after in plan:
        row = {h: "-" for h in DOUDIAN_HEADERS}
        row.update(
            {
                "主订单编号": wrap_id(order, id_style),
                "子订单编号": wrap_id(order + "1", id_style),
                "商品ID": wrap_id(product, id_style),
                "选购商品": "玻尿酸面霜 50ml" if product.endswith("11") else "洗面奶",
                "商家编码": "MS-50",
                "商品数量": qty,
                "商品金额": amount,
                "订单应付金额": amount,
                "订单提交时间": "2026-11-14 20:04:00",
                "支付完成时间": paid,
                "订单状态": status,
                "售后状态": after,
                "达人ID": wrap_id("1234567890123", id_style),
                "流量来源": "直播",
                "收件人": "##密文",
            }
        )
        rows.append(row)
    return rows


def kuaishou_rows() -> list[dict]:
    rows = []
    for i, (paid, amount) in enumerate((("2026-11-14 20:10:00", "59.90"), ("2026-11-14 20:20:00", "119.80"))):
        row = {h: "" for h in KUAISHOU_HEADERS}
        row.update(
            {
                "订单号": f"\t22111400000{i}",
                "订单创建时间": "2026-11-14 20:09:00",
                "订单支付时间": paid,
                "订单状态": "已发货",
                "实付款": amount,
                "成交数量": str(i + 1),
                "商品名称": "保温杯",
                "商品ID": "\t2900000001",
                "商品单价": "59.90",
                "SKU编码": "BW-1",
                "渠道": "直播",
            }
        )
        rows.append(row)
    return rows


def weixin_rows() -> list[dict]:
    rows = []
    for i in range(3):
        row = {h: "" for h in WEIXIN_HEADERS}
        row.update(
            {
                "订单号": f'="37200000000000{i}"',
                "订单下单时间": "2026/11/14 20:30:00",
                "支付时间": "2026/11/14 20:31:00" if i < 2 else "",
                "订单状态": "待发货" if i < 2 else "待付款",
                "商品名称": "茶叶礼盒",
                "商品编码(平台)": "10000123",
                "商品数量": "1",
                "商品价格(单件)": "¥268.00",
                "商品实际价格(单件)": "¥258.00",
                "商品实际价格(总共)": "¥258.00",
                "商品已退款金额": "0",
                "带货方式": "直播",
            }
        )
        rows.append(row)
    return rows


def write_csv(
    path: Path, headers, rows: list[dict] | list[list], *, encoding: str = "utf-8-sig", delimiter: str = ","
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers] if isinstance(row, dict) else row)
    text = buffer.getvalue()
    if encoding.startswith("gb"):
        text = text.replace("¥", "￥")  # GBK has only the full-width yuan sign, which GBK exports use
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(
    path: Path, sheets: dict[str, list[list]], merge: dict[str, list[tuple]] | None = None
) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                sheet.write(r, c, value)
        for first_row, col, last_row, value in (merge or {}).get(name, []):
            sheet.merge_range(first_row, col, last_row, col, value)
    workbook.close()
    return path


def compass_sheets() -> dict[str, list[list]]:
    """The checked export of DOMAIN.md §4.2: ¥236,552, GPM ¥26,439.25, 6,782 viewers, 46 buyers."""
    return {
        "基本信息": [
            [
                "达人昵称",
                "抖音号or火山号",
                "直播时间",
                "直播时长",
                "直播间用户支付金额",
                "千次观看用户支付金额",
            ],
            [
                "小满的好物",
                "xm2026",
                "2026/11/14 20:00:00-2026/11/14 23:00:00",
                "3小时",
                "¥236,552",
                "¥26,439.25",
            ],
        ],
        "整体看板": [
            [
                "直播间观看人数",
                "直播间曝光-观看率(人数)",
                "平均在线人数",
                "最高在线人数",
                "商品点击人数",
                "直播间商品曝光-点击率（人数）",
                "人均观看时长",
                "新增粉丝数",
                "直播间观看-关注率(人数)",
                "直播间观看-互动率(人数)",
                "人均评论次数",
                "直播间观看-成交率（人数）",
                "直播间商品点击-成交率(人数)",
                "客单价",
                "退款金额",
                "退款订单数",
                "退款人数",
            ],
            [
                "6,782",
                "35.2%",
                420,
                1310,
                1500,
                "22.1%",
                "1分5秒",
                88,
                "1.3%",
                "8.5%",
                0.4,
                "0.68%",
                "3.07%",
                "¥5,142.43",
                "¥3,200.00",
                2,
                2,
            ],
        ],
        "流量分析-流量转化": [
            ["指标", "数值"],
            ["直播间曝光人数", "1.93万"],
            ["商品曝光人数", "7.5w~10w"],
            ["商品点击人数", 1500],
        ],
        "流量分析-渠道分析": [
            [
                "渠道名称",
                "人均观看时长",
                "观看次数",
                "观看人数",
                "直播间观看-互动率(次数)",
                "用户支付金额",
                "成交订单数",
                "笔单价",
                "直播间观看-成交率(次数)",
                "千川消耗",
            ],
            ["整体", "1分5秒", 8947, 6782, "9.1%", "¥236,552.00", 50, "¥4,731.04", "0.56%", "¥12,000.00"],
            ["推荐feed", "58秒", 5100, 3900, "8.0%", "¥120,000.00", 26, "¥4,615.38", "0.51%", "—"],
            ["千川PC", "1分20秒", 2000, 1700, "10.0%", "¥80,000.00", 16, "¥5,000.00", "0.80%", "¥12,000.00"],
        ],
        "流量分析-短视频引流": [
            [
                "短视频名称",
                "投稿时间",
                "短视频直播入口曝光次数",
                "短视频引流直播间次数",
                "短视频直播入口点击率(次数)",
            ],
            ["面霜开箱", "2026/11/13 18:00", 12000, 340, "2.83%"],
        ],
        "商品分析-商品明细": [
            ["商品ID", "商品名称", "用户支付金额", "成交件数", "成交人数", "商品曝光人数", "商品点击人数"],
            ["3700000000000000011", "玻尿酸面霜 50ml", "¥200,000.00", 40, 38, 5200, 1100],
            ["-白色 50ml", "", "¥150,000.00", 30, 29, "—", "—"],
            ["-粉色 50ml", "", "¥50,000.00", 10, 9, "—", "—"],
            ["3700000000000000022", "洗面奶", "¥36,552.00", 9, 8, 3100, 400],
        ],
    }


def live_workbook_sheets() -> tuple[dict[str, list[list]], dict]:
    """场次概览 with section rows, 核心指标 with merged groups, aliases in 货品明细, Unix-second 商品讲解."""
    product_header = [h for h in _shared_header("douyin_live_workbook_sheet_货品明细.header.csv")]
    # The same family of headers appears with other spellings in other months' exports.
    product_header[product_header.index("首次上架时间")] = "挂载时间"
    product_header[product_header.index("发货前退款金额")] = "售中退款金额"
    product = {name: "" for name in product_header}
    first = dict(
        product,
        商品ID="3700000000000000011",
        商品名称="玻尿酸面霜 50ml",
        讲解次数=2,
        挂载时间="2026-11-14 19:55:00",
        直播间价格="¥5,000.00",
        用户支付金额="¥200,000.00",
        成交件数=40,
        商品点击人数=1100,
        **{"商品曝光-点击率（人数）": "21.15%", "售中退款金额": "¥3,200.00", "发货后退款金额": "—"},
    )
    second = dict(
        product,
        商品ID="3700000000000000022",
        商品名称="洗面奶",
        讲解次数=1,
        挂载时间="2026-11-14 19:55:00",
        直播间价格="¥99.90",
        用户支付金额="¥36,552.00",
        成交件数="7.5w~10w",
        商品点击人数=400,
    )
    explanation_header = _shared_header("douyin_live_workbook_sheet_商品讲解.header.csv")
    sheets = {
        "场次概览": [
            ["【基础信息】"],
            ["房间号", "7301234567890123456"],
            ["达人昵称", "小满的好物"],
            ["开播时间", "2026-11-14 20:00:00"],
            ["关播时间", "2026-11-14 22:03:17"],
            ["直播时长", "2小时3分17秒"],
            ["【成交】"],
            ["直播间成交金额", "¥240,000"],
            ["直播间用户支付金额", "¥236,552"],
            ["退款金额", "¥3,200"],
            ["投放消耗（店铺绑定）", "¥12,000.00"],
            ["千次观看用户支付金额", "¥26,439.25"],
        ],
        "核心指标": [
            _shared_header("douyin_live_workbook_sheet_核心指标.header.csv"),
            ["观看", "观看人数", "6,782", "6,000", "13.03%"],
            [None, "观看次数", "8,947", "8,000", "11.84%"],
            ["成交", "成交人数", 46, 40, "15%"],
            [None, "客单价", "¥5,142.43", "¥5,000.00", "2.85%"],
        ],
        "渠道流量": [
            _shared_header("douyin_live_workbook_sheet_渠道流量.header.csv"),
            [
                "推荐feed",
                "58秒",
                5100,
                3900,
                "¥120,000.00",
                26,
                "¥4,615.38",
                "0.51%",
                "¥8,000.00",
                "¥1,000.00",
            ],
            ["关注", "2分3秒", 3847, 2882, "¥116,552.00", 24, "¥4,856.33", "0.62%", "—", "—"],
        ],
        "货品明细": [product_header, [first[h] for h in product_header], [second[h] for h in product_header]],
        "商品讲解": [
            explanation_header,
            [
                "3700000000000000022",
                "洗面奶",
                "",
                START_EPOCH + 1800,
                START_EPOCH + 2400,
                "¥36,552.00",
                9,
                120,
                380.5,
            ],
            [
                "3700000000000000011",
                "玻尿酸面霜 50ml",
                "",
                START_EPOCH + 60,
                START_EPOCH + 1500,
                "¥150,000.00",
                30,
                300,
                410.0,
            ],
            [
                "3700000000000000011",
                "玻尿酸面霜 50ml",
                "",
                str(START_EPOCH + 5400),
                str(START_EPOCH + 6000),
                "¥50,000.00",
                10,
                -80,
                350.0,
            ],
        ],
    }
    merges = {"核心指标": [(1, 0, 2, "观看"), (3, 0, 4, "成交")]}
    return sheets, merges


def _shared_header(name: str) -> list[str]:
    """Header rows transcribed in the shared formats folder; the same names are written here when it is absent."""
    path = SHARED_FORMATS / name
    if path.is_file():
        return next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    return _FALLBACK_HEADERS[name]


_FALLBACK_HEADERS = {
    "douyin_live_workbook_sheet_核心指标.header.csv": ["分组", "指标", "本期值", "上期值", "较上期"],
    "douyin_live_workbook_sheet_渠道流量.header.csv": [
        "渠道名称",
        "人均观看时长",
        "观看次数",
        "观看人数",
        "用户支付金额",
        "成交订单数",
        "笔单价",
        "观看-成交率(次数)",
        "投放消耗(店铺绑定)",
        "投放消耗(店铺被投)",
    ],
    "douyin_live_workbook_sheet_货品明细.header.csv": [
        "商品ID",
        "商品名称",
        "商品主图",
        "讲解次数",
        "首次上架时间",
        "直播间价格",
        "用户支付金额",
        "成交件数",
        "预售订单数",
        "商品点击人数",
        "商品曝光-点击率（人数）",
        "商品点击-成交转化率（人数）",
        "千次曝光用户支付金额",
        "发货前退款订单数",
        "发货前退款金额",
        "发货前退款人数",
        "发货前订单退款率",
        "发货后退款订单数",
        "发货后退款金额",
        "发货后退款人数",
        "发货后订单退款率",
    ],
    "douyin_live_workbook_sheet_商品讲解.header.csv": [
        "商品ID",
        "商品名称",
        "商品主图",
        "讲解开始时间戳",
        "讲解结束时间戳",
        "用户支付金额(元)",
        "成交件数",
        "起止人数变化",
        "分均在线人数",
    ],
}


def minute_rows() -> list[list]:
    rows = []
    for minute in range(5):
        rows.append(
            [
                f"2026-11-14 20:0{minute}",
                300 + minute * 10,
                50,
                20 + minute,
                f"¥{minute * 100:,}.00",
                minute,
                2,
                15,
                "1.2万",
            ]
        )
    return rows


MINUTE_HEADER = [
    "时间",
    "在线人数",
    "进入人数",
    "离开人数",
    "用户支付金额",
    "成交订单数",
    "新增粉丝数",
    "评论次数",
    "点赞次数",
]
LOG_HEADER = ["at", "kind", "segment_index", "step", "marker", "note", "product_id"]


def log_rows() -> list[list]:
    return [
        ["2026-11-14T20:00:00.000+08:00", "segment_start", "0", "", "", "", ""],
        ["2026-11-14T20:01:30.250+08:00", "step_start", "0", "pain_point", "", "", "3700000000000000011"],
        ["2026-11-14T20:05:00.000+08:00", "marker", "0", "", "link_up", "上链接", "3700000000000000011"],
        ["2026-11-14T20:06:00.000+08:00", "dance", "0", "", "", "", ""],
    ]
