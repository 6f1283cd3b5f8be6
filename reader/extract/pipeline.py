"""A news page (bytes and final URL) to its clean article.

One lxml parse of the page feeds everything: metadata is read from it, the
clutter is cut from it, and readability scores that same tree (it works on a
copy).  readability's pick is then trimmed of the headline and byline it
repeats, sanitized, and checked against the page's and the feed's own text.
"""

from __future__ import annotations

import html as html_lib
import logging
import re

import lxml.html
from lxml import etree
from readability import Document
from readability.readability import Unparseable

from reader.core.errors import ExtractionError
from reader.core.models import CleanArticle
from reader.core.urls import absolute_http_url, host_of
from reader.extract.boilerplate import remove_boilerplate
from reader.extract.decode import decode_page
from reader.extract.metadata import PageMetadata, read_metadata
from reader.extract.safety import Candidate, choose
from reader.extract.trim import trim_article

log = logging.getLogger(__name__)

# Bytes of HTML read from a page; the rest is ignored (catalog 39).
MAX_PAGE_BYTES = 5_000_000
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# lxml refuses strings holding these; no page means them.
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
_IMG_RE = re.compile(r"<img\b", re.IGNORECASE)


def extract_article(
    body: bytes, url: str, *, content_type: str | None = None, feed_html: str | None = None
) -> CleanArticle:
    """The article of the page ``body`` fetched from ``url``.

    ``content_type`` is the HTTP header (its charset is trusted first);
    ``feed_html`` is the feed's own text for the item, used when the page's
    extraction looks wrong.  Raises ExtractionError when nothing is usable.
    """
    notes: list[str] = []
    if len(body) > MAX_PAGE_BYTES:
        body = body[:MAX_PAGE_BYTES]
        megabytes = MAX_PAGE_BYTES // 1_000_000
        notes.append(f"The page is larger than {megabytes} MB; only its beginning was read.")
    page = decode_page(body, content_type)
    return extract_from_html(page.text, url, feed_html=feed_html, notes=notes)


def parse_page(html: str) -> etree._Element | None:
    """The page's tree, always with a ``<body>``; None when there is nothing to parse."""
    html = _CONTROL_CHARS_RE.sub("", _XML_DECLARATION_RE.sub("", html, count=1))
    if not html.strip():
        return None
    try:
        root = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        log.info("page could not be parsed: %s", exc)
        return None
    if root.find("body") is None:
        etree.SubElement(root, "body")
    return root


def document_base(root: etree._Element, url: str) -> str:
    """The base for the page's relative URLs, and the page rid of its ``<base>``.

    A ``<base href>`` is honoured only on the page's own host: a hostile
    page must not point its links elsewhere (catalog 32).
    """
    base = url
    for element in root.iter("base"):
        href = absolute_http_url(element.get("href"), url)
        if base == url and href and host_of(href) == host_of(url):
            base = href
    etree.strip_elements(root, "base", with_tail=False)
    return base


def _readability_html(root: etree._Element) -> str:
    """readability's pick from ``root`` (it scores a copy), or "" when it finds none."""
    try:
        return str(Document(root).summary(html_partial=True))
    except Unparseable as exc:
        # readability wraps whatever failed inside it in Unparseable; the
        # safety net then decides what to show.
        log.info("readability failed: %s", exc)
        return ""


def _trimmed(article_html: str, meta: PageMetadata) -> str:
    if not article_html.strip():
        return ""
    try:
        fragment = lxml.html.fragment_fromstring(article_html, create_parent="div")
    except (etree.ParserError, ValueError):
        return article_html
    trim_article(fragment, meta.title, meta.author, meta.site_name)
    return str(lxml.html.tostring(fragment, encoding="unicode"))


def with_lead_image(article_html: str, lead_image: str | None) -> str:
    """The article led by its page's picture when its text came without any.

    News pages often put the photo in a header readability leaves out; the
    reader, the offline cache and every export then show it, like the page.
    With pictures of its own the article is left alone: the lead image is
    usually one of them at another size.  No alt text: where the picture is
    not stored, the reader shows nothing rather than the title again.
    """
    if not lead_image or _IMG_RE.search(article_html):
        return article_html
    src = html_lib.escape(lead_image, quote=True)
    return f'<figure><img src="{src}" alt=""></figure>{article_html}'


def extract_from_html(
    html: str, url: str, *, feed_html: str | None = None, notes: list[str] | None = None
) -> CleanArticle:
    """The article of an already decoded page (see ``extract_article``)."""
    notes = list(notes or [])
    root = parse_page(html)
    meta = read_metadata(root, url) if root is not None else PageMetadata()
    article_html = ""
    page_root: etree._Element | None = None
    base_url = url
    if root is not None:
        base_url = document_base(root, url)
        remove_boilerplate(root)
        body = root.find("body")
        page_root = body if body is not None else root
        article_html = _trimmed(_readability_html(root), meta)
    article = Candidate.of(article_html, base_url)

    def whole_page() -> Candidate:
        if page_root is None:
            return Candidate("", "")
        return Candidate.of(lxml.html.tostring(page_root, encoding="unicode"), base_url)

    chosen, warning = choose(article, whole_page, Candidate.of(feed_html or "", url))
    if warning:
        notes.append(warning)
    if not chosen.text:
        raise ExtractionError("No article text could be found on this page.")
    return CleanArticle(
        url=url,
        title=meta.title or "",
        html=with_lead_image(chosen.html, meta.lead_image),
        text=chosen.text,
        author=meta.author,
        published=meta.published,
        site_name=meta.site_name,
        language=meta.language,
        lead_image=meta.lead_image,
        direction=meta.direction,
        warning=" ".join(notes) or None,
    )
