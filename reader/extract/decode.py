"""Page bytes to a string, choosing the charset ourselves.

readability's own guess turns legacy pages into mojibake (catalog 40), so the
text it gets is already decoded.  The order is the browser's: a byte-order
mark, the HTTP header, the page's ``<meta>`` declaration, then detection by
charset-normalizer.  A UTF-8 declaration that the bytes plainly contradict is
overruled by detection; decoding always replaces what it cannot read.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

import charset_normalizer

log = logging.getLogger(__name__)

# The HTML standard prescans 1024 bytes; real pages put long comments and
# scripts before the declaration, so read further.
PRESCAN_BYTES = 8192
# Detection reads a bounded prefix: enough to be sure, cheap on huge pages.
DETECT_BYTES = 100_000

_META_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_HEADER_RE = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
# The WHATWG Encoding standard reads these labels as windows-1252, and a page
# that says UTF-16 in ASCII bytes cannot be UTF-16.
_BROWSER_READS_AS = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class DecodedPage:
    text: str
    encoding: str
    # Where the encoding came from: "bom", "header", "meta", "detected", "default".
    source: str


def codec_name(label: str | None) -> str | None:
    """Python's codec for a charset label, or None for labels we do not know."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return _BROWSER_READS_AS.get(name, name)


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    found = _HEADER_RE.search(content_type)
    return codec_name(found.group(1)) if found else None


def meta_charset(body: bytes) -> str | None:
    """The charset of ``<meta charset>`` or ``<meta http-equiv=Content-Type>``."""
    found = _META_RE.search(body[:PRESCAN_BYTES])
    return codec_name(found.group(1).decode("ascii", "replace")) if found else None


def looks_like_utf8(body: bytes) -> bool:
    """UTF-8, allowing for a few damaged sequences.

    A UTF-8 page with a stray bad byte is still UTF-8 (decoded with
    replacement); a legacy 8-bit page read as UTF-8 is mostly errors.
    """
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        good_non_ascii = sum(1 for ch in text if ord(ch) > 127) - bad
        return good_non_ascii >= 10 * bad
    return True


def detect_charset(body: bytes) -> str | None:
    best = charset_normalizer.from_bytes(body[:DETECT_BYTES]).best()
    return codec_name(best.encoding) if best is not None else None


def decode_page(body: bytes, content_type: str | None = None) -> DecodedPage:
    """``body`` as text, with the encoding used and where it came from."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return DecodedPage(body.decode(encoding, errors="replace"), encoding, "bom")

    declared, source = header_charset(content_type), "header"
    if declared is None:
        declared, source = meta_charset(body), "meta"
    if declared is not None and (declared != "utf-8" or looks_like_utf8(body)):
        return DecodedPage(body.decode(declared, errors="replace"), declared, source)
    if declared is None and looks_like_utf8(body):
        # Pure ASCII lands here too: any ASCII-compatible reading is the same.
        return DecodedPage(body.decode("utf-8", errors="replace"), "utf-8", "default")

    detected = detect_charset(body)
    if detected is None:
        log.debug("charset neither declared nor detected; reading as UTF-8")
        return DecodedPage(body.decode("utf-8", errors="replace"), "utf-8", "default")
    if declared is not None:
        log.info("page declares %s but is not; detected %s", declared, detected)
    return DecodedPage(body.decode(detected, errors="replace"), detected, "detected")
