"""The real window over the real Library, against a loopback feed server (offscreen Qt)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from reader.render.theme import THEMES
from reader.ui.addfeed import AddFeedDialog
from reader.ui.window import MainWindow
from tests.support.app import RunningApp
from tests.support.loopback import LoopbackServer

pytestmark = pytest.mark.gui
RSS = "application/rss+xml"
HTML = "text/html; charset=utf-8"
PARAGRAPH = (
    "The harbour authority said on Tuesday that repair works on the northern pier would resume next week, "
    "after the storm that closed the port for three days had passed over the coast. "
)


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Loopback News") -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>Mon, 17 Feb 2025 1{n}:00:00 GMT</pubDate>"
        f"<description><![CDATA[{body}]]></description></item>"
        for n, (t, path, body) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{base}/</link>'
        f"<description>d</description>{entries}</channel></rss>"
    ).encode()


def page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{PARAGRAPH * 2} ({n})</p>" for n in range(6))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav>Home | About</nav><article><h1>{title}</h1>{body}{paragraphs}</article>"
        f"<footer>Copyright</footer></body></html>"
    ).encode()


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> Iterator[RunningApp]:
    running = RunningApp(qtbot, tmp_path / "data")
    yield running
    running.stop()
    QApplication.setPalette(QPalette())


def subscribe_with_dialog(window: MainWindow, qtbot: QtBot, address: str) -> None:
    window.commands.add_feed(address)
    dialog = window.commands.dialog
    assert isinstance(dialog, AddFeedDialog)
    qtbot.waitUntil(dialog.next.isEnabled)
    dialog.next.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=10_000)
    assert dialog.title.text() == "Loopback News"
    assert "First story" in dialog.latest.text()
    dialog.folder.setCurrentText("News")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.next.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_subscribe_refresh_read_and_restyle(app: RunningApp, qtbot: QtBot, loopback: LoopbackServer) -> None:
    base = loopback.base_url
    loopback.serve(
        "/site.html",
        b'<html><head><link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml"></head>'
        b"<body>site</body></html>",
        content_type=HTML,
    )
    loopback.serve(
        "/feed.xml",
        rss(
            base,
            [
                ("First story", "/first.html", "<p>The feed's own summary.</p>"),
                ("Second", "/second.html", "x"),
            ],
        ),
        content_type=RSS,
    )
    loopback.serve("/first.html", page("First story", "<p>Opening of the full story.</p>"), content_type=HTML)
    window = app.start()
    qtbot.waitUntil(lambda: window.left.currentWidget() is window.empty)

    subscribe_with_dialog(window, qtbot, base + "/site.html")
    qtbot.waitUntil(lambda: window.feed_model.feed_count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.left.currentWidget() is window.feed_view)
    feed_id = next(iter(window.feed_model.feeds))
    assert window.feed_model.folder_names() == ["News"]
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=5000)

    # refresh with progress
    with qtbot.waitSignal(window.refresher.finished, timeout=10_000):
        window.on_refresh_all()
    assert window.progress_label.text() == "1 of 1 feeds"

    # open the article: the full text replaces the summary
    row = next(r for r, s in window.article_model.loaded_rows().items() if s.title == "First story")
    window.select_row(row)
    qtbot.waitUntil(
        lambda: "Opening of the full story" in window.reading.browser.toPlainText(), timeout=10_000
    )
    qtbot.waitUntil(
        lambda: (
            window.feed_model.data(window.feed_model.index_of(("feed", feed_id)).siblingAtColumn(1)) == "1"
        )
    )

    # A+ twice, A- once: one step up from the default, and it survives a restart
    window.reading.larger.click()
    window.reading.larger.click()
    window.reading.smaller.click()
    assert window.reading.browser.typography.body_px == 20
    assert window.reading.browser.document().defaultFont().pixelSize() == 20
    # night theme: palette and article colours at once
    window.set_theme("night")
    night = THEMES["night"]
    assert QApplication.palette().color(QPalette.ColorRole.Window) != QColor(THEMES["day"].background)
    assert window.reading.browser.palette().color(QPalette.ColorRole.Base) == QColor(night.background)
    assert night.text in window.reading.browser.document().defaultStyleSheet()
    app.stop()

    window = app.start()
    assert window.reading.browser.typography.body_px == 20
    assert window.settings.theme == "night"
    assert window.reading.browser.palette().color(QPalette.ColorRole.Base) == QColor(night.background)


def test_a_failing_feed_shows_its_error_while_the_rest_refresh(
    app: RunningApp, qtbot: QtBot, loopback: LoopbackServer
) -> None:
    base = loopback.base_url
    for name in ("a", "b"):
        loopback.serve(
            f"/{name}.xml",
            rss(base, [(f"Story {name}", f"/{name}1.html", "x")], title=f"Feed {name}"),
            content_type=RSS,
        )
    loopback.serve("/down.xml", b"oops", status=500)
    opml = "".join(f'<outline type="rss" text="{n}" xmlUrl="{base}/{n}.xml"/>' for n in ("a", "b", "down"))
    path = app.data_dir.parent / "subs.opml"
    path.write_text(f'<?xml version="1.0"?><opml version="2.0"><head/><body>{opml}</body></opml>')
    window = app.start()
    with qtbot.waitSignal(window.refresher.finished, timeout=15_000) as finished:
        window.commands.import_opml(path)
    statuses = sorted(r.status for r in finished.args[0])
    assert statuses == ["error", "new", "new"]
    qtbot.waitUntil(lambda: window.feed_model.feed_count() == 3)
    down = next(f for f in window.feed_model.feeds.values() if f.url.endswith("/down.xml"))
    index = window.feed_model.index_of(("feed", down.id))
    qtbot.waitUntil(lambda: "500" in (window.feed_model.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
    assert window.feed_model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2)


HOSTILE = (
    "<p>Calm words.</p><script>alert(1)</script><img src='file://{canary}'><img src='/dev/zero'>"
    "<img src='{canary}'><a href='javascript:alert(1)'>click</a><a href='file://{canary}'>file</a>"
    "<img src='{base}/pixel.gif' width='1' height='1'><img src='{base}/photo.png'>"
)


def test_a_hostile_article_reads_no_file_makes_no_request_and_does_not_crash(
    app: RunningApp, qtbot: QtBot, loopback: LoopbackServer, canary_file: Path
) -> None:
    base = loopback.base_url
    body = HOSTILE.format(canary=canary_file, base=base)
    loopback.serve("/feed.xml", rss(base, [("Hostile", "/hostile.html", body)]), content_type=RSS)
    loopback.serve("/hostile.html", page("Hostile", body), content_type=HTML)
    loopback.serve("/pixel.gif", b"GIF89a", content_type="image/gif")
    loopback.serve("/photo.png", b"\x89PNG", content_type="image/png")
    opened: list[str] = []
    watching = True

    def audit(event: str, args: tuple[Any, ...]) -> None:
        if watching and event == "open" and args and isinstance(args[0], str | bytes):
            name = str(args[0])
            if str(canary_file) in name or name in ("/dev/zero", "/etc/passwd"):
                opened.append(name)

    sys.addaudithook(audit)
    try:
        window = app.start()
        window.commands.add_feed(base + "/feed.xml")
        dialog = window.commands.dialog
        assert dialog is not None
        dialog.next.click()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=10_000)
        with qtbot.waitSignal(dialog.finished, timeout=10_000):
            dialog.next.click()
        qtbot.waitUntil(lambda: window.article_model.rowCount() == 1, timeout=5000)
        window.select_row(0)
        qtbot.waitUntil(lambda: "Calm words" in window.reading.browser.toPlainText(), timeout=10_000)
        qtbot.waitUntil(lambda: loopback.hits("/hostile.html") == 1, timeout=10_000)
        qtbot.waitUntil(lambda: "harbour authority" in window.reading.browser.toPlainText(), timeout=10_000)
        # activating the links refuses them
        for href in ("javascript:alert(1)", canary_file.as_uri()):
            with qtbot.waitSignal(window.reading.browser.linkRefused):
                window.reading.browser.anchorClicked.emit(QUrl(href))
        text = window.reading.browser.toPlainText()
    finally:
        watching = False
    assert "CANARY" not in text
    assert opened == []
    assert loopback.hits("/pixel.gif") == 0 and loopback.hits("/photo.png") == 0
    assert loopback.unexpected == []
    assert window.reading.browser.source().isEmpty()
