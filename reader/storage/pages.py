"""Offline reading: the extracted text of an article's page, and the images it shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from reader.core.errors import NotFound
from reader.core.models import CleanArticle

from .base import StoreBase, id_list
from .convert import from_ts, index_text, to_ts


def clean_from_row(row: sqlite3.Row | None) -> CleanArticle | None:
    if row is None:
        return None
    return CleanArticle(
        url=row["url"],
        title=row["title"],
        html=row["html"],
        text=row["text"],
        author=row["author"],
        published=from_ts(row["published"]),
        site_name=row["site_name"],
        language=row["language"],
        lead_image=row["lead_image"],
        direction=row["direction"],
        warning=row["warning"],
    )


def write_clean(conn: sqlite3.Connection, article_id: int, clean: CleanArticle, *, now: datetime) -> None:
    """Store an extracted page and index its text (inside the caller's transaction)."""
    conn.execute(
        "INSERT OR REPLACE INTO article_clean(article_id, url, title, html, text, author, "
        "published, site_name, language, lead_image, direction, warning, saved_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id, clean.url, clean.title, clean.html, clean.text, clean.author,
            to_ts(clean.published), clean.site_name, clean.language, clean.lead_image,
            clean.direction, clean.warning, to_ts(now),
        ),
    )  # fmt: skip
    conn.execute("UPDATE article_search SET page = ? WHERE rowid = ?", (index_text(clean.text), article_id))
    conn.execute("DELETE FROM page_failures WHERE article_id = ?", (article_id,))


class PagesMixin(StoreBase):
    def save_clean(self, article_id: int, clean: CleanArticle, *, now: datetime) -> None:
        """Stores (or replaces) the article's extracted page, and makes its text searchable."""
        try:
            with self._write() as conn:
                write_clean(conn, article_id, clean, now=now)
        except sqlite3.IntegrityError as error:
            raise NotFound(f"No article with id {article_id}.") from error

    def offline_candidates(
        self,
        feed_ids: Sequence[int] | None,
        *,
        arrived_since: datetime,
        retry_before: datetime,
        limit: int,
    ) -> list[tuple[int, str, str | None]]:
        """(id, url, feed html) of articles whose page should be kept and is not yet, newest first.

        Those are the articles of keep-offline feeds (only ``feed_ids`` when given) that
        arrived since ``arrived_since``, and every bookmark; an article whose page failed
        after ``retry_before`` waits for a later run.
        """
        feeds = "f.keep_offline = 1"
        params: list[object] = [to_ts(arrived_since)]
        if feed_ids is not None:
            feeds += " AND f.id IN (SELECT value FROM json_each(?))"
            params.append(id_list(feed_ids))
        params += [to_ts(retry_before), limit]
        rows = self._rows(
            "SELECT a.id, a.url, coalesce(a.content_html, a.summary_html) FROM articles a "
            "JOIN article_status s ON s.article_id = a.id LEFT JOIN feeds f ON f.id = a.feed_id "
            f"WHERE a.url IS NOT NULL AND ((({feeds}) AND a.arrived_at >= ?) OR s.bookmarked = 1) "
            "AND NOT EXISTS (SELECT 1 FROM article_clean c WHERE c.article_id = a.id) "
            "AND NOT EXISTS (SELECT 1 FROM page_failures p WHERE p.article_id = a.id AND p.tried_at > ?) "
            "ORDER BY a.id DESC LIMIT ?",
            params,
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def record_page_failure(self, article_id: int, error: str, *, now: datetime) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO page_failures(article_id, tried_at, error) "
                "SELECT id, ?, ? FROM articles WHERE id = ?",
                (to_ts(now), error, article_id),
            )

    def clean(self, article_id: int) -> CleanArticle | None:
        return clean_from_row(self._row("SELECT * FROM article_clean WHERE article_id = ?", (article_id,)))

    def save_image(
        self, url: str, data: bytes, mime_type: str, *, article_id: int | None, now: datetime
    ) -> None:
        """Stores an image by its URL (replacing an older copy), linked to ``article_id``.

        ``images.article_id`` keeps the first article; ``article_images`` records every one.
        """
        now_ts = to_ts(now)
        try:
            with self._write() as conn:
                conn.execute(
                    "INSERT INTO images(url, article_id, mime_type, data, size, saved_at, last_used) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                    "article_id = coalesce(images.article_id, excluded.article_id), "
                    "mime_type = excluded.mime_type, data = excluded.data, size = excluded.size, "
                    "saved_at = excluded.saved_at, last_used = excluded.last_used",
                    (url, article_id, mime_type, sqlite3.Binary(data), len(data), now_ts, now_ts),
                )
                if article_id is not None:
                    conn.execute(
                        "INSERT INTO article_images(article_id, url) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        (article_id, url),
                    )
        except sqlite3.IntegrityError as error:
            raise NotFound(f"No article with id {article_id}.") from error

    def image(self, url: str) -> tuple[bytes, str] | None:
        """The stored image (data, mime type), or None."""
        row = self._row("SELECT data, mime_type FROM images WHERE url = ?", (url,))
        return None if row is None else (bytes(row[0]), str(row[1]))

    def has_image(self, url: str) -> bool:
        return self._row("SELECT 1 FROM images WHERE url = ?", (url,)) is not None
