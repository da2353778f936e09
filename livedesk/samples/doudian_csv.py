"""The 抖店 订单管理 → 批量导出 CSV: 75 columns, UTF-8 with BOM, ids tab-prefixed, `-` for empty, `##…` masks.

Columns are built with pyarrow compute and written with pyarrow.csv: no Python loop per line.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from livedesk.samples.catalog import ACCOUNT, AUTHOR_ID
from livedesk.samples.orders import (
    AD_CHANNEL,
    CHANNELS,
    REFUND_AFTER_SHIPPING,
    REFUND_BEFORE_SHIPPING,
    UNPAID,
    Orders,
    ProductTable,
)

HEADER = [
    "主订单编号",
    "子订单编号",
    "支付方式",
    "选购商品",
    "货号",
    "商品ID",
    "商家编码",
    "商品数量",
    "商品金额",
    "订单提交时间",
    "支付完成时间",
    "订单完成时间",
    "承诺发货时间",
    "预约发货时间",
    "买家留言",
    "旗帜颜色",
    "商家备注",
    "APP渠道",
    "订单状态",
    "取消原因",
    "售后状态",
    "订单类型",
    "发货时间",
    "车型",
    "是否是以旧换新",
    "换新额外补贴",
    "换新额外补贴发放状态",
    "订单应付金额",
    "运费",
    "优惠总金额",
    "平台优惠",
    "商家优惠",
    "达人优惠",
    "商家改价",
    "支付优惠",
    "手续费",
    "红包抵扣",
    "降价类优惠",
    "平台实际承担优惠金额",
    "商家实际承担优惠金额",
    "达人实际承担优惠金额",
    "收件人",
    "收件人手机号",
    "省",
    "市",
    "区",
    "街道",
    "详细地址",
    "是否修改过地址",
    "快递信息",
    "序列号",
    "达人ID",
    "达人昵称",
    "拼团订单团编号",
    "商品单价是否含税",
    "税费",
    "鲁班落地页ID",
    "所属门店ID",
    "流量来源",
    "仓库ID",
    "仓库名称",
    "是否安心购",
    "广告渠道",
    "流量类型",
    "流量体裁",
    "流量渠道",
    "发货主体",
    "发货主体明细",
    "教育优惠",
    "预计送达时间",
    "是否平台仓自流转",
    "是否是渠道商品",
    "预约送达时间",
    "建议发货时间（起）",
    "建议发货时间（止）",
]
BOM = "\ufeff".encode("utf-8")
LOCAL_OFFSET_SECONDS = 8 * 3600  # the sample's zone, Asia/Shanghai, has no daylight saving
REGIONS = (
    ("浙江省", "杭州市", "西湖区"),
    ("广东省", "深圳市", "南山区"),
    ("广东省", "广州市", "天河区"),
    ("江苏省", "南京市", "鼓楼区"),
    ("上海市", "上海市", "浦东新区"),
    ("北京市", "北京市", "朝阳区"),
    ("四川省", "成都市", "武侯区"),
    ("湖北省", "武汉市", "洪山区"),
    ("山东省", "济南市", "历下区"),
    ("河南省", "郑州市", "金水区"),
    ("福建省", "厦门市", "思明区"),
    ("陕西省", "西安市", "雁塔区"),
)
PAY_METHODS = ("抖音支付", "微信", "支付宝", "抖音月付")
APPS = ("抖音", "抖音极速版", "抖音火山版")
CIPHER_POOL = 4096
WRITE_SLICE = 200_000  # lines per slice: bounds memory at a million lines


def _pick(labels, index: np.ndarray) -> pa.Array:
    return pc.take(pa.array(list(labels), pa.string()), pa.array(index.astype(np.int32)))


def _constant(text: str, n: int) -> pa.Array:
    return _pick([text], np.zeros(n, dtype=np.int32))


def _join(*parts) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _ids(values: np.ndarray) -> pa.Array:
    """Long ids with a leading tab, as the export writes them so Excel keeps them as text."""
    return _join("\t", pc.cast(pa.array(values), pa.string()))


def _yuan(fen: np.ndarray) -> pa.Array:
    yuan, cents = np.divmod(fen.astype(np.int64), 100)
    return _join(
        pc.cast(pa.array(yuan), pa.string()), ".", pc.utf8_lpad(pc.cast(pa.array(cents), pa.string()), 2, "0")
    )


def _times(epoch: np.ndarray) -> pa.Array:
    """Local wall time `2026-11-14 20:03:27`; `-` where the epoch is -1 (never happened).

    Built from two lookup tables (the few dates, the 86,400 times of day): pyarrow's strftime takes
    seconds per million values, the lookups a few milliseconds.
    """
    valid = epoch >= 0
    local = np.where(valid, epoch, 0) + LOCAL_OFFSET_SECONDS
    day, second_of_day = np.divmod(local, 86400)
    days = np.unique(day)
    day_labels = [(date(1970, 1, 1) + timedelta(days=int(d))).isoformat() for d in days]
    text = _join(
        _pick(day_labels, np.searchsorted(days, day)), " ", pc.take(_times_of_day(), pa.array(second_of_day))
    )
    return pc.if_else(pa.array(valid), text, "-")


@lru_cache(maxsize=1)
def _times_of_day() -> pa.Array:
    return pa.array([f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)])


def _bucket(draw: np.ndarray, shares) -> np.ndarray:
    return np.searchsorted(np.cumsum(shares), draw * sum(shares), side="right").clip(0, len(shares) - 1)


def _ciphers(seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    alphabet = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
    letters = alphabet[rng.integers(0, len(alphabet), size=(CIPHER_POOL, 16))]
    return ["##" + "".join(row) for row in letters]


def orders_table(orders: Orders, table: ProductTable) -> pa.Table:
    n = len(orders)
    dash = _constant("-", n)
    zero = _constant("0.00", n)
    no = _constant("否", n)
    state = orders.state
    d = orders.draws
    cipher = _ciphers(7)
    cipher_index = lambda k: (orders.sub_id * (2 * k + 3)) % CIPHER_POOL  # noqa: E731 - stable per line
    pay = _bucket(d[:, 1], (55, 25, 15, 5))
    app = _bucket(d[:, 2], (86, 10, 4))
    region = _bucket(d[:, 3], (14, 12, 10, 10, 10, 9, 8, 7, 6, 6, 4, 4))
    ship_status = np.where(orders.completed >= 0, 0, np.where(orders.shipped >= 0, 1, 2))
    status_index = np.select(
        [state == UNPAID, state == REFUND_BEFORE_SHIPPING, state == REFUND_AFTER_SHIPPING],
        [3, 3, 0],
        ship_status,
    )
    after_sale = np.select([state == REFUND_BEFORE_SHIPPING, state == REFUND_AFTER_SHIPPING], [1, 2], 0)
    cancel = np.where(state == UNPAID, np.where(d[:, 1] < 0.7, 1, 2), 0)
    discount = orders.merchant_discount_fen + orders.platform_discount_fen + orders.payment_discount_fen
    promised = np.where(orders.paid >= 0, orders.paid + 48 * 3600, -1)
    ad = orders.channel == AD_CHANNEL
    tracking = np.where(orders.shipped >= 0, 75310000000000 + orders.sub_id % 10**13, 0)
    express = pc.if_else(
        pa.array(orders.shipped >= 0), _join("中通快递 ", pc.cast(pa.array(tracking), pa.string())), dash
    )
    message = np.where(d[:, 3] < 0.04, 1, 0)
    columns = {
        "主订单编号": _ids(orders.main_id),
        "子订单编号": _ids(orders.sub_id),
        "支付方式": pc.if_else(pa.array(state == UNPAID), dash, _pick(PAY_METHODS, pay)),
        "选购商品": _pick(table.names, orders.product),
        "货号": _pick([c.rsplit("-", 1)[0] for c in table.spec_codes], orders.spec),
        "商品ID": _ids(np.array([int(i) for i in table.ids], dtype=np.int64)[orders.product]),
        "商家编码": _pick(table.spec_codes, orders.spec),
        "商品数量": pc.cast(pa.array(orders.quantity), pa.string()),
        "商品金额": _yuan(orders.unit_fen),
        "订单提交时间": _times(orders.created),
        "支付完成时间": _times(orders.paid),
        "订单完成时间": _times(orders.completed),
        "承诺发货时间": _times(promised),
        "预约发货时间": dash,
        "买家留言": _pick(("-", "麻烦尽快发货，谢谢"), message),
        "旗帜颜色": dash,
        "商家备注": dash,
        "APP渠道": _pick(APPS, app),
        "订单状态": _pick(("已完成", "已发货", "待发货", "已关闭"), status_index),
        "取消原因": _pick(("-", "超时未支付", "买家取消订单"), cancel),
        "售后状态": _pick(("-", "退款成功", "退货退款成功"), after_sale),
        "订单类型": _constant("普通订单", n),
        "发货时间": _times(orders.shipped),
        "车型": dash,
        "是否是以旧换新": no,
        "换新额外补贴": dash,
        "换新额外补贴发放状态": dash,
        "订单应付金额": _yuan(
            np.where(state == UNPAID, orders.unit_fen * orders.quantity - discount, orders.paid_fen)
        ),
        "运费": zero,
        "优惠总金额": _yuan(discount),
        "平台优惠": _yuan(orders.platform_discount_fen),
        "商家优惠": _yuan(orders.merchant_discount_fen),
        "达人优惠": zero,
        "商家改价": zero,
        "支付优惠": _yuan(orders.payment_discount_fen),
        "手续费": zero,
        "红包抵扣": zero,
        "降价类优惠": zero,
        "平台实际承担优惠金额": _yuan(orders.platform_discount_fen + orders.payment_discount_fen),
        "商家实际承担优惠金额": _yuan(orders.merchant_discount_fen),
        "达人实际承担优惠金额": zero,
        "收件人": _pick(cipher, cipher_index(0)),
        "收件人手机号": _pick(cipher, cipher_index(1)),
        "省": _pick([r[0] for r in REGIONS], region),
        "市": _pick([r[1] for r in REGIONS], region),
        "区": _pick([r[2] for r in REGIONS], region),
        "街道": _pick(cipher, cipher_index(2)),
        "详细地址": _pick(cipher, cipher_index(3)),
        "是否修改过地址": _pick(("否", "是"), (d[:, 2] > 0.97).astype(np.int32)),
        "快递信息": express,
        "序列号": dash,
        "达人ID": _join("\t", _constant(AUTHOR_ID, n)),
        "达人昵称": _constant(ACCOUNT, n),
        "拼团订单团编号": dash,
        "商品单价是否含税": _constant("是", n),
        "税费": zero,
        "鲁班落地页ID": dash,
        "所属门店ID": dash,
        "流量来源": _constant("直播", n),
        "仓库ID": _join("\t", _constant("7012345678901234567", n)),
        "仓库名称": _constant("山野杭州仓", n),
        "是否安心购": no,
        "广告渠道": pc.if_else(pa.array(ad), _constant("千川", n), dash),
        "流量类型": pc.if_else(pa.array(ad), _constant("广告流量", n), _constant("自然流量", n)),
        "流量体裁": _constant("直播", n),
        "流量渠道": _pick(CHANNELS, orders.channel),
        "发货主体": _constant("商家", n),
        "发货主体明细": dash,
        "教育优惠": zero,
        "预计送达时间": dash,
        "是否平台仓自流转": no,
        "是否是渠道商品": no,
        "预约送达时间": dash,
        "建议发货时间（起）": dash,
        "建议发货时间（止）": dash,
    }
    assert list(columns) == HEADER, "column builders must follow the export's header order"
    return pa.table(columns)


def write_orders_csv(path: str | Path, orders: Orders, table: ProductTable) -> Path:
    """UTF-8 with BOM, header as the export writes it (unquoted), one line per order line."""
    path = Path(path)
    options = pacsv.WriteOptions(include_header=False, batch_size=65536, quoting_style="none")
    with path.open("wb") as handle:
        handle.write(BOM + (",".join(HEADER) + "\n").encode("utf-8"))
        for start in range(0, len(orders), WRITE_SLICE):
            pacsv.write_csv(
                orders_table(orders.rows(start, start + WRITE_SLICE), table), handle, write_options=options
            )
    return path
