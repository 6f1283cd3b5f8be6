"""Offline reading: the extracted text of an article's page, and the images it shows."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from reader.core.errors import NotFound
from reader.core.models import CleanArticle

from .base import StoreBase
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


class PagesMixin(StoreBase):
    def save_clean(self, article_id: int, clean: CleanArticle, *, now: datetime) -> None:
        """Stores (or replaces) the article's extracted page, and makes its text searchable."""
        try:
            with self._write() as conn:
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
                conn.execute(
                    "UPDATE article_search SET page = ? WHERE rowid = ?", (index_text(clean.text), article_id)
                )
        except sqlite3.IntegrityError as error:
            raise NotFound(f"No article with id {article_id}.") from error

    def clean(self, article_id: int) -> CleanArticle | None:
        return clean_from_row(self._row("SELECT * FROM article_clean WHERE article_id = ?", (article_id,)))

    def save_image(
        self, url: str, data: bytes, mime_type: str, *, article_id: int | None, now: datetime
    ) -> None:
        """Stores an image by its URL (replacing an older copy); it stays linked to its first article."""
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
        except sqlite3.IntegrityError as error:
            raise NotFound(f"No article with id {article_id}.") from error

    def image(self, url: str) -> tuple[bytes, str] | None:
        """The stored image (data, mime type), or None."""
        row = self._row("SELECT data, mime_type FROM images WHERE url = ?", (url,))
        return None if row is None else (bytes(row[0]), str(row[1]))

    def has_image(self, url: str) -> bool:
        return self._row("SELECT 1 FROM images WHERE url = ?", (url,)) is not None
