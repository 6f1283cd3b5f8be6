"""The values that travel between the layers.

Everything here is a frozen dataclass of plain Python values: no Qt, no
sqlite rows, no lxml trees, so any layer can hold one and tests can build
one by hand.  Datetimes are always timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Folder:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription and everything the refresher remembers about it."""

    id: int
    url: str
    title: str
    site_url: str | None = None
    folder_id: int | None = None
    added_at: datetime | None = None
    # Conditional-GET validators, and when they were stored (they are
    # dropped after some days: some servers answer 304 forever).
    etag: str | None = None
    last_modified: str | None = None
    validators_at: datetime | None = None
    body_hash: str | None = None
    last_fetched: datetime | None = None
    last_error: str | None = None
    error_count: int = 0
    next_check: datetime | None = None
    gone: bool = False
    keep_offline: bool = False
    # Retention of read articles for this feed; None follows the global policy.
    keep_read_days: int | None = None
    keep_read_max: int | None = None


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: str
    mime_type: str | None = None
    length: int | None = None


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One item of a parsed feed, already cleaned.

    ``uid`` is stable across refetches and unique within the feed.
    ``title`` and ``author`` are plain text; ``summary_html`` and
    ``content_html`` are sanitized HTML with absolute http(s) URLs only.
    """

    uid: str
    title: str
    url: str | None = None
    author: str | None = None
    summary_html: str | None = None
    content_html: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    image_url: str | None = None
    enclosures: tuple[Enclosure, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    site_url: str | None = None
    language: str | None = None
    # "rss", "atom", "rdf" or "json"
    format: str = "rss"
    entries: tuple[ParsedEntry, ...] = ()
    # Problems worth telling the user about even though the feed parsed
    # (encoding guessed, recovered from malformed XML, ...).
    warnings: tuple[str, ...] = ()
    # Publisher's hint for how often to poll, in minutes (RSS <ttl>).
    ttl_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """A web page reduced to its article.

    ``html`` is sanitized (nh3) with absolute http(s) URLs; ``text`` is the
    plain text with a line break at every block boundary.
    """

    url: str
    title: str
    html: str
    text: str
    author: str | None = None
    published: datetime | None = None
    site_name: str | None = None
    language: str | None = None
    lead_image: str | None = None
    direction: str = "ltr"
    # Set when the extractor distrusted its own result and used something
    # else (the feed's text, the whole page): the reader says so.
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a row of the article list needs, and no more."""

    id: int
    feed_id: int | None
    title: str
    url: str | None
    published: datetime | None
    arrived_at: datetime
    read: bool
    bookmarked: bool
    feed_title: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An article with its content and status."""

    id: int
    feed_id: int | None
    uid: str
    title: str
    url: str | None
    author: str | None
    summary_html: str | None
    content_html: str | None
    published: datetime | None
    updated: datetime | None
    arrived_at: datetime
    read: bool
    bookmarked: bool
    image_url: str | None = None
    feed_title: str | None = None
    clean: CleanArticle | None = None


@dataclass(frozen=True, slots=True)
class ArticleChanges:
    """What a write did, so views can apply it instead of reloading."""

    added: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    status_changed: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.status_changed or self.removed)

    def merge(self, other: ArticleChanges) -> ArticleChanges:
        return ArticleChanges(
            self.added + other.added,
            self.updated + other.updated,
            self.status_changed + other.status_changed,
            self.removed + other.removed,
        )


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A kept article with what the user added to it (tags, a note)."""

    article_id: int
    title: str
    url: str | None
    feed_id: int | None
    feed_title: str | None
    bookmarked_at: datetime | None
    published: datetime | None
    tags: tuple[str, ...] = ()
    note: str = ""
    has_text: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    title: str
    snippet: str
    feed_title: str | None
    published: datetime | None
    rank: float


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """The outcome of refreshing one feed."""

    feed_id: int
    url: str
    # "new", "not-modified", "unchanged", "error", "gone"
    status: str
    changes: ArticleChanges = field(default_factory=ArticleChanges)
    error: str | None = None
