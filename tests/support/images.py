"""Real image bytes for tests: PNGs encoded here (zlib + CRC, the format's own rules) and the
JPEG in tests/data."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

JPEG = (Path(__file__).resolve().parents[1] / "data" / "export" / "gradient.jpg").read_bytes()
JPEG_SIZE = (16, 10)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(width: int, height: int, seed: int = 0) -> bytes:
    """An RGB PNG of ``width`` x ``height`` with a pattern that depends on ``seed``."""
    rows = b"".join(
        b"\x00"
        + bytes(
            ((x * 7 + y * 3 + seed) % 256, (x + seed) % 256, (y * 5) % 256)[c]
            for x in range(width)
            for c in range(3)
        )
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def png_header_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size (a decompression bomb's calling card)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )
