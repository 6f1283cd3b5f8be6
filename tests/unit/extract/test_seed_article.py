"""Acceptance: the project's model page gives exactly its article (UTF-8 and cp1251)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.core.models import CleanArticle
from reader.extract import extract_article

SEED = Path(__file__).resolve().parents[2] / "data" / "seed-article"
PAGE = SEED / "caliber-az-russia-syria-bases.html"
EXPECTED = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))


def cp1251_copy() -> bytes:
    """The page re-encoded as windows-1251, declared only by its <meta>."""
    html = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1251">')
    assert 'charset="windows-1251"' in html
    return html.encode("cp1251", errors="xmlcharrefreplace")


@pytest.fixture(scope="module", params=["utf-8", "windows-1251"])
def article(request: pytest.FixtureRequest) -> CleanArticle:
    body = PAGE.read_bytes() if request.param == "utf-8" else cp1251_copy()
    return extract_article(body, EXPECTED["url"], content_type="text/html")


def test_every_body_paragraph_is_a_paragraph_of_the_text_in_order(article: CleanArticle) -> None:
    paragraphs = article.text.split("\n\n")
    positions = [paragraphs.index(p) for p in EXPECTED["body_paragraphs"]]
    assert positions == sorted(positions)


def test_no_page_clutter_in_text_or_html(article: CleanArticle) -> None:
    for junk in EXPECTED["must_not_contain"]:
        assert junk not in article.text, junk
        assert junk not in article.html, junk


def test_text_does_not_repeat_the_title_or_byline(article: CleanArticle) -> None:
    assert EXPECTED["title"] not in article.text
    assert not article.text.startswith("WORLD")
    assert "By Naila Huseynova" not in article.text


def test_metadata(article: CleanArticle) -> None:
    assert article.title == EXPECTED["title"]
    assert article.author == EXPECTED["author"]
    assert article.published == datetime(2025, 2, 17, 20, 19, tzinfo=timezone(timedelta(hours=4)))
    assert article.published is not None and article.published.tzinfo == UTC
    assert article.site_name == EXPECTED["site_name"]
    assert article.language == EXPECTED["language"]
    assert article.lead_image == EXPECTED["lead_image"]
    assert article.direction == "ltr"
    assert article.warning is None


def test_html_is_clean_and_links_absolute(article: CleanArticle) -> None:
    assert "<script" not in article.html
    assert "onclick" not in article.html
    assert 'href="/' not in article.html and 'src="/' not in article.html


def test_the_page_photo_leads_an_article_that_came_without_pictures(article: CleanArticle) -> None:
    # readability leaves the seed page's header photo out; the reader shows it above the text.
    assert article.html.startswith(f'<figure><img src="{EXPECTED["lead_image"]}"')
    assert article.html.count("<img") == 1


def test_an_article_with_its_own_pictures_gets_no_second_lead_image() -> None:
    paragraph = "<p>" + "Harbour cranes stood idle through the strike, the port authority said. " * 8 + "</p>"
    page = (
        '<html><head><meta property="og:image" content="https://news.example/lead-960.jpg"></head>'
        f'<body><article><h1>Strike</h1>{paragraph}<img src="/lead-480.jpg">{paragraph}'
        "</article></body></html>"
    )
    clean = extract_article(page.encode(), "https://news.example/strike", content_type="text/html")
    assert clean.lead_image == "https://news.example/lead-960.jpg"
    assert "lead-960" not in clean.html
    assert clean.html.count("<img") == 1
