"""The single-file HTML export: opens offline with every paragraph and image, nothing fetched."""

from __future__ import annotations

import base64

import lxml.html

from reader.export import article_html
from tests.unit.export.articles import (
    ARABIC_IMAGE,
    ARABIC_PARAGRAPHS,
    GIF,
    JPEG,
    MISSING_IMAGE,
    SEED,
    SEED_IMAGE,
    arabic_article,
    lookup,
    make_article,
    seed_article,
)


def parse(document: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(document)


def image_sources(root: lxml.html.HtmlElement) -> list[str]:
    return [img.get("src") or "" for img in root.iter("img")]


def test_every_paragraph_and_the_header_are_in_the_file() -> None:
    document = article_html(seed_article(), lookup)
    assert document.startswith("<!DOCTYPE html>")
    root = parse(document)
    assert root.get("lang") == "en" and root.get("dir") == "ltr"
    assert root.find(".//meta[@charset]") is not None
    assert root.findtext(".//title") == SEED["title"]
    text = root.text_content()
    for paragraph in SEED["body_paragraphs"]:
        assert paragraph in text
    byline = root.find_class("byline")[0].text_content()
    assert byline == "Naila Huseynova · Caliber.Az · 2025-02-17"
    # The source address written out, for paper.
    assert SEED["url"] in root.find_class("source")[0].text_content()


def test_stored_images_are_inlined_and_nothing_is_fetched() -> None:
    root = parse(article_html(seed_article(), lookup))
    sources = image_sources(root)
    assert sources == [f"data:image/jpeg;base64,{base64.b64encode(JPEG).decode()}"]
    # No element loads anything from the network when the file is opened.
    for element in root.iter():
        for name in ("src", "srcset", "poster", "data"):
            assert not (element.get(name) or "").startswith(("http:", "https:", "//"))
    assert root.find(".//link") is None
    csp = root.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert csp is not None and "default-src 'none'" in (csp.get("content") or "")


def test_an_image_the_store_lacks_becomes_a_link_to_it() -> None:
    root = parse(article_html(seed_article(), lookup))
    links = {a.get("href"): a.text_content() for a in root.iter("a")}
    assert links[MISSING_IMAGE] == "A chart not kept offline"


def test_an_image_inside_a_link_becomes_its_alt_text_not_a_nested_link() -> None:
    body = (
        f'<p>See <a href="https://example.com/big">the <img src="{MISSING_IMAGE}" alt="chart"></a> here.</p>'
    )
    article = make_article(None, title="Links", summary_html=body, url="https://example.com/a")
    root = parse(article_html(article, lookup))
    anchor = next(a for a in root.iter("a") if a.get("href") == "https://example.com/big")
    assert anchor.text_content() == "the chart"
    assert anchor.find(".//a") is None
    assert "here." in root.text_content()


def test_the_same_image_twice_is_looked_up_once() -> None:
    calls: list[str] = []

    def counting(url: str) -> tuple[bytes, str] | None:
        calls.append(url)
        return lookup(url)

    body = f'<p><img src="{SEED_IMAGE}" alt="a"></p><p><img src="{SEED_IMAGE}" alt="b"></p>'
    article = make_article(None, title="Twice", summary_html=body)
    root = parse(article_html(article, counting))
    assert calls == [SEED_IMAGE]
    assert all(src.startswith("data:image/jpeg;base64,") for src in image_sources(root))


def test_bytes_that_are_not_an_image_are_not_inlined() -> None:
    # A server's HTML error page stored under an image type.
    def lying(url: str) -> tuple[bytes, str] | None:
        return (b"<html><script>alert(1)</script></html>", "image/png")

    root = parse(article_html(seed_article(), lying))
    assert image_sources(root) == []
    assert SEED_IMAGE in {a.get("href") for a in root.iter("a")}


def test_rtl_article_sets_direction_and_language() -> None:
    root = parse(article_html(arabic_article(), lookup))
    assert root.get("dir") == "rtl" and root.get("lang") == "ar"
    for paragraph in ARABIC_PARAGRAPHS:
        assert paragraph in root.text_content()
    assert image_sources(root) == [f"data:image/gif;base64,{base64.b64encode(GIF).decode()}"]
    assert ARABIC_IMAGE not in lxml.html.tostring(root, encoding="unicode")


def test_without_clean_text_the_feed_summary_is_used_and_direction_guessed() -> None:
    article = make_article(
        None, title=ARABIC_PARAGRAPHS[0][:20], summary_html=f"<p>{ARABIC_PARAGRAPHS[1]}</p>", author="كاتب"
    )
    root = parse(article_html(article, lookup))
    assert ARABIC_PARAGRAPHS[1] in root.text_content()
    assert root.get("dir") == "rtl"
    assert root.get("lang") is None


def test_hostile_title_author_and_body_are_inert() -> None:
    title = "Breaking</title><script>alert('t')</script> & more"
    author = '"><img src=x onerror=alert(1)>'
    body = (
        "<p>ok</p><script>alert('b')</script><p onclick=\"alert('c')\">text</p>"
        '<a href="javascript:alert(1)">js</a><style>body{background:url(https://evil.example/x)}</style>'
    )
    article = make_article(None, title=title, author=author, summary_html=body, url="https://example.com/x")
    document = article_html(article, lookup)
    root = parse(document)
    assert root.findtext(".//title") == title
    assert root.findtext(".//h1") == title
    assert list(root.iter("script")) == []
    assert len(list(root.iter("style"))) == 1  # ours, in the head
    assert "evil.example" not in document
    for element in root.iter():
        assert not [name for name in element.attrib if name.startswith("on")]
        assert not (element.get("href") or "").startswith("javascript")
    assert image_sources(root) == []
    assert author in root.find_class("byline")[0].text_content()
