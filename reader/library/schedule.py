"""When to poll a feed again: pure functions of what happened and ``now``."""

from __future__ import annotations

from datetime import datetime, timedelta

DEFAULT_INTERVAL = timedelta(minutes=30)
MAX_INTERVAL = timedelta(hours=24)
# Some servers answer 304 forever to stale validators; after this long we
# ask for the whole feed once more.
VALIDATOR_MAX_AGE = timedelta(days=7)
# A server may ask for a long pause, but a feed is never silenced for longer
# than this by a Retry-After alone.
MAX_RETRY_AFTER = timedelta(days=7)
# Errors this many times in a row cap the backoff at MAX_INTERVAL.
MAX_BACKOFF_STEPS = 6


def validators_usable(validators_at: datetime | None, now: datetime) -> bool:
    return validators_at is not None and now - validators_at < VALIDATOR_MAX_AGE


def next_check_after_success(now: datetime, ttl_minutes: int | None = None) -> datetime:
    interval = DEFAULT_INTERVAL
    if ttl_minutes and ttl_minutes > 0:
        interval = max(interval, min(timedelta(minutes=ttl_minutes), MAX_INTERVAL))
    return now + interval


def next_check_after_error(now: datetime, error_count: int, retry_after: float | None = None) -> datetime:
    """Exponential backoff on consecutive errors (1 = the first), capped.

    A Retry-After from the server pushes the next check at least that far.
    """
    steps = min(max(error_count, 1) - 1, MAX_BACKOFF_STEPS)
    delay = min(DEFAULT_INTERVAL * (1 << steps), MAX_INTERVAL)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(timedelta(seconds=retry_after), MAX_RETRY_AFTER))
    return now + delay
