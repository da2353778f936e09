"""Sentences for the rows an import or a pool file read with a problem (codes `row.*`, from RowWarning),
and the outcome each ends with ("该行已跳过" / "row skipped"). Part of the catalogue in
livedesk.words.messages; `row_words` words one warning."""

from __future__ import annotations

# code: (zh_CN, en); {column} is the file's own header, {value} the cell as quoted.
ROW_MESSAGES: dict[str, tuple[str, str]] = {
    "row.bad_money": ("{column}：{value} 不是金额", "{column}: {value} is not an amount of money"),
    "row.bad_int": ("{column}：{value} 不是整数", "{column}: {value} is not a whole number"),
    "row.bad_float": ("{column}：{value} 不是数字", "{column}: {value} is not a number"),
    "row.bad_rate": ("{column}：{value} 不是比率", "{column}: {value} is not a rate"),
    "row.bad_seconds": ("{column}：{value} 不是时长", "{column}: {value} is not a duration"),
    "row.bad_time": ("{column}：{value} 不是时间", "{column}: {value} is not a time"),
    "row.formula": ("{column}：{value} 是公式而不是数值", "{column}: {value} is a formula, not a value"),
    "row.time_out_of_range": (
        "{column}：{value} 不在 1970–2100 年之间",
        "{column}: {value} is outside 1970–2100",
    ),
    "row.missing_order_id": ("没有订单号", "no order id"),
    "row.missing_time": ("没有时间（支付时间和下单时间都空着）", "no time (neither paid nor created)"),
    "row.missing_amount": ("没有金额（也没有单价和数量）", "no amount (nor unit price with quantity)"),
    "row.missing_product": ("没有商品编号或名称", "no product id or name"),
    "row.missing_channel": ("没有渠道名称", "no channel name"),
    "row.missing_start": ("没有开始时间", "no start time"),
    "row.missing_minute": ("没有分钟时间", "no minute time"),
    "row.unknown_kind": (
        "{column}：{value} 不是已知的事件类型",
        "{column}: {value} is not a known event kind",
    ),
    "row.unknown_step": (
        "{column}：{value} 不是已知的话术步骤",
        "{column}: {value} is not a known script step",
    ),
    "row.unknown_marker": ("{column}：{value} 不是已知的标记", "{column}: {value} is not a known marker"),
    "row.ragged_row": (
        "这一行有 {cells} 个单元格，表头有 {width} 个",
        "the row has {cells} cells but the header {width}",
    ),
    "row.bad_value": ("{sheet}：{column} = {value} 读不了", "{sheet}: {column} = {value} cannot be read"),
    # the product pool (planner)
    "row.no_role_column": (
        "{file} 没有角色列：每个商品都设为利润款",
        "{file} has no role column; every product is set to profit (利润款)",
    ),
    "row.duplicate_product_id": (
        "商品编号 {product} 与第 {first_row} 行重复：只保留第一个",
        "repeats product id {product} of row {first_row}; only the first is kept",
    ),
    "row.missing_product_id": ("没有商品编号", "no product id"),
    "row.unknown_role": (
        "角色“{value}”不是引流款、利润款、形象款或清仓款：设为利润款",
        "role '{value}' is not 引流款/利润款/形象款/清仓款; set to profit",
    ),
    "row.bad_price": ("{column}：“{value}”不是价格", "{column}: '{value}' is not a price"),
    "row.bad_stock": ("{column}：“{value}”不是数字", "{column}: stock '{value}' is not a number"),
    # how each ends
    "row.outcome.skipped": ("，该行已跳过", "; row skipped"),
    "row.outcome.empty": ("，已留空", "; left empty"),
    "row.outcome.extra_left_out": ("，多出的单元格已略去", "; the extra cells were left out"),
    "row.outcome.missing_left_empty": ("，缺少的单元格留空", "; the missing cells were left empty"),
}
