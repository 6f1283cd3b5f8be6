from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from reader.core.models import Article, CleanArticle
from reader.render import document as doc
from reader.render.theme import THEMES
from reader.render.typography import Typography
from reader.render.welcome import welcome_page


def _article(**changes: object) -> Article:
    base = dict(
        id=1,
        feed_id=1,
        uid="u",
        title="<b>Title</b> & more",
        url="https://example.org/a",
        author="Ann",
        summary_html="<p>Summary</p>",
        content_html=None,
        published=datetime(2025, 2, 17, tzinfo=UTC),
        updated=None,
        arrived_at=datetime(2025, 2, 17, tzinfo=UTC),
        read=False,
        bookmarked=False,
        feed_title="Feed",
    )
    base.update(changes)
    return Article(**base)  # type: ignore[arg-type]


def test_title_is_escaped_and_the_header_has_site_byline_and_link(qapp: object) -> None:
    html = doc.document_html(doc.page_for(_article()), {}, 500)
    assert "&lt;b&gt;Title&lt;/b&gt; &amp; more" in html
    assert 'href="https://example.org/a"' in html and "Ann" in html and "Feed" in html


def test_loading_page_shows_the_feed_summary_with_a_notice(qapp: object) -> None:
    page = doc.page_for(_article(), loading=True)
    assert page.body_html == "<p>Summary</p>" and page.notice


def test_incomplete_extraction_offers_feed_text_and_original(qapp: object) -> None:
    clean = CleanArticle(url="https://example.org/a", title="T", html="<p>x</p>", text="x", warning="short")
    page = doc.page_for(_article(clean=clean))
    assert page.notice and "short" in page.notice
    assert [href for href, _ in page.notice_links] == [doc.SHOW_FEED_TEXT, "https://example.org/a"]


def test_figures_map_to_qt_subset_and_images_fit_the_column() -> None:
    body = (
        '<figure class="x"><img src="https://e.org/big.png" alt="Big"><figcaption>Cap</figcaption></figure>'
        '<img src="https://e.org/small.png"><img src="https://e.org/missing.png" alt="Gone">'
        '<img src="https://e.org/pixel.gif">'
    )
    sizes = {
        "https://e.org/big.png": (2000, 1000),
        "https://e.org/small.png": (100, 50),
        "https://e.org/pixel.gif": (1, 1),
    }
    out = doc.adapt_body(body, sizes, 600)
    assert "<figure" not in out and "<figcaption" not in out
    assert '<div class="figure">' in out and '<p class="caption">Cap</p>' in out
    assert 'src="https://e.org/big.png" width="600"' in out
    assert 'src="https://e.org/small.png" width="100"' in out
    assert "missing.png" not in out and "[Gone]" in out
    assert "pixel.gif" not in out


def test_rtl_articles_are_laid_out_right_to_left(qapp: object) -> None:
    clean = CleanArticle(
        url="https://e.org", title="T", html="<p>مرحبا</p>", text="", direction="rtl", language="ar"
    )
    document = QTextDocument()
    document.setHtml(doc.document_html(doc.page_for(_article(clean=clean)), {}, 500))
    block = document.lastBlock()
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_stylesheet_uses_px_and_theme_colours() -> None:
    css = doc.stylesheet(THEMES["night"], Typography(body_px=24))
    assert "font-size: 24px" in css and THEMES["night"].background in css and THEMES["night"].text in css
    assert "em;" not in css and "max-width" not in css


def test_welcome_page_teaches_the_keys(qapp: object) -> None:
    page = welcome_page()
    assert "j / k" in page.body_html and doc.SHOW_SHORTCUTS in page.body_html
