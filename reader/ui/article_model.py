"""The article list as a table model that fetches its rows in pages from the store.

``rowCount`` is the query's total from a COUNT; rows are fetched a page at a
time through the task runner when the view first asks for them, so a feed of
100,000 articles opens with one COUNT and one page.  Writes arrive as
``ArticleChanges`` and are applied as inserted or changed rows.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QFont

from reader.tasks import TaskRunner
from reader.ui import roles
from reader.ui.roles import ACCESSIBLE, DISPLAY, FONT, TOOLTIP

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from reader.core.models import ArticleChanges, ArticleSummary

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
# The invalid index, as a default argument (one shared value).
ROOT = QModelIndex()
PAGE = 200
STATUS, TITLE, FEED, DATE = range(4)
ID = roles.USER + 1
# The search snippet as HTML (matched words in <b>), for the title column's delegate.
SNIPPET = roles.USER + 2
_ROLES = frozenset({DISPLAY, FONT, TOOLTIP, ACCESSIBLE, ID, SNIPPET})
# The store marks matched words with these (reader.storage.HIGHLIGHT_START/END).
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


def snippet_html(snippet: str) -> str:
    """The store's snippet as safe HTML: escaped first, then the markers become <b>."""
    return html.escape(snippet, quote=False).replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


def snippet_text(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


class Query(NamedTuple):  # not a dataclass: defined before the first paint, and cheaper
    feed_id: int | None = None
    folder_id: int | None = None
    bookmarked_only: bool = False
    unread_only: bool = False
    oldest_first: bool = False
    search: str | None = None
    # search results only: published (else arrived) on or after this moment
    since: datetime | None = None

    def filters(self) -> dict[str, Any]:
        return {
            "feed_id": self.feed_id,
            "folder_id": self.folder_id,
            "bookmarked_only": self.bookmarked_only,
            "unread_only": self.unread_only,
        }


def fetch_rows(library: Any, query: Query, first: int, count: int, total: int) -> list[ArticleSummary]:
    """Rows ``first .. first+count`` of the query's order (the store lists newest first)."""
    if query.search:
        return _search(library, query)[first : first + count]
    if not query.oldest_first:
        rows: list[ArticleSummary] = library.articles(**query.filters(), limit=count, offset=first)
        return rows
    end = total - first
    start = max(0, end - count)
    rows = library.articles(**query.filters(), limit=end - start, offset=start)
    rows.reverse()
    return rows


def _search(library: Any, query: Query) -> list[ArticleSummary]:
    hits = library.search(
        query.search,
        limit=PAGE,
        feed_id=query.feed_id,
        folder_id=query.folder_id,
        bookmarked_only=query.bookmarked_only,
        unread_only=query.unread_only,
        since=query.since,
    )
    # Imported here (store thread): the models module is not start-up work.
    from reader.ui.search_rows import SearchRow

    rows: list[ArticleSummary] = []
    # Ranked order, as the store gives it.
    for hit in hits:
        a = library.article(hit.article_id)
        rows.append(
            SearchRow(
                a.id,
                a.feed_id,
                a.title,
                a.url,
                a.published,
                a.arrived_at,
                a.read,
                a.bookmarked,
                a.feed_title,
                snippet=hit.snippet,
            )
        )
    return rows


def fetch_head(library: Any, query: Query) -> tuple[int, list[ArticleSummary]]:
    if query.search:
        # Search results come ranked, at most one page of them.
        rows = _search(library, query)
        return len(rows), rows
    total: int = library.count_articles(**query.filters())
    return total, fetch_rows(library, query, 0, PAGE, total)


class ArticleTableModel(QAbstractTableModel):
    # The first page of a new query is in: views may select and scroll now.
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.query: Query | None = None
        self._total = 0
        self._rows: dict[int, ArticleSummary] = {}
        self._row_of: dict[int, int] = {}
        self._requested: set[int] = set()
        self._generation = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self._locale: QLocale | None = None
        # Formatted dates by article id: formatting is the costliest part of a paint.
        self._dates: dict[int, str] = {}

    # -- queries -------------------------------------------------------------------------------

    def set_query(self, query: Query) -> None:
        self._generation += 1
        generation = self._generation
        self.query = query
        self.runner.submit(lambda lib: fetch_head(lib, query), lambda head: self._on_head(generation, head))

    def reload(self) -> None:
        if self.query is not None:
            self.set_query(self.query)

    def _on_head(self, generation: int, head: tuple[int, list[ArticleSummary]]) -> None:
        if generation != self._generation:
            return
        total, rows = head
        self.beginResetModel()
        self._total = total
        self._rows.clear()
        self._row_of.clear()
        self._dates.clear()
        self._requested = {0}
        self._store(0, rows)
        self.endResetModel()
        self.loaded.emit()

    def _store(self, first: int, rows: list[ArticleSummary]) -> None:
        for offset, summary in enumerate(rows):
            row = first + offset
            if row >= self._total:
                break
            old = self._rows.get(row)
            if old is not None and self._row_of.get(old.id) == row:
                del self._row_of[old.id]
            self._rows[row] = summary
            self._row_of[summary.id] = row

    def _request_page(self, page: int) -> None:
        if page in self._requested or self.query is None:
            return
        self._requested.add(page)
        generation, query, total = self._generation, self.query, self._total
        self.runner.submit(
            lambda lib: fetch_rows(lib, query, page * PAGE, PAGE, total),
            lambda rows: self._on_page(generation, page, rows),
        )

    def _on_page(self, generation: int, page: int, rows: list[ArticleSummary]) -> None:
        if generation != self._generation:
            return
        first = page * PAGE
        self._store(first, rows)
        last = min(first + len(rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, DATE))

    # -- changes -------------------------------------------------------------------------------

    def set_status(self, ids: list[int], *, read: bool | None = None, bookmarked: bool | None = None) -> None:
        """Show a status the user just set at once (the store write follows)."""
        import dataclasses  # here, not at the top: nothing before the first paint needs it

        for article_id in ids:
            row = self._row_of.get(article_id)
            if row is None:
                continue
            old = self._rows[row]
            self._rows[row] = dataclasses.replace(
                old,
                read=old.read if read is None else read,
                bookmarked=old.bookmarked if bookmarked is None else bookmarked,
            )
            self.dataChanged.emit(self.index(row, 0), self.index(row, DATE))

    def apply_changes(self, changes: ArticleChanges) -> None:
        """New articles become inserted rows; changed ones are fetched again where they are shown."""
        if self.query is None:
            return
        if changes.added or changes.removed:
            generation, query = self._generation, self.query
            self.runner.submit(
                lambda lib: fetch_head(lib, query), lambda head: self._on_new_head(generation, head)
            )
        touched = {
            self._row_of[i] // PAGE for i in (*changes.updated, *changes.status_changed) if i in self._row_of
        }
        for page in touched:
            self._requested.discard(page)
            self._request_page(page)

    def _on_new_head(self, generation: int, head: tuple[int, list[ArticleSummary]]) -> None:
        if generation != self._generation or self.query is None:
            return
        total, rows = head
        delta = total - self._total
        if delta == 0 and all(self._rows.get(i) == r for i, r in enumerate(rows)):
            return
        if self.query.oldest_first and delta > 0:
            # New articles are the newest: they go to the end.
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
            return
        old_first = self._rows.get(0)
        if 0 < delta <= len(rows) and old_first is not None and rows[delta : delta + 1] == [old_first]:
            self.beginInsertRows(QModelIndex(), 0, delta - 1)
            shifted = {row + delta: s for row, s in self._rows.items()}
            self._total = total
            self._rows = shifted
            self._row_of = {s.id: row for row, s in shifted.items()}
            self._requested = {p for p in range(0, total // PAGE + 1) if (p * PAGE) in shifted}
            self._store(0, rows)
            self.endInsertRows()
            return
        self._on_head(generation, head)

    # -- lookups -------------------------------------------------------------------------------

    def article_at(self, row: int) -> ArticleSummary | None:
        return self._rows.get(row)

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def loaded_rows(self) -> dict[int, ArticleSummary]:
        return self._rows

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 4

    # flags(): QAbstractTableModel's own (enabled, selectable) is what the rows need.

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != QtCore.Qt.Orientation.Horizontal:
            return None
        if role in (DISPLAY, ACCESSIBLE):
            names = (self.tr("Status"), self.tr("Title"), self.tr("Feed"), self.tr("Date"))
            if section == STATUS and role == DISPLAY:
                return ""
            return names[section] if 0 <= section < len(names) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        # The store orders by date only: any column header sorts by date.
        if self.query is None:
            return
        # No order: ascending, QAbstractItemModel.sort's default.
        oldest = order is None or order == QtCore.Qt.SortOrder.AscendingOrder
        if oldest != self.query.oldest_first:
            self.set_query(self.query._replace(oldest_first=oldest))

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # Called for every role of every visible cell on every paint: int
        # comparisons, and nothing at all for the roles left to the view.
        if role not in _ROLES:
            return None
        row = index.row()
        summary = self._rows.get(row)
        if summary is None:
            if 0 <= row < self._total:
                self._request_page(row // PAGE)
            return "…" if role == DISPLAY and index.column() == TITLE else None
        column = index.column()
        if role == DISPLAY:
            if column == TITLE:
                return summary.title or self.tr("(untitled)")
            if column == FEED:
                return summary.feed_title or ""
            if column == DATE:
                return self._date_text(summary)
            return ("●" if not summary.read else "") + ("★" if summary.bookmarked else "")
        if role == FONT:
            return None if summary.read else self._bold
        if role == ID:
            return summary.id
        if role == SNIPPET:
            snippet = getattr(summary, "snippet", None)
            return snippet_html(snippet) if snippet is not None and column == TITLE else None
        if column == STATUS:
            states = [self.tr("unread") if not summary.read else self.tr("read")]
            if summary.bookmarked:
                states.append(self.tr("bookmarked"))
            return ", ".join(states)
        if column == TITLE and role == TOOLTIP:
            snippet = getattr(summary, "snippet", None)
            if snippet:
                return f"{summary.title}\n\n{snippet_text(snippet)}"
            return summary.title
        return None

    def _date_text(self, summary: ArticleSummary) -> str:
        text = self._dates.get(summary.id)
        if text is None:
            text = self._dates[summary.id] = self._date(summary.published or summary.arrived_at)
        return text

    def _date(self, value: datetime) -> str:
        if self._locale is None:
            self._locale = QLocale()
        moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
        if moment.date() == QDateTime.currentDateTime().date():
            return self._locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
        if self._locale.language() == QLocale.Language.C:
            # The C locale's short date is "17 02 2025"; ISO reads better where no locale is set.
            return moment.date().toString(QtCore.Qt.DateFormat.ISODate)
        return self._locale.toString(moment.date(), QLocale.FormatType.ShortFormat)
