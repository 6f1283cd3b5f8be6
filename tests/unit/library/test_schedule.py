from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from reader.library.schedule import (
    DEFAULT_INTERVAL,
    MAX_INTERVAL,
    MAX_RETRY_AFTER,
    next_check_after_error,
    next_check_after_success,
    validators_usable,
)

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def test_backoff_grows_with_each_error_and_is_capped() -> None:
    delays = [next_check_after_error(NOW, n) - NOW for n in range(1, 12)]
    assert delays[0] == DEFAULT_INTERVAL
    assert all(b >= a for a, b in itertools.pairwise(delays))
    assert delays[1] > delays[0]
    assert delays[-1] == MAX_INTERVAL


def test_retry_after_pushes_the_next_check_but_not_forever() -> None:
    assert next_check_after_error(NOW, 1, retry_after=7200) == NOW + timedelta(hours=2)
    assert next_check_after_error(NOW, 1, retry_after=10 * 365 * 86400) == NOW + MAX_RETRY_AFTER
    # A short Retry-After never shortens the backoff.
    assert next_check_after_error(NOW, 1, retry_after=5) == NOW + DEFAULT_INTERVAL


def test_feed_ttl_lengthens_the_interval_within_a_day() -> None:
    assert next_check_after_success(NOW) == NOW + DEFAULT_INTERVAL
    assert next_check_after_success(NOW, ttl_minutes=120) == NOW + timedelta(hours=2)
    assert next_check_after_success(NOW, ttl_minutes=5) == NOW + DEFAULT_INTERVAL
    assert next_check_after_success(NOW, ttl_minutes=100_000) == NOW + MAX_INTERVAL


def test_old_validators_are_dropped() -> None:
    assert validators_usable(NOW - timedelta(days=1), NOW)
    assert not validators_usable(NOW - timedelta(days=8), NOW)
    assert not validators_usable(None, NOW)
