"""Offline reading through the window: bookmarks keep their text and pictures, search finds them,
and an offline reader makes no request at all."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from reader.ui.article_model import SNIPPET, TITLE
from reader.ui.feed_model import BOOKMARKS
from reader.ui.window import MainWindow
from tests.support.app import RunningApp
from tests.support.images import png
from tests.support.loopback import LoopbackServer

pytestmark = pytest.mark.gui
RSS = "application/rss+xml"
HTML = "text/html; charset=utf-8"
FILLER = (
    "The council met on Thursday evening to discuss the budget for the coming year, and the members "
    "agreed that the library, the swimming pool and the bus routes would keep their funding. "
)
# One word per page that only its extracted full text has (never the feed's summary).
WORDS = {"a1": "quinceharvest", "a2": "lanternmaker", "b1": "saltmarsh", "b2": "tidewater"}
OUTSIDE = ("/elsewhere/essay.html", "An essay from outside any feed", "copperbeech")


def page(title: str, word: str, image: str) -> bytes:
    paragraphs = "".join(f"<p>{FILLER * 2} ({n})</p>" for n in range(5))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav>Home | About</nav><article><h1>{title}</h1><p>{FILLER} The {word} story begins.</p>"
        f'<p><img src="{image}" width="400" height="240" alt="A picture"></p>{paragraphs}</article>'
        f"<footer>Copyright</footer></body></html>"
    ).encode()


def feed(base: str, name: str, keys: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {k}</title><link>{base}/{k}.html</link><guid>{base}/{k}.html</guid>"
        f"<pubDate>Mon, 17 Feb 2025 1{n}:00:00 GMT</pubDate><description>Summary of {k}.</description></item>"
        for n, k in enumerate(keys)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title><link>{base}/</link>'
        f"<description>d</description>{items}</channel></rss>"
    ).encode()


def shows(browser: Any, text: str) -> bool:
    return text in browser.toPlainText()


def open_row(window: MainWindow, qtbot: QtBot, row: int) -> None:
    summary = window.article_model.article_at(row)
    assert summary is not None
    window.select_row(row)
    qtbot.waitUntil(
        lambda: window.reading.article is not None and window.reading.article.id == summary.id, timeout=10_000
    )


def test_bookmarks_read_offline_after_a_restart(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = LoopbackServer()
    base = server.base_url
    pictures = {}
    for n, key in enumerate([*WORDS, "outside"]):
        pictures[key] = f"{base}/img/{key}.png"
        server.serve(f"/img/{key}.png", png(400, 240, seed=n), content_type="image/png")
    for key, word in WORDS.items():
        server.serve(f"/{key}.html", page(f"Story {key}", word, pictures[key]), content_type=HTML)
    server.serve(OUTSIDE[0], page(OUTSIDE[1], OUTSIDE[2], pictures["outside"]), content_type=HTML)
    server.serve("/a.xml", feed(base, "Feed A", ["a1", "a2"]), content_type=RSS)
    server.serve("/b.xml", feed(base, "Feed B", ["b1", "b2"]), content_type=RSS)
    reader = RunningApp(qtbot, tmp_path / "data")
    try:
        window = reader.start()
        for path in ("/a.xml", "/b.xml"):
            window.commands.subscribe_address(base + path)
        qtbot.waitUntil(lambda: window.feed_model.feed_count() == 2, timeout=20_000)
        with qtbot.waitSignal(window.refresher.finished, timeout=20_000):
            window.on_refresh_all()
        window.feed_view.setCurrentIndex(window.feed_model.index_of(("all", 0)))
        qtbot.waitUntil(lambda: window.article_model.rowCount() == 4, timeout=10_000)
        qtbot.waitUntil(lambda: window.article_model.article_at(3) is not None, timeout=10_000)

        # Three articles bookmarked from the list with the keyboard's action.
        kept = []
        for row in range(3):
            open_row(window, qtbot, row)
            summary = window.article_model.article_at(row)
            assert summary is not None
            kept.append(summary.title)
            window.actions_by_name["toggle_bookmark"].trigger()
        # And a page from no feed, through File ▸ Save Page….
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (base + OUTSIDE[0], True))
        with qtbot.waitSignal(window.bookmark_commands.saved, timeout=20_000):
            window.actions_by_name["save_page"].trigger()
        assert reader.runner is not None
        bookmarks = reader.runner.run_sync(lambda lib: lib.bookmarks())
        assert len(bookmarks) == 4 and all(b.has_text for b in bookmarks)
        unkept = next(s for s in window.article_model.loaded_rows().values() if s.title not in kept)

        # Offline: the article that was not kept shows its feed text and says why; nothing is fetched.
        hits = server.total_hits
        window.actions_by_name["work_offline"].trigger()
        assert window.offline_label.isVisible()
        window.on_refresh_all()
        assert not window.refresher.running
        assert "offline" in window.statusBar().currentMessage().lower()
        open_row(window, qtbot, window.article_model.row_of(unkept.id) or 0)
        qtbot.waitUntil(lambda: "Offline" in window.reading.browser.toPlainText(), timeout=10_000)
        assert server.total_hits == hits
    finally:
        reader.stop()
        server.close()

    # Restart with the server gone.
    window = reader.start()
    try:
        check_restarted(reader, window, qtbot, kept, pictures)
    finally:
        reader.stop()
        QApplication.processEvents()


def check_restarted(
    reader: RunningApp, window: MainWindow, qtbot: QtBot, kept: list[str], pictures: dict[str, str]
) -> None:
    qtbot.waitUntil(lambda: window.feed_model.index_of(BOOKMARKS).isValid(), timeout=10_000)
    window.feed_view.setCurrentIndex(window.feed_model.index_of(BOOKMARKS))
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: all(window.article_model.article_at(r) for r in range(4)), timeout=10_000)
    titles = {window.article_model.article_at(r).title for r in range(4)}  # type: ignore[union-attr]
    assert titles == {*kept, OUTSIDE[1]}
    for row in range(4):
        open_row(window, qtbot, row)
        article = window.reading.article
        assert article is not None and article.clean is not None
        key = next(k for k, w in [*WORDS.items(), ("outside", OUTSIDE[2])] if w in article.clean.html)
        browser = window.reading.browser
        sentence = f"The {WORDS.get(key, OUTSIDE[2])} story begins"
        qtbot.waitUntil(functools.partial(shows, browser, sentence))
        image = browser.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(pictures[key]))
        assert isinstance(image, QImage) and not image.isNull() and image.width() == 400
        assert "Pictures are not downloaded" not in browser.toPlainText()

    # Search finds a word of one article's extracted text only.
    kept_key = next(k for k, w in WORDS.items() if f"Story {k}" in kept)
    window.feed_view.setCurrentIndex(window.feed_model.index_of(("all", 0)))
    qtbot.keyClicks(window.search, WORDS[kept_key])
    qtbot.waitUntil(
        lambda: (
            window.article_model.query is not None and window.article_model.query.search == WORDS[kept_key]
        ),
        timeout=5_000,
    )
    qtbot.waitUntil(
        lambda: window.article_model.rowCount() == 1 and window.article_model.article_at(0) is not None,
        timeout=10_000,
    )
    found = window.article_model.article_at(0)
    assert found is not None and found.title == f"Story {kept_key}"
    snippet = window.article_model.index(0, TITLE).data(SNIPPET)
    assert f"<b>{WORDS[kept_key]}</b>" in snippet
    assert reader.requests() == 0
