"""Articles as one EPUB 3 book: a chapter each, a table of contents, the stored images inside.

ebooklib writes the container (``mimetype`` first and stored, container.xml,
the package document, nav and NCX); we give it one chapter per article.  It
parses each chapter with lxml's HTML parser and writes it back as XML, which
is how sanitized HTML becomes well-formed XHTML; everything put in a chapter
is therefore wrapped in elements (text directly in ``<body>`` would be lost).
"""

from __future__ import annotations

import html
import io
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import lxml.html
from ebooklib import epub

from reader.core.models import Article
from reader.export.common import (
    EXTENSIONS,
    ExportError,
    ImageLookup,
    Meta,
    byline,
    check_cancel,
    language_tag,
    meta_for,
    parse_body,
    rewrite_images,
    sniff_image_type,
    uri,
    xml_safe,
)

log = logging.getLogger(__name__)

# EPUB 3.2's core media types for images; others need fallbacks that we
# cannot make without an image library, so those stay links.  (WebP joined
# the core types only in EPUB 3.3, which epubcheck 4 and older readers reject.)
CORE_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})

STYLESHEET = """
body { line-height: 1.5; }
h1.title { font-size: 1.5em; line-height: 1.2; margin: 0 0 0.4em; }
p.byline, p.source { font-size: 0.85em; margin: 0.2em 0; }
p.source a { word-wrap: break-word; }
img { max-width: 100%; height: auto; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 2px solid #888; }
blockquote[dir="rtl"], [dir="rtl"] blockquote { padding-left: 0; border-left: 0; padding-right: 1em;
  border-right: 2px solid #888; }
pre { white-space: pre-wrap; font-size: 0.9em; }
"""


class _Images:
    """The book's images: each stored image is added once, however many chapters show it."""

    def __init__(self, book: epub.EpubBook, lookup: ImageLookup) -> None:
        self._book = book
        self._lookup = lookup
        self._placed: dict[str, str | None] = {}
        self._count = 0

    def place(self, url: str) -> str | None:
        """The image's path inside the book, or None when it stays a link."""
        if url in self._placed:
            return self._placed[url]
        self._placed[url] = None
        found = self._lookup(url)
        if found is None:
            return None
        data, declared = found
        mime = sniff_image_type(data, declared)
        if mime not in CORE_IMAGE_TYPES:
            log.info("not embedding %s: %r is not an EPUB core image type", url, mime or declared)
            return None
        self._count += 1
        path = f"images/image-{self._count:04d}{EXTENSIONS[mime]}"
        item = epub.EpubImage(uid=f"image-{self._count:04d}", file_name=path, media_type=mime, content=data)
        self._book.add_item(item)
        self._placed[url] = path
        return path


def _chapter_html(meta: Meta, images: _Images) -> bytes:
    body = parse_body(meta.body_html)
    rewrite_images(body, images.place)
    body.set("class", "body")
    header = [f'<h1 class="title">{html.escape(meta.title)}</h1>']
    line = byline(meta)
    if line:
        header.append(f'<p class="byline">{html.escape(xml_safe(line))}</p>')
    if meta.url:
        href = html.escape(uri(xml_safe(meta.url)), quote=True)
        text = html.escape(xml_safe(meta.url))
        header.append(f'<p class="source"><a href="{href}">{text}</a></p>')
    document: str = (
        "<html><body><section>"
        + "".join(header)
        + lxml.html.tostring(body, encoding="unicode")
        + "</section></body></html>"
    )
    return document.encode("utf-8")


def _identifier(title: str, articles: Sequence[Article]) -> str:
    # The same selection exported again is the same book (readers then
    # replace it rather than keep two); another selection is another book.
    key = "\n".join([title, *(a.url or a.uid for a in articles)])
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def articles_epub(
    articles: Sequence[Article],
    images: ImageLookup,
    *,
    title: str,
    language: str = "en",
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    modified: datetime | None = None,
) -> bytes:
    """``articles`` as one EPUB 3 book titled ``title``, in the order given.

    Raises ExportCancelled when ``cancel`` is set before the book is done, and
    ExportError when there is nothing to export.
    """
    if not articles:
        raise ExportError("Nothing to export: choose at least one article.")
    total = len(articles)
    book_title = " ".join(xml_safe(title).split()) or "Articles"
    book_language = language_tag(language) or "en"
    book = epub.EpubBook()
    book.set_identifier(_identifier(book_title, articles))
    book.set_title(book_title)
    book.set_language(book_language)

    metas = [meta_for(article) for article in articles]
    authors = {meta.author for meta in metas}
    if len(authors) == 1 and None not in authors:
        book.add_author(metas[0].author)
    if all(meta.direction == "rtl" for meta in metas):
        book.set_direction("rtl")

    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLESHEET)
    book.add_item(style)
    placed = _Images(book, images)
    chapters = []
    if progress is not None:
        progress(0, total)
    for number, meta in enumerate(metas, start=1):
        check_cancel(cancel)
        chapter = epub.EpubHtml(
            uid=f"chapter-{number:04d}",
            file_name=f"chapter-{number:04d}.xhtml",
            title=meta.title,
            lang=meta.language or book_language,
            direction=meta.direction,
        )
        chapter.content = _chapter_html(meta, placed)
        chapter.add_item(style)
        book.add_item(chapter)
        chapters.append(chapter)
        if progress is not None:
            progress(number, total)

    book.toc = chapters
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title="Contents")
    nav.add_item(style)
    book.add_item(nav)
    # The contents page first: a digest is read by picking from it.
    book.spine = [nav, *chapters]
    check_cancel(cancel)

    out = io.BytesIO()
    mtime = (modified or datetime.now(UTC)).astimezone(UTC)
    # EpubWriter rather than write_epub: the latter turns write errors into a
    # warning and a False return; we want the exception.
    writer = epub.EpubWriter(out, book, {"mtime": mtime})
    writer.process()
    writer.write()
    data = out.getvalue()
    log.info("exported %d articles as EPUB (%d bytes)", total, len(data))
    return data
