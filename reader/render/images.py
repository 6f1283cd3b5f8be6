"""An article's pictures as Qt images: which ones its HTML shows, and decoding them safely.

Used by the reading pane (on the store thread) and by printing alike.
Dimensions are read from the header first, so a decompression bomb is never
decoded; SVG is refused, since it can carry script and external references.
"""

from __future__ import annotations

import html
import logging
import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

log = logging.getLogger(__name__)

MAX_PIXELS = 40_000_000
MAX_IMAGES = 100
_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]+)"', re.IGNORECASE)


def image_sources(body: str) -> list[str]:
    """The http(s) picture URLs of sanitized ``body``, each once, in order, at most MAX_IMAGES."""
    seen: dict[str, None] = {}
    for match in _SRC.finditer(body):
        url = html.unescape(match.group(1))
        if url.startswith(("http://", "https://")):
            seen.setdefault(url, None)
    return list(seen)[:MAX_IMAGES]


def decode_image(data: bytes, mime: str) -> QImage | None:
    """The picture in ``data``, or None when it is SVG, too large, or not a picture."""
    if "svg" in mime:
        return None
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
