"""抖音 single-session live workbook: 场次概览, 核心指标, 渠道流量, 货品明细 and 商品讲解 (the actual run order).

核心指标 writes its group (分组) once per merged block: the blank cells below take the group above.
商品讲解 stamps are Unix seconds, converted to instants (shown later in the session's zone).
"""

from __future__ import annotations

from pathlib import Path

from livedesk.domain.dataset import DatasetKind
from livedesk.import_export.checks import workbook_findings
from livedesk.import_export.errors import ImportRefused
from livedesk.import_export.metric_tables import CHANNEL_FIELDS, EXPLANATION_FIELDS, PRODUCT_FIELDS
from livedesk.import_export.parsed import ParsedFile, ReadContext
from livedesk.import_export.summary import build_summary
from livedesk.import_export.tabular import sheet_rows, trim_rows
from livedesk.import_export.values import clean_cell, normalise_header
from livedesk.import_export.workbook_sheets import (
    locate_sheets,
    looks_like_workbook,
    table_dataset,
    vertical_pairs,
)

FORMAT = "live_workbook"
LABEL = "抖音 单场直播数据"
SHEETS = ("场次概览", "核心指标", "渠道流量", "货品明细", "商品讲解")


def looks_like(sheet_names: list[str]) -> bool:
    return looks_like_workbook(sheet_names, SHEETS)


def core_metric_pairs(rows: list[list], sheet: str) -> tuple[list[tuple], dict[str, str]]:
    """(指标, 本期值) pairs and each metric's forward-filled group."""
    rows = trim_rows(rows)
    if not rows:
        return [], {}
    header = [normalise_header(c) for c in rows[0]]
    col = {name: header.index(name) for name in ("分组", "指标", "本期值") if name in header}
    if "指标" not in col or "本期值" not in col:
        return vertical_pairs(rows, sheet), {}
    pairs, groups, group = [], {}, None
    for number, row in enumerate(rows[1:], start=2):
        cells = row + [None] * (len(header) - len(row))
        if "分组" in col:
            group = clean_cell(cells[col["分组"]]) or group
        label = clean_cell(cells[col["指标"]])
        if label:
            pairs.append((label, cells[col["本期值"]], sheet, number))
            if group:
                groups[label] = group
    return pairs, groups


def read_live_workbook(path: Path, workbook, sheet_names: list[str], context: ReadContext) -> ParsedFile:
    found = locate_sheets(path, sheet_names, SHEETS, LABEL)
    result = ParsedFile(FORMAT, meta={"missing_sheets": [s for s, name in found.items() if name is None]})
    pairs: list[tuple[str, object, str, int]] = []
    groups: dict[str, str] = {}
    if found["场次概览"]:
        pairs += vertical_pairs(sheet_rows(path, workbook, found["场次概览"]), found["场次概览"])
    if found["核心指标"]:
        core, groups = core_metric_pairs(sheet_rows(path, workbook, found["核心指标"]), found["核心指标"])
        pairs += core
    context.step(0.3, "summary")
    if pairs:
        summary = build_summary(pairs, context.zone)
        summary.sheet = found["场次概览"] or found["核心指标"]
        summary.meta["groups"] = groups
        result.datasets.append(summary)
    for title, kind, fields in (
        ("渠道流量", DatasetKind.CHANNELS, CHANNEL_FIELDS),
        ("货品明细", DatasetKind.PRODUCTS, PRODUCT_FIELDS),
        ("商品讲解", DatasetKind.EXPLANATIONS, EXPLANATION_FIELDS),
    ):
        sheet = found[title]
        if sheet:
            context.step(0.4, title)
            dataset = table_dataset(path, workbook, sheet, kind, fields, context)
            if dataset is not None:
                result.datasets.append(dataset)
    if not result.datasets:
        raise ImportRefused("import.workbook_no_rows", file=path.name, format=LABEL)
    result.findings = workbook_findings(result.datasets)
    return result
