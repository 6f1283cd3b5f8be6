"""An in-memory stand-in for reader.library.Library with the methods the GUI calls."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from reader.core.errors import NotAFeed, NotFound
from reader.core.models import (
    Article,
    ArticleChanges,
    ArticleSummary,
    CleanArticle,
    Feed,
    Folder,
    ParsedEntry,
    ParsedFeed,
    RefreshResult,
    SearchHit,
)

T0 = datetime(2025, 1, 1, tzinfo=UTC)


@dataclasses.dataclass
class FeedCandidate:
    url: str
    title: str
    format: str = "rss"


class FakeLibrary:
    def __init__(self, feeds: int = 3, per_feed: int = 5) -> None:
        self.thread: threading.Thread | None = None
        self._feeds: dict[int, Feed] = {}
        self._folders: dict[int, Folder] = {1: Folder(1, "News")}
        self._articles: dict[int, Article] = {}
        self.images: dict[str, tuple[bytes, str]] = {}
        self.calls: list[str] = []
        self.refreshed: list[int] = []
        for f in range(1, feeds + 1):
            self._feeds[f] = Feed(f, f"https://e.org/{f}.xml", f"Feed {f}", folder_id=1 if f == 1 else None)
            for _ in range(per_feed):
                self.add_article(f)

    def _check_thread(self) -> None:
        current = threading.current_thread()
        if self.thread is None:
            self.thread = current
        assert current is self.thread, "Library used from two threads"
        assert current is not threading.main_thread(), "Library used on the GUI thread"

    def add_article(self, feed_id: int, **changes: Any) -> Article:
        aid = len(self._articles) + 1
        fields: dict[str, Any] = dict(
            id=aid,
            feed_id=feed_id,
            uid=str(aid),
            title=f"Article {aid}",
            url=f"https://e.org/a/{aid}",
            author="Ann",
            summary_html=f"<p>Summary {aid}</p>",
            content_html=None,
            published=T0 + timedelta(minutes=aid),
            updated=None,
            arrived_at=T0 + timedelta(minutes=aid),
            read=False,
            bookmarked=False,
            feed_title=self._feeds[feed_id].title if feed_id else None,
        )
        fields.update(changes)
        article = Article(**fields)
        self._articles[aid] = article
        return article

    # -- feeds
    def feeds(self) -> list[Feed]:
        self._check_thread()
        return list(self._feeds.values())

    def feed(self, feed_id: int) -> Feed:
        return self._feeds[feed_id]

    def folders(self) -> list[Folder]:
        self._check_thread()
        return list(self._folders.values())

    def unread_counts(self) -> dict[int, int]:
        self._check_thread()
        counts: dict[int, int] = {}
        for a in self._articles.values():
            if not a.read and a.feed_id is not None:
                counts[a.feed_id] = counts.get(a.feed_id, 0) + 1
        return counts

    def set_error(self, feed_id: int, error: str | None) -> None:
        self._feeds[feed_id] = dataclasses.replace(self._feeds[feed_id], last_error=error)

    # -- articles
    def _select(
        self, feed_id: int | None, folder_id: int | None, unread_only: bool, bookmarked_only: bool
    ) -> list[Article]:
        rows = [
            a
            for a in self._articles.values()
            if (feed_id is None or a.feed_id == feed_id)
            and (
                folder_id is None or (a.feed_id is not None and self._feeds[a.feed_id].folder_id == folder_id)
            )
            and (not unread_only or not a.read)
            and (not bookmarked_only or a.bookmarked)
        ]
        rows.sort(key=lambda a: (a.published or a.arrived_at, a.id), reverse=True)
        return rows

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
        self._check_thread()
        rows = self._select(feed_id, folder_id, unread_only, bookmarked_only)[offset : offset + limit]
        return [
            ArticleSummary(
                a.id, a.feed_id, a.title, a.url, a.published, a.arrived_at, a.read, a.bookmarked, a.feed_title
            )
            for a in rows
        ]

    def count_articles(
        self,
        *,
        feed_id: int | None = None,
        folder_id: int | None = None,
        unread_only: bool = False,
        bookmarked_only: bool = False,
    ) -> int:
        self._check_thread()
        return len(self._select(feed_id, folder_id, unread_only, bookmarked_only))

    def article(self, article_id: int) -> Article:
        self._check_thread()
        if article_id not in self._articles:
            raise NotFound(f"No article {article_id}")
        return self._articles[article_id]

    def full_text(self, article_id: int, *, with_images: bool | None = None) -> Article:
        self._check_thread()
        self.calls.append(f"full_text {article_id} {with_images}")
        a = self._articles[article_id]
        if a.clean is None:
            clean = CleanArticle(url=a.url or "", title=a.title, html=f"<p>Full text of {a.id}</p>", text="")
            a = self._articles[article_id] = dataclasses.replace(a, clean=clean)
        return a

    def image(self, url: str) -> tuple[bytes, str] | None:
        self._check_thread()
        return self.images.get(url)

    def mark_read(self, ids: Sequence[int], read: bool = True) -> ArticleChanges:
        self._check_thread()
        for i in ids:
            self._articles[i] = dataclasses.replace(self._articles[i], read=read)
        return ArticleChanges(status_changed=tuple(ids))

    def mark_all_read(self, *, feed_id: int | None = None, folder_id: int | None = None) -> ArticleChanges:
        ids = [a.id for a in self._select(feed_id, folder_id, True, False)]
        return self.mark_read(ids)

    def bookmark(self, target: int | str) -> Any:
        self._check_thread()
        assert isinstance(target, int)
        self._articles[target] = dataclasses.replace(self._articles[target], bookmarked=True)
        return type("Bookmarked", (), {"article": self._articles[target], "problem": None})()

    def unbookmark(self, article_id: int) -> ArticleChanges:
        self._articles[article_id] = dataclasses.replace(self._articles[article_id], bookmarked=False)
        return ArticleChanges(status_changed=(article_id,))

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        feed_id: int | None = None,
        bookmarked_only: bool = False,
        unread_only: bool = False,
        folder_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[SearchHit]:
        self._check_thread()
        hits = [
            a
            for a in self._select(feed_id, folder_id, unread_only, bookmarked_only)
            if query.lower() in a.title.lower()
            and (since is None or (a.published or a.arrived_at) >= since)
            and (until is None or (a.published or a.arrived_at) < until)
        ]
        # The store's snippet marks the match with \x02 and \x03.
        return [
            SearchHit(a.id, a.title, _mark(a.title, query), a.feed_title, a.published, 1.0)
            for a in hits[:limit]
        ]

    # -- subscribing
    def discover(self, address: str) -> list[FeedCandidate]:
        self._check_thread()
        if "nofeed" in address:
            raise NotAFeed(f"No feed found at {address}")
        if "many" in address:
            return [
                FeedCandidate(address + "/posts.xml", "Posts"),
                FeedCandidate(address + "/comments.xml", "Comments"),
            ]
        return [FeedCandidate(address, "Site feed")]

    def preview(self, url: str) -> ParsedFeed:
        self._check_thread()
        return ParsedFeed(
            title="Preview " + url, entries=(ParsedEntry(uid="1", title="Latest post", published=T0),)
        )

    def subscribe(self, url: str, *, folder: str | None = None, title: str | None = None) -> Feed:
        self._check_thread()
        fid = max(self._feeds, default=0) + 1
        folder_id = None
        if folder:
            folder_id = next((f.id for f in self._folders.values() if f.name == folder), None)
            if folder_id is None:
                folder_id = max(self._folders, default=0) + 1
                self._folders[folder_id] = Folder(folder_id, folder)
        self._feeds[fid] = Feed(fid, url, title or url, folder_id=folder_id)
        self.add_article(fid)
        return self._feeds[fid]

    def remove_feed(self, feed_id: int) -> ArticleChanges:
        del self._feeds[feed_id]
        gone = tuple(i for i, a in self._articles.items() if a.feed_id == feed_id)
        for i in gone:
            del self._articles[i]
        return ArticleChanges(removed=gone)

    def rename_feed(self, feed_id: int, title: str) -> Feed:
        self._feeds[feed_id] = dataclasses.replace(self._feeds[feed_id], title=title)
        return self._feeds[feed_id]

    def move_feed(self, feed_id: int, folder: str | None) -> Feed:
        return self._feeds[feed_id]

    def refresh(
        self,
        feed_ids: Sequence[int] | None = None,
        *,
        progress: Callable[..., None] | None = None,
        cancel: threading.Event | None = None,
        **_: Any,
    ) -> list[RefreshResult]:
        self._check_thread()
        ids = list(feed_ids if feed_ids is not None else self._feeds)
        results = []
        for n, fid in enumerate(ids, 1):
            if cancel is not None and cancel.is_set():
                break
            self.refreshed.append(fid)
            feed = self._feeds[fid]
            if feed.last_error:
                result = RefreshResult(fid, feed.url, "error", error=feed.last_error)
            else:
                result = RefreshResult(
                    fid, feed.url, "new", ArticleChanges(added=(self.add_article(fid).id,))
                )
            results.append(result)
            if progress is not None:
                progress(result, n, len(ids))
        return results

    def import_opml(self, data: bytes) -> Any:
        return type("OpmlImport", (), {"added": (), "skipped": ()})()

    def export_opml(self) -> bytes:
        return b"<opml/>"

    def close(self) -> None:
        pass


def _mark(text: str, query: str) -> str:
    start = text.lower().find(query.lower())
    if start < 0:
        return text
    end = start + len(query)
    return f"{text[:start]}\x02{text[start:end]}\x03{text[end:]}"
