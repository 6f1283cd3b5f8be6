"""Values to and from their stored form: times, HTML reduced to text, content hashes."""

from __future__ import annotations

import hashlib
import html
import re
from datetime import UTC, datetime

from reader.core.models import ParsedEntry


def to_ts(value: datetime | None) -> int | None:
    """An aware datetime as integer UTC seconds (integers sort and compare fast)."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        # A naive time is a bug upstream: guessing its zone would store a wrong instant.
        raise ValueError(f"naive datetime given to the store: {value!r}")
    return int(value.timestamp())


def from_ts(value: int | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromtimestamp(value, UTC)


def from_ts_required(value: int) -> datetime:
    return datetime.fromtimestamp(value, UTC)


# Elements whose contents are never prose.
_HIDDEN_NAMES = ("<script", "<style", "<template", "<noscript")
_HIDDEN = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Inline elements sit inside words ("foo<b>bar</b>"): they vanish; every other tag separates words.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|sup"
    r"|time|u|var|wbr)(?:\s[^>]*)?/?>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")


def html_to_text(markup: str | None) -> str:
    """Sanitized HTML reduced to searchable text: tags dropped, entities unescaped.

    Regex passes rather than a parser: the input is already sanitized (nh3), and
    this runs for every new entry, so it must be cheap (plain substitutions, no
    per-tag Python callback).
    """
    if not markup:
        return ""
    text = markup
    if "<!--" in text:
        text = _COMMENT.sub(" ", text)
    lowered = text.lower()
    if any(name in lowered for name in _HIDDEN_NAMES):
        text = _HIDDEN.sub(" ", text)
    text = _ANY_TAG.sub(" ", _INLINE_TAG.sub("", text))
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def entry_hash(entry: ParsedEntry) -> str:
    """A digest of everything of an entry the store keeps, to skip unchanged rows on refetch."""
    parts = (
        entry.title,
        entry.url or "",
        entry.author or "",
        entry.summary_html or "",
        entry.content_html or "",
        str(to_ts(entry.published)),
        str(to_ts(entry.updated)),
        entry.image_url or "",
        enclosures_text(entry),
    )
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def enclosures_text(entry: ParsedEntry) -> str:
    """Enclosures as one line each, tab-separated (url, type, length); empty when none."""
    return "\n".join(
        f"{e.url}\t{e.mime_type or ''}\t{'' if e.length is None else e.length}" for e in entry.enclosures
    )


def body_text(entry: ParsedEntry) -> str:
    """The feed's own body of an entry as text: its full content if given, else its summary."""
    return html_to_text(entry.content_html or entry.summary_html)


# STX and ETX mark highlights in search snippets, so indexed text must not hold them.
_MARKERS = {0x02: None, 0x03: None}


def index_text(text: str | None) -> str:
    """Text as it goes into the search index."""
    if not text:
        return ""
    return text.translate(_MARKERS) if "\x02" in text or "\x03" in text else text
