"""The safety net: distrust an extraction that looks wrong (catalog 42).

readability sometimes picks a caption, a teaser or nothing at all.  Its
result is compared with the feed's own text for the item and with the whole
cleaned page; when it is much shorter, the better one is used and the reader
is told why.  Output is never empty while the feed has text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.extract.text import html_text
from reader.sanitize import sanitize_html

# Below this many characters an extraction is suspect on its own.
MIN_ARTICLE_CHARS = 200
# The feed's text is preferred when the page gave less than this share of it
# (feeds that carry the full article are common; a teaser is shorter).
FEED_SHARE = 0.5
# A short extraction gives way to the whole page only when the page has at
# least this many times more text.
PAGE_FACTOR = 3

FEED_WARNING = "The article could not be found on the page; showing the text from the feed."
PAGE_WARNING = "The article could not be told apart from the rest of the page; showing the whole page."


@dataclass(frozen=True, slots=True)
class Candidate:
    html: str
    text: str

    @classmethod
    def of(cls, html: str, base_url: str) -> Candidate:
        """A sanitized candidate from untrusted ``html``."""
        clean = sanitize_html(html, base_url) if html else ""
        return cls(clean, html_text(clean) if clean else "")


def choose(
    article: Candidate, page: Callable[[], Candidate], feed: Candidate
) -> tuple[Candidate, str | None]:
    """The candidate to show, and a warning when it is not ``article``.

    ``page`` is called only when needed: sanitizing a whole page costs time.
    """
    length = len(article.text)
    if (
        feed.text
        and (length < MIN_ARTICLE_CHARS or length < FEED_SHARE * len(feed.text))
        and len(feed.text) > length
    ):
        return feed, FEED_WARNING
    if length < MIN_ARTICLE_CHARS:
        whole = page()
        if len(whole.text) >= max(PAGE_FACTOR * length, 1):
            return whole, PAGE_WARNING
    return article, None
