"""Values written the way the platforms' exports write them: `¥236,552`, `¥26,439.25`, `0.68%`, `1分5秒`."""

from __future__ import annotations


def money(fen: int | None) -> str:
    """Yuan with thousands separators; decimals only when there are cents (as 罗盘 shows them); "-" for
    an unknown amount, as the exports write it."""
    if fen is None:
        return "-"
    yuan, cents = divmod(int(fen), 100)
    return f"¥{yuan:,}" if cents == 0 else f"¥{yuan:,}.{cents:02d}"


def plain_yuan(fen: int | None) -> str:
    """`10900` → `109.00` (order exports write bare two-decimal yuan); an unknown price is an empty cell."""
    if fen is None:
        return ""
    yuan, cents = divmod(int(fen), 100)
    return f"{yuan}.{cents:02d}"


def rate(fraction: float) -> str:
    return f"{fraction * 100:.2f}%"


def change(current: float, previous: float) -> str:
    if not previous:
        return "-"
    return f"{(current - previous) / previous * 100:+.2f}%"


def duration(seconds: int) -> str:
    """`65` → `1分5秒`, `7397` → `2小时3分17秒`, `45` → `45秒`."""
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}小时{minutes}分{secs}秒"
    if minutes:
        return f"{minutes}分{secs}秒"
    return f"{secs}秒"


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0
