"""The first page of a review report, the one the boss reads in a minute: the session, the KPIs against their
targets with sources, the three most important findings and the action items with owners. Built once as words
and numbers, so the HTML, the PDF and the XLSX's first sheet say the same things in the same words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from livedesk.analysis.metrics import Metric
from livedesk.analysis.review import Review
from livedesk.analysis.review_types import ReviewAction
from livedesk.import_export import import_state
from livedesk.import_export.finding_rank import most_important
from livedesk.import_export.report_format import (
    ACTION_STATUS_LABELS,
    METRIC_LABELS,
    PLATFORM_LABELS,
    SEVERITY_LABELS,
    finding_zh,
    show,
    show_value,
    source_zh,
    stamp,
)
from livedesk.import_export.review_rows import targets_of

# The KPIs of the first page: what sold, to how many, how well they converted. Targeted ones come first.
FIRST_PAGE_KEYS = ("gmv", "uv", "uv_value", "watch_to_buy_rate", "gpm", "buyers", "orders", "aov", "roi")
TOP_FINDINGS = 3
COMPARISON_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


@dataclass(frozen=True)
class KpiLine:
    """One KPI of the first page, value and target in the review's units (money in fen)."""

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
        return [
            self.label,
            show_value(self.key, self.value),
            show_value(self.key, self.target),
            verdict,
            self.source,
        ]


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


def duration(seconds: float | None) -> str:
    """3 小时 05 分, 45 分, or — when unknown."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours} 小时 {rest:02d} 分" if hours else f"{rest} 分"


def kpi_source(metric: Metric | None) -> str:
    """Where the value comes from, short: the file and sheet, or the formula it is computed by."""
    if metric is None or metric.value is None:
        return "—"
    return source_zh(metric.source)


def _facts(review: Review) -> list[tuple[str, str]]:
    session, pva = review.session, review.plan_vs_actual
    planned = pva.planned_seconds or session.planned_seconds
    # Without a live log or explanation records the "actual" run is the plan itself: not a measured length.
    actual = pva.actual_seconds if pva.source in ("log", "explanations") else None
    facts = [
        ("账号", session.account or "—"),
        ("平台", PLATFORM_LABELS.get(session.platform, session.platform or "—")),
        ("开播", stamp(session.start, review.zone)),
        ("时长", f"计划 {duration(planned)} · 实际 {duration(actual)}"),
    ]
    if session.is_sample:
        facts.append(("数据", "示例数据"))
    return facts


def _kpis(review: Review) -> list[KpiLine]:
    targets = targets_of(review.session)
    keys = [k for k in targets if targets[k] is not None] + [k for k in FIRST_PAGE_KEYS if k not in targets]
    return [
        KpiLine(
            key,
            METRIC_LABELS.get(key, key),
            review.kpis[key].value if key in review.kpis else None,
            targets.get(key),
            kpi_source(review.kpis.get(key)),
        )
        for key in keys
    ]


def action_line(action: ReviewAction) -> ActionLine:
    """An action item's line; its target and verified value are in the item's own unit (yuan for money)."""
    item = action.item
    metric = item.metric
    check = "—"
    if metric:
        sign = COMPARISON_SIGNS.get(item.comparison or "", item.comparison or "")
        check = f"{METRIC_LABELS.get(metric, metric)} {sign} {show(metric, item.target)}".strip()
    status = ACTION_STATUS_LABELS.get(action.status, str(action.status))
    if action.verified_value is not None:
        status += f"（验证值 {show(metric, action.verified_value)}）"
    return ActionLine(item.action, item.owner or "—", check, status, "上次带入" if action.carried else "本场")


def first_page(review: Review) -> FirstPage:
    findings = import_state.counted_findings(review)
    # Carried items first: they are the ones the last meeting promised to check.
    actions = sorted(review.actions, key=lambda a: not a.carried)
    return FirstPage(
        title=f"{review.session.title} · 复盘报告",
        facts=_facts(review),
        import_note=import_state.import_note(review, _say(), in_report=True),
        kpis=_kpis(review),
        findings=[
            FindingLine(f.severity, finding_zh(f, review))
            for f in most_important(findings, review, TOP_FINDINGS)
        ],
        findings_total=len(findings),
        actions=[action_line(a) for a in actions],
        has_data=import_state.has_platform_data(review),
    )


def _say() -> Callable[[str], str]:
    from livedesk.translations import sayer

    return sayer("zh_CN")
