"""The feed list: smart items, folders and feeds with unread counts and error badges.

The store sends a snapshot (feeds, folders, unread counts) from the task
runner; when the shape of the tree is unchanged the model emits
``dataChanged`` for what differs instead of resetting, so selection and
scrolling survive every refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, QTimer
from PySide6.QtGui import QFont

from reader.ui import roles
from reader.ui.roles import ACCESSIBLE, ALIGNMENT, DECORATION, DISPLAY, FONT, TOOLTIP

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    # Annotations only: QIcon's Python enums would be start-up time (the error icon comes from the style).
    from PySide6.QtGui import QIcon

    from reader.core.models import Feed, Folder


Index = QModelIndex | QPersistentModelIndex
# The invalid index, as a default argument (one shared value).
ROOT = QModelIndex()
KeyRole = roles.USER + 1
_ROLES = frozenset({DISPLAY, DECORATION, TOOLTIP, FONT, ALIGNMENT, ACCESSIBLE, KeyRole})
_RIGHT = roles.ALIGN_RIGHT | roles.ALIGN_VCENTER
ALL = ("all", 0)
BOOKMARKS = ("bookmarks", 0)
NAME, UNREAD = 0, 1
# Rows announced per turn of the event loop: each dataChanged costs the tree
# view some 40 µs, and a refresh of 500 feeds changes them all at once.
ANNOUNCE_CHUNK = 16


class FeedSnapshot(NamedTuple):  # not a dataclass: defined before the first paint, and cheaper
    feeds: list[Feed]
    folders: list[Folder]
    unread: dict[int, int]


def load_snapshot(library: Any) -> FeedSnapshot:
    return FeedSnapshot(library.feeds(), library.folders(), library.unread_counts())


class _Node:
    """A row of the tree (a plain class: a dataclass costs more to define before the first paint)."""

    __slots__ = ("children", "error", "key", "parent", "row", "title", "unread", "url")

    def __init__(
        self,
        key: tuple[str, int],
        title: str,
        parent: _Node | None = None,
        *,
        row: int = 0,
        unread: int = 0,
        error: str | None = None,
        url: str | None = None,
    ) -> None:
        self.key = key
        self.title = title
        self.parent = parent
        self.children: list[_Node] = []
        self.row = row
        self.unread = unread
        self.error = error
        self.url = url


def _build(snapshot: FeedSnapshot, all_title: str, bookmarks_title: str) -> list[_Node]:
    top = [_Node(ALL, all_title, unread=sum(snapshot.unread.values())), _Node(BOOKMARKS, bookmarks_title)]
    folders = {
        f.id: _Node(("folder", f.id), f.name)
        for f in sorted(snapshot.folders, key=lambda f: f.name.casefold())
    }
    loose: list[_Node] = []
    for feed in sorted(snapshot.feeds, key=lambda f: (f.title or f.url).casefold()):
        node = _Node(
            ("feed", feed.id),
            feed.title or feed.url,
            unread=snapshot.unread.get(feed.id, 0),
            error=feed.last_error,
            url=feed.url,
        )
        parent = folders.get(feed.folder_id) if feed.folder_id is not None else None
        if parent is not None:
            node.parent = parent
            node.row = len(parent.children)
            parent.children.append(node)
            parent.unread += node.unread
        else:
            loose.append(node)
    # Empty folders stay visible: the user made them.
    top.extend(folders.values())
    top.extend(loose)
    for row, node in enumerate(top):
        node.row = row
    return top


def _shape(nodes: list[_Node]) -> list[tuple[tuple[str, int], list[tuple[str, int]]]]:
    return [(n.key, [c.key for c in n.children]) for n in nodes]


class FeedTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._top: list[_Node] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self.feeds: dict[int, Feed] = {}
        self._error_icon: QIcon | None = None
        # Bumped by every reset: announcements still queued for the old tree are dropped.
        self._generation = 0
        self._queued: list[_Node] = []

    # -- updates -------------------------------------------------------------------------------

    def set_snapshot(self, snapshot: FeedSnapshot) -> bool:
        """Show the snapshot; True when the tree had to be rebuilt (a reset)."""
        self.feeds = {f.id: f for f in snapshot.feeds}
        new = _build(snapshot, self.tr("All articles"), self.tr("Bookmarks"))
        if _shape(new) != _shape(self._top):
            self.beginResetModel()
            self._top = new
            self._generation += 1
            self._queued = []
            self.endResetModel()
            return True
        changed: list[_Node] = []
        for old_node, new_node in zip(self._walk(self._top), self._walk(new), strict=True):
            if (old_node.title, old_node.unread, old_node.error) != (
                new_node.title,
                new_node.unread,
                new_node.error,
            ):
                old_node.title, old_node.unread, old_node.error = (
                    new_node.title,
                    new_node.unread,
                    new_node.error,
                )
                old_node.url = new_node.url
                changed.append(old_node)
        self._announce(changed)
        return False

    def _announce(self, nodes: list[_Node]) -> None:
        """One dataChanged per changed cell: a range repaints the whole span, a cell only itself.

        Many go out a chunk per turn of the event loop, so the window never
        stalls on them.  (Measured: ranges per folder made the refresh's stalls
        more frequent, not shorter.)
        """
        pending = not self._queued
        self._queued.extend(nodes)
        if pending and self._queued:
            self._announce_chunk(self._generation)

    def _announce_chunk(self, generation: int) -> None:
        if generation != self._generation:
            return
        chunk, self._queued = self._queued[:ANNOUNCE_CHUNK], self._queued[ANNOUNCE_CHUNK:]
        for node in chunk:
            for column in (NAME, UNREAD):
                index = self._index(node, column)
                self.dataChanged.emit(index, index)
        if self._queued:
            QTimer.singleShot(0, self, lambda: self._announce_chunk(generation))

    def set_errors(self, errors: dict[int, str | None]) -> None:
        """Show refresh outcomes (an error, or none) without reloading the feeds."""
        changed: list[_Node] = []
        for node in self._walk(self._top):
            if node.key[0] == "feed" and node.key[1] in errors and node.error != errors[node.key[1]]:
                node.error = errors[node.key[1]]
                changed.append(node)
        self._announce(changed)

    def set_unread(self, counts: dict[int, int]) -> None:
        """Apply fresh unread counts without rebuilding the tree."""
        changed: list[_Node] = []
        for node in self._walk(self._top):
            if node.key[0] == "feed":
                count = counts.get(node.key[1], 0)
                if count != node.unread:
                    node.unread = count
                    changed.append(node)
        for node in self._top:
            if node.key[0] in ("folder", "all"):
                total = sum(counts.values()) if node.key == ALL else sum(c.unread for c in node.children)
                if total != node.unread:
                    node.unread = total
                    changed.append(node)
        self._announce(changed)

    @staticmethod
    def _walk(nodes: list[_Node]) -> list[_Node]:
        out: list[_Node] = []
        for node in nodes:
            out.append(node)
            out.extend(node.children)
        return out

    # -- lookups -------------------------------------------------------------------------------

    def _index(self, node: _Node, column: int = NAME) -> QModelIndex:
        return self.createIndex(node.row, column, node)

    def index_of(self, key: tuple[str, int]) -> QModelIndex:
        for node in self._walk(self._top):
            if node.key == key:
                return self._index(node)
        return QModelIndex()

    def key_of(self, index: Index) -> tuple[str, int] | None:
        node = self._node(index)
        return node.key if node is not None else None

    def feed_count(self) -> int:
        return len(self.feeds)

    def folder_names(self) -> list[str]:
        return [n.title for n in self._top if n.key[0] == "folder"]

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    # -- QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if column not in (NAME, UNREAD) or row < 0:
            return QModelIndex()
        node = self._node(parent)
        children = self._top if node is None else node.children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self._index(node.parent)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() and parent.column() != NAME:
            return 0
        node = self._node(parent)
        return len(self._top) if node is None else len(node.children)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 2

    # flags(): QAbstractItemModel's own (enabled, selectable) is what the rows need.

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == QtCore.Qt.Orientation.Horizontal and role == DISPLAY:
            return self.tr("Feed") if section == NAME else self.tr("Unread")
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # Called for every role of every visible cell on every paint: plain int
        # comparisons first, and nothing for the roles this model leaves alone.
        if role not in _ROLES:
            return None
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if role == DISPLAY:
            if column == NAME:
                return node.title
            return str(node.unread) if node.unread else ""
        if role == FONT:
            return self._bold if node.unread else None
        if role == ALIGNMENT:
            return _RIGHT if column == UNREAD else None
        if role == DECORATION:
            return self._icon() if column == NAME and node.error else None
        if role == TOOLTIP:
            if node.error:
                return self.tr("This feed could not be refreshed: %1").replace("%1", node.error)
            return node.url
        if role == ACCESSIBLE:
            if column != NAME:
                return None
            parts = [node.title]
            if node.unread:
                parts.append(self.tr("%n unread", "", node.unread))
            if node.error:
                parts.append(self.tr("error: %1").replace("%1", node.error))
            return ", ".join(parts)
        return node.key

    def _icon(self) -> QIcon:
        if self._error_icon is None:
            # Made once: the view asks for it on every paint of every failing feed.
            from PySide6.QtWidgets import QApplication, QStyle

            self._error_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._error_icon
