"""The wave generator: pool + session length + role pattern → a complete, timed run order.

Pure and deterministic (same input, same plan); lengths are whole minutes except for the remainder of a
slot that is not a whole number of minutes, which the closing absorbs, so the total always equals the slot.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    repeat_image: bool = False  # the image item in every wave, only when the team asks
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

    def key(item: tuple[int, Product]) -> tuple[float, float, int, int]:
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


class _ProfitPicker:
    """The order profit items are pitched in, one wave (a cycle of the pattern) at a time, repeated when the
    slot outlasts it: each wave opens its profit run with a known seller, strongest first (the slot right
    after the traffic item, when the room is fullest); items with no history are spread one per wave before
    any wave takes a second; the remaining known items fill what is left, best first. Every item is pitched
    once before any is repeated."""

    def __init__(self, ranked: list[Product], ranking: dict[str, float], per_wave: int) -> None:
        self.known = [p for p in ranked if p.product_id in ranking]
        self._ranking = ranking
        unknown = [p for p in ranked if p.product_id not in ranking]
        per_wave = max(1, per_wave)
        waves_count = max(1, -(-len(ranked) // per_wave))
        primes = min(waves_count, len(self.known))
        if self.known and len(self.known) < waves_count and per_wave > 1:
            # Too few known sellers for one each: they come back so every wave still has one.
            waves_count = primes = max(1, -(-len(unknown) // (per_wave - 1)))
        waves: list[list[Product]] = [[] for _ in range(waves_count)]
        for index in range(primes):
            waves[index].append(self.known[index % len(self.known)])
        rest = unknown + self.known[primes:]
        wave = 0
        for product in rest:
            while len(waves[wave % waves_count]) >= per_wave:
                wave += 1
            waves[wave % waves_count].append(product)
            wave += 1
        self._order = [p for w in waves for p in w]
        self._next = 0

    def pick(self) -> Product:
        product = self._order[self._next % len(self._order)]
        self._next += 1
        return product

    def length(self, product: Product, lengths: RoleLength) -> int:
        """Known sellers get longer pitches the stronger they are (the best the role's maximum, the weakest
        known its minimum); an item without history gets the default."""
        if product.product_id not in self._ranking or not self.known:
            return lengths.default_seconds
        position = self.known.index(product)
        span = (lengths.max_seconds - lengths.min_seconds) // MINUTE
        steps = len(self.known) - 1
        cut = round(span * position / steps) if steps else 0
        return lengths.max_seconds - cut * MINUTE


@dataclass
class LeftOut:
    """A pool product the run order does not pitch, and why: `no_room`, `role_cap` or `out_of_stock`."""

    product_id: str
    reason: str


def left_out(
    products: list[Product], segments: list[Segment], config: WaveConfig | None = None
) -> list[LeftOut]:
    """Every pool product no segment names, with the reason it was not scheduled (pool order)."""
    config = config or WaveConfig()
    scheduled = {s.product_id for s in segments if s.product_id}
    caps = {Role.TRAFFIC: config.max_traffic_skus, Role.IMAGE: config.max_image_items}
    seen: dict[Role, int] = {}
    result = []
    for product in products:
        if product.product_id in scheduled:
            seen[product.role] = seen.get(product.role, 0) + 1
            continue
        if product.stock is not None and product.stock <= 0:
            result.append(LeftOut(product.product_id, "out_of_stock"))
            continue
        seen[product.role] = seen.get(product.role, 0) + 1
        cap = caps.get(product.role)
        reason = "role_cap" if cap is not None and seen[product.role] > cap else "no_room"
        result.append(LeftOut(product.product_id, reason))
    return result


def assign_owners(segments: list[Segment], team: dict[str, str]) -> None:
    """负责人 from the team: the host (主播) sells, opens and closes; the co-host (副播), else the director
    (场控), runs the interactions. A role the team names nobody for leaves the owner blank; an owner the
    director typed is kept."""
    interaction_owner = next((role for role in ("co_host", "director") if team.get(role)), "")
    for segment in segments:
        if segment.owner:
            continue
        if segment.kind is SegmentKind.INTERACTION:
            segment.owner = interaction_owner
        elif team.get("host"):
            segment.owner = "host"


def generate_wave(
    products: list[Product],
    planned_seconds: int,
    config: WaveConfig | None = None,
    ranking: dict[str, float] | None = None,
) -> list[Segment]:
    """Build the run order for a slot of `planned_seconds` from the pool.

    Opening (releases the first traffic item) → cycles of `config.pattern` with products rotating →
    encores of the best profit items and the closing, which share the closing's time. Interactions fall
    every ~15–20 minutes between pitches. `ranking` is what history knows (GMV per pitch minute by product):
    it orders and sizes the profit pitches. Products out of stock are not scheduled.
    Raises ValueError when the pool is empty or the slot is not positive.
    """
    config = config or WaveConfig()
    ranking = ranking or {}
    if planned_seconds <= 0:
        raise ValueError("the session length must be positive")
    if not products:
        raise ValueError("the product pool is empty")

    by_role: dict[Role, list[Product]] = {role: [] for role in Role}
    for product in products:
        if product.stock is not None and product.stock <= 0:
            continue
        by_role[product.role].append(product)
    by_role[Role.TRAFFIC] = by_role[Role.TRAFFIC][: max(1, config.max_traffic_skus)]
    by_role[Role.IMAGE] = by_role[Role.IMAGE][: max(1, config.max_image_items)]
    pattern = [role for role in config.pattern if by_role[role]]
    if not pattern:  # the pattern names only roles the pool lacks: walk the pool's own roles instead
        pattern = [role for role in Role if by_role[role]]
    if not pattern:
        raise ValueError("every product of the pool is out of stock")

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
    budget = whole_minutes - opening_len - closing_len

    in_stock = [p for role in Role for p in by_role[role]]
    ranked_profit = rank_profit_items([p for p in products if p in in_stock], ranking)
    # Encores are part of the closing (thanks, preview, the best sellers again), never on top of it; the
    # closing keeps at least a third of its time for itself.
    room = closing_len - max(MINUTE, closing_len // 3)
    encore_items = ranked_profit[
        : min(config.encore_count, room // config.encore_seconds if config.encore_seconds else 0)
    ]
    encore_total = len(encore_items) * config.encore_seconds

    picker = _ProfitPicker(
        ranked_profit,
        {k: v for k, v in ranking.items() if any(p.product_id == k for p in ranked_profit)},
        sum(1 for role in pattern if role is Role.PROFIT),
    )
    body: list[Segment] = []
    pointers = {role: 0 for role in Role}
    if traffic:
        pointers[Role.TRAFFIC] = 1 % len(traffic)  # the opening released the first one
    used, since_interaction, step = 0, 0, 0
    while pattern:
        role = pattern[step % len(pattern)]
        if (
            role is Role.IMAGE
            and not config.repeat_image
            and pointers[Role.IMAGE] >= len(by_role[Role.IMAGE])
        ):
            step += 1  # each image item once unless the team asks for it every wave
            if all(r is Role.IMAGE for r in pattern):
                break
            continue
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
        if role is Role.PROFIT:
            product = picker.pick()
            wanted = picker.length(product, lengths)
        else:
            pool = by_role[role]
            product = pool[pointers[role] % len(pool)]
            pointers[role] += 1
            wanted = lengths.default_seconds
        seconds = min(wanted, remaining // MINUTE * MINUTE)
        body.append(_pitch(product, seconds, config))
        used += seconds
        since_interaction += seconds
        step += 1

    _absorb_leftover(body, budget - used, config, products, [p.product_id for p in picker.known])
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
        planned_seconds=closing_len - encore_total + (planned_seconds - whole_minutes),
    )
    segments = [opening, *body, *encores, closing]
    # Whatever the body could not take (a pool too small to stretch) goes to the closing: the slot is kept.
    closing.planned_seconds += planned_seconds - sum(s.planned_seconds for s in segments)
    return segments


def _absorb_leftover(
    body: list[Segment],
    leftover: int,
    config: WaveConfig,
    products: list[Product],
    known_first: Sequence[str] = (),
) -> None:
    """Give the minutes the last cycle could not use to pitches, profit first, within their role ranges;
    in each round the known sellers (`known_first`, strongest first) are served before the rest."""
    roles: dict[str | None, Role] = {p.product_id: p.role for p in products}
    priority = (Role.PROFIT, Role.IMAGE, Role.CLEARANCE, Role.TRAFFIC)
    order: dict[str | None, int] = {pid: i for i, pid in enumerate(known_first)}
    minutes = leftover // MINUTE
    for role in priority:
        pitches = [s for s in body if s.kind is SegmentKind.PITCH and roles.get(s.product_id) is role]
        pitches.sort(key=lambda s: order.get(s.product_id, len(order)))  # stable: plan order otherwise
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
