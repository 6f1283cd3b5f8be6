from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from reader.render.document import Page
from reader.render.theme import THEMES
from reader.render.typography import Typography, side_margin
from reader.ui.browser import ArticleBrowser


@pytest.fixture
def browser(qtbot: QtBot) -> ArticleBrowser:
    view = ArticleBrowser()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.set_style(THEMES["day"], Typography())
    return view


def test_load_resource_serves_only_the_prefetched_images(browser: ArticleBrowser, canary_file: Path) -> None:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    browser.set_images({"https://e.org/a.png": image})
    kind = QTextDocument.ResourceType.ImageResource.value
    assert browser.loadResource(kind, QUrl("https://e.org/a.png")) is image
    for name in (str(canary_file), canary_file.as_uri(), "/dev/zero", "https://e.org/other.png"):
        assert browser.loadResource(kind, QUrl(name)) is None
    assert (
        browser.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl(canary_file.as_uri()))
        is None
    )


def test_hostile_html_reads_no_file(browser: ArticleBrowser, canary_file: Path, monkeypatch: Any) -> None:
    opened: list[str] = []
    import builtins

    real_open = builtins.open

    def recording_open(f: Any, *a: Any, **k: Any) -> Any:
        opened.append(str(f))
        return real_open(f, *a, **k)

    monkeypatch.setattr(builtins, "open", recording_open)
    body = (
        f'<img src="{canary_file.as_uri()}"><img src="/dev/zero"><img src="{canary_file}">'
        f'<link rel="stylesheet" href="{canary_file.as_uri()}"><script>alert(1)</script>'
    )
    browser.show_page(Page(title="Hostile", body_html=body))
    assert "CANARY" not in browser.toPlainText()
    assert opened == []


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://e.org/x"]
)
def test_links_other_than_http_are_refused(
    browser: ArticleBrowser, qtbot: QtBot, monkeypatch: Any, href: str
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    browser.show_page(Page(title="T", body_html="<p>x</p>"))
    before = browser.toPlainText()
    with qtbot.waitSignal(browser.linkRefused):
        browser.anchorClicked.emit(QUrl(href))
    assert opened == [] and browser.source().isEmpty() and browser.toPlainText() == before


def test_http_links_open_in_the_system_browser(browser: ArticleBrowser, monkeypatch: Any) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    browser.anchorClicked.emit(QUrl("https://example.org/x"))
    assert [u.toString() for u in opened] == ["https://example.org/x"]


def test_column_is_centred_and_recentred_on_resize(browser: ArticleBrowser, qtbot: QtBot) -> None:
    browser.show_page(Page(title="T", body_html="<p>" + "word " * 400 + "</p>"))
    typo = browser.typography

    def centred() -> bool:
        fmt = browser.document().rootFrame().frameFormat()
        return fmt.leftMargin() == side_margin(typo, browser.viewport().width()) == fmt.rightMargin()

    qtbot.waitUntil(centred)
    browser.resize(700, 600)
    qtbot.waitUntil(centred)
    assert browser.column_width() <= 32 * 18


def test_theme_sets_palette_and_article_colours(browser: ArticleBrowser) -> None:
    browser.show_page(Page(title="T", body_html="<p>x</p>"))
    night = THEMES["night"]
    browser.set_style(night, Typography())
    assert browser.palette().base().color() == QColor(night.background)
    assert night.text.lower() in browser.document().defaultStyleSheet().lower()
    block = browser.document().lastBlock()
    assert (
        block.charFormat().foreground().color() == QColor(night.text)
        or night.text in browser.toHtml().upper()
    )
