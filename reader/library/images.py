"""Downloading an article's images into the store, for offline reading."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from reader.core.errors import FetchError
from reader.core.urls import is_http_url
from reader.library.imageinfo import image_info
from reader.net import HttpClient
from reader.storage import Store

log = logging.getLogger(__name__)

MAX_IMAGES_PER_ARTICLE = 40
MAX_IMAGE_BYTES = 8 * 2**20
# Decoding costs about 4 bytes a pixel: 40 megapixels is 160 MB in the pane's decoder.
MAX_IMAGE_PIXELS = 40_000_000
# All images of one article together (a gallery of forty 8 MB photos is not kept whole).
MAX_ARTICLE_IMAGE_BYTES = 40 * 2**20
# SVG can carry script and external references; the pane shows rasters only, and only
# those whose header imageinfo can read (so their pixel count is known before decoding).
ALLOWED_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp"})

# The HTML is nh3 output, so attributes are normalised and double-quoted.
_IMG_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]+)"', re.IGNORECASE)


def image_urls(html: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _IMG_SRC.finditer(html):
        url = match.group(1).replace("&amp;", "&")
        if is_http_url(url):
            seen.setdefault(url, None)
    return list(seen)[:MAX_IMAGES_PER_ARTICLE]


def image_problem(data: bytes) -> str | None:
    """Why ``data`` must not be stored (and so never decoded), or None when it may."""
    if len(data) > MAX_IMAGE_BYTES:
        return f"larger than {MAX_IMAGE_BYTES} bytes"
    info = image_info(data)
    if info is None or info.mime_type not in ALLOWED_IMAGE_TYPES:
        return "not a PNG, GIF, JPEG, WebP or BMP image"
    if info.width <= 0 or info.height <= 0:
        return "no size in its header"
    if info.pixels > MAX_IMAGE_PIXELS:
        return f"{info.width} x {info.height} pixels, over {MAX_IMAGE_PIXELS}"
    return None


def fetch_image(client: HttpClient, url: str) -> tuple[str, bytes, str] | None:
    """(url, bytes, type sniffed from the bytes) of an image fit to store; None (logged) when not."""
    try:
        response = client.get(url, max_bytes=MAX_IMAGE_BYTES)
    except FetchError as error:
        log.info("image %s not stored: %s", url, error)
        return None
    problem = image_problem(response.content)
    if problem is not None:
        log.info("image %s not stored: %s", url, problem)
        return None
    info = image_info(response.content)
    assert info is not None
    return url, response.content, info.mime_type


def _download(client: HttpClient, url: str) -> tuple[str, bytes, str] | None:
    return fetch_image(client, url)


def store_images(
    store: Store,
    client: HttpClient,
    article_id: int,
    html: str,
    clock: Callable[[], datetime],
) -> int:
    """Fetch the images ``html`` shows that the store lacks; returns how many were stored.

    Every image the article shows is linked to it, also those already stored for
    another article (so a bookmark protects them from eviction).
    """
    shown = image_urls(html)
    store.link_images(article_id, shown)
    wanted = store.missing_images(shown)
    if not wanted:
        return 0
    stored = 0
    budget = MAX_ARTICLE_IMAGE_BYTES
    with ThreadPoolExecutor(min(4, len(wanted)), thread_name_prefix="images") as pool:
        for item in pool.map(lambda u: _download(client, u), wanted):
            if item is None:
                continue
            url, data, mime = item
            if len(data) > budget:
                log.info(
                    "image %s not stored: the article's images passed %d bytes", url, MAX_ARTICLE_IMAGE_BYTES
                )
                continue
            budget -= len(data)
            store.save_image(url, data, mime, article_id=article_id, now=clock())
            stored += 1
    return stored
