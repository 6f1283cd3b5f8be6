"""What either parser found in a feed, turned into the core's ParsedEntry values.

Both parser paths (fastfeedparser, feedparser) fill the same ``RawEntry``;
everything a user would notice is decided here, once: stable ids, plain-text
titles, http(s)-only absolute URLs, sanitized HTML, clamped dates.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from reader.core.models import Enclosure, ParsedEntry
from reader.core.urls import absolute_http_url
from reader.feeds.text import clamp_date, plain_text
from reader.sanitize import sanitize_html

# Longer ids are hashed: some feeds put whole URLs with tracking junk, or
# the entry's text, in their guid.
MAX_UID_CHARS = 512
_PLAIN_TYPES = frozenset({"text", "text/plain"})


@dataclass(slots=True)
class RawEntry:
    guid: str | None = None
    link: str | None = None
    title: str | None = None
    author: str | None = None
    summary: str | None = None
    summary_type: str = "html"
    content: str | None = None
    content_type: str = "html"
    published: datetime | None = None
    updated: datetime | None = None
    # (url, mime type, length) as found, not yet resolved or checked.
    enclosures: list[tuple[str, str | None, int | None]] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    # Bases for relative URLs: the entry's (links, media) and its content's (xml:base aware).
    base: str | None = None
    content_base: str | None = None


def build_entries(raw_entries: Iterable[RawEntry], feed_url: str, now: datetime) -> tuple[ParsedEntry, ...]:
    built: list[ParsedEntry] = []
    taken: set[str] = set()
    for position, raw in enumerate(raw_entries):
        entry = _build(raw, feed_url, now)
        uid = _unique(entry.uid, entry.url, position, taken)
        taken.add(uid)
        built.append(entry if uid == entry.uid else _with_uid(entry, uid))
    return tuple(built)


def _build(raw: RawEntry, feed_url: str, now: datetime) -> ParsedEntry:
    base = raw.base or feed_url
    content_base = raw.content_base or base
    url = absolute_http_url(raw.link, base)
    title = plain_text(raw.title)
    summary = _html(raw.summary, raw.summary_type, content_base)
    content = _html(raw.content, raw.content_type, content_base)
    published = clamp_date(raw.published, now)
    updated = clamp_date(raw.updated, now)
    enclosures = _enclosures(raw.enclosures, base)
    image = next(
        (found for found in (absolute_http_url(image, base) for image in raw.images) if found), None
    ) or next((item.url for item in enclosures if (item.mime_type or "").startswith("image/")), None)
    return ParsedEntry(
        uid=_identity(raw, url, title, published, summary, content),
        title=title,
        url=url,
        author=plain_text(raw.author) or None,
        summary_html=summary,
        content_html=content,
        published=published,
        updated=updated,
        image_url=image,
        enclosures=enclosures,
    )


def _identity(
    raw: RawEntry,
    url: str | None,
    title: str,
    published: datetime | None,
    summary: str | None,
    content: str | None,
) -> str:
    """guid, else the link, else a hash of what the entry says (Miniflux's order, catalog 11)."""
    guid = (raw.guid or "").strip()
    if guid and guid != (raw.link or "").strip():
        key = guid
    elif url:
        key = url
    elif guid:
        key = guid
    else:
        stamp = published.isoformat() if published else ""
        text = "\x1f".join((title, stamp, content or summary or ""))
        return "sha1:" + hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
    if len(key) > MAX_UID_CHARS:
        return "sha1:" + hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()
    return key


def _unique(uid: str, url: str | None, position: int, taken: set[str]) -> str:
    """The first entry keeps a repeated id; later ones add their link, else their position (catalog 10)."""
    if uid not in taken:
        return uid
    if url and f"{uid}|{url}" not in taken:
        return f"{uid}|{url}"
    candidate = f"{uid}|#{position}"
    while candidate in taken:
        candidate += "'"
    return candidate


def _with_uid(entry: ParsedEntry, uid: str) -> ParsedEntry:
    return ParsedEntry(
        uid=uid,
        title=entry.title,
        url=entry.url,
        author=entry.author,
        summary_html=entry.summary_html,
        content_html=entry.content_html,
        published=entry.published,
        updated=entry.updated,
        image_url=entry.image_url,
        enclosures=entry.enclosures,
    )


def _html(value: str | None, kind: str, base: str) -> str | None:
    if not value or not value.strip():
        return None
    if kind.lower() in _PLAIN_TYPES:
        return "<p>" + html.escape(value.strip()).replace("\n\n", "</p><p>") + "</p>"
    if "<" not in value:
        # Markup-free HTML (most summaries): no need for the sanitizer.
        return html.escape(html.unescape(value.strip()), quote=False)
    return sanitize_html(value, base) or None


def _enclosures(found: list[tuple[str, str | None, int | None]], base: str) -> tuple[Enclosure, ...]:
    result: list[Enclosure] = []
    seen: set[str] = set()
    for url, mime, length in found:
        absolute = absolute_http_url(url, base)
        if absolute is None or absolute in seen:
            continue
        seen.add(absolute)
        result.append(Enclosure(absolute, mime or None, length if length and length > 0 else None))
    return tuple(result)
