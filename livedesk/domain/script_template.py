"""Script templates to start from (a pitch's five steps per product role; opening, transition and closing
lines) and where the words of a segment's step come from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from livedesk.domain.money import format_yuan
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep
from livedesk.domain.session import Segment, SessionPlan

SEGMENT_SCRIPT_KINDS = ("opening", "transition", "closing")


@dataclass(frozen=True)
class TemplateStep:
    step: ScriptStep
    seconds: int
    text: str


@dataclass(frozen=True)
class PitchTemplate:
    key: str
    name_zh: str
    role: Role | None
    steps: tuple[TemplateStep, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PitchTemplate:
        try:
            steps = tuple(
                TemplateStep(ScriptStep(s["step"]), int(s["seconds"]), str(s.get("text", "")))
                for s in data["steps"]
            )
            return cls(
                str(data["key"]),
                str(data.get("name_zh", data["key"])),
                Role(data["role"]) if data.get("role") else None,
                steps,
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"script template {data.get('key', '?')!r} is malformed: {exc}") from exc

    def render(self, product: Product) -> dict[ScriptStep, str]:
        """The five texts with the product's facts filled in; a fact not on file shows as ＿＿ to be written."""
        facts = product_facts(product)
        return {s.step: s.text.format_map(_Blank(facts)) for s in self.steps}

    def budgets(self) -> dict[ScriptStep, int]:
        return {s.step: s.seconds for s in self.steps}


@dataclass(frozen=True)
class LineTemplate:
    """A ready line for an opening, transition or closing segment."""

    key: str
    kind: str
    name_zh: str
    text: str


@dataclass
class TemplateLibrary:
    pitches: list[PitchTemplate] = field(default_factory=list)
    lines: list[LineTemplate] = field(default_factory=list)

    def for_role(self, role: Role | None) -> list[PitchTemplate]:
        matching = [t for t in self.pitches if t.role == role]
        return matching + [t for t in self.pitches if t not in matching]

    def lines_for(self, kind: str) -> list[LineTemplate]:
        return [line for line in self.lines if line.kind == kind]

    @classmethod
    def from_documents(
        cls, pitch_documents: list[Mapping[str, Any]], line_document: Mapping[str, Any] | None
    ) -> TemplateLibrary:
        lines = []
        for kind in SEGMENT_SCRIPT_KINDS:
            for item in (line_document or {}).get(kind, []):
                lines.append(
                    LineTemplate(
                        str(item["key"]), kind, str(item.get("name_zh", item["key"])), str(item["text"])
                    )
                )
        return cls([PitchTemplate.from_dict(d) for d in pitch_documents], lines)


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "＿＿"


def product_facts(product: Product) -> dict[str, str]:
    saving = None
    if product.daily_price_fen is not None and product.live_price_fen is not None:
        saving = product.daily_price_fen - product.live_price_fen
    facts = {
        "name": product.name,
        "daily_price": format_yuan(product.daily_price_fen) if product.daily_price_fen is not None else None,
        "live_price": format_yuan(product.live_price_fen) if product.live_price_fen is not None else None,
        "saving": format_yuan(saving) if saving is not None and saving > 0 else None,
        "mechanism": product.mechanism,
        "selling_points": product.selling_points,
        "pain_points": product.pain_points,
        "endorsements": product.endorsements,
        "stock": str(product.stock) if product.stock is not None else None,
    }
    return {key: value for key, value in facts.items() if value}


def step_text(plan: SessionPlan, segment: Segment, step: ScriptStep) -> str:
    """What the host says in a step of a pitch: the segment's own text for this pitch, else the product's script."""
    for budget in segment.steps:
        if budget.step == step and budget.text.strip():
            return budget.text
    product = plan.product(segment.product_id)
    return product.scripts.get(step, "") if product else ""


def segment_script(
    plan: SessionPlan, segment: Segment, step: ScriptStep | None, session_scripts: Mapping[str, str]
) -> str:
    """The words for the prompter: a pitch's current step (or all its steps when none is running),
    the session's opening/transition/closing script for those segments, then the segment's notes."""
    from livedesk.domain.roles import PITCH_STEPS, SegmentKind

    parts: list[str] = []
    if segment.kind in (SegmentKind.PITCH, SegmentKind.ENCORE):
        steps = [step] if step is not None else list(PITCH_STEPS)
        parts += [text for text in (step_text(plan, segment, s) for s in steps) if text.strip()]
    elif segment.kind.value in SEGMENT_SCRIPT_KINDS:
        parts.append(session_scripts.get(segment.kind.value, ""))
    if segment.notes.strip() and segment.kind not in (SegmentKind.PITCH, SegmentKind.ENCORE):
        parts.append(segment.notes)
    return "\n\n".join(p for p in parts if p.strip())
