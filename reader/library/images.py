"""Downloading an article's images into the store, for offline reading."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from reader.core.errors import FetchError
from reader.core.urls import is_http_url
from reader.net import HttpClient
from reader.storage import Store

log = logging.getLogger(__name__)

MAX_IMAGES_PER_ARTICLE = 40
MAX_IMAGE_BYTES = 8 * 2**20
# SVG can carry script and external references; the pane shows rasters only.
ALLOWED_IMAGE_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/bmp"}
)

# The HTML is nh3 output, so attributes are normalised and double-quoted.
_IMG_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]+)"', re.IGNORECASE)


def image_urls(html: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _IMG_SRC.finditer(html):
        url = match.group(1).replace("&amp;", "&")
        if is_http_url(url):
            seen.setdefault(url, None)
    return list(seen)[:MAX_IMAGES_PER_ARTICLE]


def _download(client: HttpClient, url: str) -> tuple[str, bytes, str] | None:
    try:
        response = client.get(url, max_bytes=MAX_IMAGE_BYTES)
    except FetchError as error:
        log.info("image %s not stored: %s", url, error)
        return None
    mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if mime not in ALLOWED_IMAGE_TYPES or not response.content:
        log.info("image %s not stored: type %r", url, mime)
        return None
    return url, response.content, mime


def store_images(
    store: Store,
    client: HttpClient,
    article_id: int,
    html: str,
    clock: Callable[[], datetime],
) -> int:
    """Fetch the images ``html`` shows that the store lacks; returns how many were stored."""
    wanted = [url for url in image_urls(html) if not store.has_image(url)]
    if not wanted:
        return 0
    stored = 0
    with ThreadPoolExecutor(min(4, len(wanted)), thread_name_prefix="images") as pool:
        for item in pool.map(lambda u: _download(client, u), wanted):
            if item is not None:
                url, data, mime = item
                store.save_image(url, data, mime, article_id=article_id, now=clock())
                stored += 1
    return stored
