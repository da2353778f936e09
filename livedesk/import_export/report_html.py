"""The review as one self-contained HTML file: tables plus charts embedded as base64 PNG (no external
files, opens offline in any browser)."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from livedesk.import_export.report_format import (
    ACTION_STATUS_LABELS,
    BUCKET_LABELS,
    DATASET_LABELS,
    FORMAT_LABELS,
    METRIC_LABELS,
    PLATFORM_LABELS,
    PRODUCT_COLUMNS,
    ROLE_LABELS,
    RUN_SOURCE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
    finding_zh,
    formula_zh,
    metric_label,
    minutes,
    product_names,
    segment_name,
    show,
    source_zh,
    stamp,
)

STYLE = """
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:17px;border-bottom:2px solid #2E7D5B;padding-bottom:3px;margin-top:28px}
table{border-collapse:collapse;font-size:12px;margin:6px 0}td,th{border:1px solid #ccd;padding:3px 6px;text-align:right}
th{background:#eef2f5}td.t,th.t{text-align:left}.critical{color:#b00020;font-weight:bold}.warning{color:#b36b00}
.muted{color:#777}img{max-width:100%}.charts img{margin:4px 0}
"""


def _table(headers: list[str], rows: list[list[str]], text_columns: int = 1) -> str:
    head = "".join(
        f'<th class="{"t" if i < text_columns else ""}">{escape(h)}</th>' for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"t" if i < text_columns else ""}">{escape(str(c))}</td>' for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _image(png: bytes, alt: str) -> str:
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">'


def render_html(review: dict, charts: dict[str, bytes] | None = None) -> str:
    """The HTML text; `charts` maps chart name → PNG bytes (see livedesk.charts.review_figures)."""
    charts = charts or {}
    session, names = review["session"], product_names(review)
    parts = [
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{escape(session['title'])} 复盘</title>"
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(session['title'])} · 复盘报告</h1>",
        f"<p class='muted'>开播 {escape(stamp(session['start']))} · 账号 {escape(session['account'] or '—')} · "
        f"平台 {escape(PLATFORM_LABELS.get(session['platform'], session['platform']))}{' · 示例数据' if session.get('is_sample') else ''}</p>",
    ]
    parts.append("<h2>核心指标</h2>")
    rows = []
    for key, detail in review["kpi_details"].items():
        others = "; ".join(
            f"{show(key, a['value'])} ({source_zh(a['source'])}, 差 {show(key, a['gap'])})"
            for a in detail["alternatives"]
        )
        rows.append(
            [
                METRIC_LABELS.get(key, key),
                show(key, detail["value"]) + (" (估算)" if detail["estimated"] else ""),
                source_zh(detail["source"]),
                formula_zh(detail["formula"]),
                others or "—",
            ]
        )
    parts.append(_table(["指标", "数值", "来源", "公式", "其他来源(差值)"], rows, text_columns=1))
    parts.append(
        "<p class='muted'>成交金额为用户实付：含运费与之后退款的订单，不含平台券，30 天内仍会更新。"
        "GPM 按观看次数计算，不是观看人数。比率均为总和之比。</p>"
    )
    if charts:
        parts.append("<h2>图表</h2><div class='charts'>")
        parts += [_image(png, name) for name, png in charts.items()]
        parts.append("</div>")
    pva = review["plan_vs_actual"]
    parts.append("<h2>计划与实际</h2>")
    parts.append(
        f"<p>实际来源：{escape(RUN_SOURCE_LABELS.get(pva['source'], pva['source']))} · 计划 {minutes(pva['planned_seconds'])} · 实际 "
        f"{minutes(pva['actual_seconds'])} · 超/欠 {minutes(pva['over_under_seconds'])} · 顺序"
        f"{'未变' if pva['order_kept'] else ('有变化' if pva['order_kept'] is False else '—')}</p>"
    )
    rows = [
        [
            ("" if s["index"] is None else s["index"] + 1),
            segment_name(s, names),
            ROLE_LABELS.get(s["role"], "—"),
            STATUS_LABELS.get(s["status"], s["status"]),
            (s["planned_start"] or "—")[11:16],
            minutes(s["planned_seconds"]),
            (s["actual_start"] or "—")[11:16],
            minutes(s["actual_seconds"]),
            minutes(s["delta_seconds"]),
            show("gmv", s["gmv"]),
            show("orders", s["orders"]),
            show("units", s["units"]),
            show("on_air_share", s["on_air_share"]),
            show("x", s["online_start"]),
            show("x", s["online_end"]),
            show("gmv_per_minute", s["gmv_per_minute"]),
        ]
        for s in review["segments"]
    ]
    parts.append(
        _table(
            [
                "#",
                "环节",
                "角色",
                "状态",
                "计划开始",
                "计划时长",
                "实际开始",
                "实际时长",
                "差",
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
    buckets = review.get("buckets") or {}
    if buckets:
        parts.append(
            "<p class='muted'>"
            + " · ".join(
                f"{BUCKET_LABELS.get(name, name)}：{show('gmv', b['gmv'])} / {b['orders']} 单"
                for name, b in buckets.items()
            )
            + "</p>"
        )
    parts.append("<h2>商品复盘</h2>")
    rows = [
        [p["name"], ROLE_LABELS.get(p["role"], "—"), *[show(k, p.get(k)) for k in PRODUCT_COLUMNS]]
        for p in review["products"]
    ]
    parts.append(
        _table(["商品", "角色", *[METRIC_LABELS.get(k, k) for k in PRODUCT_COLUMNS]], rows, text_columns=2)
    )
    parts.append("<h2>角色记分卡</h2>")
    rows = [
        [
            c["name"],
            ROLE_LABELS.get(c["role"], c["role"]),
            VERDICT_LABELS[c["verdict"]],
            "; ".join(
                f"{metric_label(ch['check'])} {_check(ch['value'], ch['check'])} / 阈值 {_check(ch['threshold'], ch['check'])}"
                for ch in c["checks"]
            ),
        ]
        for c in review["roles"]["scorecards"]
    ]
    parts.append(_table(["商品", "角色", "结论", "检查项"], rows, text_columns=4))
    parts.append("<h2>发现</h2>")
    parts.append(
        "<ol>"
        + "".join(
            f"<li class='{escape(f['severity'])}'>[{SEVERITY_LABELS.get(f['severity'])}] "
            f"{escape(finding_zh(f, names))}</li>"
            for f in review["findings"]
        )
        + "</ol>"
    )
    parts.append("<h2>行动项</h2>")
    rows = [
        [
            a["action"],
            a["owner"] or "—",
            metric_label(a["metric"]),
            f"{a['comparison']} {show(a['metric'], a['target'])}",
            ACTION_STATUS_LABELS.get(a["status"], a["status"]),
            show(a["metric"], a["verified_value"]),
            "上次带入" if a["carried"] else "本场",
        ]
        for a in review["actions"]
    ]
    parts.append(
        _table(["行动", "负责人", "验证指标", "目标", "状态", "验证值", "来源"], rows, text_columns=3)
        if rows
        else "<p class='muted'>暂无行动项</p>"
    )
    parts.append("<h2>数据来源</h2>")
    rows = [
        [
            p["source_name"],
            p["sheet"] or "—",
            DATASET_LABELS.get(p["kind"], p["kind"]),
            FORMAT_LABELS.get(p["format"], p["format"]),
            stamp(p["imported_at"]),
            p["rows_stored"],
        ]
        for p in review["provenance"]
    ]
    parts.append(_table(["文件", "工作表", "类型", "格式", "导入时间", "行数"], rows, text_columns=5))
    parts.append("</body></html>")
    return "\n".join(parts)


def _check(value, check: str) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}×" if check == "gmv_per_minute_ratio" else f"{value * 100:.1f}%"


def write_html(review: dict, path: Path, charts: dict[str, bytes] | None = None) -> Path:
    path = Path(path)
    path.write_text(render_html(review, charts), encoding="utf-8")
    return path
