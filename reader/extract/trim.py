"""readability's pick, trimmed of what a reader does not read as the article.

readability returns the best container with everything inside it: the
headline it repeats, "ADVERTISEMENT" labels, paragraphs that are only a link
to another story, "You may also like" lists, and calls to subscribe at the
end.  Each rule here reads the structure of a block (its length, how much
of it is a link, where it sits), never the site it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

BLOCK_TAGS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "div",
    "section",
    "blockquote",
    "ul",
    "ol",
    "table",
    "figure",
    "dl",
    "pre",
)
TEXT_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div"})
# Standalone labels left behind by ad slots, share rows and comment widgets.
LABEL_RE = re.compile(
    r"^(advert(isement)?s?|ad|sponsored( content)?|comments?|\d+ comments?|tags?|"
    r"share( this( article| story)?( on \w+)?)?|print|email|"
    r"related( articles| stories| posts| content| news)?|read more|see more|"
    r"loading|more|close|skip( ad)?|continue reading|click to expand|view comments|photo|video|"
    r"this slideshow requires javascript|(image|photo|picture) \d+ of \d+|"
    r"\(?(image|photo|picture|video)( credit)?: [^()]{0,60}\)?|text size|reading time|\d+ min(ute)?s? read|"
    r"review|filed under)\s*[:.…]*$",
    re.IGNORECASE,
)
# A short heading or paragraph that opens a list of other stories.
RELATED_OPENER_RE = re.compile(
    r"^(you (may|might) (also )?like|related( articles| stories| posts| content| coverage| news| links)?|"
    r"(read|see) (also|more)|also read|recommended( for you| stories)?|trending( now| stories)?|"
    r"most (read|popular|viewed)|popular( now| stories)?|don'?t miss|further reading|top stories|"
    r"latest( news| stories)?|up next|what to read next|more( great)? (from|on|in|stories|news)\b.{0,40})"
    r"\s*[:.…!]*$",
    re.IGNORECASE,
)
# "Related: <link>" and the like, inside the story.
POINTER_RE = re.compile(
    r"^(related|see (also|more)|read (also|more)|also read|more|watch|listen|recommended|must read)\s*:",
    re.IGNORECASE,
)
# Calls to action that close many articles.
CALL_TO_ACTION_RE = re.compile(
    r"^(sign up|subscribe|follow|click|download|get (the|our)|like us|join|share this|tap here)\b|"
    r"\b(click here|sign up (for|to)|subscribe (to|for) our|subscribe (now|today|here)|"
    r"follow (us|him|her|them|me) (on|at|@)|download (the|our) app|get the [\w ]{1,20} app|"
    r"have a (news )?tip|like us on facebook|our newsletter)",
    re.IGNORECASE,
)
MAX_LABEL_CHARS = 80
MAX_DATE_CHARS = 60
MAX_DATE_WORDS = 7
MAX_OPENER_CHARS = 60
MAX_CALL_CHARS = 250
# A block this much link is a pointer to another page, not article text.
LINK_ONLY_SHARE = 0.9
POINTER_LINK_SHARE = 0.4
LINK_ONLY_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6"})
# Photo credits at the top of the text (the picture itself is gone).
CREDIT_RE = re.compile(
    r"(\bgetty images|\bshutterstock|\bap photo|\bafp\b|\breuters/|\(photo|\bphoto:|\bimage:|\bcredit:)",
    re.IGNORECASE,
)
# Who else reported: the closing credits of agency copy.
CONTRIBUTORS_RE = re.compile(
    r"^\(?(additional )?(reporting|writing|editing) by\b|^contributing:"
    r"|.{0,200}\bcontributed (reporting|to this report)|^(filed under|posted in|tags?):",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_YEAR_RE = re.compile(r"\b(19|20)\d\d\b")
_CLOCK_RE = re.compile(r"\b\d{1,2}:\d\d\b")
_NUMBER_RE = re.compile(r"\d+")
_LETTERS_RE = re.compile(r"[^\W\d_]{2,}")
_SPACE_RE = re.compile(r"\s+")
_NON_WORD_RE = re.compile(r"[\W_]+")


def _raw_text(el: etree._Element) -> str:
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _text(el: etree._Element) -> str:
    return _SPACE_RE.sub(" ", _raw_text(el)).strip()


def _link_share(el: etree._Element, length: int) -> float:
    if length == 0:
        return 0.0
    linked = sum(len(_text(a)) for a in el.iter("a"))
    return linked / length


def _key(text: str) -> str:
    return _NON_WORD_RE.sub(" ", text).strip().lower()


def _drop(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _leaf_blocks(root: etree._Element) -> list[etree._Element]:
    """Text blocks with no block inside them, in document order."""
    blocks = []
    for el in root.iter(*TEXT_BLOCK_TAGS):
        if el is root:
            continue
        if any(True for _ in el.iter(*BLOCK_TAGS) if _ is not el):
            continue
        blocks.append(el)
    return blocks


def _is_dateline(text: str) -> bool:
    """A short line that is only a date and time ("Nov. 20, 2019 5:52 AM EST")."""
    if len(text) > MAX_DATE_CHARS or not (_YEAR_RE.search(text) or _CLOCK_RE.search(text)):
        return False
    # A day and a year, or a date and a time: one number alone ("In 2019, ...") is prose.
    if len(_NUMBER_RE.findall(text)) < 2:
        return False
    return len(_LETTERS_RE.findall(text)) <= MAX_DATE_WORDS


def _is_clutter(el: etree._Element, text: str, position: int, count: int, keys: _Keys) -> bool:
    """Whether the leaf block ``el`` (the ``position``-th of ``count`` with text) is not article text."""
    length = len(text)
    key = _key(text)
    opening, closing = position < 3, position >= count - 3
    if keys.title and position < 3 and key == keys.title:
        return True
    if (opening or closing) and length <= MAX_OPENER_CHARS and key in keys.signature:
        return True
    if opening and (_is_dateline(text) or (length <= MAX_OPENER_CHARS and CREDIT_RE.search(text))):
        return True
    if length <= MAX_LABEL_CHARS and LABEL_RE.match(text):
        return True
    link_share = _link_share(el, length)
    if link_share >= LINK_ONLY_SHARE and el.tag in LINK_ONLY_TAGS:
        return True
    if POINTER_RE.match(text) and link_share >= POINTER_LINK_SHARE:
        return True
    if position > 0 and length <= MAX_OPENER_CHARS and RELATED_OPENER_RE.match(text):
        return True
    return (
        closing
        and position > 0
        and length <= MAX_CALL_CHARS
        and bool(CALL_TO_ACTION_RE.search(text) or CONTRIBUTORS_RE.match(text) or _EMAIL_RE.search(text))
    )


@dataclass(frozen=True, slots=True)
class _Keys:
    title: str
    signature: frozenset[str]


def trim_article(
    root: etree._Element, title: str | None, author: str | None = None, site_name: str | None = None
) -> None:
    """Remove repeated headline and byline, labels, link-only blocks and closing calls from ``root``."""
    keys = _Keys(
        title=_key(title) if title else "",
        signature=frozenset({_key(v) for v in (author, f"by {author}" if author else None, site_name) if v}),
    )
    blocks = [(el, text) for el in _leaf_blocks(root) if (text := _text(el))]
    doomed = [
        el for position, (el, text) in enumerate(blocks) if _is_clutter(el, text, position, len(blocks), keys)
    ]
    for el in doomed:
        _drop(el)
