"""The review as an XLSX workbook (XlsxWriter) in Chinese: 复盘概览 first (the page the boss reads, as in the
HTML and the PDF), then 全部指标, 环节, 商品, 角色记分卡, 发现 and 数据来源. Numbers stay numbers with ¥, % and
time formats; every sheet has sized columns and a frozen header row."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from livedesk.analysis.metrics import FORMULA_TEXT, METRIC_KEYS
from livedesk.analysis.review import Review
from livedesk.analysis.review_types import Finding
from livedesk.import_export.cell_safety import write_cell
from livedesk.import_export.import_state import counted_findings
from livedesk.import_export.report_format import (
    CAVEAT_LABELS,
    DATASET_LABELS,
    FORMAT_LABELS,
    METRIC_LABELS,
    PRODUCT_COLUMNS,
    ROLE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
    as_number,
    finding_zh,
    formula_zh,
    imported_at,
    metric_label,
    segment_name,
    source_zh,
)
from livedesk.import_export.report_summary import first_page
from livedesk.import_export.report_xlsx_overview import number_format, write_overview
from livedesk.words import local

SHEETS = ("复盘概览", "全部指标", "环节", "商品", "角色记分卡", "发现", "数据来源")
RATIO_FORMAT = '0.00"×"'


def local_time(moment: int | datetime | None, zone: str) -> datetime | None:
    """An instant as the naive local time Excel shows, in the session's own zone."""
    return None if moment is None else local(moment, zone).replace(tzinfo=None)


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _check_format(check: str) -> str:
    return RATIO_FORMAT if check == "gmv_per_minute_ratio" else "0.0%"


def write_xlsx(review: Review, path: Path) -> Path:
    import xlsxwriter

    path = Path(path)
    book = xlsxwriter.Workbook(str(path))
    try:
        write_overview(book, first_page(review))
        _Sheets(book, review).write_all()
    finally:
        book.close()
    return path


class _Sheets:
    """The detail sheets; `kinds` per column name an Excel number format (None = text)."""

    def __init__(self, book: Any, review: Review) -> None:
        self.book, self.review, self.names = book, review, review.names
        self.head = book.add_format({"bold": True, "bg_color": "#EEF2F5", "border": 1, "text_wrap": True})
        # Product names, notes and findings are the team's own text: one starting with = must stay text.
        self.quoted = book.add_format({"quote_prefix": True})
        self._formats: dict[str, object] = {}

    def fmt(self, code: str | None) -> object:
        if code is None:
            return None
        if code not in self._formats:
            self._formats[code] = self.book.add_format({"num_format": code})
        return self._formats[code]

    def sheet(
        self, title: str, headers: list[str], rows: list[list[Any]], kinds: list[Any], widths: list[int]
    ) -> Any:
        ws = self.book.add_worksheet(title)
        ws.write_row(0, 0, headers, self.head)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                kind = kinds[c] if c < len(kinds) else None
                kind = kind(r - 1) if callable(kind) else kind
                if isinstance(value, datetime):
                    ws.write_datetime(r, c, value, self.fmt(kind or "yyyy-mm-dd hh:mm"))
                else:  # missing stays empty, never zero
                    write_cell(ws, r, c, value, None if value is None else self.fmt(kind), self.quoted)
        for c, width in enumerate(widths):
            ws.set_column(c, c, width)
        ws.freeze_panes(1, 0)
        return ws

    def write_all(self) -> None:
        self.kpis()
        self.segments()
        self.products()
        self.roles()
        self.findings()
        self.provenance()

    def kpis(self) -> None:
        keys, rows = [], []
        for key in METRIC_KEYS:
            d = self.review.kpis[key]
            other = d.alternatives[0] if d.alternatives else None
            keys.append(key)
            rows.append(
                [
                    METRIC_LABELS.get(key, key),
                    as_number(key, d.value),
                    source_zh(d.source) if d.value is not None else None,
                    formula_zh(d.formula or FORMULA_TEXT.get(key)),
                    as_number(key, other.value) if other else None,
                    source_zh(other.source) if other else None,
                    as_number(key, other.gap) if other else None,
                    "估算" if d.estimated else None,
                    CAVEAT_LABELS.get(d.caveat or ""),
                ]
            )
        by_row = lambda i: number_format(keys[i])  # noqa: E731
        self.sheet(
            "全部指标",
            ["指标", "数值", "来源", "公式", "其他来源数值", "其他来源", "差值", "估算", "口径说明"],
            rows,
            [None, by_row, None, None, by_row, None, by_row, None, None],
            [24, 16, 40, 26, 16, 40, 12, 8, 60],
        )

    def segments(self) -> None:
        zone = self.review.zone
        rows = [
            [
                (s.index + 1 if s.index is not None else None),
                segment_name(s, self.names),
                ROLE_LABELS.get(s.role or ""),
                STATUS_LABELS.get(s.status, s.status),
                local_time(s.planned_start_ms, zone),
                _minutes(s.planned_seconds),
                local_time(s.actual_start_ms, zone),
                _minutes(s.actual_seconds),
                _minutes(s.delta_seconds),
                as_number("gmv", s.gmv_fen),
                s.orders,
                s.units,
                s.on_air_share,
                s.online_start,
                s.online_end,
                as_number("gmv", s.gmv_per_minute_fen),
            ]
            for s in self.review.segments
        ]
        money, count, mins, clock = "¥#,##0.00", "#,##0", "0.0", "hh:mm"
        self.sheet(
            "环节",
            [
                "#",
                "环节",
                "角色",
                "状态",
                "计划开始",
                "计划时长(分)",
                "实际开始",
                "实际时长(分)",
                "差(分)",
                "成交额",
                "订单",
                "件数",
                "在讲商品占比",
                "开始在线",
                "结束在线",
                "每分钟成交额",
            ],
            rows,
            [
                None,
                None,
                None,
                None,
                clock,
                mins,
                clock,
                mins,
                mins,
                money,
                count,
                count,
                "0.0%",
                count,
                count,
                money,
            ],
            [5, 34, 8, 8, 10, 12, 10, 12, 8, 14, 8, 8, 12, 10, 10, 14],
        )

    def products(self) -> None:
        rows = [
            [
                p.product_id,
                p.name,
                ROLE_LABELS.get(p.role or ""),
                *[as_number(k, p.value(k)) for k in PRODUCT_COLUMNS],
            ]
            for p in self.review.products
        ]
        self.sheet(
            "商品",
            ["商品ID", "商品", "角色", *[METRIC_LABELS.get(k, k) for k in PRODUCT_COLUMNS]],
            rows,
            [None, None, None, *[number_format(k) for k in PRODUCT_COLUMNS]],
            [20, 30, 8] + [13] * len(PRODUCT_COLUMNS),
        )

    def roles(self) -> None:
        checks = [(c, ch) for c in self.review.roles.scorecards for ch in c.checks]
        rows = [
            [
                c.product_id,
                c.name,
                ROLE_LABELS.get(c.role or ""),
                VERDICT_LABELS[c.verdict],
                metric_label(ch.check),
                ch.value,
                ch.threshold,
                {True: "达标", False: "未达标", None: "数据不足"}[ch.met],
            ]
            for c, ch in checks
        ]
        by_row = lambda i: _check_format(checks[i][1].check)  # noqa: E731
        self.sheet(
            "角色记分卡",
            ["商品ID", "商品", "角色", "结论", "检查项", "数值", "阈值", "判定"],
            rows,
            [None, None, None, None, None, by_row, by_row, None],
            [20, 30, 8, 10, 24, 12, 12, 10],
        )

    def findings(self) -> None:
        rows = [
            [SEVERITY_LABELS.get(f.severity), finding_zh(f, self.review), self._subject(f)]
            for f in counted_findings(self.review)
        ]
        self.sheet("发现", ["级别", "发现", "对象"], rows, [None, None, None], [8, 90, 30])

    def _subject(self, finding: Finding) -> str | None:
        subject = finding.subject
        if subject.product:
            return self.names.get(subject.product, subject.product)
        if subject.segment is not None:
            on_air = self.names.get(subject.segment_product or "", "")
            return f"环节 {subject.segment + 1}" + (f"（{on_air}）" if on_air else "")
        if subject.metric:
            return metric_label(subject.metric)
        return None

    def provenance(self) -> None:
        rows: list[list[Any]] = [
            [
                p.source_name,
                p.sheet,
                DATASET_LABELS.get(p.kind, p.kind),
                FORMAT_LABELS.get(p.format, p.format),
                local_time(imported_at(p), self.review.zone),
                p.rows_stored,
                p.rows_skipped,
            ]
            for p in self.review.provenance
        ]
        rows.append([])
        rows.append(["指标定义", "公式"])
        rows += [[METRIC_LABELS.get(key, key), formula_zh(FORMULA_TEXT.get(key))] for key in METRIC_KEYS]
        count = "#,##0"
        self.sheet(
            "数据来源",
            ["文件", "工作表", "类型", "格式", "导入时间", "行数", "跳过行数"],
            rows,
            [None, None, None, None, "yyyy-mm-dd hh:mm", count, count],
            [36, 26, 12, 16, 18, 10, 10],
        )
