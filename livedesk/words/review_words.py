"""Words of the review: finding severities, verdicts, action statuses, where a number came from (run
sources, platforms, dataset and file types), scorecard checks, funnel stages and order buckets. The app's
review page and the three report formats read the same words here."""

from __future__ import annotations

from livedesk.words.metrics import METRICS
from livedesk.words.vocabulary import Vocabulary, Word

SEVERITIES = Vocabulary(
    "finding severity",
    {
        "critical": Word("严重", "Critical", "#C0504D"),
        "warning": Word("警告", "Warning", "#D4A017"),
        "info": Word("提示", "Info", "#4A6FA5"),
    },
)
# A role scorecard's verdict; None (not enough data) is the code "unknown" (see verdict_word).
VERDICTS = Vocabulary(
    "verdict",
    {
        "met": Word("达标", "Met", "#2E7D5B"),
        "not_met": Word("未达标", "Not met", "#C0504D"),
        "unknown": Word("数据不足", "Not enough data", "#B0B7BF"),
    },
)


def verdict_word(verdict: str | None, lang: str | None = None) -> str:
    """A scorecard verdict; None means the data did not allow one (数据不足)."""
    return VERDICTS.word(verdict or "unknown", lang)


ACTION_STATUSES = Vocabulary(
    "action status",
    {
        "open": Word("待验证", "Open"),
        "met": Word("已达成", "Achieved"),
        "not_met": Word("未达成", "Not achieved"),
        "dropped": Word("已放弃", "Dropped"),
    },
)
# Where the actual run order came from.
RUN_SOURCES = Vocabulary(
    "run source",
    {
        "log": Word("直播日志", "Live log"),
        "explanations": Word("商品讲解记录", "explanation records"),
        "plan": Word("计划", "the plan"),
    },
)
PLATFORMS = Vocabulary(
    "platform",
    {
        "douyin": Word("抖音", "Douyin"),
        "kuaishou": Word("快手", "Kuaishou"),
        "taobao": Word("淘宝直播", "Taobao Live"),
        "wechat": Word("视频号", "WeChat Channels"),
    },
)
# What an imported dataset holds.
DATASETS = Vocabulary(
    "dataset type",
    {
        "summary": Word("整场汇总", "Session summary"),
        "channels": Word("渠道流量", "Traffic channels"),
        "products": Word("商品明细", "Product details"),
        "explanations": Word("商品讲解", "Explanations"),
        "orders": Word("订单", "Orders"),
        "minutes": Word("分钟曲线", "Per-minute curve"),
    },
)
# Which export an imported file is, as the platform's back office names it.
SOURCE_FORMATS = Vocabulary(
    "source type",
    {
        "compass_workbook": Word("罗盘整场数据", "Compass session workbook"),
        "live_workbook": Word("直播数据工作簿", "Live data workbook"),
        "doudian_orders": Word("抖店订单导出", "Doudian order export"),
        "minute_curve": Word("分钟在线人数", "Minute-by-minute online viewers"),
        "kuaishou_orders": Word("快手小店订单导出", "Kuaishou shop order export"),
        "weixin_orders": Word("微信小店订单导出", "WeChat shop order export"),
        "live_log": Word("LiveDesk 直播日志", "LiveDesk live log"),
        "product_table": Word("货品明细", "Product table"),
        "explanation_table": Word("商品讲解", "Explanations"),
        "mapped": Word("映射表格", "Mapped table"),
        "unknown": Word("未识别表格", "Unrecognised table"),
    },
)
# The role scorecards' checks: metrics of their own (with units), the same Word objects as in METRICS.
CHECKS = Vocabulary(
    "scorecard check", {code: METRICS[code] for code in ("online_lift", "gmv_per_minute_ratio")}
)
FUNNEL_STAGES = Vocabulary(
    "funnel stage",
    {
        "exposure_uv": Word("直播间曝光", "Room exposure"),
        "uv": Word("观看", "Views"),
        "product_exposure_uv": Word("商品曝光", "Product exposure"),
        "product_click_uv": Word("商品点击", "Product clicks"),
        "buyers": Word("成交", "Purchases"),
    },
)
# Orders that fall outside every segment.
BUCKETS = Vocabulary(
    "order bucket",
    {
        "before": Word("开播前", "Before the start"),
        "after": Word("下播后", "After the end"),
        "gap": Word("环节间隙", "Between segments"),
        "no_paid_time": Word("无支付时间", "No payment time"),
    },
)
