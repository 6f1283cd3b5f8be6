"""Taking an article's images out of the store, decoded, on the store thread.

The reading pane's ``loadResource`` may only do a dict lookup, so the images
are looked up and decoded here, off the GUI thread, before the page is shown.
Dimensions are read from the header first: a decompression bomb is never
decoded.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

log = logging.getLogger(__name__)

MAX_PIXELS = 40_000_000
MAX_IMAGES = 100
_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]+)"', re.IGNORECASE)


def image_sources(body: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _SRC.finditer(body):
        url = html.unescape(match.group(1))
        if url.startswith(("http://", "https://")):
            seen.setdefault(url, None)
    return list(seen)[:MAX_IMAGES]


def decode(data: bytes, mime: str) -> QImage | None:
    if "svg" in mime:
        return None  # SVG can carry script and external references: rasters only
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        log.info("image skipped: size %sx%s", size.width(), size.height())
        return None
    image = reader.read()
    return None if image.isNull() else image


def stored_images(library: Any, body: str) -> dict[str, QImage]:
    """The images of ``body`` the store holds (runs on the store thread)."""
    images: dict[str, QImage] = {}
    for url in image_sources(body):
        found = library.image(url)
        if found is None:
            continue
        image = decode(*found)
        if image is not None:
            images[url] = image
    return images
