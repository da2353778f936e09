"""Order exports of 抖店 (75 columns), 快手小店 (61) and 微信小店/视频号 (57), as CSV or XLSX.

Each format names its columns; detection matches a few distinctive headers (users untick columns and
platforms rename some over time), and the reader takes only the columns it maps.
"""

from __future__ import annotations

from dataclasses import dataclass

from livedesk.import_export.fields import Field, missing_columns, one_of, resolve
from livedesk.import_export.orders import build_orders, missing_order_fields
from livedesk.import_export.parsed import ParsedDataset, ReadContext
from livedesk.import_export.tabular import RawTable
from livedesk.import_export.values import normalise_header

DOUDIAN_HEADERS = tuple(
    [
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
)

KUAISHOU_HEADERS = tuple(
    [
        "订单号",
        "赠品订单号",
        "活动订单编号",
        "订单创建时间",
        "订单支付时间",
        "预售定金支付时间",
        "订单状态",
        "实付款",
        "快递费",
        "店铺优惠",
        "平台补贴",
        "主播补贴",
        "混资活动优惠",
        "支付优惠",
        "支付方式",
        "成交数量",
        "买家留言",
        "账号类型",
        "账号明细",
        "订单备注",
        "旗帜颜色",
        "售后状态",
        "活动订单",
        "预售/承诺发货时间",
        "订单载体",
        "商品名称",
        "商品ID",
        "商品规格",
        "SKU编码",
        "商品单价",
        "渠道",
        "CPS达人ID",
        "CPS达人昵称",
        "预估推广佣金",
        "预估推广者分佣比例",
        "团长ID",
        "团长昵称",
        "快赚客ID",
        "快赚客昵称",
        "授权推广者ID",
        "授权推广者昵称",
        "收货人姓名",
        "收货人电话",
        "收货地址-省",
        "收货地址-市",
        "收货地址-区",
        "收货地址-街道",
        "收货地址",
        "发货时间",
        "快递公司",
        "快递单号",
        "物流信息",
        "集运类型",
        "直邮类型",
        "仓库名称",
        "仓库地址",
        "实名姓名",
        "服务门店ID",
        "服务门店名称",
        "服务门店地址",
        "国补/类国补/消费券",
    ]
)

WEIXIN_HEADERS = tuple(
    [
        "订单号",
        "订单下单时间",
        "订单发货时间",
        "订单确认收货时间",
        "订单完成结算时间",
        "订单状态",
        "发货方式",
        "收件人姓名",
        "收件人地址",
        "省",
        "市",
        "区",
        "收件人手机",
        "买家备注",
        "商家备注",
        "打标颜色",
        "商品总价",
        "订单实际支付金额",
        "订单实际收款金额",
        "订单运费",
        "商品优惠",
        "跨店优惠",
        "商品改价",
        "积分抵扣",
        "支付方式",
        "支付时间",
        "交易单号",
        "物流公司",
        "快递单号",
        "技术服务费",
        "技术服务费（将以人气卡形式返还）",
        "运费险预计投保费用",
        "带货方式",
        "带货账号类型",
        "带货账号昵称",
        "带货费用渠道",
        "带货费用类型",
        "带货费用",
        "带货佣金率",
        "礼物单号",
        "商品名称",
        "商品编码(平台)",
        "商品编码(自定义)",
        "SKU编码(自定义)",
        "商品属性",
        "商品价格(单件)",
        "商品实际价格(单件)",
        "商品实际价格(总共)",
        "是否预售",
        "商品数量",
        "商品平台券优惠",
        "商品平均运费",
        "定制信息",
        "定制预览图",
        "商品发货",
        "商品售后",
        "商品已退款金额",
    ]
)


@dataclass(frozen=True)
class OrderFormat:
    key: str
    label: str
    headers: tuple[str, ...]  # the full export as seen (tests and sample writers use it)
    signature: tuple[str, ...]  # headers that together identify the format
    fields: tuple[Field, ...]

    @property
    def wanted(self) -> set[str]:
        return {key for spec in self.fields for key in spec.header_keys()}

    def score(self, keys: list[str]) -> float:
        present = set(keys)
        return sum(normalise_header(h) in present for h in self.signature) / len(self.signature)


def _f(name: str, type_: str, *aliases: str) -> Field:
    return Field(name, type_, aliases)


DOUDIAN = OrderFormat(
    "doudian_orders",
    "抖店 订单导出",
    DOUDIAN_HEADERS,
    ("主订单编号", "子订单编号", "选购商品", "支付完成时间"),
    (
        _f("order_id", "id", "主订单编号"),
        _f("sub_order_id", "id", "子订单编号"),
        _f("product_id", "id", "商品ID"),
        _f("product_name", "text", "选购商品"),
        _f("sku", "id", "商家编码", "货号"),
        _f("quantity", "int", "商品数量"),
        # 订单应付金额 is what the buyer pays for the sub-order: the platform's GMV basis.
        _f("amount_fen", "money", "订单应付金额"),
        _f("created_at", "time", "订单提交时间"),
        _f("paid_at", "time", "支付完成时间"),
        _f("status", "text", "订单状态"),
        _f("after_sale_status", "text", "售后状态"),
        _f("author_id", "id", "达人ID"),
        _f("traffic_source", "text", "流量来源", "流量渠道"),
    ),
)
KUAISHOU = OrderFormat(
    "kuaishou_orders",
    "快手小店 订单导出",
    KUAISHOU_HEADERS,
    ("订单号", "订单创建时间", "实付款", "成交数量"),
    (
        _f("order_id", "id", "订单号"),
        _f("product_id", "id", "商品ID"),
        _f("product_name", "text", "商品名称"),
        _f("sku", "id", "SKU编码"),
        _f("quantity", "int", "成交数量"),
        _f("unit_price_fen", "money", "商品单价"),
        _f("amount_fen", "money", "实付款"),
        _f("created_at", "time", "订单创建时间"),
        _f("paid_at", "time", "订单支付时间"),
        _f("status", "text", "订单状态"),
        _f("after_sale_status", "text", "售后状态"),
        _f("author_id", "id", "CPS达人ID"),
        _f("traffic_source", "text", "渠道"),
    ),
)
WEIXIN = OrderFormat(
    "weixin_orders",
    "微信小店 订单导出",
    WEIXIN_HEADERS,
    ("订单号", "订单下单时间", "商品实际价格(总共)", "带货方式"),
    (
        _f("order_id", "id", "订单号"),
        _f("product_id", "id", "商品编码(平台)"),
        _f("product_name", "text", "商品名称"),
        _f("sku", "id", "SKU编码(自定义)", "商品编码(自定义)"),
        _f("quantity", "int", "商品数量"),
        _f("unit_price_fen", "money", "商品实际价格(单件)", "商品价格(单件)"),
        _f("amount_fen", "money", "商品实际价格(总共)"),
        _f("created_at", "time", "订单下单时间"),
        _f("paid_at", "time", "支付时间"),
        _f("status", "text", "订单状态"),
        _f("after_sale_status", "text", "商品售后"),
        _f("refund_amount_fen", "money", "商品已退款金额"),
        _f("author_id", "id", "带货账号昵称"),
        _f("traffic_source", "text", "带货方式"),
    ),
)
ORDER_FORMATS = {fmt.key: fmt for fmt in (DOUDIAN, KUAISHOU, WEIXIN)}


def read_order_export(raw: RawTable, fmt: OrderFormat, context: ReadContext) -> ParsedDataset:
    """Canonical orders from a platform export; refuses when an id, a time or the amount column is missing."""
    mapping = resolve(raw.keys, list(fmt.fields))
    missing = missing_order_fields(mapping)
    if missing:
        names = {
            "order_id": _aliases(fmt, "order_id"),
            "paid_at or created_at": _aliases(fmt, "paid_at", "created_at"),
            "amount (or unit_price and quantity)": _aliases(fmt, "amount_fen"),
        }
        raise missing_columns(raw.name, [names[m] for m in missing], raw.headers, fmt.label)
    parsed = build_orders(raw, mapping, context)
    parsed.meta["format_label"] = fmt.label
    return parsed


def _aliases(fmt: OrderFormat, *names: str):
    found = [a for spec in fmt.fields if spec.name in names for a in spec.aliases[:1]]
    return found[0] if len(found) == 1 else one_of(found)
