"""Small value cleaners shared by both parser paths: plain text and dates."""

from __future__ import annotations

import html
import re
import time
from datetime import UTC, datetime

# Script and style blocks go with their content; other tags go, their text stays.
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][^>]*>", re.S | re.I)


def plain_text(value: str | None) -> str:
    """Text with HTML tags removed, entities decoded and whitespace collapsed.

    Titles and authors are shown as plain text and never as markup (catalog
    15), so ``<img onerror=…>Hi`` becomes ``Hi``.  Entities are decoded once:
    ``&amp;lt;b&amp;gt;`` in the XML ends up as the literal text ``<b>``.
    """
    if not value:
        return ""
    if "<" in value:
        value = _TAGS.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    return " ".join(value.split())


def iso_datetime(value: str | None) -> datetime | None:
    """An aware UTC datetime from an ISO 8601 string; None for garbage."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def struct_datetime(value: time.struct_time | None) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None when absent or impossible."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (ValueError, TypeError, OverflowError):
        return None


def clamp_date(value: datetime | None, now: datetime) -> datetime | None:
    """Dates in the future are set to ``now``, so they do not pin an item to the top (catalog 9)."""
    if value is None:
        return None
    return min(value, now)
