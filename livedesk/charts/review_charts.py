"""Review charts drawn on a given Axes (Figure API, no pyplot) from the review JSON (yuan, fractions):
minute curves with segment bands and markers, funnel, per-product bars, plan-vs-actual Gantt, scorecards,
history trends. Labels are Chinese: call livedesk.charts.fonts.configure_matplotlib() first."""

from __future__ import annotations

from datetime import datetime

from livedesk.domain.roles import KIND_COLOURS, KIND_NAMES_ZH, ROLE_COLOURS, ROLE_NAMES_ZH, Role, SegmentKind

FUNNEL_LABELS = {"exposure_uv": "直播间曝光", "uv": "观看", "product_exposure_uv": "商品曝光",
                 "product_click_uv": "商品点击", "buyers": "成交"}
MARKER_LABELS = {"link_up": "上链接", "lucky_bag": "福袋", "encore": "返场", "incident": "事故", "note": "备注"}
NO_DATA = "无数据"


def segment_colour(segment: dict) -> str:
    if segment.get("role"):
        return ROLE_COLOURS[Role(segment["role"])]
    try:
        return KIND_COLOURS.get(SegmentKind(segment["kind"]), "#9AA5B1")
    except ValueError:
        return "#9AA5B1"


def _minutes_since(moment: str, origin: datetime) -> float:
    return (datetime.fromisoformat(moment) - origin).total_seconds() / 60


def _no_data(ax):
    ax.text(0.5, 0.5, NO_DATA, ha="center", va="center", transform=ax.transAxes, color="#888888")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def draw_minute_curves(ax, review: dict):
    """Online viewers (left axis) and GMV per minute in yuan (bars, right axis) over minutes from the start,
    with the actual segments as bands coloured by role (kind for non-product blocks) and markers as lines."""
    curves = review.get("curves") or {}
    minutes = curves.get("minute") or []
    if not minutes:
        return _no_data(ax)
    origin = datetime.fromisoformat(minutes[0])
    x = list(range(len(minutes)))
    for segment in review.get("segments", []):
        if segment.get("actual_start") and segment.get("actual_seconds"):
            start = _minutes_since(segment["actual_start"], origin)
            ax.axvspan(start, start + segment["actual_seconds"] / 60, color=segment_colour(segment), alpha=0.15, lw=0)
    gmv = [v if v is not None else 0 for v in curves.get("gmv") or []]
    twin = ax.twinx()
    if any(gmv):
        # One stepped area instead of a bar per minute: a 3-hour session would otherwise draw 180 patches.
        twin.fill_between(x, gmv, step="mid", color="#2E7D5B", alpha=0.45, lw=0, label="每分钟成交额(元)")
        twin.set_ylabel("每分钟成交额(元)")
    online = curves.get("online") or []
    points = [(i, v) for i, v in enumerate(online) if v is not None]
    if points:
        ax.plot([p[0] for p in points], [p[1] for p in points], color="#1F4E79", lw=1.6, label="在线人数")
    ax.set_ylabel("在线人数")
    ax.set_zorder(twin.get_zorder() + 1)
    ax.patch.set_visible(False)
    for marker in review.get("markers", []):
        at = _minutes_since(marker["at"], origin)
        ax.axvline(at, color="#C0504D", lw=0.8, ls="--")
        ax.text(at, 1.0, MARKER_LABELS.get(marker["marker"], marker["marker"] or ""), transform=ax.get_xaxis_transform(),
                rotation=90, va="top", ha="right", fontsize=7, color="#C0504D")
    step = max(1, len(minutes) // 10)
    ax.set_xticks(x[::step])
    ax.set_xticklabels([datetime.fromisoformat(m).strftime("%H:%M") for m in minutes[::step]], fontsize=8)
    ax.set_xlim(-0.5, len(minutes) - 0.5)
    ax.set_title("分钟曲线: 在线人数与每分钟成交额")
    return ax


def draw_funnel(ax, review: dict):
    """Horizontal funnel 直播间曝光 → 观看 → 商品曝光 → 点击 → 成交 (人数), with stage-to-stage rates."""
    stages = review.get("funnel") or []
    if not any(s["value"] is not None for s in stages):
        return _no_data(ax)
    labels = [FUNNEL_LABELS.get(s["stage"], s["stage"]) for s in stages]
    values = [s["value"] or 0 for s in stages]
    y = list(range(len(stages)))[::-1]
    ax.barh(y, values, color="#4A6FA5", height=0.6)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    previous = None
    for yi, stage in zip(y, stages):
        value = stage["value"]
        text = "—" if value is None else f"{value:,}"
        if value is not None and previous:
            text += f"  ({value / previous:.2%})"
        ax.text(max(values) * 0.01 + (value or 0), yi, text, va="center", fontsize=8)
        previous = value if value is not None else None
    ax.set_xlim(0, max(values) * 1.35 or 1)
    ax.set_title("转化漏斗 (人数)")
    return ax


def draw_product_bars(ax, review: dict, limit: int = 15):
    """GMV per product (yuan), largest first, coloured by role."""
    rows = [p for p in review.get("products", []) if p.get("gmv") is not None]
    if not rows:
        return _no_data(ax)
    rows = sorted(rows, key=lambda p: p["gmv"], reverse=True)[:limit]
    y = list(range(len(rows)))[::-1]
    colours = [ROLE_COLOURS[Role(p["role"])] if p.get("role") else "#9AA5B1" for p in rows]
    ax.barh(y, [p["gmv"] for p in rows], color=colours)
    ax.set_yticks(y)
    ax.set_yticklabels([str(p["name"])[:14] for p in rows], fontsize=8)
    for yi, p in zip(y, rows):
        ax.text(p["gmv"], yi, f" ¥{p['gmv']:,.0f}", va="center", fontsize=7)
    ax.set_xlabel("成交金额(元)")
    ax.set_title("商品成交金额")
    return ax


def draw_gantt(ax, review: dict):
    """Planned (hollow) vs actual (filled) bars per segment, in minutes from the planned start."""
    segments = review.get("segments", [])
    start = review.get("session", {}).get("start")
    if not segments or not start:
        return _no_data(ax)
    origin = datetime.fromisoformat(start)
    names = {p["product_id"]: str(p["name"])[:10] for p in review.get("products", [])}
    labels = []
    for row, segment in enumerate(segments):
        y = len(segments) - 1 - row
        colour = segment_colour(segment)
        if segment.get("planned_start") and segment.get("planned_seconds"):
            ax.barh(y + 0.18, segment["planned_seconds"] / 60, left=_minutes_since(segment["planned_start"], origin),
                    height=0.32, fill=False, edgecolor=colour, lw=1.2)
        if segment.get("actual_start") and segment.get("actual_seconds"):
            ax.barh(y - 0.18, segment["actual_seconds"] / 60, left=_minutes_since(segment["actual_start"], origin),
                    height=0.32, color=colour)
        kind = KIND_NAMES_ZH.get(SegmentKind(segment["kind"]), segment["kind"]) if segment["kind"] in set(SegmentKind) else segment["kind"]
        labels.append(f"{'' if segment['index'] is None else segment['index'] + 1} {kind} {names.get(segment.get('product_id'), segment.get('product_id') or '')}".strip())
    ax.set_yticks(range(len(segments)))
    ax.set_yticklabels(labels[::-1], fontsize=7)
    ax.set_xlabel("距计划开播(分钟)  空心=计划  实心=实际")
    ax.set_title("计划 vs 实际")
    return ax


def draw_scorecards(ax, review: dict):
    """One row per product scorecard: verdict by role (met green, not met red, unknown grey)."""
    cards = review.get("roles", {}).get("scorecards", [])
    if not cards:
        return _no_data(ax)
    colours = {"met": "#2E7D5B", "not_met": "#C0504D", None: "#B0B7BF"}
    words = {"met": "达标", "not_met": "未达标", None: "数据不足"}
    for row, card in enumerate(cards):
        y = len(cards) - 1 - row
        ax.barh(y, 1, color=colours[card["verdict"]])
        role = ROLE_NAMES_ZH.get(Role(card["role"]), card["role"])
        ax.text(0.02, y, f"{role} · {str(card['name'])[:16]}", va="center", fontsize=8, color="white")
        ax.text(0.98, y, words[card["verdict"]], va="center", ha="right", fontsize=8, color="white")
    ax.set_xlim(0, 1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title("角色记分卡")
    return ax


def draw_history(ax, history: list[dict], key: str = "gmv", label: str = "成交金额(元)"):
    """A KPI over past sessions of the account (oldest first); missing values leave gaps."""
    points = [(i, h["kpis"].get(key)) for i, h in enumerate(history)]
    if not any(v is not None for _, v in points):
        return _no_data(ax)
    xs = [i for i, v in points if v is not None]
    ax.plot(xs, [v for _, v in points if v is not None], marker="o", color="#1F4E79")
    ax.set_xticks(range(len(history)))
    ax.set_xticklabels([h["start"][5:10] for h in history], fontsize=8)
    ax.set_ylabel(label)
    ax.set_title(f"历史趋势: {label}")
    return ax
