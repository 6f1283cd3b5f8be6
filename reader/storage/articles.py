"""Writing articles: entries from feeds, pages outside any feed, and read/bookmark status."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from reader.core.errors import NotFound
from reader.core.models import ArticleChanges, ParsedEntry

from .base import StoreBase, id_list
from .convert import body_text, enclosures_text, entry_hash, index_text, to_ts

_INSERT_ARTICLE = (
    "INSERT INTO articles(id, feed_id, uid, title, url, author, summary_html, content_html, published, "
    "updated, image_url, enclosures, arrived_at, sort_time, content_hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# Status is never touched here: a refetch keeps what the user did with the article.
# A publication date in the future would pin an item to the top of the list; cap it at now.
_UPDATE_ARTICLE = (
    "UPDATE articles SET title = ?, url = ?, author = ?, summary_html = ?, content_html = ?, "
    "published = ?, updated = ?, image_url = ?, enclosures = ?, "
    "sort_time = min(coalesce(?, arrived_at), ?), content_hash = ? WHERE id = ?"
)
_INSERT_SEARCH = "INSERT INTO article_search(rowid, title, author, summary, page) VALUES (?, ?, ?, ?, '')"
_UPDATE_SEARCH = "UPDATE article_search SET title = ?, author = ?, summary = ? WHERE rowid = ?"
_QUEUE_SEARCH = "INSERT INTO search_pending(article_id) VALUES (?)"
_INSERT_STATUS = "INSERT INTO article_status(article_id, feed_id) VALUES (?, ?)"


def _next_article_id(conn: sqlite3.Connection) -> int:
    # Ids are assigned here so executemany can insert content, status and search rows in
    # one go; the write lock is held, and AUTOINCREMENT's sequence keeps ids never reused.
    row = conn.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0), "
        "coalesce((SELECT max(id) FROM articles), 0))"
    ).fetchone()
    return int(row[0]) + 1


def insert_page_article(
    conn: sqlite3.Connection, url: str, title: str, *, now: datetime, published: datetime | None = None
) -> int:
    """Insert an article with no feed for the page at ``url`` (inside the caller's transaction)."""
    now_ts = to_ts(now)
    assert now_ts is not None
    published_ts = to_ts(published)
    sort_time = now_ts if published_ts is None else min(published_ts, now_ts)
    article_id = _next_article_id(conn)
    conn.execute(
        _INSERT_ARTICLE,
        (
            article_id,
            None,
            url,
            title,
            url,
            None,
            None,
            None,
            published_ts,
            None,
            None,
            "",
            now_ts,
            sort_time,
            "",
        ),
    )
    conn.execute(_INSERT_STATUS, (article_id, None))
    conn.execute(_INSERT_SEARCH, (article_id, index_text(title), "", ""))
    return article_id


class ArticlesMixin(StoreBase):
    def store_entries(self, feed_id: int, entries: Sequence[ParsedEntry], now: datetime) -> ArticleChanges:
        """Adds new entries and updates changed ones, in one transaction.

        An entry is known by (feed, uid); one whose stored content hash matches is skipped.
        A uid repeated within ``entries`` counts once (the first wins).
        """
        now_ts = to_ts(now)
        assert now_ts is not None
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM feeds WHERE id = ?", (feed_id,)).fetchone() is None:
                raise NotFound(f"No feed with id {feed_id}.")
            # Only the stored rows these entries can match are read: a feed may
            # hold 20,000 articles, and reading them all at every refresh held
            # the interpreter for tens of milliseconds.
            uids = list(dict.fromkeys(entry.uid for entry in entries))
            known: dict[str, tuple[int, str]] = {
                uid: (article_id, digest)
                for article_id, uid, digest in _select_in(
                    conn,
                    "SELECT id, uid, content_hash FROM articles WHERE feed_id = ? AND uid IN ({})",
                    feed_id,
                    uids,
                )
            }
            # Some feeds mint a new guid on every fetch (a timestamp in it); an
            # entry with an unknown id but the link and title of a stored one is
            # that article again, not a new one (catalog 12).
            links = list(dict.fromkeys(e.url for e in entries if e.url and e.uid not in known))
            by_link: dict[tuple[str, str], tuple[int, str]] = {
                (url, title): (article_id, digest)
                for article_id, url, title, digest in _select_in(
                    conn,
                    "SELECT id, url, title, content_hash FROM articles WHERE feed_id = ? AND url IN ({})",
                    feed_id,
                    links,
                )
            }
            # Entries that retention removed while the feed still lists them stay removed.
            tombstones = {
                uid
                for (uid,) in _select_in(
                    conn,
                    "SELECT uid FROM article_tombstones WHERE feed_id = ? AND uid IN ({})",
                    feed_id,
                    uids,
                )
            }
            still_listed: list[tuple[object, ...]] = []
            next_id = _next_article_id(conn)
            inserts: list[tuple[object, ...]] = []
            updates: list[tuple[object, ...]] = []
            search_updates: list[tuple[object, ...]] = []
            added: list[int] = []
            updated: list[int] = []
            seen: set[str] = set()
            for entry in entries:
                if entry.uid in seen:
                    continue
                seen.add(entry.uid)
                if entry.uid in tombstones:
                    still_listed.append((now_ts, feed_id, entry.uid))
                    continue
                digest = entry_hash(entry)
                old = known.get(entry.uid)
                if old is None and entry.url:
                    old = by_link.get((entry.url, entry.title))
                if old is not None and old[1] == digest:
                    continue
                published = to_ts(entry.published)
                content = (
                    entry.title, entry.url, entry.author, entry.summary_html, entry.content_html,
                    published, to_ts(entry.updated), entry.image_url, enclosures_text(entry),
                )  # fmt: skip
                if old is None:
                    sort_time = now_ts if published is None else min(published, now_ts)
                    inserts.append((next_id, feed_id, entry.uid, *content, now_ts, sort_time, digest))
                    added.append(next_id)
                    next_id += 1
                else:
                    updates.append((*content, published, now_ts, digest, old[0]))
                    search = (index_text(entry.title), index_text(entry.author), index_text(body_text(entry)))
                    search_updates.append((*search, old[0]))
                    updated.append(old[0])
            conn.executemany(_INSERT_ARTICLE, inserts)
            conn.executemany(_INSERT_STATUS, ((article_id, feed_id) for article_id in added))
            # Indexing the text is most of the cost of storing an entry (FTS5 with
            # prefix indexes); new articles are indexed after the refresh.
            conn.executemany(_QUEUE_SEARCH, ((article_id,) for article_id in added))
            conn.executemany(_UPDATE_ARTICLE, updates)
            conn.executemany(_UPDATE_SEARCH, search_updates)
            conn.executemany(
                "UPDATE article_tombstones SET seen_at = ? WHERE feed_id = ? AND uid = ?", still_listed
            )
        return ArticleChanges(added=tuple(added), updated=tuple(updated))

    def add_page_article(self, url: str, title: str, *, now: datetime) -> int:
        """An article for a web page outside any feed; the existing article with that URL if any."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT id FROM articles WHERE url = ? OR (feed_id IS NULL AND uid = ?) ORDER BY id LIMIT 1",
                (url, url),
            ).fetchone()
            if row is not None:
                return int(row[0])
            return insert_page_article(conn, url, title, now=now)

    def set_read(self, article_ids: Sequence[int], read: bool, *, now: datetime) -> ArticleChanges:
        """Marks articles read or unread; ``status_changed`` lists those whose state flipped."""
        with self._write() as conn:
            changed = conn.execute(
                "UPDATE article_status SET read = ?, read_at = ? "
                "WHERE article_id IN (SELECT value FROM json_each(?)) AND read != ? RETURNING article_id",
                (int(read), to_ts(now) if read else None, id_list(article_ids), int(read)),
            ).fetchall()
        return ArticleChanges(status_changed=tuple(sorted(r[0] for r in changed)))

    def mark_all_read(
        self, *, feed_id: int | None = None, folder_id: int | None = None, now: datetime
    ) -> ArticleChanges:
        """Marks read every unread article of a feed, of a folder's feeds, or (neither given) of all."""
        where = "read = 0"
        params: list[object] = [to_ts(now)]
        if feed_id is not None:
            where += " AND feed_id = ?"
            params.append(feed_id)
        if folder_id is not None:
            where += " AND feed_id IN (SELECT id FROM feeds WHERE folder_id = ?)"
            params.append(folder_id)
        with self._write() as conn:
            changed = conn.execute(
                f"UPDATE article_status SET read = 1, read_at = ? WHERE {where} RETURNING article_id", params
            ).fetchall()
        return ArticleChanges(status_changed=tuple(sorted(r[0] for r in changed)))

    def set_bookmarked(self, article_id: int, bookmarked: bool, *, now: datetime) -> ArticleChanges:
        """Bookmarks an article (kept forever, even when its feed is removed) or un-bookmarks it."""
        with self._write() as conn:
            row = conn.execute("SELECT bookmarked FROM article_status WHERE article_id = ?", (article_id,))
            current = row.fetchone()
            if current is None:
                raise NotFound(f"No article with id {article_id}.")
            if bool(current[0]) == bookmarked:
                return ArticleChanges()
            conn.execute(
                "UPDATE article_status SET bookmarked = ?, bookmarked_at = ? WHERE article_id = ?",
                (int(bookmarked), to_ts(now) if bookmarked else None, article_id),
            )
        return ArticleChanges(status_changed=(article_id,))


# SQLite's default limit on a statement's parameters is 32,766; feeds list far fewer entries.
_IN_CHUNK = 500


def _select_in(
    conn: sqlite3.Connection, sql: str, feed_id: int, values: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """Rows of ``sql`` (its ``IN ({})`` filled with placeholders) for ``values``, in chunks."""
    for start in range(0, len(values), _IN_CHUNK):
        chunk = values[start : start + _IN_CHUNK]
        yield from conn.execute(sql.format(", ".join("?" * len(chunk))), (feed_id, *chunk))
