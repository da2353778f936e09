"""The wave generator: pool + session length + role pattern → a complete, timed run order.

Pure and deterministic (same input, same plan); lengths are whole minutes except for the remainder of a
slot that is not a whole number of minutes, which the closing absorbs, so the total always equals the slot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from livedesk.domain.product import Product
from livedesk.domain.roles import PITCH_STEPS, Role, ScriptStep, SegmentKind
from livedesk.domain.session import Segment, StepBudget

MINUTE = 60

# DOMAIN.md §3: the practice pattern 引流 → 利润 → 利润 → 活动 → 利润 → 形象.
DEFAULT_PATTERN: tuple[Role, ...] = (
    Role.TRAFFIC,
    Role.PROFIT,
    Role.PROFIT,
    Role.CLEARANCE,
    Role.PROFIT,
    Role.IMAGE,
)


@dataclass(frozen=True)
class RoleLength:
    """A role's pitch length range and the length the generator starts from (seconds)."""

    min_seconds: int
    default_seconds: int
    max_seconds: int


DEFAULT_ROLE_LENGTHS: dict[Role, RoleLength] = {
    Role.TRAFFIC: RoleLength(3 * MINUTE, 4 * MINUTE, 5 * MINUTE),
    Role.PROFIT: RoleLength(10 * MINUTE, 12 * MINUTE, 15 * MINUTE),
    Role.IMAGE: RoleLength(5 * MINUTE, 6 * MINUTE, 8 * MINUTE),
    Role.CLEARANCE: RoleLength(3 * MINUTE, 4 * MINUTE, 5 * MINUTE),
}

# Share of a pitch per script step (percent): the offer and the push get room, the pain point is short.
DEFAULT_STEP_SHARES: dict[ScriptStep, int] = {
    ScriptStep.PAIN_POINT: 15,
    ScriptStep.SELLING_POINTS: 30,
    ScriptStep.TRUST: 20,
    ScriptStep.OFFER: 20,
    ScriptStep.CLOSE: 15,
}


@dataclass
class WaveConfig:
    """Team preferences for the generator; every default comes from DOMAIN.md §2–3."""

    pattern: tuple[Role, ...] = DEFAULT_PATTERN
    role_lengths: dict[Role, RoleLength] = field(default_factory=lambda: dict(DEFAULT_ROLE_LENGTHS))
    step_shares: dict[ScriptStep, int] = field(default_factory=lambda: dict(DEFAULT_STEP_SHARES))
    opening_seconds: int = 10 * MINUTE
    closing_seconds: int = 15 * MINUTE
    interaction_seconds: int = 2 * MINUTE
    interaction_min_gap_seconds: int = 15 * MINUTE  # an interaction at the first boundary after 15 min …
    interaction_max_gap_seconds: int = 20 * MINUTE  # … or earlier when the next pitch would pass 20 min
    encore_count: int = 2
    encore_seconds: int = 4 * MINUTE
    max_traffic_skus: int = 2  # DOMAIN.md §2: 1–2 traffic SKUs, one image item
    max_image_items: int = 1
    profit_share_target: float = 0.60

    def length(self, role: Role) -> RoleLength:
        return self.role_lengths.get(role, DEFAULT_ROLE_LENGTHS[role])


def split_budget(total_seconds: int, shares: dict[ScriptStep, int] | None = None) -> list[StepBudget]:
    """Split a pitch into the five step budgets by percentage; largest remainder so they add up exactly."""
    shares = shares or DEFAULT_STEP_SHARES
    weights = [max(0, int(shares.get(step, 0))) for step in PITCH_STEPS]
    weight_sum = sum(weights) or len(weights)
    if not any(weights):
        weights = [1] * len(weights)
    exact = [total_seconds * w / weight_sum for w in weights]
    seconds = [int(x) for x in exact]
    short = total_seconds - sum(seconds)
    # Ties go to the earlier step, which keeps the split deterministic.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - seconds[i]), i))
    for i in order[:short]:
        seconds[i] += 1
    return [StepBudget(step, s) for step, s in zip(PITCH_STEPS, seconds, strict=False)]


def rescale_steps(steps: list[StepBudget], total_seconds: int) -> list[StepBudget]:
    """Stretch or shrink existing step budgets to a new pitch length, keeping their proportions and texts."""
    if not steps:
        return []
    current = sum(b.seconds for b in steps)
    weights = [1] * len(steps) if current <= 0 else [b.seconds for b in steps]
    weight_sum = sum(weights)
    exact = [total_seconds * w / weight_sum for w in weights]
    seconds = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - seconds[i]), i))
    for i in order[: total_seconds - sum(seconds)]:
        seconds[i] += 1
    return [StepBudget(b.step, s, b.text) for b, s in zip(steps, seconds, strict=False)]


def rank_profit_items(products: list[Product], ranking: dict[str, float] | None = None) -> list[Product]:
    """Profit items best first: by `ranking` (e.g. GMV per pitch minute) when given, else by unit margin,
    then live price; pool order breaks ties."""
    profit = [(i, p) for i, p in enumerate(products) if p.role is Role.PROFIT]

    def key(item: tuple[int, Product]):
        index, product = item
        score = (ranking or {}).get(product.product_id)
        margin = product.margin_fen
        return (
            -(score if score is not None else float("-inf")),
            -(margin if margin is not None else -(10**15)),
            -(product.live_price_fen or 0),
            index,
        )

    return [p for _, p in sorted(profit, key=key)]


def _pitch(product: Product, seconds: int, config: WaveConfig, cues: list[str] | None = None) -> Segment:
    return Segment(
        kind=SegmentKind.PITCH,
        planned_seconds=seconds,
        product_id=product.product_id,
        title=product.name,
        cues=list(cues or ["上链接"]),
        steps=split_budget(seconds, config.step_shares),
    )


def _interaction() -> Segment:
    return Segment(kind=SegmentKind.INTERACTION, planned_seconds=0, title="福袋 / 抽奖", cues=["福袋"])


def generate_wave(
    products: list[Product],
    planned_seconds: int,
    config: WaveConfig | None = None,
    ranking: dict[str, float] | None = None,
) -> list[Segment]:
    """Build the run order for a slot of `planned_seconds` from the pool.

    Opening (releases the first traffic item) → cycles of `config.pattern` with products rotating →
    encores of the best profit items → closing. Interactions fall every ~15–20 minutes between pitches.
    Raises ValueError when the pool is empty or the slot is not positive.
    """
    config = config or WaveConfig()
    if planned_seconds <= 0:
        raise ValueError("the session length must be positive")
    if not products:
        raise ValueError("the product pool is empty")

    by_role: dict[Role, list[Product]] = {role: [] for role in Role}
    for product in products:
        by_role[product.role].append(product)
    by_role[Role.TRAFFIC] = by_role[Role.TRAFFIC][: max(1, config.max_traffic_skus)]
    by_role[Role.IMAGE] = by_role[Role.IMAGE][: max(1, config.max_image_items)]
    pattern = [role for role in config.pattern if by_role[role]]
    if not pattern:  # the pattern names only roles the pool lacks: walk the pool's own roles instead
        pattern = [role for role in Role if by_role[role]]

    whole_minutes = planned_seconds // MINUTE * MINUTE
    # Short slots keep the opening and closing in proportion (a sixth each at most).
    cap = max(MINUTE, whole_minutes // 6 // MINUTE * MINUTE)
    opening_len = min(config.opening_seconds, cap)
    closing_len = min(config.closing_seconds, cap)

    traffic = by_role[Role.TRAFFIC]
    opening = Segment(
        kind=SegmentKind.OPENING,
        planned_seconds=opening_len,
        title="开场",
        product_id=traffic[0].product_id if traffic else None,
        cues=["上链接", "福袋"] if traffic else ["福袋"],
    )
    body_budget = whole_minutes - opening_len - closing_len

    ranked_profit = rank_profit_items(products, ranking)
    encore_items = ranked_profit[: config.encore_count]
    # Encores only when the body keeps at least three cycles' worth of room.
    encore_total = len(encore_items) * config.encore_seconds
    if body_budget - encore_total < 3 * config.length(Role.PROFIT).default_seconds:
        encore_items, encore_total = [], 0
    budget = body_budget - encore_total

    body: list[Segment] = []
    pointers = {role: 0 for role in Role}
    if traffic:
        pointers[Role.TRAFFIC] = 1 % len(traffic)  # the opening released the first one
    used, since_interaction, step = 0, 0, 0
    while pattern:
        role = pattern[step % len(pattern)]
        lengths = config.length(role)
        remaining = budget - used
        wants_interaction = bool(body) and (
            since_interaction >= config.interaction_min_gap_seconds
            or since_interaction + lengths.default_seconds > config.interaction_max_gap_seconds
        )
        needed = lengths.min_seconds + (config.interaction_seconds if wants_interaction else 0)
        if remaining < needed:
            break
        if wants_interaction:
            interaction = _interaction()
            interaction.planned_seconds = config.interaction_seconds
            body.append(interaction)
            used += config.interaction_seconds
            since_interaction = 0
            remaining = budget - used
        seconds = min(lengths.default_seconds, remaining // MINUTE * MINUTE)
        pool = by_role[role]
        product = pool[pointers[role] % len(pool)]
        pointers[role] += 1
        body.append(_pitch(product, seconds, config))
        used += seconds
        since_interaction += seconds
        step += 1

    _absorb_leftover(body, budget - used, config, products)
    encores = [
        Segment(
            kind=SegmentKind.ENCORE,
            planned_seconds=config.encore_seconds,
            product_id=p.product_id,
            title=p.name,
            cues=["返场", "上链接"],
            steps=split_budget(config.encore_seconds, config.step_shares),
        )
        for p in encore_items
    ]
    closing = Segment(
        kind=SegmentKind.CLOSING,
        title="收尾",
        cues=["预告", "加私域"],
        planned_seconds=closing_len + (planned_seconds - whole_minutes),
    )
    segments = [opening, *body, *encores, closing]
    # Whatever the body could not take (a pool too small to stretch) goes to the closing: the slot is kept.
    closing.planned_seconds += planned_seconds - sum(s.planned_seconds for s in segments)
    return segments


def _absorb_leftover(body: list[Segment], leftover: int, config: WaveConfig, products: list[Product]) -> None:
    """Give the minutes the last cycle could not use to pitches, profit first, within their role ranges."""
    roles = {p.product_id: p.role for p in products}
    priority = (Role.PROFIT, Role.IMAGE, Role.CLEARANCE, Role.TRAFFIC)
    minutes = leftover // MINUTE
    for role in priority:
        pitches = [s for s in body if s.kind is SegmentKind.PITCH and roles.get(s.product_id) is role]
        while minutes > 0 and pitches:
            grew = False
            for segment in pitches:
                if minutes == 0:
                    break
                if segment.planned_seconds + MINUTE <= config.length(role).max_seconds:
                    segment.planned_seconds += MINUTE
                    minutes -= 1
                    grew = True
            if not grew:
                break
    for segment in body:
        if segment.kind is SegmentKind.PITCH:
            segment.steps = split_budget(segment.planned_seconds, config.step_shares)
