"""Articles on paper and in PDF: the same document as the pane, in the print palette.

One routine paints pages onto any QPagedPaintDevice (a QPrinter for the
print dialog and preview, a QPdfWriter for Export as PDF): a header with the
site, title, byline, date and the source URL written out; the body at print
size; the article title at the top of pages after the first; the source
domain and "page n / N" in the footer.  The document is laid out at 96 dpi
and scaled to the device, so lengths mean the same as on screen, and
QTextDocument's pagination never cuts a line in half.

Images come only from the local store (the same rule as the reading pane):
the document's ``loadResource`` refuses everything else, so printing a
hostile article reads no file and makes no request.
"""

from __future__ import annotations

import html
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
)

from reader import APP_NAME
from reader.core.errors import ReaderError
from reader.core.models import Article
from reader.render.document import Page, adapt_body, fit_image_lines, format_date, page_for, stylesheet, tr
from reader.render.images import decode_image, image_sources
from reader.render.theme import PRINT, THEMES
from reader.render.typography import Typography

log = logging.getLogger(__name__)

ImageLookup = Callable[[str], tuple[bytes, str] | None]
Progress = Callable[[int, int], None]

LAYOUT_DPI = 96
# 11.25 pt serif body: the middle of the 10-12 pt range for print.
PRINT_TYPOGRAPHY = Typography(body_px=15, family="serif", spacing="compact")
MARGINS_MM = QMarginsF(20, 18, 20, 18)
BAND_MM = 8.0
PDF_RESOLUTION = 300


class PrintCancelled(ReaderError):
    def __init__(self) -> None:
        super().__init__(tr("Export cancelled."))


class _StoreOnlyDocument(QTextDocument):
    """A document that shows only the images it was given."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None


def default_page_size() -> QPageSize:
    imperial = QLocale().measurementSystem() != QLocale.MeasurementSystem.MetricSystem
    return QPageSize(QPageSize.PageSizeId.Letter if imperial else QPageSize.PageSizeId.A4)


def page_layout(size: QPageSize | None = None) -> QPageLayout:
    return QPageLayout(
        size or default_page_size(), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def print_header(page: Page) -> str:
    """Site, title, byline and date, and the source URL in full: it cannot be clicked on paper."""
    parts = []
    if page.site:
        parts.append(f'<p class="site">{html.escape(page.site)}</p>')
    parts.append(f'<h1 class="title">{html.escape(page.title or tr("Untitled"))}</h1>')
    meta = [html.escape(x) for x in (page.byline, format_date(page.published)) if x]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if page.url:
        parts.append(f'<p class="meta">{html.escape(page.url)}</p>')
    parts.append("<hr />")
    return "\n".join(parts)


@dataclass
class _Laid:
    page: Page
    document: QTextDocument


def _document(article: Article, images: ImageLookup, width_px: float) -> _Laid:
    page = page_for(article)
    document = _StoreOnlyDocument()
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(stylesheet(THEMES[PRINT], PRINT_TYPOGRAPHY))
    sizes: dict[str, tuple[int, int]] = {}
    for src in image_sources(page.body_html):
        found = images(src)
        image = decode_image(*found) if found else None
        if image is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), image)
            sizes[src] = (image.width(), image.height())
    body = adapt_body(page.body_html, sizes, int(width_px))
    direction = "rtl" if page.direction == "rtl" else "ltr"
    document.setHtml(f'<html><body dir="{direction}">{print_header(page)}\n{body}</body></html>')
    fit_image_lines(document)
    return _Laid(page, document)


def _split_at_pages(document: QTextDocument, page_height: float) -> None:
    """End every paragraph that runs onto the next page at that page's edge.

    drawContents paints a whole block when any of it shows: the clip hides the
    lines that belong to the other page, but the PDF's text layer would still
    hold them, so copied or searched text would repeat them.  The second part
    starts the next page without the paragraph's top margin and indent, so it
    lays out as before.  Lists and tables are left alone: a split would
    renumber or add a row.
    """
    layout = document.documentLayout()
    document.pageCount()  # the whole document laid out first: layout is lazy
    block = document.begin()
    while block.isValid():
        layout.blockBoundingRect(block)  # lays the block out again after a split above it
        if block.textList() is None and QTextCursor(block).currentTable() is None:
            offset = _first_offset_on_next_page(block.layout(), page_height)
            if offset is not None:
                _split_block(block, offset)
        block = block.next()


def _first_offset_on_next_page(lines: QTextLayout, page_height: float) -> int | None:
    """Where the first line on a later page than the block's first line starts, if any."""
    top = lines.position().y()
    pages = [
        # By the line's middle: pagination puts a moved line at the page's edge,
        # give or take a rounding error.
        int((top + line.y() + line.height() / 2) // page_height)
        for line in (lines.lineAt(number) for number in range(lines.lineCount()))
    ]
    for number, page in enumerate(pages):
        if page != pages[0]:
            return lines.lineAt(number).textStart()
    return None


def _split_block(block: QTextBlock, offset: int) -> None:
    cursor = QTextCursor(block)
    paragraph = cursor.blockFormat()
    ending = QTextBlockFormat(paragraph)
    ending.setBottomMargin(0)
    cursor.setBlockFormat(ending)
    cursor.setPosition(block.position() + offset)
    going_on = QTextBlockFormat(paragraph)
    going_on.setTopMargin(0)
    going_on.setTextIndent(0)
    # Starts the next page, so its block does not reach back into this one.
    going_on.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.insertBlock(going_on)


def paint_articles(
    articles: Sequence[Article],
    images: ImageLookup,
    device: QPagedPaintDevice,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Paint the articles onto ``device``, each from a new page; returns the number of pages."""
    dpi = device.logicalDpiX()
    scale = dpi / LAYOUT_DPI
    paint = device.pageLayout().paintRectPixels(dpi)
    band = BAND_MM / 25.4 * dpi
    body = QSizeF(paint.width() / scale, (paint.height() - 2 * band) / scale)

    laid = []
    for article in articles:
        if cancel is not None and cancel.is_set():
            raise PrintCancelled()
        item = _document(article, images, body.width())
        item.document.setPageSize(body)
        _split_at_pages(item.document, body.height())
        laid.append(item)
    total = sum(item.document.pageCount() for item in laid)

    small = QFont(PRINT_TYPOGRAPHY.family_css().split(",")[0].strip("'"))
    small.setPointSizeF(8.5)
    painter = QPainter()
    if not painter.begin(device):
        raise ReaderError(tr("Cannot start printing on this device."))
    number = 0
    try:
        painter.setFont(small)
        line = QFontMetricsF(small, device).height()
        for item in laid:
            domain = urlsplit(item.page.url or "").hostname or ""
            for index in range(item.document.pageCount()):
                if cancel is not None and cancel.is_set():
                    raise PrintCancelled()
                if number:
                    device.newPage()
                number += 1
                painter.save()
                painter.translate(0, band)
                painter.scale(scale, scale)
                painter.translate(0, -index * body.height())
                # Blocks end at page boundaries (_split_at_pages), so the blocks
                # drawn for this page are its own; the inset keeps out a block
                # that only touches the page's edge, and the clip anything else.
                visible = QRectF(0, index * body.height() + 0.5, body.width(), body.height() - 1)
                painter.setClipRect(visible)
                item.document.drawContents(painter, visible)
                painter.restore()
                if index:
                    header = QRectF(0, band - line * 1.5, paint.width(), line)
                    title = painter.fontMetrics().elidedText(
                        item.page.title, Qt.TextElideMode.ElideRight, int(paint.width())
                    )
                    painter.drawText(header, Qt.AlignmentFlag.AlignLeft, title)
                footer = QRectF(0, paint.height() - band + line * 0.5, paint.width(), line)
                painter.drawText(footer, Qt.AlignmentFlag.AlignLeft, domain)
                painter.drawText(footer, Qt.AlignmentFlag.AlignRight, f"{number} / {total}")
                if progress is not None:
                    progress(number, total)
    finally:
        painter.end()
    return number


def export_pdf(
    articles: Sequence[Article],
    images: ImageLookup,
    path: Path,
    *,
    title: str | None = None,
    page_size: QPageSize | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Write a PDF; a half-written file never replaces ``path`` (temp file, then rename)."""
    if not articles:
        raise ReaderError(tr("Nothing to export."))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    if not os.access(path.parent if str(path.parent) else ".", os.W_OK) or path.is_dir():
        raise ReaderError(tr("Cannot write %1: the folder is not writable.").replace("%1", str(path)))
    try:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(page_layout(page_size))
        writer.setTitle(title or articles[0].title)
        writer.setCreator(APP_NAME)
        pages = paint_articles(articles, images, writer, progress=progress, cancel=cancel)
        del writer  # flushes and closes the file
        tmp.replace(path)
    except OSError as error:
        message = tr("Cannot write %1: %2").replace("%1", str(path)).replace("%2", error.strerror or "")
        raise ReaderError(message) from error
    finally:
        tmp.unlink(missing_ok=True)
    return pages


def ensure_gui_application() -> None:
    """A QGuiApplication for painting text when none runs (the command line's PDF export).

    Offscreen unless a platform is already chosen: exporting needs no display.
    """
    global _application
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application = QGuiApplication([APP_NAME])


# Held here so the command line's application lives as long as the process.
_application: object = None
