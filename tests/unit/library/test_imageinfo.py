"""Image headers read without decoding: type and pixel count, and the checks made on them."""

from __future__ import annotations

import struct

import pytest

from reader.library.imageinfo import image_info
from reader.library.images import MAX_IMAGE_BYTES, image_problem
from tests.support.images import JPEG, JPEG_SIZE, png, png_header_claiming


def test_real_png_and_jpeg() -> None:
    info = image_info(png(20, 12))
    assert info is not None and (info.mime_type, info.width, info.height) == ("image/png", 20, 12)
    info = image_info(JPEG)
    assert info is not None and (info.mime_type, (info.width, info.height)) == ("image/jpeg", JPEG_SIZE)
    assert image_problem(png(20, 12)) is None and image_problem(JPEG) is None


def test_gif_webp_bmp_headers() -> None:
    gif = b"GIF89a" + struct.pack("<HH", 640, 480) + b"\x00" * 10
    assert image_info(gif) == image_info(gif)
    assert (image_info(gif).width, image_info(gif).height) == (640, 480)  # type: ignore[union-attr]
    vp8x = (
        b"RIFF\x00\x00\x00\x00WEBPVP8X"
        + b"\x0a\x00\x00\x00"
        + b"\x00" * 4
        + (799).to_bytes(3, "little")
        + (599).to_bytes(3, "little")
    )
    info = image_info(vp8x)
    assert info is not None and (info.mime_type, info.width, info.height) == ("image/webp", 800, 600)
    bmp = b"BM" + b"\x00" * 16 + struct.pack("<ii", 30, -20) + b"\x00" * 8
    info = image_info(bmp)
    assert info is not None and (info.width, info.height) == (30, 20)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (png_header_claiming(60_000, 60_000), "pixels"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG"),
        (JPEG[:20], "not a PNG"),
        (png_header_claiming(0, 10), "no size"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (MAX_IMAGE_BYTES + 1), "larger"),
    ],
)
def test_refused_before_decoding(data: bytes, reason: str) -> None:
    problem = image_problem(data)
    assert problem is not None and reason in problem
