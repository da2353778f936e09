"""The fast half of the workbook limits (workbook_limits): a sheet part's XML decompressed on a helper
thread while the cell references of the previous piece are read with numpy, so the check costs about one
decompression instead of a regular-expression pass per rule (~2.5 s on a 100,000-row export).

`cell_extent` reads every cell reference of a piece of sheet XML at once: the cells are the `<c` tags, and
their first attribute must be the reference (`<c r="AB12"`), as every writer we know puts it. A piece with
any other cell (no reference, another attribute first, a reference of an unusual shape) gets None, and the
caller reads that piece with its exact, slower rules instead; so the fast path never decides what the
exact rules would refuse.
"""

from __future__ import annotations

import queue
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar, cast

import numpy as np
from isal import isal_zlib  # ISA-L: the same interface as zlib, inflating ~2x faster

# a damaged deflate stream (the stub types isal's error class as an instance)
INFLATE_ERRORS: tuple[type[Exception], ...] = (zlib.error, cast(type[Exception], isal_zlib.error))

T = TypeVar("T")
_LOCAL_HEADER = struct.Struct("<4s5H3I2H")
_READ = 1 << 20
_AHEAD = 2  # decompressed pieces waiting for the scan: bounds the memory of a part that inflates a lot
_CELL = 0x633C  # b"<c" as a little-endian uint16
_REF = int.from_bytes(b' r="', "little")
_CELL_ENDS = np.array([0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x2F], np.uint8)  # what may follow "<c" in a cell tag


def member_pieces(
    path: Path, info: zipfile.ZipInfo, piece: int, prepare: Callable[[Iterator[bytes]], Iterator[T]]
) -> Iterator[T]:
    """The part's uncompressed bytes in pieces of up to `piece` bytes, passed through `prepare`, all on a
    helper thread (zlib and ISA-L release the GIL) while the caller works on the previous piece. Stored
    or deflated parts only; other kinds raise NotImplementedError (the caller reads them via zipfile)."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
        raise NotImplementedError(f"{info.filename}: compression {info.compress_type}")
    pieces: queue.Queue = queue.Queue(_AHEAD)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                pieces.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for data in prepare(_inflated(path, info, piece)):
                if not put(data):
                    return
            put(None)
        except BaseException as exc:  # handed to the reading thread, which raises it there
            put(exc)

    worker = threading.Thread(target=produce, name="sheet-inflate", daemon=True)
    worker.start()
    try:
        while (item := pieces.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def _inflated(path: Path, info: zipfile.ZipInfo, piece: int) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        handle.seek(info.header_offset)
        header = handle.read(_LOCAL_HEADER.size)
        if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"{info.filename}: no local header")
        fields = _LOCAL_HEADER.unpack(header)
        handle.seek(fields[-2] + fields[-1], 1)  # past the name and the extra field
        left = info.compress_size
        stored = info.compress_type == zipfile.ZIP_STORED
        inflate = None if stored else isal_zlib.decompressobj(-15)
        while left > 0:
            raw = handle.read(min(piece if stored else _READ, left))
            if not raw:
                raise EOFError(f"{info.filename}: cut off")
            left -= len(raw)
            if inflate is None:
                yield raw
                continue
            while raw:
                out = inflate.decompress(raw, piece)
                raw = inflate.unconsumed_tail
                if out:
                    yield out
        if inflate is not None:
            while out := inflate.decompress(b"", piece):  # what the inflater still holds
                yield out


def cell_extent(data: bytes, end: int) -> tuple[int, int, int] | None:
    """(cells, largest column, largest row) over the cell tags starting before `end` in `data`, or None
    when a cell there is not written as `<c r="LETTERS DIGITS"` (the caller then reads it exactly).

    Bytes after `end` may be read (a reference is parsed past it); `data` needs 16 bytes after `end`.
    """
    size = len(data)
    if size < end + 16:
        raise ValueError("cell_extent needs 16 bytes after the end of the piece")
    bytes_ = np.frombuffer(data, np.uint8)
    # "<c" at an even and at an odd offset, as uint16 words: two passes instead of a byte-wise match
    even = np.flatnonzero(np.frombuffer(data, "<u2", count=(end + 1) // 2) == _CELL) * 2
    odd = np.flatnonzero(np.frombuffer(data, "<u2", offset=1, count=end // 2) == _CELL) * 2 + 1
    starts = np.concatenate((even, odd))
    starts = starts[np.isin(bytes_[starts + 2], _CELL_ENDS)]
    if starts.size == 0:
        return 0, 0, 0
    if not np.all(_view(data, "<u4")[starts + 2] == _REF):
        return None
    letters_at = starts + 6
    letters = _leading(_view(data, ">u4")[letters_at], 4, 0x41, 26)
    if letters.min() == 0 or letters.max() == 4:  # no column, or four letters and more: the exact rules say
        return None
    digits_at = letters_at + letters
    digits = _leading(_view(data, ">u8")[digits_at], 8, 0x30, 10)
    if digits.min() == 0 or digits.max() == 8 or not np.all(bytes_[digits_at + digits] == 0x22):
        return None  # no row, eight digits and more, or something before the closing quote
    column = _largest(_view(data, ">u4"), letters_at, letters, 4, 0x40, 26)
    row = _largest(_view(data, ">u8"), digits_at, digits, 8, 0x30, 10)
    return int(starts.size), column, row


def _view(data: bytes, dtype: str) -> np.ndarray:
    """Every offset of `data` as the start of one big- or little-endian word (an overlapping view)."""
    width = np.dtype(dtype).itemsize
    return np.ndarray((len(data) - width + 1,), dtype, buffer=data, strides=(1,))


def _leading(words: np.ndarray, width: int, first: int, span: int) -> np.ndarray:
    """How many of each big-endian word's leading bytes lie in first … first+span-1 (SWAR: a few
    operations on whole words instead of one per byte)."""
    kind = np.uint32 if width == 4 else np.uint64
    words = words.astype(kind, copy=False)

    def each(byte: int):
        return kind(int.from_bytes(bytes([byte]) * width, "big"))

    low7, high = each(0x7F), each(0x80)
    # each byte minus `first` modulo 256, with no borrow between bytes: high bits set, low bits subtracted,
    # then the high bit put right (x - y per byte: ((x | H) - (y & ~H)) ^ ((x ^ ~y) & H))
    moved = ((words | high) - (each(first) & low7)) ^ ((words ^ ~each(first)) & high)
    # a byte is in range when it is below `span` now: adding 128 - span sets its high bit otherwise
    outside = (((moved & low7) + each(0x80 - span)) | moved) & high
    # the first outside byte from the top: bit 8*(width-1-i)+7 for byte i; log2 finds the highest set bit
    top = np.floor(np.log2(np.maximum(outside, kind(1)).astype(np.float64))).astype(np.int64)
    return np.where(outside == 0, width, width - 1 - top // 8)


def _largest(view: np.ndarray, at: np.ndarray, lengths: np.ndarray, width: int, zero: int, base: int) -> int:
    """The largest number written by `lengths` bytes at `at` (letters or digits): only the longest count,
    and among them the byte strings compare as the numbers do."""
    longest = int(lengths.max())
    words = view[at[lengths == longest]].astype(np.uint64) >> np.uint64(8 * (width - longest))
    text = int(words.max()).to_bytes(longest, "big")
    number = 0
    for ch in text:
        number = number * base + ch - zero
    return number
