"""Finding the feeds of a web site from any address the user pastes.

Order (what a user expects to see first): the address itself when it is a
feed; else the page's ``<link rel=alternate|feed>`` feeds in document order;
else ``<a>`` links that look like feeds, checked by fetching them; else the
usual paths (/feed, /rss, ...).  Comment feeds go last.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from reader.core.errors import FeedError, FetchError
from reader.core.urls import absolute_http_url
from reader.feeds.parse import parse_feed
from reader.feeds.retrieve import FEED_ACCEPT
from reader.feeds.sniff import detect_format
from reader.net import HttpClient, Response

log = logging.getLogger(__name__)

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",
    "application/rdf+xml": "rdf",
    "application/xml": None,
    "text/xml": None,
}
PROBE_PATHS = ("/feed", "/rss", "/feed.xml", "/atom.xml", "/rss.xml", "/index.xml")
MAX_LINK_GUESSES = 5
_LOOKS_LIKE_FEED = re.compile(r"feed|rss|atom|xml", re.I)
_COMMENTS = re.compile(r"comment", re.I)


@dataclass(frozen=True, slots=True)
class FeedCandidate:
    url: str
    title: str | None
    format: str | None  # "rss", "atom", "rdf", "json" or None when not known


def discover_feeds(client: HttpClient, url: str) -> list[FeedCandidate]:
    """Feeds found from ``url``; [] when there are none.  Fetch errors of ``url`` itself propagate."""
    response = client.get(url, headers={"Accept": "text/html, " + FEED_ACCEPT})
    itself = _as_feed(response)
    if itself is not None:
        return [itself]
    page_url, links, anchors = _read_page(response)
    found = _ordered([candidate for candidate in links if candidate.url != response.url])
    if found:
        return found
    for guess in anchors[:MAX_LINK_GUESSES]:
        verified = _verify(client, guess)
        if verified is not None:
            found.append(verified)
    if found:
        return _ordered(found)
    root = "{0.scheme}://{0.netloc}".format(urlsplit(page_url))
    for path in PROBE_PATHS:
        verified = _verify(client, root + path)
        if verified is not None:
            return [verified]
    return []


def _as_feed(response: Response) -> FeedCandidate | None:
    kind = detect_format(response.content)
    if kind is None:
        return None
    try:
        parsed = parse_feed(
            response.content,
            response.url,
            content_type=response.headers.get("content-type"),
            now=datetime.now(UTC),
        )
    except FeedError:
        return None
    return FeedCandidate(response.url, parsed.title, parsed.format)


def _verify(client: HttpClient, url: str) -> FeedCandidate | None:
    try:
        return _as_feed(client.get(url, headers={"Accept": FEED_ACCEPT}))
    except FetchError as exc:
        log.debug("no feed at %s: %s", url, exc)
        return None


def _read_page(response: Response) -> tuple[str, list[FeedCandidate], list[str]]:
    """(base URL, <link> feeds, <a> URLs that look like feeds), in document order."""
    try:
        document = lxml.html.document_fromstring(response.content)
    except (etree.ParserError, ValueError) as exc:
        log.debug("not a readable page %s: %s", response.url, exc)
        return response.url, [], []
    base = response.url
    for element in document.iterfind(".//base[@href]"):
        base = absolute_http_url(element.get("href"), response.url) or base
        break
    links: list[FeedCandidate] = []
    for element in document.iterfind(".//link[@href]"):
        rel = (element.get("rel") or "").lower().split()
        mime = (element.get("type") or "").split(";", 1)[0].strip().lower()
        if ("alternate" in rel or "feed" in rel) and mime in FEED_TYPES:
            kind = FEED_TYPES[mime]
        elif "feed" in rel and not mime:
            kind = None
        else:
            continue
        href = absolute_http_url(element.get("href"), base)
        if href:
            title = " ".join((element.get("title") or "").split()) or None
            links.append(FeedCandidate(href, title, kind))
    anchors: list[str] = []
    for element in document.iterfind(".//a[@href]"):
        href = absolute_http_url(element.get("href"), base)
        parts = urlsplit(href) if href else None
        if href and parts and _LOOKS_LIKE_FEED.search(parts.path + "?" + parts.query) and href not in anchors:
            anchors.append(href)
    return base, links, anchors


def _ordered(candidates: list[FeedCandidate]) -> list[FeedCandidate]:
    """Duplicates dropped, comment feeds moved last, document order otherwise kept."""
    seen: set[str] = set()
    unique = []
    for candidate in candidates:
        if candidate.url not in seen:
            seen.add(candidate.url)
            unique.append(candidate)

    def is_comments(candidate: FeedCandidate) -> bool:
        return bool(_COMMENTS.search(candidate.title or "") or _COMMENTS.search(candidate.url))

    return sorted(unique, key=is_comments)


__all__ = ["FeedCandidate", "discover_feeds"]
