"""Hostile and oversized pages through the real pipeline (catalog 32-39)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from reader.core.errors import ExtractionError
from reader.core.models import CleanArticle
from reader.extract import extract_article
from reader.extract.pipeline import MAX_PAGE_BYTES
from reader.sanitize import MAX_IMAGES

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
URL = "https://news.example/harbour"


@pytest.fixture(scope="module")
def hostile() -> CleanArticle:
    return extract_article((PAGES / "hostile.html").read_bytes(), URL)


def test_the_article_survives(hostile: CleanArticle) -> None:
    assert hostile.title == "Harbour works resume after the storm"
    assert hostile.text.startswith("The harbour authority said on Tuesday")
    assert "Fishermen said they expected" in hostile.text
    assert "Traffic on the coastal road" in hostile.text


@pytest.mark.parametrize(
    "token",
    [
        "<script",
        "alert(",
        "onload",
        "onclick",
        "onerror",
        "javascript:",
        "http-equiv",
        "refresh",
        "<base",
        "evil.example",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<input",
        "password",
        "<svg",
        "<math",
        "style=",
        "position",
        "url(",
        "data:",
        "file:",
        "SCRIPT-TEXT",
        "SVG-TEXT",
        "LOGIN-BUTTON",
        "ACCEPT-COOKIES",
    ],
)
def test_nothing_active_or_overlaying_is_left(hostile: CleanArticle, token: str) -> None:
    assert token not in hostile.html
    assert token not in hostile.text


def test_relative_links_resolve_against_the_page_not_a_base_tag(hostile: CleanArticle) -> None:
    assert 'href="https://news.example/report.pdf"' in hostile.html


def test_tracking_pixels_go_and_the_photo_stays(hostile: CleanArticle) -> None:
    images = re.findall(r'<img [^>]*src="([^"]+)"', hostile.html)
    assert images == ["https://example.com/photo.jpg"]


def test_100k_nested_divs_finish_quickly() -> None:
    depth = 100_000
    body = (
        "<html><body><p>"
        + "Words before the nesting. " * 20
        + "</p>"
        + "<div>" * depth
        + "deep"
        + "</div>" * depth
        + "</body></html>"
    ).encode()
    start = time.perf_counter()
    article = extract_article(body, URL)
    assert time.perf_counter() - start < 2.0
    assert "Words before the nesting." in article.text


def test_huge_page_is_cut_and_the_reader_told() -> None:
    paragraph = "<p>" + "A sentence of the article that goes on. " * 20 + "</p>"
    body = (
        "<html><body><article>"
        + paragraph * 20
        + "</article>"
        + "<!-- padding -->" * 400_000
        + "</body></html>"
    ).encode()
    assert len(body) > MAX_PAGE_BYTES
    article = extract_article(body, URL)
    assert "A sentence of the article" in article.text
    assert article.warning is not None and "5 MB" in article.warning


def test_image_count_is_capped() -> None:
    images = "".join(f'<img src="/img/{i}.jpg" width="300" height="200">' for i in range(20_000))
    body = (
        "<html><body><article><p>"
        + "Story text here, and more of it. " * 30
        + "</p>"
        + images
        + "</article></body></html>"
    ).encode()
    start = time.perf_counter()
    article = extract_article(body, URL)
    assert time.perf_counter() - start < 2.0
    assert 0 < article.html.count("<img") <= MAX_IMAGES


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"\x00\x01\x02",
        b"<html><body></body></html>",
        b"<?xml version='1.0' encoding='utf-8'?><html/>",
    ],
)
def test_empty_pages_raise_a_clear_error(body: bytes) -> None:
    with pytest.raises(ExtractionError, match="No article text"):
        extract_article(body, URL)


RUSSIAN_PAGE = """<html><head>{meta}<title>Новости города</title></head><body><article>
<h1>Новости города</h1>
<p>Городские власти сообщили во вторник, что ремонт моста через реку начнётся в понедельник и продлится
около трёх недель, а движение транспорта на это время будет перекрыто.</p>
<p>Жители близлежащих домов смогут пользоваться временным пешеходным переходом, который установят
рядом с мостом к концу недели.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    "meta",
    ['<meta charset="windows-1251">', '<meta charset="utf-8">', ""],
    ids=["right-meta", "wrong-meta", "no-meta"],
)
def test_cp1251_page_reads_right_whatever_its_meta_says(meta: str) -> None:
    body = RUSSIAN_PAGE.format(meta=meta).encode("cp1251")
    article = extract_article(body, URL, content_type="text/html")
    assert article.title == "Новости города"
    assert "Городские власти сообщили во вторник" in article.text
    assert "\ufffd" not in article.text


def test_invalid_utf8_bytes_are_replaced_not_fatal() -> None:
    text = RUSSIAN_PAGE.format(meta='<meta charset="utf-8">').encode("utf-8")
    body = text.replace("вторник".encode(), b"\xd0\xff\xfe", 1)
    article = extract_article(body, URL)
    assert "Городские власти сообщили во" in article.text
    assert "\ufffd" in article.text
