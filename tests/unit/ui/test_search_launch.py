"""Search as you type, launch arguments, export names and the pane's bookmark star."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.tasks import TaskRunner
from reader.ui.article_model import SNIPPET, TITLE, snippet_html
from reader.ui.exporting import slug
from reader.ui.launch import Kind, classify
from reader.ui.settings import Settings
from reader.ui.window import MainWindow
from tests.unit.ui.fakes import FakeLibrary


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, FakeLibrary]]:
    library = FakeLibrary(feeds=2, per_feed=6)
    runner = TaskRunner(lambda: library)
    shown = MainWindow(runner, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.article_model.article_at(0) is not None)
    yield shown, library
    shown.close()
    runner.shutdown()


def test_search_runs_once_typing_pauses_and_highlights_the_match(
    window: tuple[MainWindow, FakeLibrary], qtbot: QtBot
) -> None:
    shown, library = window
    searches: list[str] = []
    search = library.search

    def counting(query: str, **filters: Any) -> Any:
        searches.append(query)
        return search(query, **filters)

    library.search = counting  # type: ignore[method-assign]
    qtbot.keyClicks(shown.search, "Article 1")
    qtbot.waitUntil(
        lambda: shown.article_model.rowCount() == 4 and shown.article_model.article_at(3) is not None
    )
    # One query for the whole word typed, not one per key.
    assert searches == ["Article 1"]
    assert shown.article_model.index(0, TITLE).data(SNIPPET).count("<b>Article 1</b>") == 1
    shown.search.clear()
    qtbot.waitUntil(lambda: shown.article_model.rowCount() == 12)
    assert shown.article_model.index(0, TITLE).data(SNIPPET) is None


def test_snippets_are_escaped_before_the_matches_are_marked() -> None:
    assert snippet_html('<img src=x onerror=alert(1)> \x02fish\x03 & "chips"') == (
        '&lt;img src=x onerror=alert(1)&gt; <b>fish</b> &amp; "chips"'
    )


def test_a_pane_star_bookmarks_the_article_shown(
    window: tuple[MainWindow, FakeLibrary], qtbot: QtBot
) -> None:
    shown, library = window
    shown.select_row(0)
    qtbot.waitUntil(lambda: shown.reading.article is not None and shown.reading.star.isEnabled())
    summary = shown.article_model.article_at(0)
    assert summary is not None and not summary.bookmarked
    shown.reading.star.click()
    assert shown.reading.star.text() == "★"
    # The store's copy (read as the fake keeps it, off its thread check).
    qtbot.waitUntil(lambda: library._articles[summary.id].bookmarked)


def test_launch_arguments_are_recognised(tmp_path: Path) -> None:
    assert classify("https://e.org/feed.xml").kind is Kind.SUBSCRIBE
    assert classify("https://e.org/feed.xml").target == "https://e.org/feed.xml"
    assert classify("feed:https://e.org/rss").target == "https://e.org/rss"
    assert classify("feed://e.org/rss").target == "https://e.org/rss"
    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body/></opml>')
    assert classify(str(opml)).kind is Kind.IMPORT
    assert classify(opml.as_uri()).kind is Kind.IMPORT
    atom = tmp_path / "feed.xml"
    atom.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="https://e.org/atom.xml"/></feed>'
    )
    assert (classify(str(atom)).kind, classify(str(atom)).target) == (
        Kind.SUBSCRIBE,
        "https://e.org/atom.xml",
    )
    jsonfeed = tmp_path / "feed.json"
    jsonfeed.write_text(
        json.dumps({"version": "https://jsonfeed.org/version/1.1", "feed_url": "https://e.org/f.json"})
    )
    assert classify(str(jsonfeed)).target == "https://e.org/f.json"
    assert classify(str(tmp_path / "missing.opml")).kind is Kind.UNKNOWN
    assert classify("javascript:alert(1)").kind is Kind.UNKNOWN


def test_export_names_are_slugs_of_the_title() -> None:
    assert slug("Media: Russia plans to retain naval, air bases in Syria") == (
        "media-russia-plans-to-retain-naval-air-bases-in-syria"
    )
    assert slug("Навигация открыта!") == "навигация-открыта"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("   ") == "article"
