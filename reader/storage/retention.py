"""Removing old read articles (never bookmarked or unread ones), keeping search and images in step."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from reader.core.models import ArticleChanges

from .base import StoreBase, id_list
from .convert import to_ts

log = logging.getLogger(__name__)

# Deleting in batches keeps each write transaction short: the app's other writes
# (a refresh, a click on "mark read") wait at most one batch.
DELETE_BATCH = 500
# A tombstone the feed has not listed for this long is forgotten.
TOMBSTONE_LIFETIME = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class FeedRule:
    """Which read articles of one feed go: read before ``read_before``, and past the newest ``keep_max``."""

    feed_id: int
    read_before: datetime | None
    keep_max: int | None


@dataclass(frozen=True, slots=True)
class SpaceInfo:
    page_count: int
    free_pages: int
    page_size: int


class RetentionMixin(StoreBase):
    def expired_articles(self, rule: FeedRule) -> list[int]:
        """Ids of the feed's articles the rule removes: read, not bookmarked, too old or too many."""
        ids: set[int] = set()
        if rule.read_before is not None:
            ids.update(
                r[0]
                for r in self._rows(
                    "SELECT article_id FROM article_status WHERE feed_id = ? AND read = 1 AND bookmarked = 0 "
                    "AND coalesce(read_at, 0) < ?",
                    (rule.feed_id, to_ts(rule.read_before)),
                )
            )
        if rule.keep_max is not None:
            ids.update(
                r[0]
                for r in self._rows(
                    "SELECT a.id FROM articles a JOIN article_status s ON s.article_id = a.id "
                    "WHERE a.feed_id = ?1 AND s.read = 1 AND s.bookmarked = 0 "
                    "ORDER BY a.sort_time DESC, a.id DESC LIMIT -1 OFFSET ?2",
                    (rule.feed_id, rule.keep_max),
                )
            )
        return sorted(ids)

    def delete_articles(self, article_ids: Sequence[int], *, now: datetime) -> ArticleChanges:
        """Delete read, unbookmarked articles (others in the list are left), with their search rows.

        Each deleted feed article leaves a tombstone, so a feed that still lists it does not
        bring it back as new.
        """
        removed: list[int] = []
        now_ts = to_ts(now)
        for start in range(0, len(article_ids), DELETE_BATCH):
            batch = id_list(article_ids[start : start + DELETE_BATCH])
            with self._write() as conn:
                # Checked again inside the transaction: the user may have bookmarked one meanwhile.
                rows = conn.execute(
                    "SELECT a.id, a.feed_id, a.uid FROM articles a "
                    "JOIN article_status s ON s.article_id = a.id "
                    "WHERE a.id IN (SELECT value FROM json_each(?)) AND s.read = 1 AND s.bookmarked = 0",
                    (batch,),
                ).fetchall()
                ids = id_list(r[0] for r in rows)
                conn.executemany(
                    "INSERT INTO article_tombstones(feed_id, uid, seen_at) VALUES (?, ?, ?) "
                    "ON CONFLICT DO UPDATE SET seen_at = excluded.seen_at",
                    ((r[1], r[2], now_ts) for r in rows if r[1] is not None),
                )
                conn.execute(
                    "DELETE FROM article_search WHERE rowid IN (SELECT value FROM json_each(?))", (ids,)
                )
                # Status, clean text, tags and image links go with the article (ON DELETE CASCADE).
                conn.execute("DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))", (ids,))
            removed.extend(r[0] for r in rows)
        return ArticleChanges(removed=tuple(sorted(removed)))

    def forget_tombstones(self, *, now: datetime) -> int:
        with self._write() as conn:
            cur = conn.execute(
                "DELETE FROM article_tombstones WHERE seen_at < ?", (to_ts(now - TOMBSTONE_LIFETIME),)
            )
        return int(cur.rowcount)

    def space(self) -> SpaceInfo:
        return SpaceInfo(
            page_count=int(self._scalar("PRAGMA page_count")),
            free_pages=int(self._scalar("PRAGMA freelist_count")),
            page_size=int(self._scalar("PRAGMA page_size")),
        )

    def optimize(self, *, vacuum: bool, merge_search: bool) -> None:
        """``PRAGMA optimize`` (cheap); on request an FTS merge and a VACUUM (slow: rewrites the file)."""
        if self.readonly:
            return
        if merge_search:
            # Folds the index's segments together a bounded amount at a time; cheaper than 'optimize'.
            with self._write() as conn:
                conn.execute("INSERT INTO article_search(article_search, rank) VALUES ('merge', 500)")
        if vacuum:
            log.info("vacuuming %s", self.path)
            self._rows("VACUUM")
        self.refresh_statistics()

    def refresh_statistics(self) -> None:
        """``PRAGMA optimize``: keeps the planner's statistics fresh for the indexes the queries rely on.

        In a write transaction: ANALYZE reads, then writes its tables, and in
        WAL mode a read that another process's commit overtakes cannot become
        a write (SQLITE_BUSY_SNAPSHOT, "database is locked" at once, no
        busy_timeout wait).  Taking the write lock first waits like any write.
        The analysis limit keeps it to milliseconds on a big file.
        """
        with self._write() as conn:
            conn.execute("PRAGMA analysis_limit = 400")
            conn.execute("PRAGMA optimize")
