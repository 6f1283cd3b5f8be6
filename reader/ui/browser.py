"""The reading surface: a QTextBrowser that reads nothing by itself.

Qt's default ``loadResource`` opens local files (``/etc/passwd``,
``file:`` URLs, even ``/dev/zero``, which aborts the process) and the default
link handling navigates the pane to ``file:`` links.  This subclass serves
images only from an in-memory map filled by the store thread beforehand,
never calls the base class, and hands every link to ``linkActivated``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.render import typography as typo_mod
from reader.render.document import ACTION_SCHEME, Page, document_html, fit_image_lines, stylesheet
from reader.render.theme import Theme
from reader.render.typography import Typography

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    # Pictures arrive from the store thread, after the first paint (QImage's enums are start-up time).
    from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

# Firefox throttles Ctrl+wheel to one font step per 150 ms; so do we.
WHEEL_THROTTLE_S = 0.15


class ArticleBrowser(QTextBrowser):
    # +1 / -1 font step (Ctrl+wheel)
    zoomRequested = Signal(int)
    # a reader-action: link from our own header ("feed-text", "full-text", ...)
    actionRequested = Signal(str)
    # a link that was not opened, with the reason
    linkRefused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleBrowser")
        self.setAccessibleName(self.tr("Article"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(0)
        self.anchorClicked.connect(self._on_anchor)
        self._images: dict[str, QImage] = {}
        self._page: Page | None = None
        self._theme: Theme | None = None
        self._typo = Typography()
        self._last_wheel = 0.0
        self._rendered_column = 0
        # Counted for tests and the benchmark: Qt calls loadResource often.
        self.resource_requests = 0
        self._relayout = QTimer(self, singleShot=True, interval=30)
        self._relayout.timeout.connect(self.update_margins)

    # -- resources: the store's images, nothing else ------------------------------------------

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        self.resource_requests += 1
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return self._images.get(name if isinstance(name, str) else name.toString())
        return None

    @property
    def images(self) -> Mapping[str, QImage]:
        return self._images

    def set_images(self, images: Mapping[str, QImage]) -> None:
        self._images = dict(images)

    # -- links ---------------------------------------------------------------------------------

    # By its C++ name: QUrl's Python enums need not be made before the first paint.
    @Slot("QUrl")
    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == ACTION_SCHEME:
            self.actionRequested.emit(url.path())
        elif scheme in ("http", "https") and url.host():
            QDesktopServices.openUrl(url)
        else:
            log.info("refused to open a %r link", scheme)
            self.linkRefused.emit(
                self.tr("Links of this kind are not opened: %1").replace("%1", url.toString()[:200])
            )

    # -- showing a page ------------------------------------------------------------------------

    @property
    def typography(self) -> Typography:
        return self._typo

    @property
    def page(self) -> Page | None:
        return self._page

    def set_style(self, theme: Theme, typography: Typography) -> None:
        """New theme or font step: restyle the shown page and keep the reader's place."""
        font = QFont(self.font())
        font.setFamilies([n for n in typo_mod.FAMILIES[typography.family] if "-" not in n or " " in n])
        font.setPixelSize(typography.body_px)
        ratio = QFontMetricsF(font).height() / typography.body_px
        self._typo = Typography(
            typography.body_px, typography.family, typography.width, typography.spacing, natural_height=ratio
        )
        self._theme = theme
        self.document().setDefaultFont(font)
        palette = self.palette()
        for role, colour in (
            (QPalette.ColorRole.Base, theme.background),
            (QPalette.ColorRole.Window, theme.background),
            (QPalette.ColorRole.Text, theme.text),
            (QPalette.ColorRole.Link, theme.link),
            (QPalette.ColorRole.LinkVisited, theme.visited),
            (QPalette.ColorRole.Highlight, theme.selection),
            (QPalette.ColorRole.HighlightedText, theme.text),
        ):
            palette.setColor(role, colour)
        self.setPalette(palette)
        self.document().setDefaultStyleSheet(stylesheet(theme, self._typo))
        if self._page is not None:
            self._render(keep_place=True)

    def show_page(
        self, page: Page, images: Mapping[str, QImage] | None = None, *, keep_place: bool = False
    ) -> None:
        if images is not None:
            self.set_images(images)
        self._page = page
        self._render(keep_place=keep_place)

    def _render(self, *, keep_place: bool) -> None:
        assert self._page is not None
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if keep_place and bar.maximum() > 0 else 0.0
        if self._theme is not None:
            self.document().setDefaultStyleSheet(stylesheet(self._theme, self._typo))
        sizes = {url: (image.width(), image.height()) for url, image in self._images.items()}
        column = typo_mod.column_px(self._typo, self.viewport().width())
        self._rendered_column = column
        self.setHtml(document_html(self._page, sizes, column))
        fit_image_lines(self.document())
        self._set_margins()
        bar.setValue(round(fraction * bar.maximum()))

    def clear_page(self) -> None:
        self._page = None
        self._images = {}
        self.clear()

    # -- the centred column --------------------------------------------------------------------

    @Slot()
    def update_margins(self) -> None:
        """Centre the text column: QTextDocument has no max-width, so set the root frame's margins."""
        if not self._set_margins():
            return
        # Image widths are fixed in the HTML: re-render when the column became narrower than one.
        column = typo_mod.column_px(self._typo, self.viewport().width())
        if column == self._rendered_column or self._page is None:
            return
        narrower = min(column, self._rendered_column)
        if any(image.width() > narrower for image in self._images.values()):
            self._render(keep_place=True)

    def _set_margins(self) -> bool:
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        side = typo_mod.side_margin(self._typo, self.viewport().width())
        if (fmt.leftMargin(), fmt.rightMargin(), fmt.topMargin()) == (side, side, typo_mod.TOP_PX):
            return False
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(typo_mod.TOP_PX)
        fmt.setBottomMargin(typo_mod.BOTTOM_PX)
        root.setFrameFormat(fmt)
        return True

    def column_width(self) -> float:
        root = self.document().rootFrame().frameFormat()
        return self.viewport().width() - root.leftMargin() - root.rightMargin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout.start()

    # -- scrolling and zoom --------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            now = time.monotonic()
            if delta and now - self._last_wheel >= WHEEL_THROTTLE_S:
                self._last_wheel = now
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def page_down(self, up: bool = False) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + (-1 if up else 1) * bar.pageStep())
