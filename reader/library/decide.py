"""What a fetch outcome means for a feed: pure functions, no I/O.

Each returns the feed fields to store, so the refresher only moves data and
tests need no server or clock tricks.
"""

from __future__ import annotations

from datetime import datetime

from reader.core.errors import HTTPStatusError, ReaderError
from reader.core.models import Feed
from reader.library.schedule import next_check_after_error, next_check_after_success

GONE_MESSAGE = (
    "The feed is gone (HTTP 410): the publisher removed it. Its articles are kept; it is no longer checked."
)


def after_not_modified(feed: Feed, now: datetime) -> dict[str, object]:
    return {
        "last_fetched": now,
        "last_error": None,
        "error_count": 0,
        "next_check": next_check_after_success(now),
    }


def after_success(
    feed: Feed,
    now: datetime,
    *,
    etag: str | None,
    last_modified: str | None,
    body_hash: str,
    ttl_minutes: int | None = None,
) -> dict[str, object]:
    return {
        "last_fetched": now,
        "last_error": None,
        "error_count": 0,
        "body_hash": body_hash,
        "etag": etag,
        "last_modified": last_modified,
        "validators_at": now if (etag or last_modified) else None,
        "next_check": next_check_after_success(now, ttl_minutes),
    }


def after_error(feed: Feed, now: datetime, error: ReaderError) -> dict[str, object]:
    """Fields for a failed refresh: 410 stops polling for good, the rest back off."""
    if isinstance(error, HTTPStatusError) and error.status == 410:
        return {"last_fetched": now, "last_error": GONE_MESSAGE, "gone": True, "next_check": None}
    count = feed.error_count + 1
    retry_after = error.retry_after if isinstance(error, HTTPStatusError) else None
    return {
        "last_fetched": now,
        "last_error": str(error) or type(error).__name__,
        "error_count": count,
        "next_check": next_check_after_error(now, count, retry_after),
    }
