"""Three-way merge of a plan part: what I changed since my base, what someone else saved since the same base.

A field only one side changed takes that side's value; a field both changed to different values is a
conflict, named as `title`, `segments[2].owner` or `products[P1].live_price_fen`. Lists (pool, run order) are
merged position by position when neither side changed their length; otherwise the side that did not touch the
list yields, and when both did the whole list is one conflict (re-applying the edit is the user's call).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from livedesk.domain.edit_conflict import EditPart
from livedesk.domain.product import Product
from livedesk.domain.session import Segment, Session, SessionPlan

HEADER_FIELDS = tuple(f.name for f in fields(Session) if f.name != "id")
POOL_FIELDS = tuple(f.name for f in fields(Product) if f.name != "scripts")  # scripts are their own part
SEGMENT_FIELDS = tuple(f.name for f in fields(Segment))


def part_changed(part: EditPart, before: SessionPlan, after: SessionPlan) -> bool:
    """Whether `after` differs from `before` in the fields that belong to `part`."""
    if part is EditPart.HEADER:
        return _values(before.session, HEADER_FIELDS) != _values(after.session, HEADER_FIELDS)
    if part is EditPart.POOL:
        return [_values(p, POOL_FIELDS) for p in before.products] != [
            _values(p, POOL_FIELDS) for p in after.products
        ]
    if part is EditPart.RUN_ORDER:
        return before.segments != after.segments
    if part is EditPart.SCRIPT:
        return bool(script_changes(before, after))
    raise ValueError(f"{part} is not a part of the plan document")


def script_changes(before: SessionPlan, after: SessionPlan) -> list[str]:
    """Ids of the products present in both whose step texts differ (new products come with the pool)."""
    old = {p.product_id: p.scripts for p in before.products}
    return [p.product_id for p in after.products if p.product_id in old and old[p.product_id] != p.scripts]


def merge_object(
    base: Any, mine: Any, theirs: Any, names: tuple[str, ...], label: str = ""
) -> tuple[Any, list[str]]:
    """Mine with every field only they changed taken from theirs; the fields both changed differently."""
    merged, conflicts = copy.deepcopy(mine), []
    for name in names:
        old, new_mine, new_theirs = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if new_theirs in (old, new_mine):
            continue
        if new_mine == old:
            setattr(merged, name, copy.deepcopy(new_theirs))
        else:
            conflicts.append(f"{label}{name}")
    return merged, conflicts


def merge_list(
    base: list[Any],
    mine: list[Any],
    theirs: list[Any],
    names: tuple[str, ...],
    label: str,
    key: Callable[[Any], str] | None = None,
) -> tuple[list[Any], list[str]]:
    """Position-by-position merge of equal-length lists; `key(item)` names an item in a conflict."""
    if [_values(x, names) for x in mine] == [_values(x, names) for x in base]:
        return copy.deepcopy(theirs), []
    if [_values(x, names) for x in theirs] in (
        [_values(x, names) for x in base],
        [_values(x, names) for x in mine],
    ):
        return copy.deepcopy(mine), []
    if not len(base) == len(mine) == len(theirs):
        return copy.deepcopy(mine), [label]
    merged, conflicts = [], []
    for index, (old, new_mine, new_theirs) in enumerate(zip(base, mine, theirs, strict=True)):
        name = key(new_mine) if key else index
        item, clashes = merge_object(old, new_mine, new_theirs, names, f"{label}[{name}].")
        merged.append(item)
        conflicts.extend(clashes)
    return merged, conflicts


def merge_part(
    part: EditPart, base: SessionPlan, mine: SessionPlan, theirs: SessionPlan
) -> tuple[SessionPlan, list[str]]:
    """`mine` with `part` merged against `theirs`; the plan returned shares nothing with the inputs."""
    merged = copy.deepcopy(mine)
    if part is EditPart.HEADER:
        session, conflicts = merge_object(base.session, mine.session, theirs.session, HEADER_FIELDS)
        merged.session = replace(session, id=theirs.session.id)
    elif part is EditPart.POOL:
        products, conflicts = merge_list(
            base.products, mine.products, theirs.products, POOL_FIELDS, "products", lambda p: p.product_id
        )
        scripts = {p.product_id: p.scripts for p in theirs.products}
        for product in products:  # their scripts are the stored ones; the pool save does not write scripts
            product.scripts = copy.deepcopy(scripts.get(product.product_id, product.scripts))
        merged.products = products
    elif part is EditPart.RUN_ORDER:
        merged.segments, conflicts = merge_list(
            base.segments, mine.segments, theirs.segments, SEGMENT_FIELDS, "segments"
        )
    elif part is EditPart.SCRIPT:  # each product's texts as one field: a script is written as a whole
        conflicts = []
        old = {p.product_id: p.scripts for p in base.products}
        new = {p.product_id: p.scripts for p in theirs.products}
        for product in merged.products:
            pid = product.product_id
            if pid not in old or pid not in new or new[pid] in (old[pid], product.scripts):
                continue
            if product.scripts == old[pid]:
                product.scripts = copy.deepcopy(new[pid])
            else:
                conflicts.append(f"products[{pid}].scripts")
    else:
        raise ValueError(f"{part} is not a part of the plan document")
    return merged, conflicts


def _values(item: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(item, name) for name in names)
