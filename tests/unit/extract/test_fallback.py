"""The safety net (catalog 42): never an empty article while the feed has text."""

from __future__ import annotations

from pathlib import Path

from reader.extract import extract_article
from reader.extract.safety import FEED_WARNING, PAGE_WARNING

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
URL = "https://village.example/notes/42"
FEED_HTML = (
    "<p>The parish council met on Monday and agreed to repair the bridge over the mill stream "
    "before winter.</p><p>Work starts in October; the footpath will be closed for two weeks, "
    "and a diversion through the churchyard will be signposted.</p>"
    "<script>alert(1)</script><img src='https://t.example/pixel.gif' width='1' height='1'>"
)


def test_table_layout_page_with_no_article_falls_back_to_the_feed() -> None:
    article = extract_article((PAGES / "table-layout.html").read_bytes(), URL, feed_html=FEED_HTML)
    assert article.warning == FEED_WARNING
    assert article.text.startswith("The parish council met on Monday")
    assert "Work starts in October" in article.text
    assert "<script" not in article.html and "pixel.gif" not in article.html
    assert article.title == "Village notes"


def test_empty_page_with_feed_text_is_not_empty() -> None:
    article = extract_article(b"", URL, feed_html=FEED_HTML)
    assert article.warning == FEED_WARNING
    assert "parish council" in article.text


def test_a_teaser_extraction_gives_way_to_the_feeds_full_text() -> None:
    page = (
        b"<html><body><article><p>The parish council met on Monday to talk about the bridge "
        b"over the mill stream, and much else besides.</p></article></body></html>"
    )
    full = "".join(f"<p>Paragraph {i} of the full story as the feed carries it.</p>" for i in range(30))
    article = extract_article(page, URL, feed_html=full)
    assert article.warning == FEED_WARNING
    assert "Paragraph 29" in article.text


def test_a_good_extraction_is_kept_over_a_short_feed_summary() -> None:
    story = "".join(f"<p>Sentence {i} of a long, complete story about the bridge.</p>" for i in range(20))
    page = f"<html><body><article>{story}</article></body></html>".encode()
    article = extract_article(page, URL, feed_html="<p>The bridge will be repaired.</p>")
    assert article.warning is None
    assert "Sentence 19" in article.text


def test_without_feed_a_page_readability_cannot_read_is_shown_whole() -> None:
    page = (
        "<html><body><table><tr><td>"
        + "<br>".join(f"Line {i} of a notice board written in a table cell, short." for i in range(12))
        + "</td></tr><tr><td>Short caption</td></tr></table></body></html>"
    ).encode()
    article = extract_article(page, URL)
    assert article.text
    if article.warning is not None:
        assert article.warning == PAGE_WARNING
