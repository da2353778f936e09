"""Bringing a second pool file into a session that already has products: replace the pool, append the new
products, or update by product id. `merge_pool` says beforehand what each choice would do, so nothing is
replaced silently (a second import once turned 20 products into 10 without a word)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from enum import StrEnum

from livedesk.domain.product import Product
from livedesk.domain.roles import SegmentKind
from livedesk.domain.session import SessionPlan


class PoolMergeMode(StrEnum):
    REPLACE = "replace"  # the file becomes the pool
    APPEND = "append"  # products with new ids are added; ids already in the pool are left as they are
    UPDATE = "update"  # same id: the file's values win (scripts kept); new ids added; the rest stay


@dataclass(frozen=True)
class PoolMergeSummary:
    """Counts of what a merge does; `orphaned_pitches` are segments left pitching a product no longer in the pool."""

    mode: PoolMergeMode
    before: int
    in_file: int
    after: int
    added: int
    updated: int
    removed: int
    skipped: int  # in the file, already in the pool, left untouched (append)
    orphaned_pitches: int


def merge_pool(
    plan: SessionPlan, incoming: list[Product], mode: PoolMergeMode
) -> tuple[list[Product], PoolMergeSummary]:
    """The pool as it would be after the merge (the plan itself is not changed) and what changed."""
    existing = {p.product_id: p for p in plan.products}
    file_ids = [p.product_id for p in incoming]
    known = [pid for pid in file_ids if pid in existing]
    new = [p for p in incoming if p.product_id not in existing]
    if mode is PoolMergeMode.REPLACE:
        products = copy.deepcopy(incoming)
        for product in products:  # a script written for a product survives its re-import
            old = existing.get(product.product_id)
            if old is not None and not product.scripts:
                product.scripts = dict(old.scripts)
        added, updated, skipped = len(new), len(known), 0
    elif mode is PoolMergeMode.APPEND:
        products = copy.deepcopy(plan.products) + copy.deepcopy(new)
        added, updated, skipped = len(new), 0, len(known)
    else:
        by_id = {p.product_id: p for p in incoming}
        products = [
            _updated(p, by_id[p.product_id]) if p.product_id in by_id else copy.deepcopy(p)
            for p in plan.products
        ]
        products += copy.deepcopy(new)
        added, updated, skipped = len(new), len(known), 0
    kept = {p.product_id for p in products}
    removed = sum(1 for pid in existing if pid not in kept)
    orphaned = sum(
        1
        for s in plan.segments
        if s.kind in (SegmentKind.PITCH, SegmentKind.ENCORE) and s.product_id and s.product_id not in kept
    )
    summary = PoolMergeSummary(
        mode, len(plan.products), len(incoming), len(products), added, updated, removed, skipped, orphaned
    )
    return products, summary


def _updated(old: Product, new: Product) -> Product:
    """The file's values over the pool's, except what a file cannot carry (written scripts) and blanks."""
    merged = copy.deepcopy(old)
    for f in fields(Product):
        if f.name in ("product_id", "scripts"):
            continue
        value = getattr(new, f.name)
        if value not in (None, ""):
            setattr(merged, f.name, copy.deepcopy(value))
    if new.scripts:
        merged.scripts = dict(new.scripts)
    return merged
