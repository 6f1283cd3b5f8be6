"""Bookmarks: their tags and notes, the list of them, and merging bookmarks in from a file."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from reader.core.errors import NotFound
from reader.core.models import Bookmark, CleanArticle

from .articles import insert_page_article
from .base import StoreBase
from .convert import from_ts, index_text, to_ts
from .pages import write_clean

_BOOKMARK_SELECT = (
    "SELECT a.id, a.title, a.url, a.feed_id, f.title AS feed_title, s.bookmarked_at, a.published, s.note, "
    "(SELECT group_concat(tag, char(10)) FROM "
    "(SELECT tag FROM bookmark_tags t WHERE t.article_id = a.id ORDER BY tag)) AS tags, "
    "EXISTS (SELECT 1 FROM article_clean c WHERE c.article_id = a.id) AS has_text "
    "FROM article_status s JOIN articles a ON a.id = s.article_id LEFT JOIN feeds f ON f.id = a.feed_id "
)


def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags trimmed, blank ones dropped, repeats (ignoring case) counted once, in the given order."""
    seen: dict[str, str] = {}
    for tag in tags:
        text = " ".join(tag.split())
        if text:
            seen.setdefault(text.casefold(), text)
    return tuple(seen.values())


def _bookmark_from_row(row: sqlite3.Row) -> Bookmark:
    return Bookmark(
        article_id=row["id"],
        title=row["title"],
        url=row["url"],
        feed_id=row["feed_id"],
        feed_title=row["feed_title"],
        bookmarked_at=from_ts(row["bookmarked_at"]),
        published=from_ts(row["published"]),
        tags=tuple(row["tags"].split("\n")) if row["tags"] else (),
        note=row["note"],
        has_text=bool(row["has_text"]),
    )


def _set_tags(conn: sqlite3.Connection, article_id: int, tags: Sequence[str]) -> None:
    conn.execute("DELETE FROM bookmark_tags WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO bookmark_tags(article_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
        ((article_id, tag) for tag in clean_tags(tags)),
    )


class BookmarksMixin(StoreBase):
    def bookmark(self, article_id: int) -> Bookmark:
        row = self._row(_BOOKMARK_SELECT + "WHERE a.id = ?", (article_id,))
        if row is None:
            raise NotFound(f"No article with id {article_id}.")
        return _bookmark_from_row(row)

    def bookmarks(self, *, tag: str | None = None) -> list[Bookmark]:
        """Every bookmark, most recently kept first; only those with ``tag`` when given."""
        where = "WHERE s.bookmarked = 1"
        params: list[object] = []
        if tag is not None:
            where += " AND EXISTS (SELECT 1 FROM bookmark_tags t WHERE t.article_id = a.id AND t.tag = ?)"
            params.append(tag)
        rows = self._rows(_BOOKMARK_SELECT + where + " ORDER BY s.bookmarked_at DESC, a.id DESC", params)
        return [_bookmark_from_row(r) for r in rows]

    def bookmark_tags(self) -> list[tuple[str, int]]:
        """Tags in use on bookmarks, with how many bookmarks carry each, by name."""
        rows = self._rows(
            "SELECT t.tag, count(*) FROM bookmark_tags t "
            "JOIN article_status s ON s.article_id = t.article_id "
            "WHERE s.bookmarked = 1 GROUP BY t.tag ORDER BY t.tag"
        )
        return [(r[0], r[1]) for r in rows]

    def set_bookmark_details(
        self, article_id: int, *, tags: Sequence[str] | None = None, note: str | None = None
    ) -> None:
        """Replace a bookmark's tags and/or note (None leaves that one as it is)."""
        with self._write() as conn:
            if (
                conn.execute("SELECT 1 FROM article_status WHERE article_id = ?", (article_id,)).fetchone()
                is None
            ):
                raise NotFound(f"No article with id {article_id}.")
            if note is not None:
                conn.execute("UPDATE article_status SET note = ? WHERE article_id = ?", (note, article_id))
            if tags is not None:
                _set_tags(conn, article_id, tags)

    def merge_bookmark(
        self,
        url: str,
        *,
        title: str,
        clean: CleanArticle | None,
        tags: Sequence[str],
        note: str,
        bookmarked_at: datetime | None,
        published: datetime | None,
        now: datetime,
    ) -> tuple[int, bool]:
        """Bookmark ``url`` as a file of bookmarks describes it, in one transaction.

        An article with that URL is reused (its tags gain the new ones, an empty note takes
        the given one, missing text is filled in); otherwise a page article is made.
        Returns the article id and whether it was new.
        """
        when = to_ts(bookmarked_at or now)
        with self._write() as conn:
            row = conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", (url,)).fetchone()
            created = row is None
            if row is None:
                article_id = insert_page_article(conn, url, title, now=now, published=published)
            else:
                article_id = int(row[0])
            conn.execute(
                "UPDATE article_status SET bookmarked = 1, "
                "bookmarked_at = CASE WHEN bookmarked = 1 "
                "THEN min(coalesce(bookmarked_at, ?1), ?1) ELSE ?1 END, "
                "note = CASE WHEN note = '' THEN ?2 ELSE note END WHERE article_id = ?3",
                (when, note, article_id),
            )
            conn.executemany(
                "INSERT INTO bookmark_tags(article_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
                ((article_id, tag) for tag in clean_tags(tags)),
            )
            has_clean = conn.execute(
                "SELECT 1 FROM article_clean WHERE article_id = ?", (article_id,)
            ).fetchone()
            if clean is not None and has_clean is None:
                write_clean(conn, article_id, clean, now=now)
            elif created:
                conn.execute(
                    "UPDATE article_search SET title = ? WHERE rowid = ?", (index_text(title), article_id)
                )
        return article_id, created
