"""The main window: feed list | article list | reading pane, with menus, toolbar and status bar."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.render import theme as themes
from reader.render import typography
from reader.tasks import TaskRunner
from reader.ui import actions as action_table
from reader.ui.article_model import DATE, FEED, STATUS, TITLE, ArticleTableModel, Query
from reader.ui.feed_model import ALL, BOOKMARKS, FeedSnapshot, FeedTreeModel, load_snapshot
from reader.ui.reading import ReadingPane
from reader.ui.refresh import RefreshController
from reader.ui.refresh_status import RefreshStatus
from reader.ui.search import DEBOUNCE_MS, range_labels, since_for
from reader.ui.settings import Settings
from reader.ui.themes import apply_app_theme, desktop_palette_is_dark, system_is_dark
from reader.ui.widgets import named

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from reader.core.models import ArticleChanges, ArticleSummary, Feed, RefreshResult
    from reader.ui.bookmarks import BookmarkCommands
    from reader.ui.emptystate import EmptyState
    from reader.ui.exporting import Exporter, Scope
    from reader.ui.feed_commands import FeedCommands

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # the first paint happened (the start-up benchmark waits for it)
    painted = Signal()

    def __init__(
        self, runner: TaskRunner, settings: Settings, *, offline_gate: threading.Event | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("News Reader"))
        self.runner = runner
        self.settings = settings
        self.feed_model = FeedTreeModel(self)
        self.article_model = ArticleTableModel(runner, self)
        self.refresher = RefreshController(runner, self)
        # Made on first use: the feed commands, print, export and bookmark dialogs are not start-up work.
        self._commands: FeedCommands | None = None
        self._exporter: Exporter | None = None
        self._bookmark_commands: BookmarkCommands | None = None
        # Set: the Library's HTTP client refuses every request (app.py shares it with the client).
        self.offline_gate = offline_gate if offline_gate is not None else threading.Event()
        self.read_only = False
        self._snapshot_loaded = False
        # Light or dark desktop, for the Auto theme: the palette's answer until the first paint.
        self._system_dark = desktop_palette_is_dark()
        self._build_panes()
        self._build_status_bar()
        self.actions_by_name = action_table.build(self, self._handler)
        self._build_menus()
        self._wire()
        self.setAcceptDrops(True)
        self.apply_style()
        self._restore()
        self._started = False

    # -- construction --------------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.feed_view = named(QTreeView(self), "feedList")
        self.feed_view.setModel(self.feed_model)
        self.feed_view.setAccessibleName(self.tr("Feeds"))
        self.feed_view.setHeaderHidden(True)
        self.feed_view.setUniformRowHeights(True)
        self.feed_view.header().setStretchLastSection(False)
        self.feed_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed, not ResizeToContents: that measures every row on every change.
        self.feed_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.feed_view.header().resizeSection(1, self.fontMetrics().horizontalAdvance("00000") + 8)
        # Made when first needed: only a store without feeds shows it.
        self._empty: EmptyState | None = None
        self.left = named(QStackedWidget(self), "leftPane")
        self.left.addWidget(self.feed_view)

        self.search = named(QLineEdit(self), "search")
        self.search.setPlaceholderText(self.tr("Search articles (/)"))
        self.search.setAccessibleName(self.tr("Search articles"))
        self.search_range = named(QComboBox(self), "searchRange")
        self.search_range.addItems(range_labels())
        self.search_range.setAccessibleName(self.tr("Search in articles from"))
        self._search_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.article_view = named(QTableView(self), "articleList")
        # The column titles are shown after the first paint: Qt asks the model
        # for them with a Qt.Orientation, and that first use of Qt's namespace
        # enums costs ~20 ms (see reader.ui.roles).  The list stays empty until
        # the store answers anyway.
        self.article_view.horizontalHeader().hide()
        self.article_view.setModel(self.article_model)
        self.article_view.setAccessibleName(self.tr("Articles"))
        self.article_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows: print or export a selection.
        self.article_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.article_view.setShowGrid(False)
        self.article_view.setWordWrap(False)
        vertical = self.article_view.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures 100,000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.article_view.horizontalHeader()
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(STATUS, self.fontMetrics().horizontalAdvance("●★") + 12)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FEED, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FEED, 140)
        header.resizeSection(DATE, 90)
        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_range)
        column.addLayout(search_row)
        column.addWidget(self.article_view)

        self.reading = ReadingPane(self.runner, self)
        self.reading.setObjectName("readingPane")
        self.reading.load_images = self.settings.load_images
        # Horizontal, and parented by setCentralWidget: the constructors that
        # take either would look up Qt.Orientation (see reader.ui.roles).
        self.splitter = named(QSplitter(), "mainSplitter")
        for widget in (self.left, middle, self.reading):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([220, 380, 700])
        self.setCentralWidget(self.splitter)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.refresh_status = RefreshStatus(self.refresher, self)
        self.progress = self.refresh_status.progress
        self.progress_label = self.refresh_status.label
        self.undo_button = named(QToolButton(self), "undo")
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.offline_label = named(QLabel(self.tr("Offline"), self), "offlineIndicator")
        self.offline_label.setToolTip(self.tr("Nothing is fetched from the network (View ▸ Work Offline)."))
        for widget in (self.offline_label, self.undo_button, self.refresh_status):
            bar.addPermanentWidget(widget)
        self.offline_label.hide()
        self.undo_button.hide()
        self._undo_timer = QTimer(self, singleShot=True, interval=15_000)
        self._undo_timer.timeout.connect(self.undo_button.hide)

    def _build_menus(self) -> None:
        """The menu bar's titles and the toolbar: what the first paint shows."""
        titles = {
            "file": self.tr("&File"),
            "feed": self.tr("Fee&d"),
            "article": self.tr("&Article"),
            "view": self.tr("&View"),
            "help": self.tr("&Help"),
        }
        self.menus = {key: self.menuBar().addMenu(title) for key, title in titles.items()}
        self.theme_actions: dict[str, QAction] = {}
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        for name in ("add_feed", "refresh_all", "mark_all_read", "toggle_bookmark", "open_original"):
            toolbar.addAction(self.actions_by_name[name])
        self.actions_by_name["unread_only"].setChecked(self.settings.unread_only)
        self.actions_by_name["load_images"].setChecked(self.settings.load_images)

    def _fill_menus(self) -> None:
        """The menus' items and the actions of the window and its lists (after the first paint).

        Nothing shows them before a menu is opened or a key pressed, and their
        shortcuts are bound after the first paint too.
        """
        menus = self.menus
        themes_menu = menus["view"].addMenu(self.tr("&Theme"))
        names = {
            themes.AUTO: self.tr("Follow the System"),
            themes.DAY: self.tr("Day"),
            themes.SEPIA: self.tr("Sepia"),
            themes.NIGHT: self.tr("Night"),
        }
        for choice in themes.CHOICES:
            action = themes_menu.addAction(names[choice])
            action.setCheckable(True)
            action.setChecked(choice == self.settings.theme)
            action.setObjectName(f"theme_{choice}")
            action.triggered.connect(lambda _=False, c=choice: self.set_theme(c))
            self.theme_actions[choice] = action
        scoped = action_table.list_scoped(self.actions_by_name)
        for action in scoped:
            self.article_view.addAction(action)
        for name, action in self.actions_by_name.items():
            menus[str(action.property("menu"))].addAction(action)
            if action not in scoped:
                self.addAction(action)
            if name in (
                "starter_feeds",
                "export_bookmarks",
                "export_bookmarks_epub",
                "feed_details",
                "previous_feed",
                "open_original",
                "bookmark_details",
                "font_reset",
                "work_offline",
            ):
                menus[str(action.property("menu"))].addSeparator()
        for name in (
            "refresh_feed",
            "mark_all_read",
            "rename_feed",
            "move_feed",
            "delete_feed",
            "feed_details",
        ):
            self.feed_view.addAction(self.actions_by_name[name])

    def _wire(self) -> None:
        self.feed_view.selectionModel().currentChanged.connect(self._on_feed_selected)
        self.article_view.selectionModel().currentRowChanged.connect(self._on_article_selected)
        self.article_model.loaded.connect(self._on_articles_loaded)
        self.search.returnPressed.connect(self._search_now)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._on_search)
        self.search_range.currentIndexChanged.connect(lambda _i: self._search_now())
        self.reading.bookmarkRequested.connect(self.on_toggle_bookmark)
        self.reading.zoomRequested.connect(lambda step: self.change_font(step))
        self.reading.shortcutsRequested.connect(self.on_shortcuts)
        self.reading.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.runner.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.refresher.changed.connect(self.after_changes)
        self.refresher.results.connect(self._on_refresh_results)
        self.refresher.finished.connect(self._on_refresh_finished)
        self.undo_button.clicked.connect(lambda: self.commands.undo())

    @property
    def commands(self) -> FeedCommands:
        if self._commands is None:
            from reader.ui.feed_commands import FeedCommands

            self._commands = FeedCommands(self)
        return self._commands

    @property
    def exporter(self) -> Exporter:
        if self._exporter is None:
            from reader.ui.exporting import Exporter

            self._exporter = Exporter(self)
        return self._exporter

    def wait_for_exports(self) -> None:
        """A PDF still being painted is finished, not cut off (at close and quit)."""
        if self._exporter is not None:
            self._exporter.wait()

    @property
    def bookmark_commands(self) -> BookmarkCommands:
        if self._bookmark_commands is None:
            from reader.ui.bookmarks import BookmarkCommands

            self._bookmark_commands = BookmarkCommands(self)
            self._bookmark_commands.saved.connect(lambda _article: self._after_bookmarks_changed())
        return self._bookmark_commands

    @property
    def empty(self) -> EmptyState:
        if self._empty is None:
            from reader.ui import emptystate

            self._empty = emptystate.EmptyState(self)
            self._empty.addFeed.connect(self.on_add_feed)
            self._empty.importOpml.connect(self.on_import_opml)
            self._empty.starterFeeds.connect(self.on_starter_feeds)
            self.left.addWidget(self._empty)
        return self._empty

    def _handler(self, name: str) -> Callable[[], None]:
        return lambda *_args: getattr(self, f"on_{name}")()

    # -- persistence and style -----------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state("state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("state", self.saveState())
        self.settings.set_window_state("splitter", self.splitter.saveState())
        self.settings.sync()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._started:
            # What the first paint does not need waits for it: the store thread
            # opens the Library (importing requests, lxml, feedparser) on its
            # first task (queued first, so it starts meanwhile), the menus are
            # filled, the key bindings parsed, the search field's clear
            # button (a style icon) made.
            self._started = True
            QTimer.singleShot(0, self._after_first_paint)
            self.painted.emit()

    def _after_first_paint(self) -> None:
        # What uses Qt's namespace enums (see reader.ui.roles) comes first.
        self._follow_system()
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: self._follow_system())
        self.feed_view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
        self.article_view.setSortingEnabled(True)
        self.article_view.sortByColumn(DATE, QtCore.Qt.SortOrder.DescendingOrder)
        self.article_view.horizontalHeader().show()
        self.reload_feeds()
        self._fill_menus()
        action_table.install_shortcuts(self.actions_by_name)
        self.search.setClearButtonEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.refresher.cancel()
        self.wait_for_exports()
        self.save_state()
        super().closeEvent(event)

    def current_theme(self) -> themes.Theme:
        return themes.resolve(self.settings.theme, system_dark=self._system_dark)

    def _follow_system(self) -> None:
        """Qt's colour scheme replaces the start-up answer (the palette's), now and whenever it changes."""
        dark = system_is_dark()
        if dark != self._system_dark:
            self._system_dark = dark
            self.apply_style()

    def apply_style(self) -> None:
        theme = self.current_theme()
        apply_app_theme(theme)
        self.reading.set_style(theme, self.settings.typography())
        for choice, action in self.theme_actions.items():
            action.setChecked(choice == self.settings.theme)

    def set_theme(self, choice: str) -> None:
        self.settings.theme = choice
        self.apply_style()

    def change_font(self, step: int) -> None:
        px = self.settings.font_px
        new = (
            typography.larger(px)
            if step > 0
            else typography.smaller(px)
            if step < 0
            else typography.DEFAULT_FONT_PX
        )
        if new != px:
            self.settings.font_px = new
            self.apply_style()

    # -- feeds ---------------------------------------------------------------------------------

    def reload_feeds(self) -> None:
        self.runner.submit(load_snapshot, self._on_snapshot, key="feeds")

    def _on_snapshot(self, snapshot: FeedSnapshot) -> None:
        current = self.feed_model.key_of(self.feed_view.currentIndex())
        if self.feed_model.set_snapshot(snapshot):
            self.feed_view.expandAll()
        empty = not snapshot.feeds
        self.left.setCurrentWidget(self.empty if empty else self.feed_view)
        first = not self._snapshot_loaded
        self._snapshot_loaded = True
        if first and empty:
            self.reading.show_welcome()
        index = self.feed_model.index_of(current or ALL)
        if index.isValid() and self.feed_view.currentIndex() != index:
            self.feed_view.setCurrentIndex(index)

    def update_unread_counts(self) -> None:
        self.runner.submit(lambda lib: lib.unread_counts(), self.feed_model.set_unread, key="unread")

    def current_feed_key(self) -> tuple[str, int] | None:
        return self.feed_model.key_of(self.feed_view.currentIndex())

    def current_feed(self) -> Feed | None:
        key = self.current_feed_key()
        return self.feed_model.feeds.get(key[1]) if key and key[0] == "feed" else None

    def _query_for(self, key: tuple[str, int] | None) -> Query:
        unread = self.settings.unread_only
        oldest = self.settings.oldest_first
        if key is None or key == ALL:
            return Query(unread_only=unread, oldest_first=oldest)
        if key == BOOKMARKS:
            return Query(bookmarked_only=True, oldest_first=oldest)
        if key[0] == "folder":
            return Query(folder_id=key[1], unread_only=unread, oldest_first=oldest)
        return Query(feed_id=key[1], unread_only=unread, oldest_first=oldest)

    @Slot(QModelIndex, QModelIndex)
    def _on_feed_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.article_model.set_query(self._query_for(self.feed_model.key_of(current)))

    # -- articles ------------------------------------------------------------------------------

    def current_summary(self) -> ArticleSummary | None:
        index = self.article_view.currentIndex()
        return self.article_model.article_at(index.row()) if index.isValid() else None

    def _on_articles_loaded(self) -> None:
        self.article_view.scrollToTop()

    @Slot(QModelIndex, QModelIndex)
    def _on_article_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.article_model.article_at(current.row()) if current.isValid() else None
        if summary is None:
            return
        self.reading.open_article(summary.id)
        if not summary.read:
            self.commands.mark_read([summary.id], True)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.article_model.rowCount():
            index = self.article_model.index(row, TITLE)
            self.article_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.article_view.scrollTo(index)

    def _step_unread(self, forward: bool) -> bool:
        start = self.article_view.currentIndex().row()
        rows = self.article_model.loaded_rows()
        candidates = sorted(
            r for r, s in rows.items() if not s.read and (r > start if forward else r < start)
        )
        if not candidates:
            self.statusBar().showMessage(self.tr("No more unread articles here."), 4000)
            return False
        self.select_row(candidates[0] if forward else candidates[-1])
        return True

    def _search_now(self) -> None:
        self._search_timer.stop()
        self._on_search()

    def _on_search(self) -> None:
        # The model numbers its queries: results of a query typed over arrive and are dropped.
        text = self.search.text().strip()
        query = self._query_for(self.current_feed_key())
        if text:
            if self.article_view.itemDelegateForColumn(TITLE) is None:
                from reader.ui.snippets import SnippetDelegate

                self.article_view.setItemDelegateForColumn(TITLE, SnippetDelegate(self.article_view))
            since = since_for(self.search_range.currentIndex(), datetime.now(UTC))
            query = query._replace(search=text, since=since)
        if query != self.article_model.query:
            self.article_model.set_query(query)

    # -- refresh -------------------------------------------------------------------------------

    def start_refresh(self, feed_ids: list[int]) -> None:
        if self.offline_gate.is_set():
            self.statusBar().showMessage(self.tr("You are offline: feeds are not refreshed."), 6000)
            return
        if self.refresher.running:
            self.statusBar().showMessage(self.tr("A refresh is already running."), 4000)
            return
        self.refresher.start(feed_ids)

    def _on_refresh_results(self, results: list[RefreshResult]) -> None:
        # Only the badges change during a refresh; titles and the rest are reloaded at the end.
        self.feed_model.set_errors({r.feed_id: r.error if r.status == "error" else None for r in results})

    def _on_refresh_finished(self, results: list[object]) -> None:
        errors = sum(1 for r in results if getattr(r, "status", "") == "error")
        new = sum(len(r.changes.added) for r in results if hasattr(r, "changes"))
        self.statusBar().showMessage(
            self.tr("Refreshed %1 feeds: %2 new articles, %3 errors.")
            .replace("%1", str(len(results)))
            .replace("%2", str(new))
            .replace("%3", str(errors)),
            10_000,
        )
        self.reload_feeds()

    def after_changes(self, changes: ArticleChanges) -> None:
        if changes:
            self.article_model.apply_changes(changes)
            self.update_unread_counts()

    # -- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def _drop_bookmarks(self, event: QDropEvent) -> bool:
        """A drop with Ctrl or Alt held, or onto the Bookmarks entry, keeps the page (no subscribing)."""
        modifiers = event.modifiers()
        if modifiers & (QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.AltModifier):
            return True
        viewport = self.feed_view.viewport()
        where = viewport.mapFrom(self, event.position().toPoint())
        return (
            viewport.rect().contains(where)
            and self.feed_model.key_of(self.feed_view.indexAt(where)) == BOOKMARKS
        )

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        urls = [u for u in data.urls()] if data.hasUrls() else []
        keep = self._drop_bookmarks(event)
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().lower().endswith((".opml", ".xml")):
                self.commands.import_opml(Path(url.toLocalFile()))
            elif url.scheme() in ("http", "https") and keep:
                self.bookmark_commands.save_url(url.toString())
            elif url.scheme() in ("http", "https", "feed"):
                self.commands.add_feed(url.toString())
        if not urls and data.hasText():
            text = data.text().strip()
            if keep and text.startswith(("http://", "https://")):
                self.bookmark_commands.save_url(text)
            else:
                self.commands.add_feed(text)
        event.acceptProposedAction()

    # -- launch arguments, read-only -----------------------------------------------------------

    def open_arguments(self, arguments: list[str]) -> None:
        """Feed addresses and files from a launch: ask, then subscribe or import."""
        from reader.ui import launch

        for argument in arguments:
            request = launch.classify(argument)
            if request.kind is launch.Kind.UNKNOWN:
                self.statusBar().showMessage(
                    self.tr("Cannot open %1: not a feed address, a feed file or an OPML file.").replace(
                        "%1", argument
                    ),
                    10_000,
                )
                continue
            title, text = launch.question(request)
            if not launch.confirm(self, title, text):
                continue
            if request.kind is launch.Kind.IMPORT:
                self.commands.import_opml(Path(request.target))
            else:
                self.commands.subscribe_address(request.target)

    def set_read_only(self, read_only: bool) -> None:
        """Browsing a data folder that cannot be written: say so, and offer nothing that writes."""
        self.read_only = read_only
        title = self.tr("News Reader")
        self.setWindowTitle(self.tr("%1 (read-only)").replace("%1", title) if read_only else title)
        for name in ("add_feed", "import_opml", "starter_feeds", "refresh_all", "refresh_feed", "save_page"):
            self.actions_by_name[name].setEnabled(not read_only)

    # -- bookmarks, offline --------------------------------------------------------------------

    def _after_bookmarks_changed(self) -> None:
        if self.current_feed_key() == BOOKMARKS:
            self.article_model.reload()

    def set_offline(self, offline: bool) -> None:
        if offline:
            self.offline_gate.set()
            self.refresher.cancel()
        else:
            self.offline_gate.clear()
        self.reading.offline = offline
        self.offline_label.setVisible(offline)
        self.actions_by_name["work_offline"].setChecked(offline)
        self.statusBar().showMessage(
            self.tr("Offline: only what is stored is shown.") if offline else self.tr("Back online."), 6000
        )

    # -- print and export ----------------------------------------------------------------------

    def selected_article_ids(self) -> list[int]:
        """The selected rows of the article list, in list order; else the article in the pane."""
        rows = sorted({index.row() for index in self.article_view.selectionModel().selectedRows()})
        ids = [s.id for s in (self.article_model.article_at(r) for r in rows) if s is not None]
        if not ids and self.reading.article is not None:
            ids = [self.reading.article.id]
        return ids

    def title_for_export(self, scope: Scope) -> str:
        if scope.bookmarks:
            return self.tr("Bookmarks")
        if scope.feed_key is not None:
            index = self.feed_model.index_of(scope.feed_key)
            return str(index.data()) if index.isValid() else self.tr("Articles")
        if len(scope.ids) == 1:
            row = self.article_model.row_of(scope.ids[0])
            summary = self.article_model.article_at(row) if row is not None else None
            if summary is not None:
                return summary.title
            if self.reading.article is not None and self.reading.article.id == scope.ids[0]:
                return self.reading.article.title
        return self.tr("%n articles", "", len(scope.ids))

    # -- action handlers -----------------------------------------------------------------------

    def on_add_feed(self) -> None:
        self.commands.add_feed("")

    def on_import_opml(self) -> None:
        self.commands.choose_opml()

    def on_export_opml(self) -> None:
        self.commands.export_opml()

    def on_starter_feeds(self) -> None:
        self.commands.starter_feeds()

    def on_quit(self) -> None:
        self.close()

    def on_refresh_all(self) -> None:
        self.start_refresh([f.id for f in self.feed_model.feeds.values() if not f.gone])

    def on_refresh_feed(self) -> None:
        key = self.current_feed_key()
        if key is None or key[0] not in ("feed", "folder"):
            self.on_refresh_all()
            return
        feeds = self.feed_model.feeds.values()
        ids = [f.id for f in feeds if (f.id if key[0] == "feed" else f.folder_id) == key[1]]
        self.start_refresh(ids)

    def on_mark_all_read(self) -> None:
        self.commands.mark_all_read(self.current_feed_key())

    def on_rename_feed(self) -> None:
        self.commands.rename(self.current_feed())

    def on_move_feed(self) -> None:
        self.commands.move(self.current_feed())

    def on_delete_feed(self) -> None:
        self.commands.delete(self.current_feed())

    def on_feed_details(self) -> None:
        self.commands.details(self.current_feed())

    def _step_feed(self, delta: int) -> None:
        index = (
            self.feed_view.indexBelow(self.feed_view.currentIndex())
            if delta > 0
            else self.feed_view.indexAbove(self.feed_view.currentIndex())
        )
        if index.isValid():
            self.feed_view.setCurrentIndex(index)

    def on_next_feed(self) -> None:
        self._step_feed(1)

    def on_previous_feed(self) -> None:
        self._step_feed(-1)

    def on_next_article(self) -> None:
        self.select_row(self.article_view.currentIndex().row() + 1)

    def on_previous_article(self) -> None:
        row = self.article_view.currentIndex().row()
        self.select_row(max(row - 1, 0))

    def on_next_unread(self) -> None:
        self._step_unread(True)

    def on_previous_unread(self) -> None:
        self._step_unread(False)

    def on_page_or_next(self) -> None:
        browser = self.reading.browser
        if self.reading.article is not None and not browser.at_bottom():
            browser.page_down()
        else:
            self._step_unread(True)

    def on_page_up(self) -> None:
        self.reading.browser.page_down(up=True)

    def on_toggle_read(self) -> None:
        summary = self.current_summary()
        if summary is not None:
            self.commands.mark_read([summary.id], not summary.read)

    def on_toggle_bookmark(self) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        self.commands.bookmark(summary)
        if self.reading.article is not None and self.reading.article.id == summary.id:
            self.reading.show_bookmarked(not summary.bookmarked)

    def on_bookmark_details(self) -> None:
        ids = self.selected_article_ids()
        self.bookmark_commands.edit_details(ids[0] if ids else None)

    def on_save_page(self) -> None:
        self.bookmark_commands.save_page()

    def on_import_bookmarks(self) -> None:
        self.bookmark_commands.import_file()

    def on_export_bookmarks(self) -> None:
        self.bookmark_commands.export_file()

    def on_print(self) -> None:
        self.exporter.print_articles()

    def on_print_preview(self) -> None:
        self.exporter.print_preview()

    def on_export_pdf(self) -> None:
        self.exporter.export("pdf")

    def on_export_epub(self) -> None:
        self.exporter.export("epub")

    def on_export_html(self) -> None:
        self.exporter.export("html")

    def on_export_markdown(self) -> None:
        self.exporter.export("md")

    def on_export_feed_epub(self) -> None:
        from reader.ui.exporting import Scope

        key = self.current_feed_key() or ALL
        self.exporter.export("epub", Scope(feed_key=key))

    def on_export_bookmarks_epub(self) -> None:
        from reader.ui.exporting import Scope

        self.exporter.export("epub", Scope(bookmarks=True))

    def on_work_offline(self) -> None:
        self.set_offline(self.actions_by_name["work_offline"].isChecked())

    def on_open_original(self) -> None:
        self.commands.open_original(self.reading.article.url if self.reading.article else None)

    def on_toggle_full_text(self) -> None:
        self.reading.toggle_full_text()

    def on_focus_pane(self) -> None:
        self.reading.browser.setFocus()

    def on_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def on_font_larger(self) -> None:
        self.change_font(1)

    def on_font_smaller(self) -> None:
        self.change_font(-1)

    def on_font_reset(self) -> None:
        self.change_font(0)

    def on_cycle_theme(self) -> None:
        self.set_theme(themes.next_choice(self.settings.theme))

    def on_unread_only(self) -> None:
        self.settings.unread_only = self.actions_by_name["unread_only"].isChecked()
        self.article_model.set_query(self._query_for(self.current_feed_key()))

    def on_load_images(self) -> None:
        self.settings.load_images = self.reading.load_images = self.actions_by_name["load_images"].isChecked()

    def on_focus_feeds(self) -> None:
        current = self.left.currentWidget()
        if current is not None:
            current.setFocus()

    def on_focus_articles(self) -> None:
        self.article_view.setFocus()

    def on_focus_reader(self) -> None:
        self.reading.browser.setFocus()

    def on_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def on_shortcuts(self) -> None:
        from reader.ui.shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(list(self.actions_by_name.values()), self)
        self.shortcuts_dialog.open()

    def on_welcome(self) -> None:
        self.reading.show_welcome()

    def on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About News Reader"), self.tr("A desktop reader for news feeds."))
