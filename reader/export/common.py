"""What the HTML, Markdown and EPUB writers share.

- which fields of an article go in the header (the same choices the reading
  pane makes: the clean text's author, date and site when there is one, the
  feed's otherwise);
- the body: the clean HTML, or the feed's content or summary, sanitized once
  more and parsed into an lxml tree the writers can rewrite;
- images: what the local store holds is recognised by its bytes, never by the
  type it was stored under, and what it does not hold becomes a link.
"""

from __future__ import annotations

import base64
import html
import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit, urlunsplit

import lxml.html
import nh3
from lxml import etree

from reader.core.errors import ReaderError
from reader.core.models import Article

log = logging.getLogger(__name__)

# url -> (data, mime) from the local store, or None when it does not have it.
ImageLookup = Callable[[str], tuple[bytes, str] | None]

UNTITLED = "Untitled"

# Characters XML 1.0 forbids (lxml refuses them in text, so an EPUB chapter
# could not even be built) and lone surrogates, which UTF-8 cannot encode.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What may stand as it is in a URI (RFC 3986 reserved and unreserved, and
# "%" when it starts an escape); everything else is percent-encoded.
_URI_SAFE = "!#$&'()*+,-./:;=?@[]~_"
_STRAY_PERCENT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")

# The stored HTML was sanitized when it was stored, but an exported file opens
# in a full browser with scripts on, possibly long after, and the store may
# hold rows written under an older allowlist: sanitize again at the door.
# nh3's defaults (no script, style, event handlers, forms) plus ``dir`` on
# every element, which mixed-direction articles need.
_BODY_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_BODY_ATTRIBUTES["*"] = {"dir", "lang", "title"}


class ExportError(ReaderError):
    """An export could not be made; ``str()`` is for the user."""


class ExportCancelled(ExportError):
    """The user stopped a long export before it finished."""

    def __init__(self) -> None:
        super().__init__("Export cancelled.")


@dataclass(frozen=True, slots=True)
class Meta:
    """The header of an exported article, as plain text."""

    title: str
    url: str | None
    author: str | None
    site: str | None
    published: datetime | None
    language: str | None
    direction: str
    body_html: str


def meta_for(article: Article) -> Meta:
    """The header fields and body of ``article``: its clean text when it has one, else the feed's."""
    clean = article.clean
    if clean is not None:
        body = clean.html
        title = article.title or clean.title
        return Meta(
            title=_one_line(title) or UNTITLED,
            url=article.url or clean.url,
            author=_one_line(clean.author or article.author or "") or None,
            site=_one_line(clean.site_name or article.feed_title or "") or None,
            published=clean.published or article.published,
            language=language_tag(clean.language),
            direction="rtl" if clean.direction == "rtl" else "ltr",
            body_html=body,
        )
    body = article.content_html or article.summary_html or ""
    return Meta(
        title=_one_line(article.title) or UNTITLED,
        url=article.url,
        author=_one_line(article.author or "") or None,
        site=_one_line(article.feed_title or "") or None,
        published=article.published,
        language=None,
        # Feed entries carry no direction; an Arabic feed's summary still
        # has to read right to left.
        direction=guess_direction(article.title + " " + _strip_tags(body)),
        body_html=body,
    )


def _one_line(text: str) -> str:
    """``text`` with runs of whitespace (newlines included) made one space: header fields are one line."""
    return " ".join(_NOT_XML_RE.sub("", text).split())


def _strip_tags(fragment: str) -> str:
    return re.sub(r"<[^>]*>", " ", fragment[:20_000])


def guess_direction(text: str) -> str:
    """ "rtl" when most strongly-directed letters in ``text`` are right-to-left, else "ltr"."""
    rtl = ltr = 0
    for char in text[:5_000]:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return "rtl" if rtl > ltr else "ltr"


def language_tag(value: str | None) -> str | None:
    """``value`` as a BCP 47-looking tag ("en", "pt-BR"), or None when it is not one."""
    if not value:
        return None
    tag = value.strip().replace("_", "-")
    return tag if _LANGUAGE_RE.match(tag) else None


def format_date(value: datetime | None) -> str:
    """A date every reader can read whatever their language: 2025-02-17 (UTC)."""
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%Y-%m-%d")


def byline(meta: Meta) -> str:
    """Author · site · date, whichever are known (plain text)."""
    return " · ".join(part for part in (meta.author, meta.site, format_date(meta.published)) if part)


def xml_safe(text: str) -> str:
    return _NOT_XML_RE.sub("", text)


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ExportCancelled()


# --- the body -------------------------------------------------------------


def parse_body(body_html: str) -> lxml.html.HtmlElement:
    """``body_html`` sanitized and parsed, inside one ``<div>`` the caller may rewrite."""
    cleaned = nh3.clean(
        xml_safe(body_html),
        attributes=_BODY_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel=None,
        strip_comments=True,
    )
    try:
        container = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    except etree.ParserError:
        # Only whitespace or nothing at all: an empty body, not an error.
        return lxml.html.fragment_fromstring("", create_parent="div")
    clean_links(container)
    return container


def rewrite_images(container: lxml.html.HtmlElement, place: Callable[[str], str | None]) -> None:
    """Point every image at what ``place(url)`` returns, or make it a link when that is None.

    An exported file must show nothing it has to fetch: an image the store
    does not hold becomes a link to its address (or, inside a link already,
    its alt text), so opening the file never contacts the site.
    """
    for img in list(container.iter("img")):
        src = (img.get("src") or "").strip()
        alt = _one_line(img.get("alt") or "")
        new_src = place(src) if src else None
        if new_src is not None:
            img.set("src", new_src)
            # HTML and EPUB both want alt present; "" marks it decorative.
            img.set("alt", alt)
            continue
        inside_link = any(parent.tag == "a" for parent in img.iterancestors())
        if not src or (inside_link and not alt):
            img.drop_tree()  # keeps the text that follows it
            continue
        replacement: lxml.html.HtmlElement
        if inside_link:
            replacement = lxml.html.Element("span")
        else:
            replacement = lxml.html.Element("a", href=uri(src))
            replacement.set("class", "image-link")
        replacement.text = alt or src
        replacement.tail = img.tail
        parent = img.getparent()
        assert parent is not None  # the container itself is never an <img>
        parent.replace(img, replacement)


def uri(url: str) -> str:
    """``url`` as a strict URI: spaces, quotes, ``<>`` and non-ASCII percent-encoded, an IDN host in ASCII.

    Stored URLs are mostly clean already, but browsers forgive what EPUB
    validators and some reading systems reject (a space, a raw ``<``).
    """
    parts = urlsplit(url.strip())
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, at, hostport = netloc.rpartition("@")
        # An IPv6 literal is ASCII, so a non-ASCII host has no "[" and at most one ":".
        host, colon, port = hostport.partition(":")
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = quote(host, safe="")
        netloc = quote(userinfo, safe=_URI_SAFE + "%") + at + ascii_host + colon + quote(port, safe="")

    def encode(piece: str, safe: str) -> str:
        return quote(_STRAY_PERCENT_RE.sub("%25", piece), safe=safe + "%")

    return urlunsplit(
        (
            parts.scheme,
            netloc,
            encode(parts.path, _URI_SAFE),
            encode(parts.query, _URI_SAFE),
            encode(parts.fragment, _URI_SAFE.replace("#", "")),
        )
    )


def clean_links(container: lxml.html.HtmlElement) -> None:
    """Every link and quotation source in ``container`` made a strict URI."""
    for element in container.iter("a", "blockquote", "q", "del", "ins"):
        for name in ("href", "cite"):
            value = element.get(name)
            if value is not None:
                element.set(name, uri(value))


def html_escape(text: str) -> str:
    return html.escape(text, quote=True)


# --- images ---------------------------------------------------------------


def sniff_image_type(data: bytes, declared: str) -> str | None:
    """The image type ``data`` really is, or None when it is none we show.

    The stored type is only trusted for SVG (text has no magic number), and
    only when the bytes look like SVG: anything else (an HTML error page
    stored as an image) must not become a ``data:`` URI.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "image/avif"
    if declared.split(";")[0].strip().lower() == "image/svg+xml" and b"<svg" in data[:4096]:
        return "image/svg+xml"
    return None


EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/avif": ".avif",
    "image/svg+xml": ".svg",
}


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
