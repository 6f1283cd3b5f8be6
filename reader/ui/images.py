"""Taking an article's images out of the store, decoded, on the store thread.

The reading pane's ``loadResource`` may only do a dict lookup, so the images
are looked up and decoded here, off the GUI thread, before the page is shown.
Decoding is reader.render.images's: header first, so a decompression bomb
is never decoded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage

from reader.render.images import decode_image, image_sources


def stored_images(library: Any, body: str) -> dict[str, QImage]:
    """The images of ``body`` the store holds (runs on the store thread)."""
    images: dict[str, QImage] = {}
    for url in image_sources(body):
        found = library.image(url)
        if found is None:
            continue
        image = decode_image(*found)
        if image is not None:
            images[url] = image
    return images
