"""The first page of a review report, the one the boss reads in a minute: the session, the KPIs against their
targets with sources, the three most important findings and the action items with owners. Built once as words
and numbers, so the HTML, the PDF and the XLSX's first sheet say the same things in the same words."""

from __future__ import annotations

from dataclasses import dataclass

from livedesk.import_export import import_state
from livedesk.import_export.finding_rank import most_important
from livedesk.import_export.report_format import (
    ACTION_STATUS_LABELS,
    METRIC_LABELS,
    PLATFORM_LABELS,
    SEVERITY_LABELS,
    finding_zh,
    product_names,
    show,
    source_zh,
    stamp,
)

# The KPIs of the first page: what sold, to how many, how well they converted. Targeted ones come first.
FIRST_PAGE_KEYS = ("gmv", "uv", "uv_value", "watch_to_buy_rate", "gpm", "buyers", "orders", "aov", "roi")
TOP_FINDINGS = 3
COMPARISON_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


@dataclass(frozen=True)
class KpiLine:
    key: str
    label: str
    value: float | None
    target: float | None
    source: str

    @property
    def achieved(self) -> float | None:
        """Value over target (1.0 = on target); None without either."""
        if self.value is None or not self.target:
            return None
        return self.value / self.target

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        if self.value is None:
            return "数据不足"
        return "达成" if self.value >= self.target else "未达成"

    def cells(self) -> list[str]:
        """指标, 实际, 目标, 达成, 来源 as printed."""
        if self.target is None:
            verdict = "—"
        elif self.achieved is None:
            verdict = self.verdict
        else:
            verdict = f"{self.achieved * 100:.0f}% {self.verdict}"
        return [self.label, show(self.key, self.value), show(self.key, self.target), verdict, self.source]


@dataclass(frozen=True)
class FindingLine:
    severity: str
    text: str

    @property
    def severity_word(self) -> str:
        return SEVERITY_LABELS.get(self.severity, self.severity)


@dataclass(frozen=True)
class ActionLine:
    action: str
    owner: str
    check: str
    status: str
    origin: str

    def cells(self) -> list[str]:
        return [self.action, self.owner, self.check, self.status, self.origin]


@dataclass(frozen=True)
class FirstPage:
    title: str
    facts: list[tuple[str, str]]
    import_note: str
    kpis: list[KpiLine]
    findings: list[FindingLine]
    findings_total: int
    actions: list[ActionLine]
    has_data: bool

    @property
    def no_findings(self) -> str:
        """What stands where findings would be: none found, or none possible before an import."""
        return "没有发现。" if self.has_data else "导入平台数据后才有发现。"

    @property
    def findings_heading(self) -> str:
        if not self.findings_total:
            return "发现"
        return f"最重要的 {len(self.findings)} 条发现（共 {self.findings_total} 条）"


KPI_HEADERS = ["指标", "实际", "目标", "达成", "来源"]
ACTION_HEADERS = ["行动", "负责人", "验证", "状态", "来源"]


def duration(seconds) -> str:
    """3 小时 05 分, 45 分, or — when unknown."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours} 小时 {rest:02d} 分" if hours else f"{rest} 分"


def kpi_source(detail: dict | None) -> str:
    """Where the value comes from, short: the file and sheet, or the formula it is computed by."""
    if not detail or detail.get("value") is None:
        return "—"
    return source_zh(detail.get("source"))


def _facts(review: dict) -> list[tuple[str, str]]:
    session, pva = review["session"], review.get("plan_vs_actual") or {}
    platform = session.get("platform")
    planned = pva.get("planned_seconds") or session.get("planned_seconds")
    # Without a live log or explanation records the "actual" run is the plan itself: not a measured length.
    actual = pva.get("actual_seconds") if pva.get("source") in ("log", "explanations") else None
    facts = [
        ("账号", session.get("account") or "—"),
        ("平台", PLATFORM_LABELS.get(platform, platform or "—")),
        ("开播", stamp(session.get("start"))),
        ("时长", f"计划 {duration(planned)} · 实际 {duration(actual)}"),
    ]
    if session.get("is_sample"):
        facts.append(("数据", "示例数据"))
    return facts


def _kpis(review: dict) -> list[KpiLine]:
    targets = review["session"].get("targets") or {}
    details = review.get("kpi_details") or {}
    keys = [k for k in targets if targets[k] is not None] + [k for k in FIRST_PAGE_KEYS if k not in targets]
    return [
        KpiLine(
            key,
            METRIC_LABELS.get(key, key),
            (details.get(key) or {}).get("value"),
            targets.get(key),
            kpi_source(details.get(key)),
        )
        for key in keys
    ]


def action_line(action: dict) -> ActionLine:
    metric = action.get("metric")
    check = "—"
    if metric:
        sign = COMPARISON_SIGNS.get(action.get("comparison") or "", action.get("comparison") or "")
        check = f"{METRIC_LABELS.get(metric, metric)} {sign} {show(metric, action.get('target'))}".strip()
    status = ACTION_STATUS_LABELS.get(action["status"], action["status"])
    if action.get("verified_value") is not None:
        status += f"（验证值 {show(metric, action['verified_value'])}）"
    return ActionLine(
        action["action"],
        action.get("owner") or "—",
        check,
        status,
        "上次带入" if action.get("carried") else "本场",
    )


def first_page(review: dict) -> FirstPage:
    names = product_names(review)
    findings = import_state.counted_findings(review)
    # Carried items first: they are the ones the last meeting promised to check.
    actions = sorted(review.get("actions") or [], key=lambda a: not a.get("carried"))
    return FirstPage(
        title=f"{review['session']['title']} · 复盘报告",
        facts=_facts(review),
        import_note=import_state.import_note(review, _say(), in_report=True),
        kpis=_kpis(review),
        findings=[
            FindingLine(f["severity"], finding_zh(f, names))
            for f in most_important(findings, review, TOP_FINDINGS)
        ],
        findings_total=len(findings),
        actions=[action_line(a) for a in actions],
        has_data=import_state.has_platform_data(review),
    )


def _say():
    from livedesk.translations import sayer

    return sayer("zh_CN")
