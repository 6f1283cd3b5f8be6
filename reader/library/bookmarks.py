"""Bookmarks as a file the user keeps: JSON, versioned, with each bookmark's text.

The file holds, for every bookmark: title, URL, tags, note, dates, and the clean
text and HTML when it was stored (else the feed's text, marked as such).  Images
are not in it: they are fetched again when an imported bookmark is read online.

Importing merges: a URL already in the library gains the file's tags (and its
note when it had none), never a second article.  The file comes from outside, so
its HTML is sanitized again before it is stored.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.errors import ReaderError
from reader.core.models import Article, Bookmark, CleanArticle
from reader.core.urls import is_http_url
from reader.sanitize import sanitize_html
from reader.storage import Store
from reader.storage.convert import html_to_text

FORMAT = "newsreader-bookmarks"
VERSION = 1
FEED_TEXT_WARNING = "Only the feed's text was kept with this bookmark; the full page was not saved."


class BookmarkFileError(ReaderError):
    """A bookmarks file that cannot be read."""


@dataclass(frozen=True, slots=True)
class BookmarkImport:
    added: tuple[int, ...]
    merged: tuple[int, ...]
    skipped: tuple[str, ...]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _record(bookmark: Bookmark, article: Article) -> dict[str, Any]:
    clean = article.clean
    record: dict[str, Any] = {
        "url": article.url,
        "title": article.title,
        "feed_title": article.feed_title,
        "tags": list(bookmark.tags),
        "note": bookmark.note,
        "bookmarked_at": _iso(bookmark.bookmarked_at),
        "published": _iso(article.published),
        "author": article.author,
    }
    if clean is not None:
        record.update(
            text_source="page",
            html=clean.html,
            text=clean.text,
            page_url=clean.url,
            site_name=clean.site_name,
            language=clean.language,
            direction=clean.direction,
        )
    else:
        feed_html = article.content_html or article.summary_html or ""
        record.update(text_source="feed", html=feed_html, text=html_to_text(feed_html))
    return record


def export_bookmarks(store: Store, *, now: datetime) -> bytes:
    """Every bookmark with its text, as the bytes of a bookmarks file."""
    records = [_record(b, store.article(b.article_id)) for b in store.bookmarks()]
    document = {"format": FORMAT, "version": VERSION, "exported_at": now.isoformat(), "bookmarks": records}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def read_bookmarks_file(data: bytes) -> list[dict[str, Any]]:
    """The bookmark records of a file; BookmarkFileError when it is not one we can read."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BookmarkFileError(f"Not a bookmarks file (not JSON): {error}") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BookmarkFileError("Not a bookmarks file of this news reader.")
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BookmarkFileError(
            f"The bookmarks file has version {version}; this app reads up to {VERSION}. Update the app."
        )
    records = document.get("bookmarks")
    if not isinstance(records, list):
        raise BookmarkFileError("The bookmarks file has no list of bookmarks.")
    return [r for r in records if isinstance(r, dict)]


def _clean_of(record: dict[str, Any], url: str, title: str) -> CleanArticle | None:
    raw_html = _text(record.get("html"))
    if not raw_html.strip():
        return None
    base = _text(record.get("page_url")) or url
    html = sanitize_html(raw_html, base if is_http_url(base) else url)
    from_page = record.get("text_source") == "page"
    return CleanArticle(
        url=base if is_http_url(base) else url,
        title=title,
        html=html,
        text=_text(record.get("text")) or html_to_text(html),
        author=_text(record.get("author")) or None,
        published=_date(record.get("published")),
        site_name=_text(record.get("site_name")) or None,
        language=_text(record.get("language")) or None,
        direction="rtl" if record.get("direction") == "rtl" else "ltr",
        warning=None if from_page else FEED_TEXT_WARNING,
    )


def import_bookmarks(store: Store, records: Sequence[dict[str, Any]], *, now: datetime) -> BookmarkImport:
    """Merge bookmark records into the store, one transaction per bookmark."""
    added: list[int] = []
    merged: list[int] = []
    skipped: list[str] = []
    for record in records:
        url = _text(record.get("url"))
        if not is_http_url(url):
            skipped.append(url or _text(record.get("title"), "(no address)"))
            continue
        title = _text(record.get("title")) or url
        tags = [t for t in record.get("tags") or [] if isinstance(t, str)]
        article_id, created = store.merge_bookmark(
            url,
            title=title,
            clean=_clean_of(record, url, title),
            tags=tags,
            note=_text(record.get("note")),
            bookmarked_at=_date(record.get("bookmarked_at")),
            published=_date(record.get("published")),
            now=now,
        )
        (added if created else merged).append(article_id)
    return BookmarkImport(tuple(added), tuple(merged), tuple(skipped))
