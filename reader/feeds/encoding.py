"""Bytes of a feed to bytes the XML parsers read correctly.

Feeds lie about their encoding (reliability catalog 6-8): a prolog says
utf-8 over windows-1251 bytes, there is no declaration at all over latin-1,
or one stray latin-1 byte sits in a UTF-8 document.  libxml2 then replaces
every non-UTF-8 byte with U+FFFD, and feedparser re-decodes the whole
document in a wrong single-byte encoding.  So we decide here, and hand the
parsers UTF-8 with a prolog that says so:

- valid UTF-8 with non-ASCII text is UTF-8, whatever the label says;
- a declared legacy encoding (prolog, else HTTP header) is used, through its
  common superset (gb2312 -> gb18030, iso-8859-1 -> windows-1252);
- mostly-UTF-8 with a few bad bytes keeps the UTF-8 and replaces the bad bytes;
- anything else is guessed with charset-normalizer, and the feed says so.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

_PROLOG_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._:-]+)(["'])""")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_encoding(body: bytes) -> str | None:
    match = _PROLOG_ENCODING.match(body[:512])
    return match.group(2).decode("ascii") if match else None


def _with_utf8_prolog(text: str) -> bytes:
    data = text.encode("utf-8")
    return _PROLOG_ENCODING.sub(rb"\g<1>utf-8\g<3>", data, count=1)


def to_utf8(body: bytes, http_charset: str | None = None) -> tuple[bytes, str | None]:
    """``body`` as UTF-8 XML (prolog fixed) and a warning for the user when the encoding was in doubt."""
    if body.startswith(_BOMS) or body.isascii():
        return body, None
    declared = _codec(declared_encoding(body))
    label = declared or _codec(http_charset)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared in (None, "utf-8"):
            return body, None
        warning = f"The feed says {declared} but is UTF-8; read as UTF-8"
        return _with_utf8_prolog(body.decode("utf-8")), warning
    if label is not None and label != "utf-8" and not label.startswith("utf-16"):
        codec = _SUPERSETS.get(label, label)
        try:
            return _with_utf8_prolog(body.decode(codec)), None
        except UnicodeDecodeError:
            text = body.decode(codec, errors="replace")
            return _with_utf8_prolog(text), f"Some characters are not valid {label} and were replaced"
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if len(_UTF8_MULTIBYTE.findall(body)) >= bad:
        return _with_utf8_prolog(text), "Some characters are not valid UTF-8 and were replaced"
    guess = _guess(body[:200_000])
    log.debug("encoding guessed as %s", guess)
    return _with_utf8_prolog(body.decode(guess, errors="replace")), f"Encoding guessed ({guess})"


def _guess(sample: bytes) -> str:
    """charset-normalizer's best guess, preferring windows-1252 among equally good ones.

    Western text fits several single-byte code pages equally well, and
    windows-1252 is by far the most common of them on the web.
    """
    matches = list(from_bytes(sample))
    if not matches:
        return "cp1252"
    best = matches[0]
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return "cp1252"
    name = _codec(best.encoding) or "cp1252"
    return _SUPERSETS.get(name, name)
