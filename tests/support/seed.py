"""The seed article served from a loopback server, photo included.

The page names its photo (og:image) on caliber.az; served here, that address
is rewritten to the loopback server, which serves ``syria-bases.jpg`` (a
picture drawn for these tests, 960x540) in its place.  Nothing leaves the machine.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.loopback import LoopbackServer

DATA = Path(__file__).resolve().parents[1] / "data" / "seed-article"
PAGE = DATA / "caliber-az-russia-syria-bases.html"
PHOTO = DATA / "syria-bases.jpg"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
PHOTO_PATH = "/storage/news/2025/02/17/syria-bases.jpg"
ORIGIN = "https://caliber.az"


def serve_seed(server: LoopbackServer, path: str = "/en/post/syria") -> str:
    """Serve the seed page at ``path`` and its photo; returns the page's loopback URL."""
    page = PAGE.read_text(encoding="utf-8").replace(ORIGIN + "/storage/", server.base_url + "/storage/")
    server.serve(path, page.encode("utf-8"), content_type="text/html; charset=utf-8")
    server.serve(PHOTO_PATH, PHOTO.read_bytes(), content_type="image/jpeg")
    return server.url(path)
