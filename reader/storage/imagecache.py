"""The image cache: which article shows which image, recency of use, and eviction under a size cap.

Images of bookmarked articles are never evicted (catalog 51): they are what makes
a bookmark readable offline.  Eviction is least-recently-used over the rest.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from .base import StoreBase
from .convert import to_ts

log = logging.getLogger(__name__)

# Recording every view of an image would make reading a write; an hour's precision is
# plenty for least-recently-used eviction.
TOUCH_PRECISION = timedelta(hours=1)

# Images shown by a bookmark: through the link table, or (rows from before the link table)
# the article the image was first stored for.
_PROTECTED = (
    "SELECT ai.url FROM article_images ai JOIN article_status s ON s.article_id = ai.article_id "
    "WHERE s.bookmarked = 1 "
    "UNION SELECT i.url FROM images i JOIN article_status s ON s.article_id = i.article_id "
    "WHERE s.bookmarked = 1"
)


class ImageCacheMixin(StoreBase):
    def link_images(self, article_id: int, urls: Sequence[str]) -> None:
        """Record that ``article_id`` shows the images at ``urls`` (stored or not)."""
        if not urls:
            return
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO article_images(article_id, url) VALUES (?, ?) ON CONFLICT DO NOTHING",
                ((article_id, url) for url in urls),
            )

    def missing_images(self, urls: Sequence[str]) -> list[str]:
        """Those of ``urls`` that are not stored, in the given order."""
        stored = {
            r[0]
            for r in self._rows(
                "SELECT url FROM images WHERE url IN (SELECT value FROM json_each(?))", (_json(urls),)
            )
        }
        return [u for u in urls if u not in stored]

    def touch_image(self, url: str, *, now: datetime) -> None:
        """Note that an image was shown, when the last note is older than TOUCH_PRECISION."""
        now_ts = to_ts(now)
        assert now_ts is not None
        stale = now_ts - int(TOUCH_PRECISION.total_seconds())
        last = self._scalar("SELECT last_used FROM images WHERE url = ?", (url,))
        if last is None or last > stale or self.readonly:
            return
        with self._write() as conn:
            conn.execute("UPDATE images SET last_used = ? WHERE url = ?", (now_ts, url))

    def image_cache_size(self) -> int:
        """Bytes of all stored images (read from the covering index, not the blobs)."""
        return int(self._scalar("SELECT coalesce(sum(size), 0) FROM images INDEXED BY images_lru"))

    def protected_image_size(self) -> int:
        return int(self._scalar(f"SELECT coalesce(sum(size), 0) FROM images WHERE url IN ({_PROTECTED})"))

    def evict_images(self, max_bytes: int) -> list[str]:
        """Delete least-recently-used images not shown by a bookmark until the total fits ``max_bytes``.

        Returns the evicted URLs.  When bookmarks alone pass the cap, every other image goes
        and the bookmarks' images stay.
        """
        total = self.image_cache_size()
        if total <= max_bytes:
            return []
        evicted: list[str] = []
        with self._write() as conn:
            protected = {r[0] for r in conn.execute(_PROTECTED)}
            excess = total - max_bytes
            rows = conn.execute("SELECT url, size FROM images INDEXED BY images_lru ORDER BY last_used, url")
            for url, size in rows:
                if excess <= 0:
                    break
                if url in protected:
                    continue
                evicted.append(url)
                excess -= size
            conn.execute(
                "DELETE FROM images WHERE url IN (SELECT value FROM json_each(?))", (_json(evicted),)
            )
        log.info("evicted %d images to keep the cache under %d bytes", len(evicted), max_bytes)
        return evicted

    def delete_unlinked_images(self) -> int:
        """Delete images no article shows any more (their articles were removed)."""
        with self._write() as conn:
            deleted = conn.execute(
                "DELETE FROM images "
                "WHERE NOT EXISTS (SELECT 1 FROM article_images ai WHERE ai.url = images.url) "
                "AND (article_id IS NULL "
                "OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = images.article_id))"
            ).rowcount
        return int(deleted)


def _json(urls: Sequence[str]) -> str:
    return json.dumps(list(urls))
