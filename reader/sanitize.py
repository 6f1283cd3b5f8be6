"""Untrusted HTML (feed content, extracted pages) to HTML the reader may show.

nh3 (ammonia) does the sanitizing with a strict allowlist: no scripts,
frames, forms, event handlers, styles, SVG or MathML.  This module adds what
it leaves to the caller:

- every URL made absolute against the document's base and kept only when it
  is http(s), so no ``javascript:``, ``data:`` or ``file:``;
- tracking pixels dropped: images of 2x2 pixels or less, and images from
  known tracker hosts and paths;
- at most ``MAX_IMAGES`` images, so a hostile page cannot make the reader
  fetch thousands (catalog 39);
- bounded nesting: nh3's time grows faster than linearly with depth (100k
  nested ``<div>`` took nearly a minute), so input with very many tags is
  first passed through lxml, whose parser caps depth at about 255.

The reading pane and the PDF writer only ever see this output.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import lxml.html
import nh3
from lxml import etree

from reader.core.urls import absolute_http_url

log = logging.getLogger(__name__)

# What QTextBrowser renders (Qt's "Supported HTML Subset") plus the semantic
# tags readability emits, which the renderer maps to that subset.
ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "time": {"datetime"},
    "*": {"dir", "lang"},
}
URL_ATTRIBUTES = frozenset({"href", "src"})
# Elements whose content goes with them (nh3 keeps the text of other
# unknown tags, but a script's text is code, not prose).
DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "select",
        "textarea",
        "button",
        "title",
    }
)
# Input beyond this is cut before nh3: no article needs more.
MAX_INPUT_CHARS = 2_000_000
MAX_IMAGES = 100
# Below this many tags nh3 is fast whatever the nesting; above, flatten first.
FLATTEN_ABOVE_TAGS = 5_000
PIXEL_MAX_SIDE = 2
TRACKER_HOSTS = frozenset(
    {
        "pixel.wp.com",
        "stats.wordpress.com",
        "feeds.feedburner.com",
        "feedproxy.google.com",
        "www.google-analytics.com",
        "google-analytics.com",
        "ssl.google-analytics.com",
        "pixel.quantserve.com",
        "b.scorecardresearch.com",
        "sb.scorecardresearch.com",
        "www.facebook.com",
        "pixel.facebook.com",
        "ad.doubleclick.net",
        "stats.g.doubleclick.net",
        "mf.feeds.reuters.com",
        "pi.feedsportal.com",
        "rss.feedsportal.com",
        "feeds.wordpress.com",
        "pixel.mathtag.com",
        "counter.yadro.ru",
        "mc.yandex.ru",
        "top-fwz1.mail.ru",
        "www.assoc-amazon.com",
        "analytics.twitter.com",
        "t.co",
        "px.ads.linkedin.com",
        "bat.bing.com",
        "pixel.rubiconproject.com",
        "certify.alexametrics.com",
    }
)
TRACKER_PATH_RE = re.compile(
    r"/(pixel|tracking|tracker|beacon|open|blank|spacer|1x1|clear)\.(gif|png|jpe?g|php)\b|/~r/|/~ff/|/tr\?|/collect\?|/pixel/",
    re.IGNORECASE,
)
# C0 controls mean nothing in HTML and make lxml refuse the text downstream.
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r'\b(src|width|height)="([^"]*)"')


def _flatten(html: str) -> str:
    """``html`` re-serialized by lxml, which cuts nesting beyond about 255 levels."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    if body is None:
        return ""
    inner = [body.text or ""] + [lxml.html.tostring(child, encoding="unicode") for child in body]
    return "".join(inner)


def _is_tracker(src: str) -> bool:
    parts = urlsplit(src)
    host = (parts.hostname or "").lower()
    if host in TRACKER_HOSTS or host.startswith(("pixel.", "stats.", "beacon.", "tracking.", "track.")):
        return True
    return bool(TRACKER_PATH_RE.search(parts.path + ("?" + parts.query if parts.query else "")))


def _is_pixel(width: str | None, height: str | None) -> bool:
    for side in (width, height):
        if side is None:
            continue
        digits = side.strip().removesuffix("px")
        if digits.isdigit() and int(digits) <= PIXEL_MAX_SIDE:
            return True
    return False


def _filter_images(html: str) -> str:
    """Drop tracking pixels, images without a usable src, and images past the cap."""
    kept = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal kept
        attrs = dict(_ATTR_RE.findall(match.group(0)))
        src = attrs.get("src")
        if not src or _is_tracker(src) or _is_pixel(attrs.get("width"), attrs.get("height")):
            return ""
        kept += 1
        return match.group(0) if kept <= MAX_IMAGES else ""

    return _IMG_RE.sub(replace, html)


def _cap_raw_images(html: str, limit: int) -> str:
    seen = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return match.group(0) if seen <= limit else ""

    return _IMG_RE.sub(replace, html)


def sanitize_html(html: str, base_url: str | None) -> str:
    """Sanitized ``html`` with absolute http(s) URLs; relative ones resolved against ``base_url``."""
    if not html:
        return ""
    html = _CONTROL_CHARS_RE.sub("", html[:MAX_INPUT_CHARS])
    if html.count("<") > FLATTEN_ABOVE_TAGS:
        html = _flatten(html)
    if html.count("<img") > 2 * MAX_IMAGES:
        # Cut the surplus before nh3 so it and the URL checks do not pay for
        # them; the exact cap (after pixels are dropped) is applied below.
        html = _cap_raw_images(html, 2 * MAX_IMAGES)

    def attribute_filter(tag: str, attr: str, value: str) -> str | None:
        if attr in URL_ATTRIBUTES:
            return absolute_http_url(value, base_url)
        return value

    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=attribute_filter,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # nh3's output is normalized (lower-case tags, double-quoted attributes),
    # so a pattern reads it reliably.
    return _filter_images(cleaned) if "<img" in cleaned else cleaned
