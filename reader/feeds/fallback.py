"""The careful path: feedparser, for what fastfeedparser cannot read.

Used when fastfeedparser raises, finds no entries in a body that has items
(RSS 0.9, some malformed documents), or cannot be matched with our xml:base
scan.  feedparser is given bytes (a string could be taken as a file name or
URL) and the feed's URL as Content-Location, so relative links resolve; its
own sanitizer is off because everything goes through ``reader.sanitize``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

import feedparser

from reader.feeds.entries import RawEntry
from reader.feeds.fast import RawFeed
from reader.feeds.text import struct_datetime


def parse_careful(body: bytes, url: str, content_type: str | None) -> tuple[RawFeed, bool, str]:
    """(feed, bozo, version) as feedparser sees them."""
    headers = {"content-location": url, "content-type": content_type or "application/xml; charset=utf-8"}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=True)
    feed: Mapping[str, Any] = parsed.get("feed") or {}
    raw = RawFeed(
        title=_str(feed.get("title")),
        site_url=_str(feed.get("link")),
        language=_str(feed.get("language")),
        entries=[_entry(item) for item in parsed.get("entries") or ()],
    )
    return raw, bool(parsed.get("bozo")), str(parsed.get("version") or "")


def _entry(item: Mapping[str, Any]) -> RawEntry:
    summary_detail = item.get("summary_detail") or {}
    contents = [blob for blob in item.get("content") or () if isinstance(blob, Mapping)]
    content = contents[0] if contents else {}
    summary = _str(item.get("summary"))
    content_value = _str(content.get("value"))
    if content_value and summary and content_value.strip() == summary.strip():
        summary = None
    raw = RawEntry(
        guid=_str(item.get("id")),
        link=_str(item.get("link")),
        title=_str(item.get("title")),
        author=_str(item.get("author")),
        summary=summary,
        summary_type=_kind(summary_detail.get("type")),
        content=content_value,
        content_type=_kind(content.get("type")),
        published=struct_datetime(_struct(item.get("published_parsed"))),
        updated=struct_datetime(_struct(item.get("updated_parsed"))),
        # feedparser has already resolved xml:base into the links it returns;
        # the content's base is kept for the URLs inside it.
        content_base=_str(content.get("base")) or _str(summary_detail.get("base")),
    )
    for key in ("media_thumbnail", "media_content"):
        for media in _dicts(item.get(key)):
            url = _str(media.get("url"))
            medium, mime = media.get("medium"), str(media.get("type") or "")
            if url and (key == "media_thumbnail" or medium == "image" or mime.startswith("image/")):
                raw.images.append(url)
    for link in _dicts(item.get("links")):
        if link.get("rel") == "enclosure" and (href := _str(link.get("href"))):
            raw.enclosures.append((href, _str(link.get("type")), _length(link.get("length"))))
    return raw


def _kind(value: object) -> str:
    return "text" if str(value or "").lower() in ("text", "text/plain") else "html"


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _struct(value: object) -> time.struct_time | None:
    return value if isinstance(value, time.struct_time) else None


def _length(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _dicts(value: object) -> Sequence[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else ()
