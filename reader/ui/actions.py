"""Every command of the window as a QAction: its text, keys and menu (UX spec section 6).

Single-letter keys are plain window shortcuts: Qt gives a focused text
field the key first (ShortcutOverride), so typing "j" in the search box or a
dialog types a "j".  The shortcut overlay is generated from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtGui import QKeySequence


class StandardKey:
    """A platform's key for a standard command, by its ``QKeySequence.StandardKey`` name.

    A name, not the enum: QKeySequence (its Python enums) is made when the
    keys are bound, after the first paint.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Spec(NamedTuple):  # not a dataclass: defined before the first paint, and cheaper
    name: str
    text: str
    keys: tuple[str | StandardKey, ...]
    menu: str
    checkable: bool = False
    # "window", or "list": only while the feed or article list has the focus
    # (Return must still reach the search field and the dialogs).
    scope: str = "window"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def specs() -> list[Spec]:
    return [
        Spec("add_feed", tr("&Add Feed…"), ("Ctrl+N", "A"), "file"),
        Spec("import_opml", tr("&Import OPML…"), ("Ctrl+Shift+O",), "file"),
        Spec("export_opml", tr("&Export OPML…"), (), "file"),
        Spec("starter_feeds", tr("Add &Starter Feeds"), (), "file"),
        Spec("save_page", tr("Save &Page…"), ("Ctrl+Shift+S",), "file"),
        Spec("import_bookmarks", tr("Import &Bookmarks…"), (), "file"),
        Spec("export_bookmarks", tr("Export Boo&kmarks…"), (), "file"),
        Spec("print", tr("&Print…"), (StandardKey("Print"), "Ctrl+P"), "file"),
        Spec("print_preview", tr("Print Pre&view…"), (), "file"),
        Spec("export_pdf", tr("Export as P&DF…"), ("Ctrl+Shift+E",), "file"),
        Spec("export_epub", tr("Export as &EPUB…"), (), "file"),
        Spec("export_html", tr("Export as &HTML…"), (), "file"),
        Spec("export_markdown", tr("Export as &Markdown…"), (), "file"),
        Spec("export_feed_epub", tr("Export This Feed or Folder as EPUB…"), (), "file"),
        Spec("export_bookmarks_epub", tr("Export All Bookmarks as EPUB…"), (), "file"),
        Spec("quit", tr("&Quit"), (StandardKey("Quit"), "Ctrl+Q"), "file"),
        Spec(
            "refresh_all",
            tr("&Refresh All Feeds"),
            ("Shift+R", StandardKey("Refresh"), "Ctrl+R", "F5"),
            "feed",
        ),
        Spec("refresh_feed", tr("Refresh &This Feed"), ("R",), "feed"),
        Spec("mark_all_read", tr("&Mark All as Read"), ("Shift+A",), "feed"),
        Spec("rename_feed", tr("Re&name Feed…"), ("F2",), "feed"),
        Spec("move_feed", tr("Move to &Folder…"), (), "feed"),
        Spec("delete_feed", tr("&Delete Feed…"), (), "feed"),
        Spec("feed_details", tr("Feed &Details…"), (), "feed"),
        Spec("next_feed", tr("Ne&xt Feed"), ("Shift+J", "Shift+N"), "feed"),
        Spec("previous_feed", tr("Pre&vious Feed"), ("Shift+K", "Shift+P"), "feed"),
        Spec("next_article", tr("&Next Article"), ("J",), "article"),
        Spec("previous_article", tr("&Previous Article"), ("K",), "article"),
        Spec("next_unread", tr("Next &Unread"), ("N",), "article"),
        Spec("previous_unread", tr("Previous U&nread"), ("P",), "article"),
        Spec("page_or_next", tr("Scroll or Next Unread"), ("Space",), "article"),
        Spec("page_up", tr("Scroll Up"), ("Shift+Space",), "article"),
        Spec("toggle_read", tr("Toggle &Read"), ("M",), "article"),
        Spec("toggle_bookmark", tr("&Bookmark"), ("S", "Ctrl+D"), "article"),
        Spec("bookmark_details", tr("Bookmark &Tags and Note…"), (), "article"),
        Spec("open_original", tr("&Open in Browser"), ("O", "B", "V"), "article"),
        Spec("toggle_full_text", tr("Full Text / Feed Text"), ("Ctrl+Shift+R",), "article"),
        Spec("focus_pane", tr("Read the Article"), ("Return", "Enter"), "article", scope="list"),
        Spec("search", tr("&Search"), ("/", "Ctrl+Shift+F"), "article"),
        Spec("font_larger", tr("&Larger Text"), (StandardKey("ZoomIn"), "Ctrl+=", "Ctrl++"), "view"),
        Spec("font_smaller", tr("&Smaller Text"), (StandardKey("ZoomOut"), "Ctrl+-"), "view"),
        Spec("font_reset", tr("&Default Text Size"), ("Ctrl+0",), "view"),
        Spec("cycle_theme", tr("Next &Theme"), ("Ctrl+Shift+T",), "view"),
        Spec("unread_only", tr("&Unread Only"), ("Ctrl+U",), "view", checkable=True),
        Spec("load_images", tr("Always Load &Pictures"), (), "view", checkable=True),
        Spec("work_offline", tr("Work &Offline"), (), "view", checkable=True),
        Spec("focus_feeds", tr("Focus Feed List"), ("Ctrl+1",), "view"),
        Spec("focus_articles", tr("Focus Article List"), ("Ctrl+2",), "view"),
        Spec("focus_reader", tr("Focus Reading Pane"), ("Ctrl+3",), "view"),
        Spec("full_screen", tr("&Full Screen"), (StandardKey("FullScreen"), "F11"), "view", checkable=True),
        Spec("shortcuts", tr("&Keyboard Shortcuts"), ("?", "Shift+?", "F1"), "help"),
        Spec("welcome", tr("&Welcome"), (), "help"),
        Spec("about", tr("&About"), (), "help"),
    ]


def _sequences(keys: tuple[str | StandardKey, ...]) -> list[QKeySequence]:
    from PySide6.QtGui import QKeySequence

    out: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, StandardKey):
            out.extend(QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, key.name)))
        else:
            out.append(QKeySequence(key))
    unique: list[QKeySequence] = []
    for seq in out:
        if not seq.isEmpty() and seq not in unique:
            unique.append(seq)
    return unique


def build(parent: QObject, handler: Callable[[str], Callable[[], None]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in specs():
        # Not QAction(text, parent): telling that overload from (icon, text, parent) makes QIcon's enums.
        action = QAction(parent)
        action.setText(spec.text)
        action.setObjectName(spec.name)
        action.setCheckable(spec.checkable)
        action.setProperty("menu", spec.menu)
        action.triggered.connect(handler(spec.name))
        actions[spec.name] = action
    return actions


def install_shortcuts(actions: dict[str, QAction]) -> None:
    """Bind the keys (after the first paint: parsing some 70 key sequences is start-up time)."""
    by_name = {spec.name: spec for spec in specs()}
    for name, action in actions.items():
        spec = by_name.get(name)
        if spec is not None:
            action.setShortcuts(_sequences(spec.keys))
            action.setShortcutContext(
                QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut
                if spec.scope == "list"
                else QtCore.Qt.ShortcutContext.WindowShortcut
            )


def list_scoped(actions: dict[str, QAction]) -> list[QAction]:
    return [actions[s.name] for s in specs() if s.scope == "list" and s.name in actions]


def key_text(action: QAction) -> str:
    from PySide6.QtGui import QKeySequence

    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
