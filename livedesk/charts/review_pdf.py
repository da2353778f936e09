"""The review as an A4 PDF in Chinese through matplotlib's PdfPages (Qt-free, the bundled font embedded):
KPIs, charts, segments, products, findings and actions."""

from __future__ import annotations

import textwrap
from pathlib import Path

from livedesk.charts import review_charts
from livedesk.charts.fonts import configure_matplotlib
from livedesk.import_export.report_format import (
    ACTION_STATUS_LABELS,
    METRIC_LABELS,
    ROLE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    finding_zh,
    metric_label,
    minutes,
    product_names,
    segment_name,
    show,
    source_zh,
    stamp,
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


def write_pdf(review: dict, path: Path) -> Path:
    configure_matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    session, names = review["session"], product_names(review)
    with PdfPages(str(path)) as pdf:
        figure = _page(pdf, f"{session['title']} · 复盘报告")
        figure.text(
            0.5,
            0.945,
            f"开播 {stamp(session['start'])}   账号 {session['account'] or '—'}",
            ha="center",
            fontsize=8,
            color="#555555",
        )
        ax = figure.add_axes((0.05, 0.40, 0.9, 0.52))
        ax.axis("off")
        rows = [
            [METRIC_LABELS.get(k, k), show(k, d["value"]), source_zh(d["source"])[:40]]
            for k, d in review["kpi_details"].items()
        ]
        table = ax.table(
            cellText=rows,
            colLabels=["指标", "数值", "来源"],
            colWidths=[0.3, 0.22, 0.48],
            loc="upper center",
            cellLoc="left",
        )
        table.auto_set_font_size(False)
        table.set_fontsize(7.5)
        review_charts.draw_funnel(figure.add_axes((0.16, 0.05, 0.78, 0.28)), review)
        pdf.savefig(figure)

        figure = _page(pdf, "分钟曲线、计划与实际")
        review_charts.draw_minute_curves(
            figure.add_axes((0.08, 0.58, 0.84, 0.28)), review
        )  # room for the marker lane
        review_charts.draw_gantt(figure.add_axes((0.2, 0.05, 0.75, 0.46)), review)
        pdf.savefig(figure)

        figure = _page(pdf, "商品与角色")
        review_charts.draw_product_bars(figure.add_axes((0.25, 0.52, 0.68, 0.40)), review)
        review_charts.draw_scorecards(figure.add_axes((0.08, 0.05, 0.86, 0.40)), review)
        pdf.savefig(figure)

        rows = [
            [
                ("" if s["index"] is None else str(s["index"] + 1)),
                segment_name(s, names)[:18],
                ROLE_LABELS.get(s["role"], "—"),
                STATUS_LABELS.get(s["status"], s["status"]),
                minutes(s["planned_seconds"]),
                minutes(s["actual_seconds"]),
                show("gmv", s["gmv"]),
                show("orders", s["orders"]),
                show("on_air_share", s["on_air_share"]),
            ]
            for s in review["segments"]
        ]
        _table_page(
            pdf,
            "环节归因",
            ["#", "环节", "角色", "状态", "计划", "实际", "成交额", "订单", "在讲占比"],
            rows,
            [0.05, 0.25, 0.08, 0.09, 0.09, 0.09, 0.15, 0.09, 0.11],
        )

        lines = []
        for i, finding in enumerate(review["findings"], start=1):
            wrapped = textwrap.wrap(
                f"{i}. [{SEVERITY_LABELS.get(finding['severity'])}] {finding_zh(finding, names)}", 44
            )
            lines += wrapped
        for action in review["actions"]:
            lines.append(
                f"□ {action['action']} · {action['owner'] or '—'} · {metric_label(action['metric'])} "
                f"{action['comparison']} "
                f"{show(action['metric'], action['target'])} · {ACTION_STATUS_LABELS.get(action['status'])}"
            )
        for start in range(0, max(len(lines), 1), 60):
            figure = _page(pdf, "发现与行动项")
            figure.text(
                0.06,
                0.93,
                "\n".join(lines[start : start + 60]) or "无",
                va="top",
                fontsize=8,
                linespacing=1.5,
            )
            pdf.savefig(figure)
    return path
