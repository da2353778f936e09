"""Exact money: amounts are integer fen (分); yuan only at the edges (display, JSON)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def yuan_to_fen(value: str | int | float | Decimal) -> int:
    """Convert yuan (`12.5`, `"¥1,234.50"`) to integer fen, rounding half up; ValueError if not a number."""
    if isinstance(value, str):
        value = value.strip().replace("¥", "").replace("￥", "").replace(",", "")
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount of money: {value!r}") from exc
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fen_to_yuan(fen: int | None) -> Decimal | None:
    """Integer fen to a two-decimal Decimal of yuan (None stays None)."""
    if fen is None:
        return None
    return (Decimal(int(fen)) / 100).quantize(Decimal("0.01"))


def format_yuan(fen: int | None, *, symbol: str = "¥") -> str:
    """`123456` → `¥1,234.56`; None → `—` (a missing value is never shown as zero)."""
    if fen is None:
        return "—"
    return f"{symbol}{fen_to_yuan(fen):,.2f}"
