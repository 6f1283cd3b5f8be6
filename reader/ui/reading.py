"""The reading pane: A-/A+ bar over the article browser, and the loading of an article.

An article opens at once with what the store has; when it has no clean text
yet, the feed's own summary is shown while the page is fetched, and the full
text replaces it only if the reader has not started scrolling (otherwise a
link offers it): the page never jumps under the reader.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from reader.core.errors import NetworkError, ReaderError
from reader.render import document as doc
from reader.render.document import Page, page_for
from reader.render.theme import Theme
from reader.render.typography import FONT_STEPS, Typography
from reader.render.welcome import welcome_page
from reader.tasks import TaskRunner
from reader.ui.browser import ArticleBrowser
from reader.ui.widgets import named

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from reader.core.models import Article

log = logging.getLogger(__name__)
LOAD_IMAGES = f"{doc.ACTION_SCHEME}:load-images"


class Loaded(NamedTuple):  # not a dataclass: defined before the first paint, and cheaper
    article: Article
    images: dict[str, QImage]


def stored_images(library: Any, body: str) -> dict[str, QImage]:
    # Imported here: the image decoders are store-thread work, not start-up work.
    from reader.ui.images import stored_images as load

    return load(library, body)


def _load(library: Any, article_id: int) -> Loaded:
    article: Article = library.article(article_id)
    body = article.clean.html if article.clean else (article.content_html or article.summary_html or "")
    return Loaded(article, stored_images(library, body))


def _load_full(library: Any, article_id: int, with_images: bool | None) -> Loaded:
    article: Article = library.full_text(article_id, with_images=with_images)
    body = article.clean.html if article.clean else ""
    return Loaded(article, stored_images(library, body))


class ReadingPane(QWidget):
    zoomRequested = Signal(int)
    shortcutsRequested = Signal()
    # the star in the bar: bookmark or un-bookmark the article shown
    bookmarkRequested = Signal()
    statusMessage = Signal(str)
    # the article now shown (after its full text arrived, too)
    articleShown = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.load_images = False
        # Offline: the pane shows what the store has and fetches nothing.
        self.offline = False
        self.browser = ArticleBrowser(self)
        self.star = named(QToolButton(self), "bookmarkButton")
        self.star.setText("☆")
        self.star.setCheckable(True)
        self.star.setEnabled(False)
        self.star.setAccessibleName(self.tr("Bookmark"))
        self.star.setToolTip(self.tr("Bookmark: keep for offline reading (S)"))
        self.star.clicked.connect(lambda: self.bookmarkRequested.emit())
        self.smaller = named(QToolButton(self), "fontSmaller")
        self.larger = named(QToolButton(self), "fontLarger")
        self.size_label = named(QLabel(self), "fontSize")
        self.smaller.setText("A−")
        self.larger.setText("A+")
        self.smaller.setAccessibleName(self.tr("Smaller text"))
        self.larger.setAccessibleName(self.tr("Larger text"))
        self.smaller.clicked.connect(lambda: self.zoomRequested.emit(-1))
        self.larger.clicked.connect(lambda: self.zoomRequested.emit(1))
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.star)
        bar.addStretch(1)
        for widget in (self.smaller, self.size_label, self.larger):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.setAccessibleName(self.tr("Reading pane"))
        self.browser.zoomRequested.connect(self.zoomRequested)
        self.browser.actionRequested.connect(self._on_action)
        self.browser.linkRefused.connect(self.statusMessage)
        self.article: Article | None = None
        self._pending_full: Loaded | None = None

    # -- style ---------------------------------------------------------------------------------

    def set_style(self, theme: Theme, typography: Typography) -> None:
        self.browser.set_style(theme, typography)
        px = typography.body_px
        self.smaller.setEnabled(px > FONT_STEPS[0])
        self.larger.setEnabled(px < FONT_STEPS[-1])
        self.size_label.setText(self.tr("%1 px").replace("%1", str(px)))
        for button in (self.smaller, self.larger):
            button.setToolTip(self.size_label.text())

    # -- articles ------------------------------------------------------------------------------

    def show_bookmarked(self, bookmarked: bool) -> None:
        self.star.setEnabled(self.article is not None)
        self.star.setChecked(bookmarked)
        self.star.setText("★" if bookmarked else "☆")

    def show_welcome(self) -> None:
        self.article = None
        self.show_bookmarked(False)
        self.runner.invalidate("article")
        self.browser.show_page(welcome_page(), {})

    def clear(self) -> None:
        self.article = None
        self.runner.invalidate("article")
        self.browser.clear_page()

    def open_article(self, article_id: int) -> None:
        self._pending_full = None
        self.runner.submit(lambda lib: _load(lib, article_id), self._on_loaded, self._on_error, key="article")

    def _on_loaded(self, loaded: Loaded) -> None:
        article = loaded.article
        self.article = article
        if article.clean is None and article.url and self.offline:
            page = page_for(article, feed_text=True)._replace(
                notice=self.tr(
                    "Offline: showing the feed's text; the full text is fetched when you are online."
                ),
            )
            self._show(page, loaded)
        elif article.clean is None and article.url:
            self._show(page_for(article, loading=True), loaded)
            with_images = True if self.load_images else None
            self.runner.submit(
                lambda lib: _load_full(lib, article.id, with_images),
                self._on_full_text,
                self._on_full_text_error,
                key="article",
            )
        else:
            self._show(page_for(article), loaded)

    def _on_full_text(self, loaded: Loaded) -> None:
        self.article = loaded.article
        if self.browser.verticalScrollBar().value() > 0:
            # The reader is already reading the summary: offer, do not swap.
            self._pending_full = loaded
            page = page_for(loaded.article, feed_text=True)._replace(
                notice=self.tr("The full text is ready."),
                notice_links=((doc.SHOW_FULL_TEXT, self.tr("Show the full text")),),
            )
            self._show(page, None, keep_place=True)
        else:
            self._show(page_for(loaded.article), loaded)

    def _on_full_text_error(self, error: ReaderError) -> None:
        if self.article is None:
            return
        links = ((self.article.url, self.tr("Open the original")),) if self.article.url else ()
        if isinstance(error, NetworkError):
            # No spinner that never ends: say plainly that the network is not there.
            notice = self.tr("Offline: the full text could not be fetched (%1).").replace("%1", str(error))
        else:
            notice = self.tr("Could not get the full text: %1").replace("%1", str(error))
        page = page_for(self.article, feed_text=True)._replace(
            notice=notice,
            notice_links=links,
        )
        self._show(page, None, keep_place=True)

    def _on_error(self, error: ReaderError) -> None:
        self.statusMessage.emit(str(error))

    def _show(self, page: Page, loaded: Loaded | None, *, keep_place: bool = False) -> None:
        images = loaded.images if loaded is not None else None
        known = images if images is not None else self.browser.images
        from reader.render.images import image_sources

        missing = [url for url in image_sources(page.body_html) if url not in known]
        if missing and self.article is not None and self.article.url and not self.offline:
            link = (LOAD_IMAGES, self.tr("Load %n picture(s)", "", len(missing)))
            page = page._replace(
                notice=page.notice or self.tr("Pictures are not downloaded until you ask."),
                notice_links=(*page.notice_links, link),
            )
        self.browser.show_page(page, images, keep_place=keep_place)
        if self.article is not None:
            self.show_bookmarked(self.article.bookmarked)
            self.articleShown.emit(self.article)

    @Slot(str)
    def _on_action(self, action: str) -> None:
        article = self.article
        if action == "shortcuts":
            self.shortcutsRequested.emit()
        elif article is None:
            return
        elif action == "feed-text":
            self._show(page_for(article, feed_text=True), None)
        elif action == "full-text":
            pending, self._pending_full = self._pending_full, None
            if pending is not None:
                self._show(page_for(pending.article), pending)
            elif article.clean is not None:
                self._show(page_for(article), None)
        elif action == "load-images":
            self.statusMessage.emit(self.tr("Loading pictures…"))
            self.runner.submit(
                lambda lib: _load_full(lib, article.id, True),
                lambda loaded: self._show(page_for(loaded.article), loaded, keep_place=True),
                self._on_error,
                key="article",
            )

    def toggle_full_text(self) -> None:
        page = self.browser.page
        if self.article is None or page is None:
            return
        showing_feed = self.article.clean is None or page.body_html != self.article.clean.html
        self._on_action("full-text" if showing_feed else "feed-text")
