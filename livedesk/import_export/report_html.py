"""The review as one self-contained HTML file: tables plus charts embedded as base64 PNG (no external
files, opens offline in any browser)."""

from __future__ import annotations

import base64
import html
import re
from html import escape
from pathlib import Path

from livedesk.analysis.metrics import FORMULA_TEXT, METRIC_KEYS
from livedesk.analysis.review import Review
from livedesk.import_export.html_font import EMBEDDED_FAMILY, font_face_css
from livedesk.import_export.import_state import counted_findings
from livedesk.import_export.report_format import (
    BUCKET_LABELS,
    CAVEAT_LABELS,
    DATASET_LABELS,
    FORMAT_LABELS,
    METRIC_LABELS,
    PRODUCT_COLUMNS,
    REPORT_LANG,
    ROLE_LABELS,
    RUN_SOURCE_LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    finding_zh,
    formula_zh,
    imported_at,
    metric_label,
    minutes,
    money,
    show_value,
    source_zh,
    stamp,
)
from livedesk.import_export.report_summary import (
    ACTION_HEADERS,
    KPI_HEADERS,
    FirstPage,
    first_page,
    kpi_source,
)
from livedesk.import_export.review_rows import check_value, segment_row

STYLE = (
    f"body{{font-family:'{EMBEDDED_FAMILY}','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif;"
    "margin:24px;color:#222}"
    """
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;border-bottom:2px solid #2E7D5B;padding-bottom:3px;margin-top:24px}
table{border-collapse:collapse;font-size:12px;margin:6px 0}td,th{border:1px solid #ccd;padding:3px 6px;text-align:right}
th{background:#eef2f5}td.t,th.t{text-align:left}td:not(.t){white-space:nowrap}.critical{color:#b00020;font-weight:bold}.warning{color:#b36b00}
.muted{color:#777}img{max-width:100%}.charts img{margin:4px 0}
section.first{page-break-after:always;break-after:page}
section.first table{font-size:14px}section.first td,section.first th{padding:5px 9px}
.facts{display:flex;flex-wrap:wrap;gap:4px 22px;font-size:14px;color:#333}.facts .label{color:#777}
.note{background:#FFF7E0;padding:10px 12px;border-radius:4px;font-size:14px;line-height:1.6}
ol.top{font-size:15px;line-height:1.7;padding-left:22px}
.badge{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;background:#5b7fa6;font-size:12px}
.badge.critical{background:#b00020}.badge.warning{background:#c77700}
@page{size:A4;margin:12mm}@page wide{size:A4 landscape;margin:10mm}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}body{margin:0}h2{break-after:avoid}tr,img,li{break-inside:avoid}thead{display:table-header-group}
.wide{page:wide}.wide table{font-size:10px}.details table{font-size:10.5px}}
"""
)
# Chart name → its title, for the image's alternative text.
CHART_TITLES = {
    "minutes": "分钟曲线",
    "gantt": "计划与实际时间线",
    "funnel": "转化漏斗",
    "products": "商品成交",
    "scorecards": "角色记分卡",
}


def _table(
    headers: list[str],
    rows: list[list[str]] | list[list[object]],
    text_columns: int = 1,
    last_text: bool = False,
    left: frozenset[int] | set[int] = frozenset(),
) -> str:
    """`text_columns` leading columns, the last one when `last_text` and those in `left` align left as text."""

    def klass(i: int) -> str:
        return "t" if i < text_columns or i in left or (last_text and i == len(headers) - 1) else ""

    head = "".join(f'<th class="{klass(i)}">{escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td class="{klass(i)}">{escape(str(c))}</td>' for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _image(png: bytes, alt: str) -> str:
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">'


def render_html(review: Review, charts: dict[str, bytes] | None = None, *, embed_font: bool = True) -> str:
    """The HTML text; `charts` maps chart name → PNG bytes (see livedesk.charts.review_figures). The first
    page is the boss's minute (report_summary); the detail sections follow on the next printed page."""
    charts = charts or {}
    names = review.names
    page = first_page(review)
    parts = [_first_page_html(page), "<section class='details'>"]
    if page.has_data:  # before an import every figure is "—": the first page already says what to import
        parts += _kpi_details(review)
    if charts:
        parts.append("<h2>图表</h2><div class='charts'>")
        parts += [_image(png, CHART_TITLES.get(name, "图表")) for name, png in charts.items()]
        parts.append("</div>")
    pva = review.plan_vs_actual
    # The two wide tables print on landscape pages (16 and 20 columns do not fit across portrait A4).
    parts.append("<div class='wide'><h2>计划与实际</h2>")
    parts.append(
        f"<p>实际来源：{escape(RUN_SOURCE_LABELS.get(pva.source, pva.source))} · 计划 {minutes(pva.planned_seconds)} · 实际 "
        f"{minutes(pva.actual_seconds)} · 超/欠 {minutes(pva.over_under_seconds)} · 顺序"
        f"{'未变' if pva.order_kept else ('有变化' if pva.order_kept is False else '—')}</p>"
    )
    # The same cells as the review page's tables (livedesk.import_export.review_rows), in the report's words.
    rows = [segment_row(s, names, review.zone, REPORT_LANG).cells for s in review.segments]
    parts.append(
        _table(
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
                "每分钟成交",
            ],
            rows,
            text_columns=4,
        )
    )
    buckets = review.buckets
    if buckets:
        parts.append(
            "<p class='muted'>"
            + " · ".join(
                f"{BUCKET_LABELS.get(name, name)}：{money(b.gmv_fen)} / {b.orders} 单"
                for name, b in buckets.items()
            )
            + "</p>"
        )
    parts.append("<h2>商品复盘</h2>")
    rows = [
        [p.name, ROLE_LABELS.get(p.role or "", "—"), *[show_value(k, p.value(k)) for k in PRODUCT_COLUMNS]]
        for p in review.products
    ]
    parts.append(
        _table(["商品", "角色", *[METRIC_LABELS.get(k, k) for k in PRODUCT_COLUMNS]], rows, text_columns=2)
        + "</div>"
    )
    parts.append("<h2>角色记分卡</h2>")
    rows = [
        [
            c.name,
            ROLE_LABELS.get(c.role or "", c.role or "—"),
            VERDICT_LABELS[c.verdict],
            "; ".join(
                f"{metric_label(ch.check)} {check_value(ch.check, ch.value)} / 阈值 {check_value(ch.check, ch.threshold)}"
                for ch in c.checks
            ),
        ]
        for c in review.roles.scorecards
    ]
    parts.append(_table(["商品", "角色", "结论", "检查项"], rows, text_columns=4))
    findings = counted_findings(review)
    parts.append(f"<h2>全部发现（{len(findings)} 条）</h2>" if findings else "<h2>发现</h2>")
    parts.append(
        "<ol>"
        + "".join(
            f"<li class='{escape(f.severity)}'>[{SEVERITY_LABELS.get(f.severity)}] "
            f"{escape(finding_zh(f, review))}</li>"
            for f in findings
        )
        + "</ol>"
        if findings
        else f"<p class='muted'>{escape(page.no_findings)}</p>"
    )
    parts.append("<h2>数据来源</h2>")
    rows = [
        [
            p.source_name,
            p.sheet or "—",
            DATASET_LABELS.get(p.kind, p.kind),
            FORMAT_LABELS.get(p.format, p.format),
            stamp(imported_at(p), review.zone),
            f"{p.rows_stored:,}",
        ]
        for p in review.provenance
    ]
    parts.append(
        _table(["文件", "工作表", "类型", "格式", "导入时间", "行数"], rows, text_columns=5)
        if rows
        else "<p class='muted'>尚未导入任何文件。</p>"
    )
    parts.append("</section>")
    body = "\n".join(parts)
    # The font carries exactly the characters of this page, so a 8 MB font costs a few tens of kilobytes.
    font = font_face_css(_visible_text(body) + page.title) if embed_font else ""
    return (
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{escape(page.title)}</title>"
        f"<style>{font}{STYLE}</style></head><body>\n{body}\n</body></html>"
    )


def _kpi_details(review: Review) -> list[str]:
    """Every KPI with its source, formula and the other sources' values."""
    parts = ["<h2>全部指标</h2>"]
    rows = []
    for key in METRIC_KEYS:
        metric = review.kpis[key]
        others = "; ".join(
            f"{show_value(key, a.value)}（{source_zh(a.source)}，差 {show_value(key, a.gap)}）"
            for a in metric.alternatives
        )
        rows.append(
            [
                METRIC_LABELS.get(key, key),
                show_value(key, metric.value) + ("（估算）" if metric.estimated else ""),
                kpi_source(metric),
                formula_zh(metric.formula or FORMULA_TEXT.get(key)),
                others or "—",
            ]
        )
    parts.append(
        _table(["指标", "数值", "来源", "公式", "其他来源(差值)"], rows, text_columns=1, left={2, 3, 4})
    )
    parts.append(
        "<p class='muted'>"
        + escape(" ".join(CAVEAT_LABELS[code] for code in ("gmv_includes_refunds", "gpm_per_views")))
        + " 比率均为总和之比。</p>"
    )
    return parts


def _visible_text(body: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", body))


def _first_page_html(page: FirstPage) -> str:
    facts = "".join(
        f"<div><span class='label'>{escape(label)}</span> {escape(value)}</div>"
        for label, value in page.facts
    )
    parts = [f"<section class='first'><h1>{escape(page.title)}</h1><div class='facts'>{facts}</div>"]
    if page.import_note:
        parts.append(f"<p class='note'>{escape(page.import_note)}</p>")
    parts.append("<h2>核心指标与目标</h2>")
    parts.append(_table(KPI_HEADERS, [k.cells() for k in page.kpis], text_columns=1, last_text=True))
    parts.append(f"<h2>{escape(page.findings_heading)}</h2>")
    if page.findings:
        parts.append(
            "<ol class='top'>"
            + "".join(
                f"<li><span class='badge {escape(f.severity)}'>{escape(f.severity_word)}</span> "
                f"{escape(f.text)}</li>"
                for f in page.findings
            )
            + "</ol>"
        )
    else:
        parts.append(f"<p class='muted'>{escape(page.no_findings)}</p>")
    parts.append("<h2>行动项</h2>")
    parts.append(
        _table(ACTION_HEADERS, [a.cells() for a in page.actions], text_columns=5)
        if page.actions
        else "<p class='muted'>暂无行动项：在复盘页的「发现」里选中一条，点「创建行动项…」。</p>"
    )
    parts.append("</section>")
    return "".join(parts)


def write_html(review: Review, path: Path, charts: dict[str, bytes] | None = None) -> Path:
    path = Path(path)
    path.write_text(render_html(review, charts), encoding="utf-8")
    return path
