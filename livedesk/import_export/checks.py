"""Cross-sheet and cross-file checks, reported as findings with the size of the gap (never silently fixed).

GPM implies a whole number of views; 客单价 = GMV / 成交人数; product GMV sums to the session's; orders sum
to the workbook's GMV. Displayed values are rounded, so each check allows for that rounding. Each finding
says its sentence as a code with values ("says"), worded by the UI and the CLI in the user's language.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from livedesk.domain.dataset import DatasetKind
from livedesk.domain.message import Message


def summary_values(table: pa.Table) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in zip(table.column("key").to_pylist(), table.column("value").to_pylist(), strict=False):
        if key is not None and value is not None and key not in out:
            out[key] = value
    return out


def _says(code: str, **params) -> dict:
    """The check's sentence as a code and its values (JSON, as findings are stored; Message.from_json reads
    it back); words at the edge (livedesk.words.messages, codes `check.*`)."""
    return Message(f"check.{code}", params).to_json()


def _display_error_fen(amount_fen: float) -> float:
    """Half of the unit the amount was shown in: whole yuan (¥236,552) or fen (¥26,439.25)."""
    return 50.0 if amount_fen % 100 == 0 else 0.5


def gpm_views(values: dict[str, float]) -> dict | None:
    gmv, gpm = values.get("gmv_fen"), values.get("gpm_fen")
    if not gmv or not gpm:
        return None
    implied = gmv / gpm * 1000
    tolerance = implied * (0.5 / gpm + _display_error_fen(gmv) / gmv) + 1e-9
    nearest = round(implied)
    gap = abs(implied - nearest)
    finding = {
        "code": "gpm_implies_views",
        "ok": gap <= tolerance,
        "implied_pv": round(implied, 4),
        "gap": round(gap, 4),
        "tolerance": round(tolerance, 4),
        "unit": "views",
    }
    if values.get("pv") is not None:
        finding["pv"] = values["pv"]
        finding["pv_gap"] = round(implied - values["pv"], 4)
        finding["ok"] = finding["ok"] and abs(implied - values["pv"]) <= max(tolerance, 0.5)
    finding["says"] = _says(
        "gpm_implies_views" if finding["ok"] else "gpm_implies_views_gap", implied=implied, gap=gap
    )
    return finding


def aov(values: dict[str, float]) -> dict | None:
    gmv, shown = values.get("gmv_fen"), values.get("aov_fen")
    buyers, estimated = values.get("buyers"), False
    if buyers is None and values.get("uv") and values.get("watch_to_buy_rate") is not None:
        buyers, estimated = round(values["uv"] * values["watch_to_buy_rate"]), True
    if not gmv or not shown or not buyers:
        return None
    expected = gmv / buyers
    gap = shown - expected
    tolerance = 0.5 + _display_error_fen(gmv) / buyers
    return {
        "code": "aov_matches_gmv_per_buyer",
        "ok": abs(gap) <= tolerance,
        "expected_fen": round(expected, 2),
        "actual_fen": shown,
        "gap": round(gap, 2),
        "unit": "fen",
        "buyers": buyers,
        "buyers_estimated": estimated,
        "says": _says("aov_matches_gmv_per_buyer", actual_fen=shown, expected_fen=expected, gap_fen=gap),
    }


def product_gmv(values: dict[str, float], products: pa.Table) -> dict | None:
    gmv = values.get("gmv_fen")
    if gmv is None or products.num_rows == 0:
        return None
    rows = products.filter(pc.invert(pc.fill_null(products.column("is_sku_row"), False)))
    amounts = rows.column("gmv_fen")
    if amounts.null_count == len(amounts):
        return None
    total = pc.sum(amounts).as_py() or 0
    gap = total - gmv
    tolerance = 50 * rows.num_rows + _display_error_fen(gmv)
    return {
        "code": "product_gmv_sums_to_session",
        "ok": abs(gap) <= tolerance,
        "expected_fen": gmv,
        "actual_fen": total,
        "gap": gap,
        "gap_ratio": round(gap / gmv, 6) if gmv else None,
        "unit": "fen",
        "says": _says("product_gmv_sums_to_session", actual_fen=total, expected_fen=gmv, gap_fen=gap),
    }


def orders_vs_summary(orders_gmv_fen: int, summary_gmv_fen: float, source: str) -> dict:
    gap = orders_gmv_fen - summary_gmv_fen
    tolerance = _display_error_fen(summary_gmv_fen)
    return {
        "code": "orders_sum_to_workbook_gmv",
        "ok": abs(gap) <= tolerance,
        "expected_fen": summary_gmv_fen,
        "actual_fen": orders_gmv_fen,
        "gap": gap,
        "gap_ratio": round(gap / summary_gmv_fen, 6) if summary_gmv_fen else None,
        "unit": "fen",
        "against": source,
        "says": _says(
            "orders_sum_to_workbook_gmv",
            actual_fen=orders_gmv_fen,
            expected_fen=summary_gmv_fen,
            gap_fen=gap,
            source=source,
        ),
    }


def workbook_findings(datasets) -> list[dict]:
    by_kind = {d.kind: d for d in datasets}
    summary = by_kind.get(DatasetKind.SUMMARY)
    if summary is None:
        return []
    values = summary_values(summary.table)
    findings = [gpm_views(values), aov(values)]
    if DatasetKind.PRODUCTS in by_kind:
        findings.append(product_gmv(values, by_kind[DatasetKind.PRODUCTS].table))
    return [f for f in findings if f is not None]
