"""The QR code of a view's address (segno, pure Python): PNG bytes for the console, text for a terminal."""

from __future__ import annotations

import io

import segno


def png_bytes(url: str, *, scale: int = 6) -> bytes:
    """Black on white with the standard quiet zone, medium error correction (a phone reads it off a screen)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="png", scale=scale, border=4, dark="#000000", light="#ffffff"
    )
    return buffer.getvalue()


def modules(url: str) -> list[list[bool]]:
    """The modules of the code, dark as True (for tests and for drawing it another way)."""
    return [[bool(cell) for cell in row] for row in segno.make(url, error="m").matrix]
