"""Clutter removed from the page before readability scores it.

Pages tell what a block is through its tag, its ``class``/``id`` words and
its ARIA role: share rows, view counters, "read also" and related stories,
newsletter boxes, cookie bars, captions.  Readability keeps some of these
when they sit inside the article's container; dropping them first also
gives its scoring less to walk.  A flagged block is kept when it reads as
prose (much text, few links) or holds a quote: that is the article itself
wearing an unlucky class.
"""

from __future__ import annotations

import re
from typing import cast

import lxml.html
from lxml import etree

# Never part of an article's text.
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "button",
    "select",
    "textarea",
    "option",
    "label",
    "svg",
    "math",
    "canvas",
    "iframe",
    "frame",
    "frameset",
    "object",
    "applet",
    "audio",
    "video",
    "map",
    "dialog",
    "nav",
    "figcaption",
)
# Empty elements that libxml2 may wrongly make containers of what follows
# them: only the tag goes, never the text after it.
UNWRAP_TAGS = ("embed", "source", "track", "input", "link", "meta", "param", "area", "wbr", "base")
# class/id words naming clutter, matched against whole words of the attribute
# (split on spaces, "-" and "_"), so "share" matches "post__share" but
# "comment" does not match "commentary".
BOILERPLATE_WORDS = frozenset(
    {
        "share",
        "sharing",
        "sharebar",
        "social",
        "socials",
        "related",
        "recommended",
        "recommendations",
        "newsletter",
        "subscribe",
        "subscription",
        "promo",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "adslot",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "comment",
        "comments",
        "breadcrumb",
        "breadcrumbs",
        "tags",
        "byline",
        "views",
        "caption",
        "sidebar",
        "widget",
        "popup",
        "outbrain",
        "taboola",
        "sponsored",
        "toolbar",
        "readmore",
        "signup",
    }
)
# Utility classes that hide an element from sighted readers.
HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "hide",
        "is-hidden",
        "d-none",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "screenreader-only",
        "offscreen",
        "u-hidden",
    }
)
_SHOWN_AGAIN_RE = re.compile(r"^(d-(sm|md|lg|xl|xxl)-(?!none)|visible-|show-)")
BOILERPLATE_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "dialog",
        "alert",
        "search",
    }
)
# Only elements with one of these attributes can be flagged; lxml filters faster than Python.
_FLAGGABLE_XPATH = ".//*[@class or @id or @role or @hidden or @style or @aria-hidden]"
_WORD_SPLIT_RE = re.compile(r"[\s_\-]+")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A flagged block is kept when it holds this much text outside links, with
# links under this share of its text: that is an article, not clutter.
PROSE_CHARS = 400
MAX_PROSE_LINK_SHARE = 0.5
# Images kept on a page before scoring (catalog 39: 100k images); the
# sanitizer keeps fewer still in the article.
MAX_PAGE_IMAGES = 300


def words_of(el: etree._Element) -> set[str]:
    """The lower-case words of an element's class and id."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not raw.strip():
        return set()
    return {w for w in _WORD_SPLIT_RE.split(_CAMEL_RE.sub(" ", raw).lower()) if w}


def is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE_RE.search(style):
        return True
    return has_hiding_class(el)


def has_hiding_class(el: etree._Element) -> bool:
    """A utility class hides ``el``, and no responsive one shows it again on a wide screen."""
    classes = (el.get("class") or "").lower().split()
    return bool(HIDDEN_CLASSES.intersection(classes)) and not any(_SHOWN_AGAIN_RE.match(c) for c in classes)


def looks_like_boilerplate(el: etree._Element) -> bool:
    if (el.get("role") or "").lower() in BOILERPLATE_ROLES:
        return True
    return bool(words_of(el) & BOILERPLATE_WORDS)


def _text_length(el: etree._Element) -> int:
    return len(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


def is_prose(el: etree._Element) -> bool:
    """Whether ``el`` holds running text (as an article does) rather than links and labels."""
    total = _text_length(el)
    if total < PROSE_CHARS:
        return False
    linked = sum(_text_length(a) for a in el.iter("a"))
    return total - linked >= PROSE_CHARS and linked < MAX_PROSE_LINK_SHARE * total


def _quotes(el: etree._Element) -> bool:
    """Whether ``el`` holds a quote: an embedded post in a "social-embed" box is the article's."""
    return el.find(".//blockquote") is not None


def remove_boilerplate(root: etree._Element) -> None:
    """Drop clutter from ``root`` in place (the ``<head>`` is left alone)."""
    body = root.find("body")
    if body is None:
        body = root
    etree.strip_elements(body, *DROP_TAGS, with_tail=False)
    etree.strip_tags(body, *UNWRAP_TAGS)
    for extra in list(body.iter("img"))[MAX_PAGE_IMAGES:]:
        _drop_keep_tail(extra, extra.getparent())  # type: ignore[arg-type]
    doomed: list[etree._Element] = []
    candidates = cast(list[etree._Element], body.xpath(_FLAGGABLE_XPATH))
    for el in candidates:
        if el.tag in ("article", "main"):
            continue
        if is_hidden(el) or (looks_like_boilerplate(el) and not is_prose(el) and not _quotes(el)):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            _drop_keep_tail(el, parent)
    _free_quotes(body)


def _free_quotes(body: etree._Element) -> None:
    """Make quotes safe from readability's class and link-density cleaning.

    A quote (an embedded post included) is the article's text whatever its
    class says, yet readability drops blocks classed "tweet" or "twitter",
    and the box an embed sits in for its many links.  Quotes lose their
    class, and boxes holding nothing but a quote are unwrapped.
    """
    for quote in list(body.iter("blockquote")):
        for attr in ("class", "id"):
            if attr in quote.attrib:
                del quote.attrib[attr]
        box = quote.getparent()
        while (
            isinstance(box, lxml.html.HtmlElement)
            and box is not body
            and len(box) == 1
            and box.tag in ("div", "section", "figure", "span")
            and not (box.text or "").strip()
        ):
            parent = box.getparent()
            box.drop_tag()
            box = parent


def _drop_keep_tail(el: etree._Element, parent: etree._Element) -> None:
    tail = el.tail
    previous = el.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
