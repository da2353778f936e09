"""The codes of a run order: product roles, segment kinds and the five pitch steps (their words and colours
are in livedesk.words)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A product's job in the session (DOMAIN.md §2)."""

    TRAFFIC = "traffic"  # 引流款
    PROFIT = "profit"  # 利润款
    IMAGE = "image"  # 形象款
    CLEARANCE = "clearance"  # 清仓款 / 活动款


class SegmentKind(StrEnum):
    """What a block of the run order is (DOMAIN.md §3)."""

    OPENING = "opening"  # 开场
    PITCH = "pitch"  # 讲解
    INTERACTION = "interaction"  # 互动
    TRANSITION = "transition"  # 过品衔接
    ENCORE = "encore"  # 返场
    CLOSING = "closing"  # 收尾


class ScriptStep(StrEnum):
    """The five steps of a pitch script, in speaking order."""

    PAIN_POINT = "pain_point"  # 痛点引入
    SELLING_POINTS = "selling_points"  # 卖点展示
    TRUST = "trust"  # 信任背书
    OFFER = "offer"  # 价格优惠
    CLOSE = "close"  # 逼单促成


PITCH_STEPS: tuple[ScriptStep, ...] = tuple(ScriptStep)

_ROLE_ALIASES = {
    "traffic": Role.TRAFFIC,
    "引流款": Role.TRAFFIC,
    "引流": Role.TRAFFIC,
    "福利款": Role.TRAFFIC,
    "profit": Role.PROFIT,
    "利润款": Role.PROFIT,
    "利润": Role.PROFIT,
    "主推款": Role.PROFIT,
    "image": Role.IMAGE,
    "形象款": Role.IMAGE,
    "形象": Role.IMAGE,
    "尖货": Role.IMAGE,
    "尖货款": Role.IMAGE,
    "clearance": Role.CLEARANCE,
    "清仓款": Role.CLEARANCE,
    "清仓": Role.CLEARANCE,
    "活动款": Role.CLEARANCE,
    "活动": Role.CLEARANCE,
}


def parse_role(text: str) -> Role | None:
    """Read a role written in Chinese or English (`引流款`, `Traffic`, `活动款` …); None when unknown."""
    key = (text or "").strip().lower()
    return _ROLE_ALIASES.get(key)
