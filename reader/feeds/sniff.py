"""A quick look at a body before parsing: is it a feed at all, and of which kind?

Parsing an HTML page or a JPEG as a feed wastes time and gives confusing
errors, so what is clearly not a feed is refused here with a message the user
understands (the reliability catalog, entries 17 and 18).
"""

from __future__ import annotations

import re

from reader.core.errors import NotAFeed

# Magic numbers of what servers send instead of a feed: images, video, audio,
# archives, PDF.
_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"RIFF",
    b"BM",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"ID3",
    b"OggS",
    b"fLaC",
    b"\x00\x00\x00\x18ftyp",
    b"\x00\x00\x00\x1cftyp",
    b"\x00\x00\x00 ftyp",
    b"\x1aE\xdf\xa3",
    b"II*\x00",
    b"MM\x00*",
)
_BINARY_TYPES = ("image/", "video/", "audio/", "font/", "application/pdf", "application/zip")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# The first element's name, after the prolog, comments, doctype and PIs.
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_SKIPPABLE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S | re.I)
_HTML_HINT = re.compile(rb"<(?:html|head|body|!doctype\s+html)[\s>]", re.I)
_FEED_ROOTS = {b"rss": "rss", b"feed": "atom", b"rdf": "rdf", b"channel": "rss"}

NOT_A_FEED_PAGE = "This address is a web page, not a feed"


def strip_bom_and_space(body: bytes) -> bytes:
    """The body without leading whitespace before ``<`` (a BOM is kept for the parser)."""
    if body[:1].isspace():
        stripped = body.lstrip()
        if stripped.startswith(b"<"):
            return stripped
    return body


def detect_format(body: bytes) -> str | None:
    """ "rss", "atom", "rdf" or "json" from the document's root, or None when unknown."""
    head = body[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    head = head.lstrip()
    if head.startswith(b"{"):
        return "json"
    position = 0
    while match := _SKIPPABLE.match(head, position):
        if match.end() == position:
            break
        position = match.end()
    first = _FIRST_ELEMENT.match(head.lstrip() if position == 0 else head[position:].lstrip())
    if first is None:
        return None
    local = first.group(1).rsplit(b":", 1)[-1].lower()
    return _FEED_ROOTS.get(local)


def reject_non_feed(body: bytes, content_type: str | None) -> str | None:
    """Raise ``NotAFeed`` for what clearly is not a feed; else return the format guess (or None)."""
    if not body.strip():
        raise NotAFeed("The address returned an empty document, not a feed")
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime.startswith(_BINARY_TYPES) or body.startswith(_MAGIC):
        kind = mime.split("/", 1)[0] if mime.startswith(_BINARY_TYPES) else "binary"
        raise NotAFeed(f"This address returns a file ({kind}), not a feed")
    found = detect_format(body)
    if found is not None:
        return found
    if _HTML_HINT.search(body[:4096]) or mime in ("text/html", "application/xhtml+xml"):
        raise NotAFeed(NOT_A_FEED_PAGE)
    if b"\x00" in body[:1024] and not body.startswith(_BOMS):
        raise NotAFeed("This address returns a binary file, not a feed")
    return None
