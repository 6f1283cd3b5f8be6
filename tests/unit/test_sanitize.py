"""The shared sanitizer: what survives into the reading pane (catalog 32-38)."""

from __future__ import annotations

import time

import pytest

from reader.sanitize import MAX_IMAGES, sanitize_html

BASE = "https://site.example/news/story"


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>x<script>alert(1)</script></p>", ["<script", "alert"]),
        ('<p onclick="alert(1)" onmouseover="x()">x</p>', ["onclick", "onmouseover"]),
        ('<a href="javascript:alert(1)">x</a>', ["javascript"]),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', ["alert"]),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', ["refresh", "evil"]),
        ('<base href="https://evil.example/"><a href="/x">x</a>', ["<base", "evil"]),
        (
            '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">',
            ["<iframe", "<object", "<embed", "evil"],
        ),
        (
            '<form action="https://evil.example"><input type="password"></form>',
            ["<form", "<input", "password"],
        ),
        (
            "<svg><script>alert(1)</script></svg><math><style><img src=x onerror=alert(1)></style></math>",
            ["<svg", "<math", "onerror", "alert"],
        ),
        (
            '<p style="position:fixed;background:url(https://evil.example/x.png)">x</p>',
            ["style", "url(", "position"],
        ),
        (
            '<img src="data:image/png;base64,AAAA"><img src="data:image/svg+xml,<svg onload=alert(1)>">',
            ["data:", "<img", "onload"],
        ),
        ('<img src="file:///etc/passwd"><a href="file:///etc/passwd">x</a>', ["file:", "passwd"]),
    ],
)
def test_dangerous_markup_is_removed(dirty: str, forbidden: list[str]) -> None:
    clean = sanitize_html(dirty, BASE)
    for token in forbidden:
        assert token.lower() not in clean.lower()


def test_relative_urls_become_absolute() -> None:
    clean = sanitize_html('<a href="../other">o</a><img src="/pic.jpg" width="400" height="300">', BASE)
    assert 'href="https://site.example/other"' in clean
    assert 'src="https://site.example/pic.jpg"' in clean


@pytest.mark.parametrize(
    "pixel",
    [
        '<img src="https://cdn.example/p.gif" width="1" height="1">',
        '<img src="https://cdn.example/p.gif" width="2px" height="2">',
        '<img src="https://pixel.wp.com/g.gif?x=1">',
        '<img src="https://feeds.feedburner.com/~r/site/~4/abc">',
        '<img src="https://stats.example.com/beacon.gif">',
    ],
)
def test_tracking_pixels_are_dropped(pixel: str) -> None:
    assert "<img" not in sanitize_html("<p>text</p>" + pixel, BASE)


def test_ordinary_images_are_kept_up_to_the_cap() -> None:
    html = "".join(f'<img src="/i/{n}.jpg" width="300" height="200">' for n in range(MAX_IMAGES + 50))
    assert sanitize_html(html, BASE).count("<img") == MAX_IMAGES


def test_deep_nesting_is_bounded_in_time() -> None:
    depth = 100_000
    start = time.perf_counter()
    clean = sanitize_html("<p>before</p>" + "<div>" * depth + "x" + "</div>" * depth, BASE)
    assert time.perf_counter() - start < 2.0
    assert "before" in clean


def test_empty_and_plain() -> None:
    assert sanitize_html("", BASE) == ""
    assert sanitize_html("just text", None) == "just text"
