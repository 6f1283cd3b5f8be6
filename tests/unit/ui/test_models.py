from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from reader.core.models import ArticleChanges
from reader.tasks import TaskRunner
from reader.ui.article_model import DATE, PAGE, TITLE, ArticleTableModel, Query
from reader.ui.feed_model import ALL, FeedTreeModel, load_snapshot
from tests.unit.ui.fakes import FakeLibrary


@pytest.fixture
def library() -> FakeLibrary:
    return FakeLibrary(feeds=3, per_feed=5)


@pytest.fixture
def runner(qapp: Any, library: FakeLibrary) -> Iterator[TaskRunner]:
    runner = TaskRunner(lambda: library)
    yield runner
    runner.shutdown()


def test_feed_tree_model(runner: TaskRunner, library: FakeLibrary, qtmodeltester: Any) -> None:
    model = FeedTreeModel()
    model.set_snapshot(runner.run_sync(load_snapshot))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 + 1 + 2  # all, bookmarks, folder "News", two loose feeds
    assert model.data(model.index_of(ALL), 0) == "All articles"
    folder = model.index_of(("folder", 1))
    assert model.rowCount(folder) == 1
    assert model.data(model.index(0, 1, folder)) == "5"


def test_feed_tree_updates_in_place_and_shows_errors(
    runner: TaskRunner, library: FakeLibrary, qtbot: QtBot
) -> None:
    model = FeedTreeModel()
    model.set_snapshot(runner.run_sync(load_snapshot))
    library.set_error(2, "HTTP 500")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_snapshot(runner.run_sync(load_snapshot))
    index = model.index_of(("feed", 2))
    assert "HTTP 500" in model.data(index, 3)  # tooltip
    assert model.data(index, 1) is not None  # decoration: the warning icon


def _loaded(model: ArticleTableModel, qtbot: QtBot, query: Query) -> None:
    with qtbot.waitSignal(model.loaded):
        model.set_query(query)


def test_article_model_pages_rows_in(runner: TaskRunner, qtbot: QtBot, qtmodeltester: Any) -> None:
    big = FakeLibrary(feeds=1, per_feed=3 * PAGE + 7)
    paged = TaskRunner(lambda: big)
    try:
        model = ArticleTableModel(paged)
        _loaded(model, qtbot, Query(feed_id=1))
        assert model.rowCount() == 3 * PAGE + 7
        assert len(model.loaded_rows()) == PAGE
        assert model.data(model.index(PAGE * 2 + 1, TITLE)) == "…"
        qtbot.waitUntil(lambda: model.article_at(PAGE * 2 + 1) is not None)
        assert model.data(model.index(0, TITLE)) == f"Article {3 * PAGE + 7}"
        qtmodeltester.check(model)
    finally:
        paged.shutdown()


def test_oldest_first_reverses_the_order(runner: TaskRunner, qtbot: QtBot) -> None:
    model = ArticleTableModel(runner)
    _loaded(model, qtbot, Query(oldest_first=True))
    assert model.data(model.index(0, TITLE)) == "Article 1"


def test_new_articles_are_inserted_not_reloaded(
    runner: TaskRunner, library: FakeLibrary, qtbot: QtBot
) -> None:
    model = ArticleTableModel(runner)
    _loaded(model, qtbot, Query())
    before = model.rowCount()
    new = runner.run_sync(lambda lib: lib.add_article(2).id)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        model.apply_changes(ArticleChanges(added=(new,)))
    assert model.rowCount() == before + 1
    assert model.article_at(0).id == new  # type: ignore[union-attr]


def test_status_changes_update_rows(runner: TaskRunner, library: FakeLibrary, qtbot: QtBot) -> None:
    model = ArticleTableModel(runner)
    _loaded(model, qtbot, Query())
    first = model.article_at(0)
    assert first is not None and not first.read
    model.set_status([first.id], read=True)
    assert model.article_at(0).read  # type: ignore[union-attr]
    runner.run_sync(lambda lib: lib.mark_read([first.id], False))
    with qtbot.waitSignal(model.dataChanged):
        model.apply_changes(ArticleChanges(status_changed=(first.id,)))
    qtbot.waitUntil(lambda: not model.article_at(0).read)  # type: ignore[union-attr]


def test_dates_follow_the_locale_and_are_iso_without_one(runner: TaskRunner, qtbot: QtBot) -> None:
    previous = QLocale()
    try:
        for locale, expected in (("ru_RU", "01.01.2025"), ("C", "2025-01-01")):
            QLocale.setDefault(QLocale(locale))
            model = ArticleTableModel(runner)
            _loaded(model, qtbot, Query(oldest_first=True))
            qtbot.waitUntil(lambda m=model: m.article_at(0) is not None)  # type: ignore[misc]
            assert model.data(model.index(0, DATE)) == expected
    finally:
        QLocale.setDefault(previous)
