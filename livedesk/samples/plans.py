"""The sample brand's pool and its two session plans: a past 3-hour session and the upcoming one a week later.

Both follow the wave 引流 → 利润 → 利润 → 清仓 → 利润 → 形象 with an interaction every 15–20 minutes,
an encore and a 15-minute closing; every pitch's step budgets add up to its planned length.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from livedesk.domain.product import Product
from livedesk.domain.roles import PITCH_STEPS, Role, SegmentKind
from livedesk.domain.session import ChecklistItem, Segment, Session, SessionPlan, StepBudget, Targets
from livedesk.samples.catalog import ACCOUNT, CATALOG, CatalogItem
from livedesk.samples.scripts import compose_scripts
from livedesk.words import ROLES

ZONE = "Asia/Shanghai"
PAST_START = datetime(2026, 11, 14, 20, 0, tzinfo=ZoneInfo(ZONE))
UPCOMING_START = datetime(2026, 11, 21, 20, 0, tzinfo=ZoneInfo(ZONE))
STEP_SHARES = (15, 30, 20, 20, 15)  # percent of a pitch per step, in speaking order
TEAM = {
    "host": "小满",
    "co_host": "阿禾",
    "director": "老周",
    "ad_buyer": "Kiki",
    "private_domain": "青青",
    "customer_service": "团团",
}

# Run orders as (kind, catalogue index, minutes, interaction title); indexes refer to CATALOG.
_O, _P, _I, _E, _C = (
    SegmentKind.OPENING,
    SegmentKind.PITCH,
    SegmentKind.INTERACTION,
    SegmentKind.ENCORE,
    SegmentKind.CLOSING,
)
PAST_RUN = (
    (_O, 0, 10, ""),
    (_P, 1, 4, ""),
    (_P, 2, 12, ""),
    (_I, None, 3, "福袋"),
    (_P, 3, 12, ""),
    (_P, 16, 4, ""),
    (_I, None, 3, "问答抽奖"),
    (_P, 4, 12, ""),
    (_P, 15, 6, ""),
    (_I, None, 3, "福袋"),
    (_P, 0, 4, ""),
    (_P, 13, 12, ""),
    (_I, None, 3, "福袋"),
    (_P, 7, 12, ""),
    (_P, 17, 4, ""),
    (_I, None, 3, "问答抽奖"),
    (_P, 5, 12, ""),
    (_P, 15, 6, ""),
    (_I, None, 3, "福袋"),
    (_P, 1, 4, ""),
    (_P, 12, 10, ""),
    (_I, None, 3, "福袋"),
    (_P, 11, 10, ""),
    (_P, 19, 4, ""),
    (_E, 3, 6, ""),
    (_C, None, 15, ""),
)
UPCOMING_RUN = (
    (_O, 1, 10, ""),
    (_P, 0, 4, ""),
    (_P, 3, 12, ""),
    (_I, None, 3, "福袋"),
    (_P, 6, 12, ""),
    (_P, 18, 4, ""),
    (_I, None, 3, "问答抽奖"),
    (_P, 8, 12, ""),
    (_P, 15, 6, ""),
    (_I, None, 3, "福袋"),
    (_P, 1, 4, ""),
    (_P, 9, 12, ""),
    (_I, None, 3, "福袋"),
    (_P, 10, 12, ""),
    (_P, 16, 4, ""),
    (_I, None, 3, "问答抽奖"),
    (_P, 14, 12, ""),
    (_P, 15, 6, ""),
    (_I, None, 3, "福袋"),
    (_P, 0, 4, ""),
    (_P, 13, 10, ""),
    (_I, None, 3, "福袋"),
    (_P, 2, 10, ""),
    (_P, 17, 4, ""),
    (_E, 4, 6, ""),
    (_C, None, 15, ""),
)


def product_ids(seed: int) -> list[str]:
    """19-digit 抖店-style product ids, one per catalogue item, the same for a given seed."""
    rng = random.Random(seed)
    return [f"3{rng.randrange(10**17, 10**18)}" for _ in CATALOG]


def _faq(item: CatalogItem) -> str:
    return "；".join(f"问：{q} 答：{a}" for q, a in item.faq)


def build_pool(seed: int) -> list[Product]:
    ids = product_ids(seed)
    pool = []
    for position, (item, product_id) in enumerate(zip(CATALOG, ids, strict=False)):
        spec = item.specs[0]
        pool.append(
            Product(
                product_id=product_id,
                name=item.name,
                role=item.role,
                sku=spec.code,
                daily_price_fen=spec.daily_fen,
                live_price_fen=spec.live_fen,
                cost_fen=item.cost_fen,
                stock=item.stock,
                mechanism=item.mechanism,
                selling_points="；".join(item.points),
                pain_points=item.pain,
                endorsements=item.proof,
                faq=_faq(item),
                scripts=compose_scripts(item, position),
            )
        )
    return pool


def step_budgets(seconds: int) -> list[StepBudget]:
    """Split a pitch into the five steps by STEP_SHARES; whole seconds that add up exactly to `seconds`."""
    parts = [seconds * share // 100 for share in STEP_SHARES]
    parts[1] += seconds - sum(parts)  # the remainder goes to the selling points, the longest step
    return [StepBudget(step, part) for step, part in zip(PITCH_STEPS, parts, strict=False)]


def _segments(run: Sequence[tuple[SegmentKind, int | None, int, str]], pool: list[Product]) -> list[Segment]:
    segments = []
    for kind, index, minutes, title in run:
        # Openings, pitches and encores name a pool product; interactions and the close name none.
        product = pool[index if index is not None else 0]
        seconds = minutes * 60
        if kind is SegmentKind.OPENING:
            segments.append(
                Segment(
                    kind,
                    seconds,
                    product.product_id,
                    title=f"开场：欢迎+{product.name}秒杀憋单",
                    owner="host",
                    cues=["福袋", "憋单", "上链接"],
                    notes="前3分钟只聊福利不上链接，在线过500再放引流款",
                )
            )
        elif kind is SegmentKind.PITCH:
            cues = ["上链接"] + (["倒计时"] if product.role in (Role.TRAFFIC, Role.CLEARANCE) else [])
            segments.append(
                Segment(
                    kind,
                    seconds,
                    product.product_id,
                    title=f"{ROLES[product.role].zh}：{product.name}",
                    owner="host",
                    cues=cues,
                    steps=step_budgets(seconds),
                )
            )
        elif kind is SegmentKind.INTERACTION:
            segments.append(
                Segment(
                    kind,
                    seconds,
                    None,
                    title=f"互动：{title}",
                    owner="co_host",
                    cues=[title],
                    notes="口令：关注+评论“山野好物”参与",
                )
            )
        elif kind is SegmentKind.ENCORE:
            segments.append(
                Segment(
                    kind,
                    seconds,
                    product.product_id,
                    title=f"返场：{product.name}",
                    owner="host",
                    cues=["返场", "上链接"],
                    steps=step_budgets(seconds),
                    notes="返场讲当场卖得好的款，只讲卖点和价格",
                )
            )
        else:
            segments.append(
                Segment(
                    kind,
                    seconds,
                    None,
                    title="收尾：感谢+下场预告+进粉丝群",
                    owner="host",
                    cues=["预告", "私域引导"],
                    notes="预告下周六20:00暖冬专场，引导加粉丝群领无门槛券",
                )
            )
    return segments


def _checklists(done: bool) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
    preheat = [
        "发布3条预热短视频（产地、测评、福利剧透）",
        "粉丝群和朋友圈发直播预告与商品清单",
        "开启直播预约",
        "千川预热素材小额测试",
    ]
    scene = [
        "背景板与当日主题",
        "主灯和补光灯",
        "卖点KT板",
        "抽奖箱和福袋奖品",
        "倒计时器",
        "麦克风与声卡",
        "网络测速（上行≥20Mbps）",
    ]
    preheat_items = [ChecklistItem(text, done or i < 2) for i, text in enumerate(preheat)]
    scene_items = [ChecklistItem(text, done) for text in scene]
    return preheat_items, scene_items


def past_plan(seed: int) -> SessionPlan:
    pool = build_pool(seed)
    preheat, scene = _checklists(done=True)
    session = Session(
        title="山野好物·冬季囤货节（示例）",
        start=PAST_START,
        planned_seconds=3 * 3600,
        platform="douyin",
        account=ACCOUNT,
        timezone=ZONE,
        team=dict(TEAM),
        targets=Targets(gmv_fen=20_000_000, uv=60_000, uv_value_fen=330, conversion=0.035, roi=8.0),
        ad_budget_fen=2_500_000,
        preheat_checklist=preheat,
        scene_checklist=scene,
        is_sample=True,
    )
    return SessionPlan(session=session, products=pool, segments=_segments(PAST_RUN, pool))


def upcoming_plan(seed: int) -> SessionPlan:
    pool = build_pool(seed)
    preheat, scene = _checklists(done=False)
    session = Session(
        title="山野好物·暖冬专场（示例）",
        start=UPCOMING_START,
        planned_seconds=3 * 3600,
        platform="douyin",
        account=ACCOUNT,
        timezone=ZONE,
        team=dict(TEAM),
        targets=Targets(gmv_fen=24_000_000, uv=68_000, uv_value_fen=350, conversion=0.038, roi=8.5),
        ad_budget_fen=2_800_000,
        preheat_checklist=preheat,
        scene_checklist=scene,
        is_sample=True,
    )
    return SessionPlan(session=session, products=pool, segments=_segments(UPCOMING_RUN, pool))
