"""Reading articles: one with its content, and pages of summaries for the article list."""

from __future__ import annotations

import sqlite3

from reader.core.errors import NotFound
from reader.core.models import Article, ArticleSummary

from .base import StoreBase
from .convert import from_ts, from_ts_required
from .pages import clean_from_row

_ARTICLE_SELECT = (
    "SELECT a.id, a.feed_id, a.uid, a.title, a.url, a.author, a.summary_html, a.content_html, "
    "a.published, a.updated, a.arrived_at, a.image_url, s.read, s.bookmarked, f.title AS feed_title "
    "FROM articles a JOIN article_status s ON s.article_id = a.id LEFT JOIN feeds f ON f.id = a.feed_id "
)


def _filters(
    feed_id: int | None, folder_id: int | None, unread_only: bool, bookmarked_only: bool, feed_column: str
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if feed_id is not None:
        clauses.append(f"{feed_column} = ?")
        params.append(feed_id)
    if folder_id is not None:
        clauses.append(f"{feed_column} IN (SELECT id FROM feeds WHERE folder_id = ?)")
        params.append(folder_id)
    if unread_only:
        clauses.append("s.read = 0")
    if bookmarked_only:
        clauses.append("s.bookmarked = 1")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class ListingMixin(StoreBase):
    def _article_from_row(self, row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            feed_id=row["feed_id"],
            uid=row["uid"],
            title=row["title"],
            url=row["url"],
            author=row["author"],
            summary_html=row["summary_html"],
            content_html=row["content_html"],
            published=from_ts(row["published"]),
            updated=from_ts(row["updated"]),
            arrived_at=from_ts_required(row["arrived_at"]),
            read=bool(row["read"]),
            bookmarked=bool(row["bookmarked"]),
            image_url=row["image_url"],
            feed_title=row["feed_title"],
            clean=clean_from_row(self._row("SELECT * FROM article_clean WHERE article_id = ?", (row["id"],))),
        )

    def article(self, article_id: int) -> Article:
        """The article with its content, status and extracted page (``clean``) when stored."""
        row = self._row(_ARTICLE_SELECT + "WHERE a.id = ?", (article_id,))
        if row is None:
            raise NotFound(f"No article with id {article_id}.")
        return self._article_from_row(row)

    def article_by_url(self, url: str) -> Article | None:
        row = self._row(_ARTICLE_SELECT + "WHERE a.url = ? ORDER BY a.id LIMIT 1", (url,))
        return None if row is None else self._article_from_row(row)

    def articles(
        self,
        *,
        feed_id: int | None = None,
        folder_id: int | None = None,
        unread_only: bool = False,
        bookmarked_only: bool = False,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """A page of the article list, newest first (published, else arrival time; then id)."""
        where, params = _filters(feed_id, folder_id, unread_only, bookmarked_only, "a.feed_id")
        rows = self._rows(
            "SELECT a.id, a.feed_id, a.title, a.url, a.published, a.arrived_at, s.read, s.bookmarked, "
            "f.title AS feed_title "
            "FROM articles a JOIN article_status s ON s.article_id = a.id "
            f"LEFT JOIN feeds f ON f.id = a.feed_id{where} "
            "ORDER BY a.sort_time DESC, a.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [
            ArticleSummary(
                id=r["id"],
                feed_id=r["feed_id"],
                title=r["title"],
                url=r["url"],
                published=from_ts(r["published"]),
                arrived_at=from_ts_required(r["arrived_at"]),
                read=bool(r["read"]),
                bookmarked=bool(r["bookmarked"]),
                feed_title=r["feed_title"],
            )
            for r in rows
        ]

    def count_articles(
        self,
        *,
        feed_id: int | None = None,
        folder_id: int | None = None,
        unread_only: bool = False,
        bookmarked_only: bool = False,
    ) -> int:
        # The status table repeats feed_id, so counting never reads the content table.
        where, params = _filters(feed_id, folder_id, unread_only, bookmarked_only, "s.feed_id")
        count = self._scalar(f"SELECT count(*) FROM article_status s{where}", params)
        return int(count)
