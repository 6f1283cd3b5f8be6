"""The one API the desktop app and the command line call.

A Library owns the writer connection to the store, so it must be used from
one thread (the CLI's main thread, or the GUI task runner's store thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.clock import utc_now
from reader.core.errors import (
    AlreadySubscribed,
    ExtractionError,
    NotAFeed,
    NotFound,
    ReaderError,
    StorageError,
)
from reader.core.models import (
    Article,
    ArticleChanges,
    ArticleSummary,
    Bookmark,
    CleanArticle,
    Feed,
    Folder,
    ParsedFeed,
    RefreshResult,
    SearchHit,
)
from reader.core.urls import is_http_url, normalize_user_url
from reader.export import article_html, article_markdown, articles_epub
from reader.extract import extract_article
from reader.feeds import (
    FeedCandidate,
    OpmlOutline,
    discover_feeds,
    fetch_feed,
    parse_feed,
    read_opml,
    write_opml,
)
from reader.library import bookmarks as bookmark_files
from reader.library.bookmarks import BookmarkImport
from reader.library.images import store_images
from reader.library.offline import (
    MAX_ARTICLES_PER_RUN,
    OfflineProgress,
    OfflineResult,
    OfflineSaver,
    offline_window,
)
from reader.library.paths import database_path
from reader.library.refresh import Progress, Refresher
from reader.library.retention import RetentionPolicy, RetentionResult, feed_rules, maintenance
from reader.net import HttpClient
from reader.storage import Store

log = logging.getLogger(__name__)

# Article pages are bigger than feeds but an article never needs more.
MAX_PAGE_BYTES = 10 * 2**20
# The image cache's size; least recently used images beyond it go (bookmarks' never do).
DEFAULT_IMAGE_CACHE_BYTES = 500 * 2**20


@dataclass(frozen=True, slots=True)
class Bookmarked:
    article: Article
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class OpmlImport:
    added: tuple[Feed, ...]
    skipped: tuple[str, ...]


class Library:
    def __init__(
        self,
        data_dir: Path,
        *,
        client: HttpClient | None = None,
        clock: Callable[[], datetime] = utc_now,
        readonly: bool = False,
    ) -> None:
        if not readonly:
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StorageError(f"Cannot create the data folder {data_dir}: {error.strerror}") from error
        self.data_dir = data_dir
        self.store = Store(database_path(data_dir), readonly=readonly)
        self._client = client
        self._clock = clock
        self.image_cache_bytes = DEFAULT_IMAGE_CACHE_BYTES

    @property
    def client(self) -> HttpClient:
        # Created on first use: opening the library (and the app) makes no
        # network object, let alone a request.
        if self._client is None:
            self._client = HttpClient()
        return self._client

    def close(self) -> None:
        self.store.close()
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- feeds and folders -------------------------------------------------

    def feeds(self) -> list[Feed]:
        return self.store.feeds()

    def feed(self, feed_id: int) -> Feed:
        return self.store.feed(feed_id)

    def folders(self) -> list[Folder]:
        return self.store.folders()

    def unread_counts(self) -> dict[int, int]:
        return self.store.unread_counts()

    def _folder_id(self, folder: str | None) -> int | None:
        return self.store.add_folder(folder.strip()).id if folder and folder.strip() else None

    def discover(self, address: str) -> list[FeedCandidate]:
        """The feeds a feed or site address offers, best first (NotAFeed when none)."""
        url = normalize_user_url(address)
        candidates = discover_feeds(self.client, url)
        if not candidates:
            raise NotAFeed(f"No feed found at {url}")
        return candidates

    def preview(self, url: str) -> ParsedFeed:
        """Fetch and parse a feed without subscribing (for the Add Feed dialog)."""
        response = fetch_feed(self.client, url, etag=None, last_modified=None)
        return parse_feed(
            response.content,
            response.url,
            content_type=response.headers.get("content-type"),
            now=self._clock(),
        )

    def subscribe(self, url: str, *, folder: str | None = None, title: str | None = None) -> Feed:
        """Subscribe to a known feed URL and fetch it once."""
        if self.store.feed_by_url(url) is not None:
            raise AlreadySubscribed(f"Already subscribed to {url}")
        feed = self.store.add_feed(
            url, title=title or "", folder_id=self._folder_id(folder), now=self._clock()
        )
        self.refresh([feed.id])
        return self.store.feed(feed.id)

    def add_feed(self, address: str, *, folder: str | None = None, title: str | None = None) -> Feed:
        """Subscribe to a feed or a site (its first feed is discovered), then fetch it once."""
        url = normalize_user_url(address)
        if self.store.feed_by_url(url) is not None:
            raise AlreadySubscribed(f"Already subscribed to {url}")
        chosen = self.discover(url)[0]
        return self.subscribe(chosen.url, folder=folder, title=title or chosen.title)

    def remove_feed(self, feed_id: int) -> ArticleChanges:
        return self.store.remove_feed(feed_id)

    def rename_feed(self, feed_id: int, title: str) -> Feed:
        return self.store.update_feed(feed_id, title=title.strip())

    def move_feed(self, feed_id: int, folder: str | None) -> Feed:
        return self.store.update_feed(feed_id, folder_id=self._folder_id(folder))

    def set_keep_offline(self, feed_id: int, keep: bool) -> Feed:
        return self.store.update_feed(feed_id, keep_offline=keep)

    # -- refresh -------------------------------------------------------------

    def refresh(
        self,
        feed_ids: Sequence[int] | None = None,
        *,
        due_only: bool = False,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        refresher: Refresher | None = None,
    ) -> list[RefreshResult]:
        """Refresh the given feeds (default: all that are not gone); one result per feed."""
        if feed_ids is not None:
            feeds = [self.store.feed(i) for i in feed_ids]
        elif due_only:
            feeds = self.store.due_feeds(self._clock())
        else:
            feeds = [f for f in self.store.feeds() if not f.gone]
        runner = refresher or Refresher(self.client)
        return runner.run(self.store, feeds, self._clock, progress=progress, cancel=cancel)

    def prefetch(self, feed_ids: Sequence[int], refresher: Refresher) -> None:
        """Start downloading these feeds for ``refresher``'s next run (feeds gone meanwhile are skipped)."""
        feeds = []
        for feed_id in feed_ids:
            try:
                feeds.append(self.store.feed(feed_id))
            except NotFound:
                continue
        refresher.prefetch(feeds, self._clock)

    # -- articles ------------------------------------------------------------

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
        return self.store.articles(
            feed_id=feed_id,
            folder_id=folder_id,
            unread_only=unread_only,
            bookmarked_only=bookmarked_only,
            limit=limit,
            offset=offset,
        )

    def count_articles(
        self,
        *,
        feed_id: int | None = None,
        folder_id: int | None = None,
        unread_only: bool = False,
        bookmarked_only: bool = False,
    ) -> int:
        return self.store.count_articles(
            feed_id=feed_id, folder_id=folder_id, unread_only=unread_only, bookmarked_only=bookmarked_only
        )

    def article(self, article_id: int) -> Article:
        return self.store.article(article_id)

    def image(self, url: str) -> tuple[bytes, str] | None:
        """A stored image (data, MIME type): the reading pane shows nothing else.

        Never fetches: an image that is not stored is None.
        """
        found = self.store.image(url)
        if found is not None:
            # Recency for the cache's least-recently-used eviction (written at most hourly).
            self.store.touch_image(url, now=self._clock())
        return found

    def mark_read(self, article_ids: Sequence[int], read: bool = True) -> ArticleChanges:
        return self.store.set_read(article_ids, read, now=self._clock())

    def mark_all_read(self, *, feed_id: int | None = None, folder_id: int | None = None) -> ArticleChanges:
        return self.store.mark_all_read(feed_id=feed_id, folder_id=folder_id, now=self._clock())

    def full_text(self, article_id: int, *, with_images: bool | None = None) -> Article:
        """The article with its clean full text, fetching and extracting the page once.

        Raises a ReaderError when the page cannot be had; the article's feed
        text stays available through ``article()``.
        """
        article = self.store.article(article_id)
        if article.clean is None:
            if not article.url:
                raise ExtractionError("This article has no web page to fetch.")
            clean = self.extract_url(article.url, feed_html=article.content_html or article.summary_html)
            self.store.save_clean(article_id, clean, now=self._clock())
            article = self.store.article(article_id)
        if with_images is None:
            with_images = article.bookmarked or self._keeps_offline(article)
        if (
            with_images
            and article.clean is not None
            and store_images(self.store, self.client, article_id, article.clean.html, self._clock)
        ):
            self.trim_image_cache()
        return article

    def _keeps_offline(self, article: Article) -> bool:
        return article.feed_id is not None and self.store.feed(article.feed_id).keep_offline

    def extract_url(self, url: str, *, feed_html: str | None = None) -> CleanArticle:
        if not is_http_url(url):
            raise ExtractionError(f"Only http and https pages can be read: {url}")
        response = self.client.get(url, max_bytes=MAX_PAGE_BYTES)
        return extract_article(
            response.content,
            response.url,
            content_type=response.headers.get("content-type"),
            feed_html=feed_html,
        )

    # -- bookmarks and search --------------------------------------------------

    def bookmark(self, target: int | str) -> Bookmarked:
        """Keep an article (by id) or any web page (by URL) for good, with its text and images.

        A page that cannot be had is an error and nothing is saved; an article
        whose full text cannot be fetched now is still bookmarked, and the
        result says why its text is missing.
        """
        if isinstance(target, int):
            article_id = self.store.article(target).id
        else:
            url = normalize_user_url(target)
            existing = self.store.article_by_url(url)
            if existing is not None:
                article_id = existing.id
            else:
                clean = self.extract_url(url)
                article_id = self.store.add_page_article(clean.url or url, clean.title, now=self._clock())
                self.store.save_clean(article_id, clean, now=self._clock())
        self.store.set_bookmarked(article_id, True, now=self._clock())
        try:
            return Bookmarked(self.full_text(article_id, with_images=True))
        except ReaderError as error:
            log.info("bookmarked article %d without its full text: %s", article_id, error)
            return Bookmarked(self.store.article(article_id), problem=str(error))

    def unbookmark(self, article_id: int) -> ArticleChanges:
        return self.store.set_bookmarked(article_id, False, now=self._clock())

    def bookmarks(self, *, tag: str | None = None) -> list[Bookmark]:
        """Every bookmark (only those tagged ``tag`` when given), most recently kept first."""
        return self.store.bookmarks(tag=tag)

    def bookmark_info(self, article_id: int) -> Bookmark:
        return self.store.bookmark(article_id)

    def bookmark_tags(self) -> list[tuple[str, int]]:
        """Tags in use, with how many bookmarks carry each."""
        return self.store.bookmark_tags()

    def set_bookmark_details(
        self, article_id: int, *, tags: Sequence[str] | None = None, note: str | None = None
    ) -> Bookmark:
        """Replace a bookmark's tags and/or its personal note (None leaves that one alone)."""
        self.store.set_bookmark_details(article_id, tags=tags, note=note)
        return self.store.bookmark(article_id)

    def export_bookmarks(self) -> bytes:
        """Every bookmark with its text, as a JSON bookmarks file (see ``library.bookmarks``)."""
        return bookmark_files.export_bookmarks(self.store, now=self._clock())

    def export_bookmarks_to(self, path: Path) -> int:
        """Write the bookmarks file to ``path`` whole or not at all; returns how many bookmarks."""
        data = self.export_bookmarks()
        write_atomically(path, data)
        return len(self.store.bookmarks())

    def import_bookmarks(self, data: bytes) -> BookmarkImport:
        """Merge a bookmarks file in: known URLs gain its tags, new ones become bookmarks with their text."""
        records = bookmark_files.read_bookmarks_file(data)
        return bookmark_files.import_bookmarks(self.store, records, now=self._clock())

    def index_search(self, limit: int | None = 500) -> int:
        """Index some articles a refresh stored (the GUI calls it between tasks); returns how many remain."""
        return self.store.index_pending(limit)

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
        """Ranked matches with highlighted snippets; ``since <= date < until`` when given."""
        return self.store.search(
            query,
            limit=limit,
            feed_id=feed_id,
            folder_id=folder_id,
            bookmarked_only=bookmarked_only,
            unread_only=unread_only,
            since=since,
            until=until,
        )

    # -- offline reading, retention ----------------------------------------------

    def store_offline(
        self,
        feed_ids: Sequence[int] | None = None,
        *,
        progress: OfflineProgress | None = None,
        cancel: threading.Event | None = None,
    ) -> OfflineResult:
        """Keep the full text and images of new articles of keep-offline feeds (and of bookmarks
        still without their text), fetched in parallel; run it after a refresh."""
        arrived_since, failed_before = offline_window(self._clock())
        todo = self.store.offline_candidates(
            feed_ids, arrived_since=arrived_since, retry_before=failed_before, limit=MAX_ARTICLES_PER_RUN
        )
        if not todo:
            return OfflineResult()
        result = OfflineSaver(self.client).run(
            self.store, todo, self._clock, progress=progress, cancel=cancel
        )
        if result.images:
            self.trim_image_cache()
        return result

    def trim_image_cache(self) -> list[str]:
        """Evict least-recently-used images beyond ``image_cache_bytes``, never a bookmark's."""
        return self.store.evict_images(self.image_cache_bytes)

    def set_retention(self, feed_id: int, *, keep_read_days: int | None, keep_read_max: int | None) -> Feed:
        """A feed's own retention of read articles (None: follow the global policy)."""
        return self.store.update_feed(feed_id, keep_read_days=keep_read_days, keep_read_max=keep_read_max)

    def apply_retention(
        self, policy: RetentionPolicy | None = None, *, cancel: threading.Event | None = None
    ) -> RetentionResult:
        """Delete old read articles (never bookmarked or unread ones) and tidy the file.

        Meant for the store thread in the background: deletions go in short transactions.
        """
        now = self._clock()
        changes = ArticleChanges()
        for rule in feed_rules(self.store.feeds(), policy or RetentionPolicy(), now):
            if cancel is not None and cancel.is_set():
                break
            expired = self.store.expired_articles(rule)
            if expired:
                changes = changes.merge(self.store.delete_articles(expired, now=now))
        images = self.store.delete_unlinked_images()
        self.store.forget_tombstones(now=now)
        plan = maintenance(self.store.space(), len(changes.removed))
        self.store.optimize(vacuum=plan.vacuum, merge_search=plan.merge_search)
        return RetentionResult(changes, images, plan.vacuum)

    # -- export ------------------------------------------------------------------

    def articles_for_export(self, article_ids: Sequence[int], *, fetch: bool = True) -> list[Article]:
        """The articles with their full text where it can be had (else the feed's text)."""
        chosen = []
        for article_id in article_ids:
            article = self.store.article(article_id)
            if fetch and article.clean is None and article.url:
                try:
                    article = self.full_text(article_id, with_images=True)
                except ReaderError as error:
                    log.info("exporting article %d with its feed text: %s", article_id, error)
            chosen.append(article)
        return chosen

    def export_file(
        self,
        article_ids: Sequence[int],
        fmt: str,
        path: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        """Write articles as EPUB (any number), HTML or Markdown (one article).

        The file appears whole or not at all: it is written beside the target
        and renamed into place.
        """
        if not article_ids:
            raise ReaderError("Nothing to export.")
        if fmt in ("html", "md") and len(article_ids) > 1:
            raise ReaderError("HTML and Markdown exports take one article; use EPUB or PDF for several.")
        articles = self.articles_for_export(article_ids)
        if fmt == "epub":
            title = articles[0].title if len(articles) == 1 else f"Reader: {len(articles)} articles"
            data = articles_epub(articles, self.image, title=title, progress=progress, cancel=cancel)
        elif fmt == "html":
            data = article_html(articles[0], self.image).encode("utf-8")
        elif fmt == "md":
            data = article_markdown(articles[0]).encode("utf-8")
        else:
            raise ReaderError(f"Unknown export format: {fmt}")
        write_atomically(path, data)

    # -- OPML ------------------------------------------------------------------

    def import_opml(self, data: bytes) -> OpmlImport:
        """Subscribe to every feed of an OPML file (fetched at the next refresh)."""
        added: list[Feed] = []
        skipped: list[str] = []
        for outline in read_opml(data):
            if self.store.feed_by_url(outline.url) is not None:
                skipped.append(outline.url)
                continue
            added.append(
                self.store.add_feed(
                    outline.url,
                    title=outline.title,
                    folder_id=self._folder_id(outline.folder),
                    now=self._clock(),
                )
            )
        return OpmlImport(tuple(added), tuple(skipped))

    def export_opml(self) -> bytes:
        names = {f.id: f.name for f in self.store.folders()}
        outlines = [
            OpmlOutline(url=f.url, title=f.title, folder=names.get(f.folder_id) if f.folder_id else None)
            for f in self.store.feeds()
        ]
        return write_opml(outlines, title="Reader subscriptions")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` whole: a failure leaves the old file, or none, never half a file."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise ReaderError(f"Cannot write {path}: {error.strerror}") from error


def extract_page(body: bytes, url: str, *, content_type: str | None = None) -> CleanArticle:
    """The clean article of a page the caller already has (a saved file, say)."""
    return extract_article(body, url, content_type=content_type)
