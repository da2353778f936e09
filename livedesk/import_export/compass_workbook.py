"""罗盘 整场数据下载: six sheets in three layouts (header+value rows, name/value pairs, tables).

Yields a summary (基本信息, 整体看板, 流量转化), the channels table (渠道名称=整体 is the total) and the
product table, whose SKU sub-rows (first cell `-…`) are kept apart from products.
"""

from __future__ import annotations

from pathlib import Path

from livedesk.domain.dataset import DatasetKind
from livedesk.import_export.checks import workbook_findings
from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.metric_tables import CHANNEL_FIELDS, PRODUCT_FIELDS
from livedesk.import_export.parsed import ParsedFile, ReadContext
from livedesk.import_export.summary import build_summary
from livedesk.import_export.tabular import sheet_rows, trim_rows
from livedesk.import_export.workbook_sheets import (
    header_value_pairs,
    locate_sheets,
    looks_like_workbook,
    table_dataset,
    vertical_pairs,
)

FORMAT = "compass_workbook"
LABEL = "罗盘 整场数据下载"
SHEETS = (
    "基本信息",
    "整体看板",
    "流量分析-流量转化",
    "流量分析-渠道分析",
    "流量分析-短视频引流",
    "商品分析-商品明细",
)


def looks_like(sheet_names: list[str]) -> bool:
    return looks_like_workbook(sheet_names, SHEETS)


def read_compass(path: Path, workbook, sheet_names: list[str], context: ReadContext) -> ParsedFile:
    found = locate_sheets(path, sheet_names, SHEETS, LABEL)
    result = ParsedFile(FORMAT, meta={"missing_sheets": [s for s, name in found.items() if name is None]})
    pairs = []
    for title in ("基本信息", "整体看板"):
        sheet = found[title]
        if sheet:
            pairs += header_value_pairs(sheet_rows(path, workbook, sheet), sheet)
    if found["流量分析-流量转化"]:
        pairs += vertical_pairs(
            sheet_rows(path, workbook, found["流量分析-流量转化"]), found["流量分析-流量转化"]
        )
    context.step(0.3, "summary")
    if pairs:
        summary = build_summary(pairs, context.zone)
        summary.sheet = found["基本信息"] or found["整体看板"]
        result.datasets.append(summary)
    if found["流量分析-渠道分析"]:
        channels = table_dataset(
            path, workbook, found["流量分析-渠道分析"], DatasetKind.CHANNELS, CHANNEL_FIELDS, context
        )
        if channels is not None:
            result.datasets.append(channels)
    if found["流量分析-短视频引流"]:
        videos = trim_rows(sheet_rows(path, workbook, found["流量分析-短视频引流"]))
        result.meta["short_video_rows"] = max(len(videos) - 1, 0)
    context.step(0.6, "products")
    if found["商品分析-商品明细"]:
        products = table_dataset(
            path, workbook, found["商品分析-商品明细"], DatasetKind.PRODUCTS, PRODUCT_FIELDS, context
        )
        if products is not None:
            result.datasets.append(products)
    if not result.datasets:
        raise ImportRefused("import.workbook_no_rows", file=path.name, format=LABEL)
    result.findings = workbook_findings(result.datasets)
    return result
