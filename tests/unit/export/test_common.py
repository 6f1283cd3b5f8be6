"""The shared pieces: strict URIs, image sniffing, language tags, direction."""

from __future__ import annotations

import pytest

from reader.export.common import guess_direction, language_tag, sniff_image_type, uri
from tests.unit.export.articles import ARABIC_PARAGRAPHS, CYRILLIC_PARAGRAPHS, GIF, JPEG, PNG


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a/b?c=1&d=2#top", "https://example.com/a/b?c=1&d=2#top"),
        ("https://example.com/?a=1&b=<2>", "https://example.com/?a=1&b=%3C2%3E"),
        ('https://e.com/a b%zz%20(1)"x', "https://e.com/a%20b%25zz%20(1)%22x"),
        ("https://пример.рф/путь?q=я", "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C?q=%D1%8F"),
        ("https://user@ПРИМЕР.рф:8080/p", "https://user@xn--e1afmkfd.xn--p1ai:8080/p"),
        ("https://e.com/p#a#b", "https://e.com/p#a%23b"),
    ],
)
def test_uri_is_strict(url: str, expected: str) -> None:
    assert uri(url) == expected


def test_image_types_come_from_the_bytes_not_the_label() -> None:
    assert sniff_image_type(PNG, "image/jpeg") == "image/png"
    assert sniff_image_type(JPEG, "application/octet-stream") == "image/jpeg"
    assert sniff_image_type(GIF, "") == "image/gif"
    assert sniff_image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp") == "image/webp"
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'
    assert sniff_image_type(svg, "image/svg+xml") == "image/svg+xml"
    assert sniff_image_type(b"<html>not found</html>", "image/png") is None
    assert sniff_image_type(b"<svg/>", "text/html") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en", "en"),
        ("pt_BR", "pt-BR"),
        (" ru ", "ru"),
        ("", None),
        (None, None),
        ("en; q=0.5", None),
        ("x", None),
    ],
)
def test_language_tag(value: str | None, expected: str | None) -> None:
    assert language_tag(value) == expected


def test_direction_follows_the_letters() -> None:
    assert guess_direction(ARABIC_PARAGRAPHS[0]) == "rtl"
    assert guess_direction(CYRILLIC_PARAGRAPHS[0]) == "ltr"
    assert guess_direction("12 345 — !") == "ltr"
