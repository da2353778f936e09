"""What a Chinese report must not show: raw keys (snake_case metric, check, source type or bucket), ISO
stamps, and English words beyond the names teams use (ROI, GPM, UV, file suffixes, units in product names)."""

from __future__ import annotations

import re

# Units in product names (5kg, 500ml) are how the goods are sold, not English words; SKU and 商品ID are the
# platforms' own words.
ALLOWED_LATIN = {"ROI", "GPM", "UV", "SKU", "ID", "xlsx", "csv", "kg", "ml", "cm"}
RAW = [
    (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), "ISO stamp"),
    (re.compile(r"\b[a-z]+(?:_[a-z]+)+\b"), "raw key"),
    (re.compile(r"(?:before|after|derived|douyin|log):"), "raw word"),
]


def problems(text: str) -> list[str]:
    """Every raw key, ISO stamp or English word in `text`; [] for a clean Chinese report."""
    # File names are quoted as they are on disk (罗盘_整场数据_2026-11-14.xlsx): not words of the report.
    text = re.sub(r"\S+\.(?:xlsx|csv)", "FILE", text)
    found = [f"{what}: {m.group(0)}" for pattern, what in RAW for m in pattern.finditer(text)]
    found += [
        f"English: {word}"
        for word in re.findall(r"[A-Za-z]{2,}", text)
        if word not in ALLOWED_LATIN | {"FILE"}
    ]
    return sorted(set(found))
