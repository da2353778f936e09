"""The review as an XLSX workbook (XlsxWriter): KPIs, segments, products, roles, findings, actions and a
provenance sheet (source files, import times, metric definitions). Money in yuan, rates as % formats."""

from __future__ import annotations

from pathlib import Path

from livedesk.import_export.cell_safety import write_cell
from livedesk.import_export.report_format import (
    METRIC_LABELS,
    MONEY,
    PRODUCT_COLUMNS,
    RATES,
    ROLE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
    finding_zh,
    product_names,
    segment_name,
    source_zh,
)


def write_xlsx(review: dict, path: Path) -> Path:
    import xlsxwriter

    path = Path(path)
    book = xlsxwriter.Workbook(str(path))
    try:
        formats = {
            "head": book.add_format({"bold": True, "bg_color": "#EEF2F5", "border": 1}),
            "money": book.add_format({"num_format": "¥#,##0.00"}),
            "rate": book.add_format({"num_format": "0.00%"}),
            "count": book.add_format({"num_format": "#,##0"}),
            "text": None,
        }
        # Product names, notes and findings are the team's own text: one starting with = must stay text.
        quoted = book.add_format({"quote_prefix": True})
        names = product_names(review)

        def sheet(title: str, headers: list[str], rows: list[list], kinds: list[str], widths=None):
            ws = book.add_worksheet(title)
            ws.write_row(0, 0, headers, formats["head"])
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row):
                    # missing stays empty, never zero
                    write_cell(ws, r, c, value, None if value is None else formats.get(kinds[c]), quoted)
            for c, width in enumerate(widths or [14] * len(headers)):
                ws.set_column(c, c, width)
            ws.freeze_panes(1, 0)
            return ws

        def kind_of(key):
            return "money" if key in MONEY else "rate" if key in RATES else "text"

        kpi_rows = []
        for key, d in review["kpi_details"].items():
            other = d["alternatives"][0] if d["alternatives"] else None
            kpi_rows.append(
                [
                    key,
                    METRIC_LABELS.get(key, key),
                    d["value"],
                    source_zh(d["source"]),
                    d["formula"] or "导出值",
                    other["value"] if other else None,
                    source_zh(other["source"]) if other else None,
                    other["gap"] if other else None,
                    "估算" if d["estimated"] else None,
                    d["caveat"],
                ]
            )

        def kpi_kinds(key):
            return [
                "text",
                "text",
                kind_of(key),
                "text",
                "text",
                kind_of(key),
                "text",
                kind_of(key),
                "text",
                "text",
            ]

        ws = book.add_worksheet("KPIs")
        headers = [
            "key",
            "指标",
            "数值",
            "来源",
            "公式",
            "其他来源数值",
            "其他来源",
            "差值",
            "估算",
            "口径说明",
        ]
        ws.write_row(0, 0, headers, formats["head"])
        for r, row in enumerate(kpi_rows, start=1):
            for c, (value, kind) in enumerate(zip(row, kpi_kinds(row[0]), strict=False)):
                write_cell(ws, r, c, value, None if value is None else formats.get(kind), quoted)
        for c, width in enumerate([20, 22, 16, 34, 26, 16, 34, 14, 8, 50]):
            ws.set_column(c, c, width)
        ws.freeze_panes(1, 0)

        seg_keys = [
            "index",
            "name",
            "role",
            "status",
            "planned_start",
            "planned_seconds",
            "actual_start",
            "actual_seconds",
            "delta_seconds",
            "gmv",
            "orders",
            "units",
            "on_air_share",
            "online_start",
            "online_end",
            "gmv_per_minute",
        ]
        seg_rows = [
            [
                (s["index"] + 1 if s["index"] is not None else None),
                segment_name(s, names),
                ROLE_LABELS.get(s["role"]),
                STATUS_LABELS.get(s["status"], s["status"]),
                s["planned_start"],
                s["planned_seconds"],
                s["actual_start"],
                s["actual_seconds"],
                s["delta_seconds"],
                s["gmv"],
                s["orders"],
                s["units"],
                s["on_air_share"],
                s["online_start"],
                s["online_end"],
                s["gmv_per_minute"],
            ]
            for s in review["segments"]
        ]
        sheet(
            "Segments",
            [
                "#",
                "环节",
                "角色",
                "状态",
                "计划开始",
                "计划秒数",
                "实际开始",
                "实际秒数",
                "差(秒)",
                "成交额",
                "订单",
                "件数",
                "在讲商品占比",
                "开始在线",
                "结束在线",
                "每分钟成交额",
            ],
            seg_rows,
            [
                kind_of(k) if k in MONEY or k in RATES else ("count" if k in ("orders", "units") else "text")
                for k in seg_keys
            ],
            [5, 24, 8, 8, 24, 10, 24, 10, 10, 14, 8, 8, 12, 10, 10, 14],
        )

        prod_rows = [
            [p["product_id"], p["name"], ROLE_LABELS.get(p["role"]), *[p.get(k) for k in PRODUCT_COLUMNS]]
            for p in review["products"]
        ]
        sheet(
            "Products",
            ["商品ID", "商品", "角色", *[METRIC_LABELS.get(k, k) for k in PRODUCT_COLUMNS]],
            prod_rows,
            ["text", "text", "text", *[kind_of(k) for k in PRODUCT_COLUMNS]],
            [14, 22, 8] + [13] * len(PRODUCT_COLUMNS),
        )

        role_rows = [
            [
                c["product_id"],
                c["name"],
                ROLE_LABELS.get(c["role"]),
                VERDICT_LABELS[c["verdict"]],
                ch["check"],
                ch["value"],
                ch["threshold"],
                {True: "达标", False: "未达标", None: "数据不足"}[ch["met"]],
            ]
            for c in review["roles"]["scorecards"]
            for ch in c["checks"]
        ]
        sheet(
            "Roles",
            ["商品ID", "商品", "角色", "结论", "检查项", "数值", "阈值", "判定"],
            role_rows,
            ["text"] * 8,
            [14, 22, 8, 10, 24, 12, 12, 10],
        )

        finding_rows = [
            [
                f["code"],
                SEVERITY_LABELS.get(f["severity"]),
                finding_zh(f, names),
                ", ".join(f"{k}={v}" for k, v in f["evidence"].items()),
                ", ".join(f"{k}={v}" for k, v in (f.get("subject") or {}).items()),
            ]
            for f in review["findings"]
        ]
        sheet(
            "Findings",
            ["代码", "级别", "发现", "证据", "对象"],
            finding_rows,
            ["text"] * 5,
            [26, 8, 80, 50, 20],
        )

        action_rows = [
            [
                a["action"],
                a["owner"],
                a["metric"],
                a["comparison"],
                a["target"],
                a["status"],
                a["verified_value"],
                "上次带入" if a["carried"] else "本场",
                a["finding_code"],
                a["subject"],
            ]
            for a in review["actions"]
        ]
        sheet(
            "Actions",
            ["行动", "负责人", "验证指标", "比较", "目标", "状态", "验证值", "来源", "发现代码", "对象"],
            action_rows,
            ["text"] * 10,
            [30, 10, 20, 6, 10, 10, 10, 10, 24, 16],
        )

        prov_rows = [
            [
                p["source_name"],
                p["sheet"],
                p["kind"],
                p["format"],
                p["imported_at"],
                p["rows_stored"],
                p["rows_skipped"],
            ]
            for p in review["provenance"]
        ]
        prov_rows.append([])
        prov_rows += [
            [f"定义: {key}", METRIC_LABELS.get(key, key), formula]
            for key, formula in review["definitions"].items()
        ]
        sheet(
            "Provenance",
            ["文件", "工作表", "类型", "格式", "导入时间", "行数", "跳过行数"],
            prov_rows,
            ["text"] * 7,
            [34, 22, 30, 18, 26, 10, 10],
        )
    finally:
        book.close()
    return path
