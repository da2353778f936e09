"""The vocabulary of a run order: product roles, segment kinds and the five pitch steps."""

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

# Names as users and exported files write them; the UI has its own translated labels.
ROLE_NAMES_ZH = {
    Role.TRAFFIC: "引流款",
    Role.PROFIT: "利润款",
    Role.IMAGE: "形象款",
    Role.CLEARANCE: "清仓款",
}
KIND_NAMES_ZH = {
    SegmentKind.OPENING: "开场",
    SegmentKind.PITCH: "讲解",
    SegmentKind.INTERACTION: "互动",
    SegmentKind.TRANSITION: "过品",
    SegmentKind.ENCORE: "返场",
    SegmentKind.CLOSING: "收尾",
}
STEP_NAMES_ZH = {
    ScriptStep.PAIN_POINT: "痛点引入",
    ScriptStep.SELLING_POINTS: "卖点展示",
    ScriptStep.TRUST: "信任背书",
    ScriptStep.OFFER: "价格优惠",
    ScriptStep.CLOSE: "逼单促成",
}

# Role colours are part of the domain vocabulary: the timeline, the charts and the printed sheet agree.
ROLE_COLOURS = {
    Role.TRAFFIC: "#E8743B",  # warm orange: pulls people in
    Role.PROFIT: "#2E7D5B",  # green: where the money is made
    Role.IMAGE: "#7B5EA7",  # purple: brand tone
    Role.CLEARANCE: "#D4A017",  # amber: surprise deals
}
KIND_COLOURS = {
    SegmentKind.OPENING: "#4A6FA5",
    SegmentKind.INTERACTION: "#4FA3A5",
    SegmentKind.TRANSITION: "#9AA5B1",
    SegmentKind.ENCORE: "#C0504D",
    SegmentKind.CLOSING: "#4A6FA5",
}

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
