from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.render.document import Page
from reader.render.theme import THEMES
from reader.tasks import TaskRunner
from reader.ui.article_model import TITLE
from reader.ui.feed_model import ALL
from reader.ui.settings import Settings
from reader.ui.window import MainWindow
from tests.unit.ui.fakes import FakeLibrary


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Any]:
    made: list[tuple[MainWindow, TaskRunner]] = []

    def make(library: FakeLibrary) -> MainWindow:
        runner = TaskRunner(lambda: library)
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(runner, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, runner))
        return window

    yield make
    for window, runner in made:
        window.close()
        runner.shutdown()


def _wait_articles(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(
        lambda: window.article_model.rowCount() > 0 and window.article_model.article_at(0) is not None
    )


def test_first_run_shows_the_empty_state_and_the_welcome_article(make_window: Any, qtbot: QtBot) -> None:
    library = FakeLibrary(feeds=0)
    window = make_window(library)
    qtbot.waitUntil(lambda: window.left.currentWidget() is window.empty)
    qtbot.waitUntil(lambda: "j / k" in window.reading.browser.toPlainText())
    assert library.refreshed == []


def test_open_an_article_marks_it_read_and_keys_move(make_window: Any, qtbot: QtBot) -> None:
    library = FakeLibrary(feeds=2, per_feed=3)
    window = make_window(library)
    qtbot.waitUntil(lambda: window.feed_view.currentIndex() == window.feed_model.index_of(ALL))
    _wait_articles(window, qtbot)
    window.article_view.setFocus()
    window.select_row(0)
    first = window.article_model.article_at(0)
    assert first is not None
    qtbot.waitUntil(lambda: f"Full text of {first.id}" in window.reading.browser.toPlainText())
    qtbot.waitUntil(lambda: window.article_model.article_at(0).read)
    qtbot.keyClick(window.article_view, Qt.Key.Key_J)
    assert window.article_view.currentIndex().row() == 1
    # letters typed in the search field stay there
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_J)
    assert window.search.text() == "j"
    assert window.article_view.currentIndex().row() == 1


def test_font_steps_persist(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    window.reading.larger.click()
    window.reading.larger.click()
    window.reading.smaller.click()
    assert window.settings.font_px == 20
    assert window.reading.browser.typography.body_px == 20
    assert "font-size: 20px" in window.reading.browser.document().defaultStyleSheet()


def test_night_theme_changes_palette_and_article_colours(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    window.set_theme("night")
    night = THEMES["night"]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Base) == QColor(night.background)
    assert window.reading.browser.palette().color(QPalette.ColorRole.Base) == QColor(night.background)
    assert night.text in window.reading.browser.document().defaultStyleSheet()
    window.set_theme("day")


def test_refresh_shows_progress_and_errors(make_window: Any, qtbot: QtBot) -> None:
    library = FakeLibrary(feeds=3, per_feed=1)
    library.set_error(2, "HTTP 500 from server")
    window = make_window(library)
    qtbot.waitUntil(lambda: window.feed_model.feed_count() == 3)
    with qtbot.waitSignal(window.refresher.finished, timeout=5000) as finished:
        window.on_refresh_all()
        assert window.progress.isVisible()
    assert len(finished.args[0]) == 3
    assert window.progress_label.text() == "3 of 3 feeds"
    index = window.feed_model.index_of(("feed", 2))
    assert "HTTP 500" in window.feed_model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_mark_all_read_can_be_undone(make_window: Any, qtbot: QtBot) -> None:
    library = FakeLibrary(feeds=1, per_feed=4)
    window = make_window(library)
    _wait_articles(window, qtbot)
    window.on_mark_all_read()
    qtbot.waitUntil(lambda: window.undo_button.isVisible())
    assert all(s.read for s in window.article_model.loaded_rows().values())
    window.undo_button.click()
    qtbot.waitUntil(lambda: not any(s.read for s in window.article_model.loaded_rows().values()))
    assert window.article_model.data(window.article_model.index(0, TITLE)) is not None


def test_question_mark_shows_every_shortcut(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    qtbot.waitUntil(lambda: window.actions_by_name["next_article"].shortcuts() != [])
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "shortcuts_dialog", None) is not None)
    dialog = window.shortcuts_dialog
    table = dialog.findChild(QTableWidget, "shortcutTable")
    assert table is not None
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Next Article"] == "J" and "Space" in rows["Scroll or Next Unread"]
    dialog.close()


def test_space_scrolls_then_goes_to_the_next_unread(make_window: Any, qtbot: QtBot) -> None:
    library = FakeLibrary(feeds=1, per_feed=3)
    window = make_window(library)
    _wait_articles(window, qtbot)
    window.select_row(0)
    qtbot.waitUntil(lambda: window.reading.article is not None)
    window.reading.browser.show_page(Page(title="Long", body_html="<p>word </p>" * 400))
    bar = window.reading.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    window.on_page_or_next()
    assert bar.value() > 0 and window.article_view.currentIndex().row() == 0
    bar.setValue(bar.maximum())
    window.on_page_or_next()
    assert window.article_view.currentIndex().row() == 1


def test_dropping_a_url_opens_add_feed_with_it(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    data = QMimeData()
    data.setUrls([QUrl("https://example.org/feed.xml")])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    dialog = window.commands.dialog
    assert dialog is not None and dialog.address.text() == "https://example.org/feed.xml"
    dialog.reject()


def test_every_control_has_an_accessible_name(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    controls: list[QWidget] = [
        *window.findChildren(QAbstractItemView),
        *window.findChildren(QAbstractButton),
        *window.findChildren(QLineEdit),
        window.reading.browser,
    ]
    unnamed = [
        w.objectName() or type(w).__name__
        for w in controls
        if w.isVisibleTo(window)
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and w.parent() is not None
        and not isinstance(w.parent(), QAbstractItemView)
    ]
    assert unnamed == []


def test_add_feed_offers_a_choice_when_a_site_has_several_feeds(make_window: Any, qtbot: QtBot) -> None:
    library = FakeLibrary(feeds=1)
    window = make_window(library)
    window.commands.add_feed("https://many.example.org")
    dialog = window.commands.dialog
    assert dialog is not None
    dialog.next.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    buttons = dialog.choice_group.buttons()
    assert len(buttons) == 2 and buttons[0].isChecked() and "recommended" in buttons[0].text()
    buttons[1].setChecked(True)
    dialog.next.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2)
    assert dialog.chosen_url.endswith("/comments.xml")
    with qtbot.waitSignal(dialog.finished):
        dialog.next.click()
    qtbot.waitUntil(lambda: window.feed_model.feed_count() == 2)


def test_add_feed_shows_discovery_errors_inline(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    window.commands.add_feed("https://nofeed.example.org")
    dialog = window.commands.dialog
    assert dialog is not None
    dialog.next.click()
    qtbot.waitUntil(lambda: "No feed found" in dialog.status.text())
    assert dialog.isVisible() and dialog.next.isEnabled()
    dialog.reject()


def test_ctrl_wheel_changes_the_font_step(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    browser = window.reading.browser
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    browser.wheelEvent(event)
    assert window.settings.font_px == 20


def test_window_geometry_and_splitter_persist(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    # within the offscreen screen (800 x 800), which restoreGeometry clamps to
    window.resize(760, 560)
    window.splitter.setSizes([150, 250, 350])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(FakeLibrary())
    assert again.size() == window.size()
    assert again.splitter.sizes() == sizes


def test_export_opml_writes_the_chosen_file(
    make_window: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "subs.opml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window(FakeLibrary())
    window.on_export_opml()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == b"<opml/>"


def test_search_lists_the_matching_articles(make_window: Any, qtbot: QtBot) -> None:
    library = FakeLibrary(feeds=2, per_feed=6)
    window = make_window(library)
    _wait_articles(window, qtbot)
    window.on_search()
    assert window.search.hasFocus() or QApplication.focusWidget() is window.search
    qtbot.keyClicks(window.search, "Article 1")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 4)  # 1, 10, 11, 12
    titles = {window.article_model.article_at(r).title for r in range(4)}
    assert titles == {"Article 1", "Article 10", "Article 11", "Article 12"}


def test_return_in_the_list_opens_the_pane(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(FakeLibrary())
    _wait_articles(window, qtbot)
    qtbot.waitUntil(lambda: window.actions_by_name["focus_pane"].shortcuts() != [])
    window.select_row(0)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.reading.browser


def test_the_article_list_shows_its_columns_sorted_newest_first(make_window: Any, qtbot: QtBot) -> None:
    # The header and the sorting are set up just after the first paint (reader.ui.roles says why).
    window = make_window(FakeLibrary(feeds=2, per_feed=3))
    header = window.article_view.horizontalHeader()
    qtbot.waitUntil(header.isVisible)
    model = window.article_model
    titles = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in range(4)]
    assert titles == ["", "Title", "Feed", "Date"]
    assert window.article_view.isSortingEnabled()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    _wait_articles(window, qtbot)
    dates = [model.article_at(r).published for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert window.feed_view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_auto_theme_follows_a_dark_desktop_palette(
    make_window: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Offscreen, Qt knows no colour scheme: the desktop's palette decides, before and after the first paint.
    from reader.ui import themes

    monkeypatch.setattr(themes, "_desktop_palette_dark", True)
    window = make_window(FakeLibrary(feeds=1))
    assert window.current_theme().dark
    qtbot.waitUntil(window.article_view.horizontalHeader().isVisible)
    assert window.current_theme().dark
    monkeypatch.setattr(themes, "_desktop_palette_dark", False)
    window._follow_system()
    assert not window.current_theme().dark
