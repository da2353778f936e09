"""A segment of a typed review, as the analysis builds it, for the row-formatting tests."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from livedesk.analysis.review_types import SegmentReview

# 2026-11-14 20:05:00 and 20:06:30 in Asia/Shanghai, as UTC epoch ms.
PLANNED_MS, ACTUAL_MS = 1_794_657_900_000, 1_794_657_990_000

_SEGMENT = SegmentReview(
    index=2,
    positions=(2,),
    kind="pitch",
    title="",
    product_id="P1",
    role="traffic",
    status="kept",
    planned_start_ms=PLANNED_MS,
    planned_seconds=600,
    actual_start_ms=ACTUAL_MS,
    actual_seconds=750.0,
    gmv_fen=12_345_678,
    orders=321,
    units=400,
    on_air_gmv_fen=6_172_839,
    online_start=1200,
    online_end=980,
    gmv_source="orders",
)


def segment(**changes: Any) -> SegmentReview:
    return replace(_SEGMENT, **changes)
