"""What the user does to feeds and articles: subscribe, import, mark, bookmark, rename, move, delete.

Each command submits its store work to the runner and applies the returned
changes to the views; nothing here blocks the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from reader.render.document import format_date
from reader.ui.resources import starter_opml

if TYPE_CHECKING:
    from reader.core.models import ArticleChanges, ArticleSummary, Feed
    from reader.ui.addfeed import AddFeedDialog
    from reader.ui.window import MainWindow

log = logging.getLogger(__name__)


class FeedCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self._undo: tuple[int, ...] = ()
        self.dialog: AddFeedDialog | None = None

    def _status(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # -- subscribing ---------------------------------------------------------------------------

    def add_feed(self, address: str) -> None:
        from reader.ui.addfeed import AddFeedDialog

        w = self.window
        dialog = AddFeedDialog(
            self.runner, w.feed_model.folder_names(), w, address=address, last_folder=w.settings.last_folder
        )
        dialog.subscribed.connect(self._on_subscribed)
        self.dialog = dialog
        dialog.open()

    def subscribe_address(self, address: str) -> None:
        """Subscribe to a feed or site address the user already confirmed (a launch argument)."""
        self._status(self.tr("Subscribing to %1…").replace("%1", address), 30_000)
        self.runner.submit(
            lambda lib: lib.add_feed(address),
            self._show_subscribed,
            lambda error: self._status(
                self.tr("Could not subscribe to %1: %2").replace("%1", address).replace("%2", str(error)),
                15_000,
            ),
        )

    def _on_subscribed(self, feed: Feed) -> None:
        dialog = self.dialog
        if dialog is not None:
            self.window.settings.last_folder = dialog.folder_choice
        self._show_subscribed(feed)

    def _show_subscribed(self, feed: Feed) -> None:
        self._status(self.tr("Subscribed to %1.").replace("%1", feed.title or feed.url))
        self.window.reload_feeds()
        # The tree is rebuilt when the snapshot arrives; select the new feed then.
        self.runner.submit(lambda lib: None, lambda _: self._select_feed(feed.id))

    def _select_feed(self, feed_id: int) -> None:
        index = self.window.feed_model.index_of(("feed", feed_id))
        if index.isValid():
            self.window.feed_view.setCurrentIndex(index)

    def choose_opml(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import Subscriptions"),
            "",
            self.tr("OPML files (*.opml *.xml);;All files (*)"),
        )
        if path:
            self.import_opml(Path(path))

    def import_opml(self, path: Path, *, refresh: bool = True) -> None:
        def work(lib: Any) -> Any:
            return lib.import_opml(path.read_bytes())

        self.runner.submit(work, lambda result: self._on_imported(result, refresh))

    def _on_imported(self, result: Any, refresh: bool) -> None:
        added = [f.id for f in result.added]
        self._status(
            self.tr("Imported %1 feeds (%2 already subscribed).")
            .replace("%1", str(len(added)))
            .replace("%2", str(len(result.skipped)))
        )
        self.window.reload_feeds()
        if refresh and added:
            self.window.start_refresh(added)

    def starter_feeds(self) -> None:
        self.import_opml(starter_opml())

    def export_opml(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Subscriptions"), "subscriptions.opml", self.tr("OPML files (*.opml)")
        )
        if path:
            target = Path(path)
            self.runner.submit(
                lambda lib: target.write_bytes(lib.export_opml()),
                lambda _n: self._status(self.tr("Subscriptions saved to %1.").replace("%1", str(target))),
            )

    # -- marking -------------------------------------------------------------------------------

    def mark_read(self, ids: list[int], read: bool) -> None:
        self.window.article_model.set_status(ids, read=read)
        self.runner.submit(lambda lib: lib.mark_read(ids, read), self._after)

    def _after(self, changes: ArticleChanges) -> None:
        self.window.update_unread_counts()

    def mark_all_read(self, key: tuple[str, int] | None) -> None:
        feed_id = key[1] if key and key[0] == "feed" else None
        folder_id = key[1] if key and key[0] == "folder" else None
        self.runner.submit(
            lambda lib: lib.mark_all_read(feed_id=feed_id, folder_id=folder_id), self._on_all_read
        )

    def _on_all_read(self, changes: ArticleChanges) -> None:
        ids = changes.status_changed
        self.window.article_model.set_status(list(ids), read=True)
        self.window.after_changes(changes)
        self._undo = ids
        self._status(self.tr("Marked %1 articles as read.").replace("%1", str(len(ids))), 15_000)
        if ids:
            self.window.undo_button.show()
            self.window._undo_timer.start()

    def undo(self) -> None:
        ids, self._undo = list(self._undo), ()
        self.window.undo_button.hide()
        if ids:
            self.window.article_model.set_status(ids, read=False)
            self.runner.submit(lambda lib: lib.mark_read(ids, False), self.window.after_changes)

    def bookmark(self, summary: ArticleSummary) -> None:
        if summary.bookmarked:
            self.window.article_model.set_status([summary.id], bookmarked=False)
            self.runner.submit(lambda lib: lib.unbookmark(summary.id))
            return
        self.window.article_model.set_status([summary.id], bookmarked=True)
        self._status(self.tr("Keeping the article for offline reading…"))
        self.runner.submit(lambda lib: lib.bookmark(summary.id), self._on_bookmarked)

    def _on_bookmarked(self, result: Any) -> None:
        if result.problem:
            self._status(
                self.tr("Bookmarked, but its full text could not be saved: %1").replace("%1", result.problem)
            )
        else:
            self._status(self.tr("Bookmarked: kept for offline reading."))

    def open_original(self, url: str | None) -> None:
        if url and url.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(url))

    # -- managing feeds ------------------------------------------------------------------------

    def rename(self, feed: Feed | None) -> None:
        from PySide6.QtWidgets import QInputDialog

        if feed is None:
            return
        title, ok = QInputDialog.getText(
            self.window, self.tr("Rename Feed"), self.tr("Title:"), text=feed.title
        )
        if ok and title.strip():
            self.runner.submit(
                lambda lib: lib.rename_feed(feed.id, title), lambda _f: self.window.reload_feeds()
            )

    def move(self, feed: Feed | None) -> None:
        from PySide6.QtWidgets import QInputDialog

        if feed is None:
            return
        folders = ["", *self.window.feed_model.folder_names()]
        name, ok = QInputDialog.getItem(
            self.window, self.tr("Move to Folder"), self.tr("Folder (empty for none):"), folders, 0, True
        )
        if ok:
            self.runner.submit(
                lambda lib: lib.move_feed(feed.id, name or None), lambda _f: self.window.reload_feeds()
            )

    def delete(self, feed: Feed | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        if feed is None:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete Feed"),
            self.tr("Unsubscribe from %1? Its articles are deleted; bookmarked ones are kept.").replace(
                "%1", feed.title or feed.url
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.submit(lambda lib: lib.remove_feed(feed.id), self._on_removed)

    def _on_removed(self, changes: ArticleChanges) -> None:
        self.window.reload_feeds()
        self.window.after_changes(changes)

    def details(self, feed: Feed | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        if feed is None:
            return
        lines = [
            self.tr("Address: %1").replace("%1", feed.url),
            self.tr("Last checked: %1").replace("%1", format_date(feed.last_fetched) or self.tr("never")),
        ]
        if feed.last_error:
            lines.append(self.tr("Last error: %1").replace("%1", feed.last_error))
            lines.append(self.tr("Failed %n time(s) in a row.", "", feed.error_count))
        box = QMessageBox(
            QMessageBox.Icon.Information, feed.title or feed.url, "\n".join(lines), parent=self.window
        )
        box.setObjectName("feedDetails")
        box.open()
