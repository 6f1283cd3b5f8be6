"""Print, Print Preview and Export (PDF, EPUB, HTML, Markdown) from the window's File menu.

The articles and their stored images are gathered on the store thread
(``Library.articles_for_export``); a PDF is painted in a thread of its own
with its own QPdfWriter (Qt allows QPdfWriter and QTextDocument painting
outside the GUI thread), so a long export never freezes the window; the
QPrinter of the print dialog stays on the GUI thread.  Everything is painted
in the print palette, whatever the screen theme.  Files are written beside
the target and renamed into place: a failed or cancelled export leaves no
half-written file.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from reader.core.models import Article
    from reader.ui.window import MainWindow

log = logging.getLogger(__name__)

# A whole folder as one book: beyond this the EPUB is no longer a reading list.
MAX_EXPORT_ARTICLES = 500
SLUG_LENGTH = 80
FORMATS = {
    "pdf": ("PDF", "*.pdf"),
    "epub": ("EPUB", "*.epub"),
    "html": ("HTML", "*.html"),
    "md": ("Markdown", "*.md"),
}


@dataclass(frozen=True, slots=True)
class Scope:
    """Which articles: these ids, a feed or folder of the feed list, or every bookmark."""

    ids: tuple[int, ...] = ()
    feed_key: tuple[str, int] | None = None
    bookmarks: bool = False


@dataclass
class Gathered:
    articles: list[Article]
    images: dict[str, tuple[bytes, str]] = field(default_factory=dict)

    def image(self, url: str) -> tuple[bytes, str] | None:
        return self.images.get(url)


def slug(title: str) -> str:
    """A file name from a title: letters and digits (any script) joined by dashes."""
    text = unicodedata.normalize("NFKC", title).casefold()
    words = re.findall(r"\w+", text)
    name = "-".join(words)[:SLUG_LENGTH].strip("-_")
    return name or "article"


def resolve(library: Any, scope: Scope) -> list[int]:
    """The article ids of ``scope`` (runs on the store thread)."""
    if scope.ids:
        return list(scope.ids)
    if scope.bookmarks:
        return [b.article_id for b in library.bookmarks()][:MAX_EXPORT_ARTICLES]
    if scope.feed_key is not None:
        kind, key_id = scope.feed_key
        filters: dict[str, Any] = {"feed_id": key_id} if kind == "feed" else {"folder_id": key_id}
        if kind == "bookmarks":
            filters = {"bookmarked_only": True}
        elif kind == "all":
            filters = {}
        rows = library.articles(**filters, limit=MAX_EXPORT_ARTICLES)
        return [row.id for row in rows]
    return []


def gather(library: Any, scope: Scope) -> Gathered:
    """The articles with their full text where it can be had, and their stored images."""
    from reader.render.images import image_sources

    articles: list[Article] = library.articles_for_export(resolve(library, scope))
    if not articles:
        raise ReaderError(tr("Nothing to export."))
    gathered = Gathered(articles)
    for article in articles:
        body = article.clean.html if article.clean else (article.content_html or article.summary_html or "")
        for url in image_sources(body):
            found = library.image(url)
            if found is not None:
                gathered.images[url] = found
    return gathered


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("", text)


def choose_save_path(parent: QWidget, caption: str, suggested: str, fmt: str) -> Path | None:
    """Ask where to save (tests replace this function)."""
    name, pattern = FORMATS[fmt]
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, f"{name} ({pattern})")
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(pattern[1:])


class Exporter(QObject):
    """The window's print and export commands."""

    # the file written
    exported = Signal(str)
    # what went wrong (also shown to the user)
    failed = Signal(str)
    # pages sent to the printer
    printed = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.progress: QProgressDialog | None = None
        self.preview: QWidget | None = None
        self._printer: QPrinter | None = None
        self._preview_printer: QPrinter | None = None
        self._cancel: threading.Event | None = None
        self._threads: list[threading.Thread] = []

    # -- scope ---------------------------------------------------------------------------------

    def current_scope(self) -> Scope | None:
        ids = self.window.selected_article_ids()
        if not ids:
            self.window.statusBar().showMessage(self.tr("Select an article first."), 6000)
            return None
        return Scope(ids=tuple(ids))

    def suggested_name(self, scope: Scope, fmt: str) -> str:
        title = self.window.title_for_export(scope)
        return f"{slug(title)}.{'md' if fmt == 'md' else fmt}"

    # -- printing ------------------------------------------------------------------------------

    def print_articles(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from reader.render.printing import page_layout

        scope = self.current_scope()
        if scope is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self._printer = printer
        self._gather(scope, self._print_gathered)

    def _print_gathered(self, gathered: Gathered) -> None:
        from reader.render.printing import paint_articles

        printer, self._printer = self._printer, None
        if printer is None:
            return
        try:
            pages = paint_articles(gathered.articles, gathered.image, printer)
        except ReaderError as error:
            self._fail(str(error))
            return
        self.window.statusBar().showMessage(self.tr("Sent %n page(s) to the printer.", "", pages), 8000)
        self.printed.emit(pages)

    def print_preview(self) -> None:
        scope = self.current_scope()
        if scope is not None:
            self._gather(scope, self._show_preview)

    def _show_preview(self, gathered: Gathered) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from reader.render.printing import page_layout, paint_articles

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("printPreview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def paint(device: QPrinter) -> None:
            try:
                paint_articles(gathered.articles, gathered.image, device)
            except ReaderError as error:
                self._fail(str(error))

        dialog.paintRequested.connect(paint)
        # QPrinter is no QObject: kept here as long as the dialog may paint on it.
        self._preview_printer = printer
        self.preview = dialog
        dialog.open()

    # -- files ---------------------------------------------------------------------------------

    def export(self, fmt: str, scope: Scope | None = None) -> None:
        scope = scope or self.current_scope()
        if scope is None:
            return
        if fmt in ("html", "md") and (len(scope.ids) != 1 or scope.bookmarks or scope.feed_key):
            self._fail(self.tr("HTML and Markdown exports take one article; use EPUB or PDF for several."))
            return
        captions = {
            "pdf": self.tr("Export as PDF"),
            "epub": self.tr("Export as EPUB"),
            "html": self.tr("Export as HTML"),
            "md": self.tr("Export as Markdown"),
        }
        path = choose_save_path(self.window, captions[fmt], self.suggested_name(scope, fmt), fmt)
        if path is None:
            return
        cancel = self._start_progress(self.tr("Exporting to %1…").replace("%1", path.name))
        if fmt == "pdf":
            self._gather(scope, lambda gathered: self._paint_pdf(gathered, path, cancel))
            return
        runner = self.runner

        def work(library: Any) -> str:
            ids = resolve(library, scope)
            library.export_file(
                ids,
                fmt,
                path,
                progress=lambda done, total: runner.post(self._progressed, done, total),
                cancel=cancel,
            )
            return str(path)

        runner.submit(work, self._done, lambda error: self._fail(str(error)))

    def _paint_pdf(self, gathered: Gathered, path: Path, cancel: threading.Event) -> None:
        from reader.render.printing import export_pdf

        runner = self.runner
        title = gathered.articles[0].title if len(gathered.articles) == 1 else None

        def run() -> None:
            try:
                export_pdf(
                    gathered.articles,
                    gathered.image,
                    path,
                    title=title,
                    progress=lambda done, total: runner.post(self._progressed, done, total),
                    cancel=cancel,
                )
            except ReaderError as error:
                runner.post(self._fail, str(error))
            except Exception as error:  # one of our bugs: logged, shown, and the window goes on
                log.exception("PDF export failed")
                runner.post(self._fail, f"{type(error).__name__}: {error}")
            else:
                runner.post(self._done, str(path))

        # Its own thread and its own QPdfWriter: painting a long PDF never blocks the window.
        thread = threading.Thread(target=run, name="pdf-export", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def wait(self, timeout: float = 30.0) -> None:
        """Let a PDF export still painting finish (at quit)."""
        for thread in self._threads:
            thread.join(timeout)

    # -- progress and outcome ------------------------------------------------------------------

    def _gather(self, scope: Scope, then: Callable[[Gathered], None]) -> None:
        self.runner.submit(lambda library: gather(library, scope), then, lambda error: self._fail(str(error)))

    def _start_progress(self, label: str) -> threading.Event:
        cancel = threading.Event()
        self._cancel = cancel
        if self.progress is not None:
            self.progress.deleteLater()
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(self.tr("Export"))
        # Shown only when the export takes a while; a quick one just finishes.
        dialog.setMinimumDuration(500)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(cancel.set)
        self.progress = dialog
        return cancel

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and not (self._cancel and self._cancel.is_set()):
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._cancel = None

    def _done(self, path: str) -> None:
        self._close_progress()
        self.window.statusBar().showMessage(self.tr("Exported to %1.").replace("%1", path), 10_000)
        self.exported.emit(path)

    def _fail(self, message: str) -> None:
        cancelled = self._cancel is not None and self._cancel.is_set()
        self._close_progress()
        if cancelled:
            self.window.statusBar().showMessage(self.tr("Export cancelled."), 6000)
            self.failed.emit(message)
            return
        log.info("export failed: %s", message)
        self.window.statusBar().showMessage(message, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"), message, parent=self.window)
        box.setObjectName("exportError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box
        self.failed.emit(message)
