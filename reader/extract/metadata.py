"""What a page says about its article: title, byline, date, site, language, image.

Sources, most trusted first: schema.org JSON-LD, OpenGraph and ``article:``
properties, classic ``<meta name>`` tags, then the document itself (``<time>``,
``<html lang>``, ``<title>``).  Everything is read from the one lxml tree the
pipeline parsed, before any cleaning removes the head.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, cast

from lxml import etree

from reader.core.urls import absolute_http_url

log = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "report",
        "scholarlyarticle",
        "techarticle",
        "liveblogposting",
        "posting",
        "socialmediaposting",
        "webpage",
    }
)
RTL_LANGUAGES = frozenset({"ar", "arc", "dv", "fa", "he", "iw", "ji", "ku", "ps", "sd", "ug", "ur", "yi"})
# <meta> names and properties that carry the publication date, most specific first.
DATE_META_KEYS = (
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:pubdate",
    "datepublished",
    "publish-date",
    "publishdate",
    "pdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
_TIME_XPATH = "//*[@itemprop='datePublished'][@datetime or @content] | //time[@datetime]"
# No news page is dated before the web.
EARLIEST_YEAR = 1991
# A JSON-LD block longer than this is not metadata worth parsing.
MAX_JSON_LD_CHARS = 500_000
_SEPARATORS_RE = re.compile(r"\s+[|\u2013\u2014:\u00b7•»-]\s+")
_SPACE_RE = re.compile(r"\s+")
_BY_RE = re.compile(r"^\s*(by|von|par|por|di|door)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    site_name: str | None = None
    language: str | None = None
    lead_image: str | None = None
    direction: str = "ltr"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    if "&" in value:
        # Some pages escape their meta text twice ("doesn&#8217;t").
        value = html.unescape(value)
    value = _SPACE_RE.sub(" ", value).strip()
    return value or None


def parse_datetime(value: str | None) -> datetime | None:
    """An aware UTC datetime from ISO 8601 or RFC 2822 text; naive times are taken as UTC."""
    value = _clean(value)
    if not value:
        return None
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.year < EARLIEST_YEAR:
        # Placeholders such as 0001-01-01 from a template with no date.
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        return None


def _json_ld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for script in root.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        if len(script.text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            log.debug("unreadable JSON-LD block skipped")
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.lower() for n in names if isinstance(n, str)}


def _name_of(value: Any) -> str | None:
    """A person's or organisation's name, whichever shape JSON-LD gave it."""
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    name = _clean(value)
    return None if name is None or name.startswith(("http://", "https://")) else name


def _image_of(value: Any) -> str | None:
    if isinstance(value, list):
        return next((url for url in map(_image_of, value) if url), None)
    if isinstance(value, dict):
        return _clean(value.get("url") or value.get("contentUrl"))
    return _clean(value)


def _article_json_ld(root: etree._Element) -> dict[str, Any]:
    """The JSON-LD object describing the article (a WebPage only if nothing better)."""
    best: dict[str, Any] = {}
    for obj in _json_ld_objects(root):
        kinds = _types(obj)
        if kinds & ARTICLE_TYPES - {"webpage"}:
            return obj
        if "webpage" in kinds and not best:
            best = obj
    return best


def _meta_values(root: etree._Element) -> dict[str, str]:
    """First value of each ``<meta>`` by its lower-cased property/name/itemprop."""
    values: dict[str, str] = {}
    for meta in root.iterfind(".//meta"):
        content = _clean(meta.get("content"))
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                values.setdefault(key, content)
    return values


def strip_site_suffix(title: str, site_name: str | None) -> str:
    """``title`` without a " | Site" (or "Site - ") part naming the site."""
    if not site_name:
        return title
    site = site_name.strip().lower()
    separators = list(_SEPARATORS_RE.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    if title[last.end() :].strip().lower() == site:
        return title[: last.start()].strip() or title
    if title[: first.start()].strip().lower() == site:
        return title[first.end() :].strip() or title
    return title


def _first_time(root: etree._Element) -> datetime | None:
    """The first machine-readable date in the document's body."""
    for el in cast(list[etree._Element], root.xpath(_TIME_XPATH)):
        parsed = parse_datetime(el.get("datetime") or el.get("content"))
        if parsed is not None:
            return parsed
    return None


def read_metadata(root: etree._Element, url: str) -> PageMetadata:
    """Metadata from the page's tree; ``url`` resolves relative image URLs."""
    ld = _article_json_ld(root)
    meta = _meta_values(root)
    title_el = root.find(".//title")
    raw_title = _clean(title_el.text_content() if title_el is not None else None)  # type: ignore[attr-defined]

    site_name = (
        meta.get("og:site_name")
        or _name_of(ld.get("publisher"))
        or meta.get("application-name")
        or meta.get("twitter:site", "").lstrip("@")
        or None
    )
    headline = _clean(ld.get("headline")) or _clean(ld.get("name")) if ld else None
    title = headline or meta.get("og:title") or meta.get("twitter:title") or meta.get("dc.title")
    if title is None and raw_title:
        title = strip_site_suffix(raw_title, site_name)
    if title is None:
        h1 = root.find(".//h1")
        title = _clean(h1.text_content()) if h1 is not None else None  # type: ignore[attr-defined]
    if title and site_name:
        title = strip_site_suffix(title, site_name)

    author = (
        _name_of(ld.get("author"))
        or _name_of(meta.get("author"))
        or _name_of(meta.get("article:author"))
        or meta.get("dc.creator")
        or meta.get("parsely-author")
        or meta.get("sailthru.author")
    )
    if author:
        author = _BY_RE.sub("", author)

    ld_date = ld.get("datePublished")
    published = parse_datetime(ld_date if isinstance(ld_date, str) else None)
    for key in DATE_META_KEYS:
        if published is not None:
            break
        published = parse_datetime(meta.get(key))
    if published is None:
        published = _first_time(root)

    html_el = root if root.tag == "html" else root.getroottree().getroot()
    language = (
        _clean(html_el.get("lang"))
        or _clean(html_el.get("xml:lang"))
        or _clean(ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None)
        or meta.get("content-language")
        or meta.get("og:locale")
    )
    if language:
        language = language.replace("_", "-").split(",")[0].strip()
    direction = (html_el.get("dir") or "").strip().lower()
    if direction not in ("ltr", "rtl"):
        primary = (language or "").split("-")[0].lower()
        direction = "rtl" if primary in RTL_LANGUAGES else "ltr"

    image = (
        meta.get("og:image")
        or meta.get("og:image:url")
        or meta.get("og:image:secure_url")
        or _image_of(ld.get("image"))
        or meta.get("twitter:image")
        or meta.get("twitter:image:src")
    )

    return PageMetadata(
        title=title,
        author=author,
        published=published,
        site_name=site_name,
        language=language,
        lead_image=absolute_http_url(image, url),
        direction=direction,
    )
