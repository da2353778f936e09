"""Words of an import: what a file holds (the kind chosen in the import dialog and on the command line),
why rows were skipped, and one row warning as a sentence. The import dialog, its summary and
`livedesk import` read them here."""

from __future__ import annotations

from typing import Any

from livedesk.domain.message import Message
from livedesk.words.messages import MESSAGES, placeholders, say
from livedesk.words.vocabulary import Vocabulary, Word

# What a file holds: the import's kinds and the datasets it stores.
IMPORT_KINDS = Vocabulary(
    "import kind",
    {
        "orders": Word("订单明细", "Order lines"),
        "products": Word("商品明细", "Product details"),
        "explanations": Word("商品讲解", "Explanations"),
        "minutes": Word("分钟曲线", "Per-minute curve"),
        "summary": Word("场次概览", "Session summary"),
        "channels": Word("流量渠道", "Traffic channels"),
        "log": Word("直播日志", "Live log"),
        "compass": Word("罗盘 整场数据", "Compass workbook"),
        "live-workbook": Word("单场直播数据", "Live session workbook"),
    },
)
# Why rows were skipped or cells left empty (a RowWarning's code), as a count's label.
ROW_PROBLEMS = Vocabulary(
    "row problem",
    {
        "bad_money": Word("不是金额", "not an amount of money"),
        "bad_int": Word("不是整数", "not a whole number"),
        "bad_float": Word("不是数字", "not a number"),
        "bad_rate": Word("不是比率", "not a rate"),
        "bad_seconds": Word("不是时长", "not a duration"),
        "bad_time": Word("不是时间", "not a time"),
        "time_out_of_range": Word("时间不在 1970–2100 年之间", "time outside 1970–2100"),
        "formula": Word("单元格是公式而不是数值", "a formula instead of a value"),
        "missing_order_id": Word("缺少订单号", "no order id"),
        "missing_time": Word("缺少时间", "no time"),
        "missing_amount": Word("缺少金额", "no amount"),
        "missing_product": Word("缺少商品", "no product"),
        "missing_channel": Word("缺少渠道", "no channel"),
        "missing_start": Word("缺少开始时间", "no start time"),
        "missing_minute": Word("缺少分钟", "no minute"),
        "ragged_row": Word("单元格数量与表头不符", "wrong number of cells"),
        "unknown_kind": Word("未知事件类型", "unknown event kind"),
        "unknown_step": Word("未知话术步骤", "unknown script step"),
        "unknown_marker": Word("未知标记", "unknown marker"),
        "bad_value": Word("无法读取的值", "unreadable value"),
        "missing_product_id": Word("缺少商品编号", "no product id"),
        "duplicate_product_id": Word("商品编号重复", "repeated product id"),
        "unknown_role": Word("未知角色", "unknown role"),
        "bad_price": Word("不是价格", "not a price"),
        "bad_stock": Word("库存不是数字", "stock not a number"),
        "no_role_column": Word("没有角色列", "no role column"),
    },
)


def row_words(code: str, params: dict[str, Any] | None, fallback: str, lang: str | None = None) -> str:
    """One row warning (a RowWarning's code and values, or its JSON) as a sentence in `lang`. A warning
    stored before warnings carried their values reads as its problem's word, never as raw English."""
    message_code = f"row.{code}"
    template = MESSAGES.get(message_code)
    params = dict(params or {})
    if template is None or not placeholders(template[0]) <= set(params):
        return ROW_PROBLEMS.word(code, lang) if code in ROW_PROBLEMS else fallback
    text = say(Message(message_code, params), lang)
    outcome = params.get("outcome")
    if outcome and f"row.outcome.{outcome}" in MESSAGES:
        text += say(Message(f"row.outcome.{outcome}"), lang)
    return text
