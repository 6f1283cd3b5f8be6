"""Clutter removed before readability, judged by class words, roles and hiding."""

from __future__ import annotations

import lxml.html

from reader.extract.boilerplate import remove_boilerplate
from reader.extract.text import element_text

STORY = "".join(
    f"<p>Paragraph {n} of a story about the harbour, long enough to read as prose.</p>" for n in range(8)
)


def cleaned(body: str) -> str:
    root = lxml.html.document_fromstring(f"<html><body>{body}</body></html>")
    remove_boilerplate(root)
    return element_text(root)


def test_share_rows_counters_newsletters_and_cookie_bars_go() -> None:
    text = cleaned(
        '<div class="post__share"><a href="#">facebook</a> <a href="#">twitter</a></div>'
        '<div class="views-counter">Views: 372</div>'
        f"<article>{STORY}</article>"
        '<div id="newsletter-signup">Get our newsletter</div>'
        '<div class="cookieBanner">We use cookies</div>'
        '<nav><a href="/">Home</a></nav><div role="complementary">Sidebar</div>'
        '<figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>'
    )
    assert text.startswith("Paragraph 0") and text.endswith("read as prose.")
    for junk in ("facebook", "Views", "newsletter", "cookies", "Home", "Sidebar", "caption"):
        assert junk not in text


def test_an_article_wearing_an_unlucky_class_is_kept() -> None:
    text = cleaned(f'<div class="entry-content comments-enabled">{STORY}</div>')
    assert "Paragraph 7" in text


def test_hidden_blocks_go_unless_a_wide_screen_shows_them() -> None:
    text = cleaned(
        f'{STORY}<div class="d-none">Print-only citation</div>'
        '<div class="d-none d-lg-block">Desktop note</div><div hidden>Secret</div>'
        '<p style="display: none">Invisible</p><span aria-hidden="true">icon</span>'
    )
    assert "Print-only" not in text and "Secret" not in text and "Invisible" not in text
    assert "icon" not in text
    assert "Desktop note" in text


def test_embedded_posts_in_social_boxes_survive() -> None:
    text = cleaned(
        f'{STORY}<div class="social-media-embed"><blockquote class="twitter-tweet">'
        "<p>The quoted post itself</p></blockquote></div>"
    )
    assert "The quoted post itself" in text


def test_text_after_an_embed_is_not_lost() -> None:
    text = cleaned(f'{STORY}<embed src="x.swf"><p>After the embed.</p>')
    assert text.endswith("After the embed.")
