"""Retention: old read articles go, bookmarked and unread ones stay, search and refetch stay in step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.core.models import Feed
from reader.library import Library
from reader.library.retention import RetentionPolicy, feed_rules, maintenance
from reader.storage.retention import SpaceInfo
from tests.integration.offline_site import serve_site
from tests.support.loopback import LoopbackServer

from .conftest import FakeClock

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def test_feed_rules_prefer_the_feeds_own_settings() -> None:
    feeds = [Feed(1, "u1", "A"), Feed(2, "u2", "B", keep_read_days=7), Feed(3, "u3", "C", keep_read_max=5)]
    rules = feed_rules(feeds, RetentionPolicy(keep_read_days=90, keep_read_max=None), NOW)
    assert [(r.feed_id, r.read_before, r.keep_max) for r in rules] == [
        (1, NOW - timedelta(days=90), None),
        (2, NOW - timedelta(days=7), None),
        (3, NOW - timedelta(days=90), 5),
    ]
    assert feed_rules(feeds[:1], RetentionPolicy(None, None), NOW) == []


def test_maintenance_vacuums_only_when_much_is_free() -> None:
    assert maintenance(SpaceInfo(1000, 100, 4096), 10) == maintenance(SpaceInfo(1000, 0, 4096), 0)
    assert maintenance(SpaceInfo(1000, 201, 4096), 0).vacuum
    assert maintenance(SpaceInfo(1000, 0, 4096), 1001).merge_search
    assert not maintenance(SpaceInfo(0, 0, 4096), 0).vacuum


def test_retention_keeps_bookmarked_and_unread_and_search_follows(
    library: Library, loopback: LoopbackServer, clock: FakeClock, tmp_path: Path
) -> None:
    serve_site(loopback, {"one": ["a1", "a2", "a3", "a4"]})
    feed = library.subscribe(loopback.url("/one.xml"))
    ids = {a.title: a.id for a in library.articles()}
    library.bookmark(ids["Story a1"])
    library.mark_read([ids["Story a1"], ids["Story a2"], ids["Story a3"]])
    clock.advance(days=100)
    result = library.apply_retention(RetentionPolicy(keep_read_days=90, keep_read_max=None))
    assert set(result.changes.removed) == {ids["Story a2"], ids["Story a3"]}
    left = {a.title for a in library.articles()}
    assert left == {"Story a1", "Story a4"}
    assert {h.title for h in library.search("story")} == left
    # The feed still lists the removed stories: a refresh does not bring them back as new.
    changes = library.refresh([feed.id])[0].changes
    assert changes.added == ()
    assert {a.title for a in library.articles()} == left
    # Bookmarked images were kept; nothing orphaned is left behind.
    assert library.store.integrity_ok()
    assert library.store._conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_at_most_n_read_articles_per_feed(library: Library, loopback: LoopbackServer) -> None:
    serve_site(loopback, {"one": ["a1", "a2", "a3", "a4"]})
    feed = library.subscribe(loopback.url("/one.xml"))
    library.mark_all_read(feed_id=feed.id)
    library.set_retention(feed.id, keep_read_days=None, keep_read_max=1)
    removed = library.apply_retention(
        RetentionPolicy(keep_read_days=None, keep_read_max=None)
    ).changes.removed
    assert len(removed) == 3
    assert library.count_articles(feed_id=feed.id) == 1
