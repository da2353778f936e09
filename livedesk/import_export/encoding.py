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
    if _looks_utf16_without_bom(head):
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    if b"\x00" in head:
        return None
    if _decodes(head, "utf-8"):
        return "utf-8"
    if _decodes(head, "gb18030"):
        return "gb18030"   # a superset of GBK and GB2312, which older back ends write
    return None


def _decodes(head: bytes, codec: str) -> bool:
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        decoder.decode(head, final=False)  # a character cut at the sniff boundary is not an error
    except UnicodeDecodeError:
        return False
    return True


def _looks_utf16_without_bom(head: bytes) -> bool:
    sample = head[:4096]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    return (odd_zeros > half * 0.3 and even_zeros < half * 0.05) or (even_zeros > half * 0.3 and odd_zeros < half * 0.05)


def read_head(path: Path, size: int = SNIFF_BYTES) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def decode_head(head: bytes, encoding: str, complete: bool) -> str:
    """Decode the sniffed bytes; an incomplete tail character of a partial read is dropped."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    text = decoder.decode(head, final=complete)
    return text.lstrip("\ufeff")
