"""Which text encoding a file uses: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or GBK/GB18030.

Decided from the first bytes; big files are then decoded by the CSV reader itself.
"""

from __future__ import annotations

import codecs
from pathlib import Path

SNIFF_BYTES = 256 * 1024


def detect_encoding(head: bytes) -> str | None:
    """The codec name for these leading bytes, or None when they are not text (binary data)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        return _utf16_without_bom(head)  # text in UTF-8 or GBK never holds NUL bytes
    if _decodes(head, "utf-8"):
        return "utf-8"
    if _decodes(head, "gb18030"):
        return "gb18030"  # a superset of GBK and GB2312, which older back ends write
    return None


def _decodes(head: bytes, codec: str) -> bool:
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        decoder.decode(head, final=False)  # a character cut at the sniff boundary is not an error
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    """The UTF-16 byte order under which the head reads as plausible text, or None for binary data."""
    sample = head[: min(len(head), 8192) // 2 * 2]
    best, best_share = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        share = sum(_plausible(ch) for ch in text) / max(len(text), 1)
        if share > best_share:
            best, best_share = codec, share
    return best if best_share > 0.9 else None


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (
        32 <= code < 127
        or ch in "\t\r\n"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
        or code == 0xA5
    )


def read_head(path: Path, size: int = SNIFF_BYTES) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def decode_head(head: bytes, encoding: str, complete: bool) -> str:
    """Decode the sniffed bytes; an incomplete tail character of a partial read is dropped."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    text = decoder.decode(head, final=complete)
    return text.lstrip("\ufeff")
