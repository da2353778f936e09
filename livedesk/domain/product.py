"""A product in a session's pool (货盘) with its role, prices in fen, stock and selling material."""

from __future__ import annotations

from dataclasses import dataclass, field

from livedesk.domain.roles import Role, ScriptStep


@dataclass
class Product:
    """One product of the pool. Ids are text (long numeric ids must never become numbers)."""

    product_id: str
    name: str
    role: Role
    sku: str = ""
    daily_price_fen: int | None = None  # 日常价
    live_price_fen: int | None = None  # 直播价 / 到手价
    cost_fen: int | None = None  # 成本
    stock: int | None = None  # stock allotted to the session (活动库存)
    mechanism: str = ""  # 机制 / 福利, e.g. "买一送一 + 赠旅行装"
    selling_points: str = ""
    pain_points: str = ""
    endorsements: str = ""
    faq: str = ""
    # Pitch script text per step; budgets live on the segment that pitches the product.
    scripts: dict[ScriptStep, str] = field(default_factory=dict)

    @property
    def margin_fen(self) -> int | None:
        """Live price minus cost per unit, when both are known."""
        if self.live_price_fen is None or self.cost_fen is None:
            return None
        return self.live_price_fen - self.cost_fen
