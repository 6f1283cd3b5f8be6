"""Bookmark commands beyond the star: saving any web page, tags and a note, bookmark files.

All store and network work goes through the runner; these are the dialogs
and the messages around it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.models import Bookmark
    from reader.ui.window import MainWindow

log = logging.getLogger(__name__)
MAX_NOTE_CHARS = 10_000


def parse_tags(text: str) -> list[str]:
    """Tags as typed: comma-separated, trimmed, without duplicates (first spelling wins)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


class BookmarkDialog(QDialog):
    """Tags and a personal note for one bookmark."""

    def __init__(self, bookmark: Bookmark, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkDialog")
        self.setWindowTitle(self.tr("Bookmark Details"))
        self.article_id = bookmark.article_id
        title = QLabel(bookmark.title or bookmark.url or "", self)
        title.setWordWrap(True)
        self.tags = QLineEdit(", ".join(bookmark.tags), self)
        self.tags.setObjectName("bookmarkTags")
        self.tags.setPlaceholderText(self.tr("for example: history, to read"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.note = QPlainTextEdit(bookmark.note, self)
        self.note.setObjectName("bookmarkNote")
        self.note.setAccessibleName(self.tr("Note"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(title)
        form.addRow(self.tr("&Tags (comma-separated):"), self.tags)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(buttons)
        self.resize(480, 320)

    def chosen_tags(self) -> list[str]:
        return parse_tags(self.tags.text())

    def chosen_note(self) -> str:
        return self.note.toPlainText().strip()[:MAX_NOTE_CHARS]


class BookmarkCommands(QObject):
    # an article was bookmarked from a URL (the window reloads the Bookmarks view)
    saved = Signal(object)
    # tags or note saved
    detailsSaved = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.dialog: BookmarkDialog | None = None

    def _status(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # -- saving pages --------------------------------------------------------------------------

    def save_page(self) -> None:
        url, ok = QInputDialog.getText(
            self.window, self.tr("Save Page"), self.tr("Address of the page to keep for offline reading:")
        )
        if ok and url.strip():
            self.save_url(url.strip())

    def save_url(self, url: str) -> None:
        self._status(self.tr("Saving %1 for offline reading…").replace("%1", url), 30_000)
        self.runner.submit(lambda lib: lib.bookmark(url), self._on_saved, self._on_error)

    def _on_saved(self, result: Any) -> None:
        article = result.article
        if result.problem:
            self._status(
                self.tr("Bookmarked, but its full text could not be saved: %1").replace("%1", result.problem)
            )
        else:
            self._status(
                self.tr("Saved “%1” for offline reading.").replace("%1", article.title or article.url)
            )
        self.saved.emit(article)

    def _on_error(self, error: ReaderError) -> None:
        self._status(self.tr("Could not save the page: %1").replace("%1", str(error)), 15_000)

    # -- tags and note -------------------------------------------------------------------------

    def edit_details(self, article_id: int | None) -> None:
        if article_id is None:
            self._status(self.tr("Select a bookmarked article first."))
            return
        self.runner.submit(lambda lib: lib.bookmark_info(article_id), self._open_dialog, self._details_error)

    def _details_error(self, error: ReaderError) -> None:
        self._status(self.tr("Only bookmarked articles have tags and a note: %1").replace("%1", str(error)))

    def _open_dialog(self, bookmark: Bookmark) -> None:
        dialog = BookmarkDialog(bookmark, self.window)
        dialog.accepted.connect(lambda: self._save_details(dialog))
        self.dialog = dialog
        dialog.open()

    def _save_details(self, dialog: BookmarkDialog) -> None:
        article_id, tags, note = dialog.article_id, dialog.chosen_tags(), dialog.chosen_note()
        self.runner.submit(
            lambda lib: lib.set_bookmark_details(article_id, tags=tags, note=note),
            self._on_details_saved,
        )

    def _on_details_saved(self, bookmark: Bookmark) -> None:
        self._status(self.tr("Bookmark details saved."))
        self.detailsSaved.emit(bookmark)

    # -- bookmark files ------------------------------------------------------------------------

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Bookmarks"), "bookmarks.json", self.tr("Bookmark files (*.json)")
        )
        if not path:
            return
        target = Path(path)
        self.runner.submit(
            lambda lib: lib.export_bookmarks_to(target),
            lambda count: self._status(
                self.tr("Saved %1 bookmarks to %2.").replace("%1", str(count)).replace("%2", str(target))
            ),
            lambda error: self._status(str(error), 15_000),
        )

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Bookmarks"), "", self.tr("Bookmark files (*.json);;All files (*)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        def work(lib: Any) -> Any:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise ReaderError(f"Cannot read {path}: {error.strerror}") from error
            return lib.import_bookmarks(data)

        self.runner.submit(work, self._on_imported, lambda error: self._status(str(error), 15_000))

    def _on_imported(self, result: Any) -> None:
        self._status(
            self.tr("Imported %1 new bookmarks; %2 already kept.")
            .replace("%1", str(len(result.added)))
            .replace("%2", str(len(result.merged)))
        )
        self.saved.emit(None)
