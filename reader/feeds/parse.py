"""Feed bytes to a ParsedFeed: sniff, fix the encoding, parse fast, fall back when needed."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from lxml import etree

from reader.core.errors import FeedError, NotAFeed
from reader.core.models import ParsedFeed
from reader.core.urls import absolute_http_url, host_of
from reader.feeds.encoding import to_utf8
from reader.feeds.entries import build_entries
from reader.feeds.fallback import parse_careful
from reader.feeds.fast import RawFeed, parse_fast
from reader.feeds.sniff import NOT_A_FEED_PAGE, reject_non_feed, strip_bom_and_space
from reader.feeds.text import plain_text

log = logging.getLogger(__name__)
_FAST_PARSER_ERRORS = (
    ValueError,
    etree.LxmlError,
    TypeError,
    AttributeError,
    KeyError,
    IndexError,
    RecursionError,
)

_HAS_ITEMS = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>/]")
_CLOSED_ROOT = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>(?:\s|<!--.*?-->|<\?.*?\?>)*\Z", re.S)
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")
_TTL = re.compile(rb"<ttl>\s*(\d{1,6})\s*</ttl>")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# An entity whose value refers to another entity: the building block of
# "billion laughs".  Real feeds declare at most a few flat entities.
_NESTED_ENTITY = re.compile(rb"<!ENTITY\s+%?\s*[\w.-]+\s+[\"'][^\"']*&", re.I)


def parse_feed(body: bytes, url: str, *, content_type: str | None = None, now: datetime) -> ParsedFeed:
    """Parse a downloaded feed; ``url`` is its final URL (the base for relative links).

    Raises ``NotAFeed`` for web pages, empty bodies and binary files, and
    ``FeedError`` for documents too broken to read.
    """
    body = strip_bom_and_space(body)
    kind = reject_non_feed(body, content_type)
    if kind == "json":
        raw, warnings = _parse_json(body), list[str]()
    else:
        raw, kind, warnings = _parse_xml(body, url, content_type, kind)
    return ParsedFeed(
        title=plain_text(raw.title) or _fallback_title(url),
        site_url=absolute_http_url(raw.site_url, url),
        language=(raw.language or "").strip() or None,
        format=kind or "rss",
        entries=build_entries(raw.entries, url, now),
        warnings=tuple(warnings),
        ttl_minutes=_ttl(body) if kind != "json" else None,
    )


def _parse_json(body: bytes) -> RawFeed:
    try:
        raw = parse_fast(body, "")
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as exc:
        raise NotAFeed("This JSON document is not a JSON Feed") from exc
    if not raw.entries and b"jsonfeed.org" not in body[:2000]:
        raise NotAFeed("This JSON document is not a JSON Feed")
    return raw


def _parse_xml(
    body: bytes, url: str, content_type: str | None, kind: str | None
) -> tuple[RawFeed, str | None, list[str]]:
    http_charset = _charset(content_type)
    body, warning = to_utf8(body, http_charset)
    warnings = [warning] if warning else []
    if _NESTED_ENTITY.search(body[:65536]):
        raise FeedError("The feed is malformed: it declares nested XML entities, which are refused")
    try:
        raw = parse_fast(body, url)
    except _FAST_PARSER_ERRORS as exc:
        # Odd documents trip fastfeedparser in odd ways; feedparser gets its turn.
        log.debug("fastfeedparser could not read %s: %r", url, exc)
        raw = None
    if raw is not None and (raw.entries or not _HAS_ITEMS.search(body)):
        return _complete_only(raw, body, warnings), kind, warnings
    # Our bytes are UTF-8 now whatever the server said.
    careful, bozo, version = parse_careful(body, url, "application/xml; charset=utf-8")
    if careful.entries or (version and not bozo):
        if bozo:
            warnings.append("The feed is malformed; what could be read was kept")
        return _complete_only(careful, body, warnings), kind or _kind_of(version), warnings
    if kind is None:
        raise NotAFeed(NOT_A_FEED_PAGE if b"<" in body[:1024] else "This address does not return a feed")
    raise FeedError("The feed is malformed and no entries could be read")


def _complete_only(raw: RawFeed, body: bytes, warnings: list[str]) -> RawFeed:
    """Entries of a cut-short document minus the one the cut went through (catalog 18).

    A download that stopped early must not store a half entry; when nothing
    complete is left it is an error, so the feed's old articles stay as they are.
    """
    if _CLOSED_ROOT.search(body[-4096:]):
        return raw
    complete = len(_ENTRY_END.findall(body))
    if complete >= len(raw.entries) and raw.entries:
        return raw
    if complete == 0:
        raise FeedError("The feed is cut short (incomplete download?) and has no complete entries")
    warnings.append("The feed is cut short (incomplete download?); only its complete entries were read")
    raw.entries = raw.entries[:complete]
    return raw


def _kind_of(version: str) -> str | None:
    for prefix, kind in (("rss09", "rdf"), ("rss1", "rdf"), ("rss", "rss"), ("atom", "atom")):
        if version.startswith(prefix):
            return kind
    return None


def _charset(content_type: str | None) -> str | None:
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _ttl(body: bytes) -> int | None:
    match = _TTL.search(body[:16384])
    minutes = int(match.group(1)) if match else 0
    return minutes or None


def _fallback_title(url: str) -> str:
    return host_of(url) or url
