"""The review as an A4 PDF in Chinese through matplotlib's PdfPages (Qt-free, the bundled font embedded):
KPIs, charts, segments, products, findings and actions."""

from __future__ import annotations

from pathlib import Path

from livedesk.analysis.metrics import FORMULA_TEXT, METRIC_KEYS
from livedesk.analysis.review import Review
from livedesk.charts import review_charts
from livedesk.charts.fonts import configure_matplotlib
from livedesk.charts.pdf_flow import Column, PageFlow
from livedesk.import_export.import_state import counted_findings
from livedesk.import_export.report_format import (
    CAVEAT_LABELS,
    METRIC_LABELS,
    ROLE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    finding_zh,
    formula_zh,
    minutes,
    money,
    segment_name,
    show_value,
)
from livedesk.import_export.report_summary import (
    ACTION_HEADERS,
    KPI_HEADERS,
    FirstPage,
    first_page,
    kpi_source,
)

A4 = (8.27, 11.69)
ROWS_PER_PAGE = 38


def _page(pdf, title: str):
    from matplotlib.figure import Figure

    figure = Figure(figsize=A4)
    figure.text(0.5, 0.975, title, ha="center", va="top", fontsize=13)
    return figure


def _table_page(pdf, title: str, headers: list[str], rows: list[list[str]], widths: list[float]):
    for start in range(0, max(len(rows), 1), ROWS_PER_PAGE):
        figure = _page(pdf, title)
        ax = figure.add_axes((0.04, 0.03, 0.92, 0.91))
        ax.axis("off")
        chunk = rows[start : start + ROWS_PER_PAGE] or [["—"] * len(headers)]
        table = ax.table(
            cellText=chunk, colLabels=headers, colWidths=widths, loc="upper center", cellLoc="left"
        )
        table.auto_set_font_size(False)
        table.set_fontsize(7)
        table.scale(1, 1.25)
        pdf.savefig(figure)


def write_pdf(review: Review, path: Path) -> Path:
    configure_matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    names = review.names
    page = first_page(review)
    with PdfPages(str(path)) as pdf:
        _first_page(pdf, page)
        if page.has_data:  # before an import every figure is "—" and every chart empty: page one says so
            _all_kpis(pdf, review)
            if review_charts.has_data(review_charts.draw_funnel, review):
                figure = _page(pdf, "转化漏斗")
                review_charts.draw_funnel(figure.add_axes((0.16, 0.55, 0.78, 0.36)), review)
                pdf.savefig(figure)

        curve = review_charts.has_data(review_charts.draw_minute_curves, review)
        gantt = review_charts.has_data(review_charts.draw_gantt, review)
        if curve or gantt:
            figure = _page(pdf, "分钟曲线、计划与实际" if curve else "计划与实际")
            if curve:  # room above the plot for the marker lane
                review_charts.draw_minute_curves(figure.add_axes((0.08, 0.58, 0.84, 0.28)), review)
            if gantt:
                review_charts.draw_gantt(figure.add_axes((0.2, 0.05, 0.75, 0.46)), review)
            pdf.savefig(figure)

        bars = review_charts.has_data(review_charts.draw_product_bars, review)
        cards = review_charts.has_data(review_charts.draw_scorecards, review)
        if bars or cards:
            figure = _page(pdf, "商品与角色")
            if bars:
                review_charts.draw_product_bars(figure.add_axes((0.25, 0.52, 0.68, 0.40)), review)
            if cards:
                review_charts.draw_scorecards(figure.add_axes((0.08, 0.05, 0.86, 0.40)), review)
            pdf.savefig(figure)

        rows = [
            [
                ("" if s.index is None else str(s.index + 1)),
                segment_name(s, names)[:18],
                ROLE_LABELS.get(s.role or "", "—"),
                STATUS_LABELS.get(s.status, s.status),
                minutes(s.planned_seconds),
                minutes(s.actual_seconds),
                money(s.gmv_fen),
                show_value("orders", s.orders),
                show_value("on_air_share", s.on_air_share),
            ]
            for s in review.segments
        ]
        _table_page(
            pdf,
            "环节归因",
            ["#", "环节", "角色", "状态", "计划", "实际", "成交额", "订单", "在讲占比"],
            rows,
            [0.05, 0.25, 0.08, 0.09, 0.09, 0.09, 0.15, 0.09, 0.11],
        )

        findings = counted_findings(review)
        if findings:
            flow = PageFlow(pdf)
            flow.new_page(f"全部发现（{len(findings)} 条）")
            for i, finding in enumerate(findings, start=1):
                flow.item(
                    f"{i}. [{SEVERITY_LABELS.get(finding.severity)}]",
                    finding_zh(finding, review),
                    size=9,
                    prefix_color=SEVERITY_COLOURS.get(finding.severity, "#222222"),
                )
            flow.close()
    return path


SEVERITY_COLOURS = {"critical": "#B00020", "warning": "#A35F00", "info": "#333333"}
# The same headers as the HTML and the XLSX (report_summary); widths as fractions of the text width.
KPI_COLUMNS = [
    Column(header, width, align)
    for header, width, align in zip(
        KPI_HEADERS,
        (0.22, 0.13, 0.13, 0.13, 0.39),
        ("left", "right", "right", "right", "left"),
        strict=True,
    )
]
ACTION_COLUMNS = [
    Column(header, width)
    for header, width in zip(ACTION_HEADERS, (0.29, 0.12, 0.22, 0.25, 0.12), strict=True)
]


def _all_kpis(pdf, review: Review) -> None:
    """Every KPI with its value, source and formula, wrapped rather than cut."""
    flow = PageFlow(pdf)
    flow.new_page("全部指标")
    columns = [
        Column("指标", 0.22),
        Column("数值", 0.15, "right"),
        Column("来源", 0.41),
        Column("公式", 0.22),
    ]
    rows = [
        [
            METRIC_LABELS.get(k, k),
            show_value(k, review.kpis[k].value),
            kpi_source(review.kpis[k]),
            formula_zh(review.kpis[k].formula or FORMULA_TEXT.get(k)),
        ]
        for k in METRIC_KEYS
    ]
    flow.table(columns, rows, size=8.5)
    flow.gap(6)
    flow.paragraph(
        " ".join(CAVEAT_LABELS[c] for c in ("gmv_includes_refunds", "gpm_per_views")), 8, "#666666"
    )
    flow.close()


def _first_page(pdf, page: FirstPage) -> None:
    """The page the boss reads in a minute (report_summary.first_page), flowing on if the items are many."""
    flow = PageFlow(pdf)
    flow.new_page(page.title)
    # Two short lines rather than one that wraps between a label and its value.
    facts = [f"{label} {value}" for label, value in page.facts]
    for line in ("    ".join(facts[:3]), "    ".join(facts[3:])):
        flow.paragraph(line, size=10, color="#555555")
    if page.import_note:
        flow.gap(4)
        flow.paragraph(page.import_note, size=9.5, box="#FFF7E0")
    flow.heading("核心指标与目标")
    flow.table(KPI_COLUMNS, [k.cells() for k in page.kpis], size=9.5)
    flow.heading(page.findings_heading)
    if page.findings:
        for i, finding in enumerate(page.findings, start=1):
            flow.item(
                f"{i}. [{finding.severity_word}]",
                finding.text,
                size=11,
                prefix_color=SEVERITY_COLOURS.get(finding.severity, "#222222"),
            )
    else:
        flow.paragraph(page.no_findings, size=9.5, color="#777777")
    flow.heading("行动项")
    if page.actions:
        flow.table(ACTION_COLUMNS, [a.cells() for a in page.actions], size=9.5)
    else:
        flow.paragraph(
            "暂无行动项：在复盘页的「发现」里选中一条，点「创建行动项…」。", size=9.5, color="#777777"
        )
    flow.close()
