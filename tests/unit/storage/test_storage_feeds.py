from __future__ import annotations

from datetime import timedelta

import pytest

from reader.core.errors import AlreadySubscribed, NotFound, ReaderError
from reader.storage import Store

from .conftest import NOW


def test_folders_are_unique_by_name_and_sorted(store: Store) -> None:
    news = store.add_folder("News")
    assert store.add_folder("News") == news
    tech = store.add_folder("tech")
    assert [f.name for f in store.folders()] == ["News", "tech"]
    store.rename_folder(tech.id, "Apps")
    assert [f.name for f in store.folders()] == ["Apps", "News"]
    with pytest.raises(ReaderError, match="already a folder"):
        store.rename_folder(tech.id, "News")
    with pytest.raises(NotFound):
        store.rename_folder(999, "X")


def test_removing_a_folder_keeps_its_feeds(store: Store) -> None:
    folder = store.add_folder("News")
    feed = store.add_feed("https://a.example/feed", title="A", folder_id=folder.id, now=NOW)
    store.remove_folder(folder.id)
    assert store.folders() == []
    assert store.feed(feed.id).folder_id is None
    with pytest.raises(NotFound):
        store.remove_folder(folder.id)


def test_add_feed_and_read_it_back(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", title="A", now=NOW)
    assert feed.url == "https://a.example/feed"
    assert feed.title == "A"
    assert feed.added_at == NOW
    assert store.feed(feed.id) == feed
    assert store.feed_by_url("https://a.example/feed") == feed
    assert store.feed_by_url("https://other.example/") is None
    with pytest.raises(AlreadySubscribed):
        store.add_feed("https://a.example/feed", now=NOW)
    with pytest.raises(NotFound):
        store.feed(999)
    with pytest.raises(NotFound):
        store.add_feed("https://b.example/feed", folder_id=999, now=NOW)


def test_feeds_are_ordered_by_folder_then_title(store: Store) -> None:
    zed = store.add_folder("Zed")
    alpha = store.add_folder("alpha")
    store.add_feed("https://1.example/", title="beta", folder_id=zed.id, now=NOW)
    store.add_feed("https://2.example/", title="Alpha", folder_id=zed.id, now=NOW)
    store.add_feed("https://3.example/", title="Ёлка", folder_id=alpha.id, now=NOW)
    store.add_feed("https://4.example/", title="loose", now=NOW)
    assert [f.title for f in store.feeds()] == ["Ёлка", "Alpha", "beta", "loose"]


def test_update_feed_sets_fields_and_rejects_unknown_ones(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    later = NOW + timedelta(hours=1)
    updated = store.update_feed(
        feed.id, title="New", etag='"x"', last_fetched=NOW, next_check=later, gone=True, error_count=2
    )
    assert (updated.title, updated.etag, updated.last_fetched, updated.next_check) == (
        "New",
        '"x"',
        NOW,
        later,
    )
    assert updated.gone is True
    assert updated.error_count == 2
    assert store.update_feed(feed.id, next_check=None).next_check is None
    with pytest.raises(TypeError):
        store.update_feed(feed.id, colour="red")
    with pytest.raises(TypeError):
        store.update_feed(feed.id, id=5)
    with pytest.raises(NotFound):
        store.update_feed(999, title="x")
    other = store.add_feed("https://b.example/feed", now=NOW)
    with pytest.raises(AlreadySubscribed):
        store.update_feed(other.id, url="https://a.example/feed")


def test_due_feeds(store: Store) -> None:
    never = store.add_feed("https://1.example/", now=NOW)
    due = store.add_feed("https://2.example/", now=NOW)
    later = store.add_feed("https://3.example/", now=NOW)
    gone = store.add_feed("https://4.example/", now=NOW)
    store.update_feed(due.id, next_check=NOW)
    store.update_feed(later.id, next_check=NOW + timedelta(minutes=1))
    store.update_feed(gone.id, gone=True)
    assert [f.id for f in store.due_feeds(NOW)] == [never.id, due.id]


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="naive"):
        store.add_feed("https://a.example/", now=NOW.replace(tzinfo=None))
