from __future__ import annotations

from datetime import timedelta

import pytest

from reader.core.errors import NotFound
from reader.core.models import ArticleChanges, CleanArticle, Enclosure
from reader.storage import Store

from .conftest import NOW, entry


def test_new_entries_are_added_and_unchanged_ones_skipped(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", title="A", now=NOW)
    first = store.store_entries(feed.id, [entry("1", hours_ago=2), entry("2", hours_ago=1)], NOW)
    assert len(first.added) == 2
    assert not first.updated
    again = store.store_entries(feed.id, [entry("1", hours_ago=2), entry("2", hours_ago=1)], NOW)
    assert again == ArticleChanges()
    assert store.count_articles(feed_id=feed.id) == 2


def test_a_feed_longer_than_one_lookup_is_matched_entry_by_entry(store: Store) -> None:
    # More entries than one IN (...) lookup takes, with guids and links both in play.
    feed = store.add_feed("https://a.example/feed", title="A", now=NOW)
    entries = [entry(str(n), url=f"https://a.example/{n}") for n in range(1_234)]
    assert len(store.store_entries(feed.id, entries, NOW).added) == 1_234

    entries[700] = entry("700", "A new title", url="https://a.example/700")
    # The same link and title under a new guid is the stored article (catalog 12).
    entries[1_100] = entry("minted-again", "Title 1100", url="https://a.example/1100")
    again = store.store_entries(feed.id, entries, NOW)

    assert not again.added
    assert [store.article(i).title for i in again.updated] == ["A new title"]
    assert store.count_articles(feed_id=feed.id) == 1_234


def test_a_uid_repeated_in_one_batch_is_stored_once(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    changes = store.store_entries(feed.id, [entry("1", "first"), entry("1", "second")], NOW)
    assert len(changes.added) == 1
    assert store.article(changes.added[0]).title == "first"


def test_refetch_with_new_content_keeps_read_and_bookmark(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", title="A", now=NOW)
    (article_id,) = store.store_entries(
        feed.id, [entry("1", "Old title", summary_html="<p>old</p>")], NOW
    ).added
    store.set_read([article_id], True, now=NOW)
    store.set_bookmarked(article_id, True, now=NOW)
    later = NOW + timedelta(hours=1)
    changes = store.store_entries(
        feed.id,
        [entry("1", "New title", summary_html="<p>new</p>", author="Ann", url="https://a.example/1")],
        later,
    )
    assert changes == ArticleChanges(updated=(article_id,))
    article = store.article(article_id)
    assert (article.title, article.summary_html, article.author) == ("New title", "<p>new</p>", "Ann")
    assert article.url == "https://a.example/1"
    assert article.read and article.bookmarked
    assert article.arrived_at == NOW
    assert article.feed_title == "A"
    assert store.search("new")[0].article_id == article_id
    assert store.search("old") == []


def test_article_round_trip(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    stored = entry(
        "u1",
        "T",
        hours_ago=3,
        url="https://a.example/1",
        author="Bo",
        summary_html="<p>s</p>",
        content_html="<p>c</p>",
        updated=NOW - timedelta(hours=1),
        image_url="https://a.example/i.png",
        enclosures=(Enclosure("https://a.example/a.mp3", "audio/mpeg", 10),),
    )
    (article_id,) = store.store_entries(feed.id, [stored], NOW).added
    article = store.article(article_id)
    assert article.uid == "u1"
    assert article.published == NOW - timedelta(hours=3)
    assert article.updated == NOW - timedelta(hours=1)
    assert article.image_url == "https://a.example/i.png"
    assert article.content_html == "<p>c</p>"
    assert not article.read and not article.bookmarked
    assert article.clean is None
    assert store.article_by_url("https://a.example/1") == article
    assert store.article_by_url("https://nowhere.example/") is None
    with pytest.raises(NotFound):
        store.article(999)
    with pytest.raises(NotFound):
        store.store_entries(999, [entry("x")], NOW)


def test_paging_is_newest_first_with_arrival_time_standing_in_for_missing_dates(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", title="A", now=NOW)
    old = store.store_entries(feed.id, [entry("old", hours_ago=5)], NOW - timedelta(hours=4)).added
    undated = store.store_entries(feed.id, [entry("undated")], NOW - timedelta(hours=2)).added
    new = store.store_entries(feed.id, [entry("new", hours_ago=1), entry("future", hours_ago=-48)], NOW).added
    # A date in the future counts as arrival time, so it cannot pin itself to the top.
    order = [a.id for a in store.articles(feed_id=feed.id)]
    assert order == [new[1], new[0], undated[0], old[0]]
    assert [a.id for a in store.articles(feed_id=feed.id, limit=2, offset=1)] == [new[0], undated[0]]
    assert store.articles(feed_id=feed.id)[0].feed_title == "A"


def test_filters_and_counts(store: Store) -> None:
    folder = store.add_folder("F")
    a = store.add_feed("https://a.example/feed", folder_id=folder.id, now=NOW)
    b = store.add_feed("https://b.example/feed", now=NOW)
    a_ids = store.store_entries(a.id, [entry(str(i), hours_ago=i) for i in range(4)], NOW).added
    b_ids = store.store_entries(b.id, [entry(str(i), hours_ago=i) for i in range(3)], NOW).added
    store.set_read(a_ids[:2], True, now=NOW)
    store.set_bookmarked(b_ids[0], True, now=NOW)
    assert {x.id for x in store.articles(folder_id=folder.id)} == set(a_ids)
    assert {x.id for x in store.articles(feed_id=a.id, unread_only=True)} == set(a_ids[2:])
    assert [x.id for x in store.articles(bookmarked_only=True)] == [b_ids[0]]
    assert len(store.articles()) == 7
    assert store.count_articles() == 7
    assert store.count_articles(folder_id=folder.id) == 4
    assert store.count_articles(feed_id=a.id, unread_only=True) == 2
    assert store.count_articles(bookmarked_only=True) == 1
    assert store.unread_counts() == {a.id: 2, b.id: 3}


def test_set_read_reports_only_real_changes(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    ids = store.store_entries(feed.id, [entry(str(i)) for i in range(3)], NOW).added
    assert store.set_read([ids[0], ids[1]], True, now=NOW).status_changed == (ids[0], ids[1])
    assert store.set_read([ids[0], ids[2]], True, now=NOW).status_changed == (ids[2],)
    assert store.set_read([ids[0]], False, now=NOW).status_changed == (ids[0],)
    assert store.unread_counts() == {feed.id: 1}


def test_mark_all_read_by_feed_folder_or_everything(store: Store) -> None:
    folder = store.add_folder("F")
    a = store.add_feed("https://a.example/feed", folder_id=folder.id, now=NOW)
    b = store.add_feed("https://b.example/feed", now=NOW)
    c = store.add_feed("https://c.example/feed", now=NOW)
    a_ids = store.store_entries(a.id, [entry("1"), entry("2")], NOW).added
    b_ids = store.store_entries(b.id, [entry("1")], NOW).added
    store.store_entries(c.id, [entry("1")], NOW)
    assert store.mark_all_read(folder_id=folder.id, now=NOW).status_changed == a_ids
    assert store.mark_all_read(feed_id=b.id, now=NOW).status_changed == b_ids
    assert store.unread_counts() == {a.id: 0, b.id: 0, c.id: 1}
    assert len(store.mark_all_read(now=NOW).status_changed) == 1
    assert store.mark_all_read(now=NOW) == ArticleChanges()


def test_bookmark_changes(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    (article_id,) = store.store_entries(feed.id, [entry("1")], NOW).added
    assert store.set_bookmarked(article_id, True, now=NOW).status_changed == (article_id,)
    assert store.set_bookmarked(article_id, True, now=NOW) == ArticleChanges()
    assert store.article(article_id).bookmarked
    with pytest.raises(NotFound):
        store.set_bookmarked(999, True, now=NOW)


def test_remove_feed_keeps_bookmarked_articles(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    ids = store.store_entries(feed.id, [entry("1", "Kept words"), entry("2", "Gone words")], NOW).added
    store.set_bookmarked(ids[0], True, now=NOW)
    changes = store.remove_feed(feed.id)
    assert changes.removed == (ids[1],)
    assert changes.updated == (ids[0],)
    kept = store.article(ids[0])
    assert kept.bookmarked and kept.feed_id is None
    assert [a.id for a in store.articles(bookmarked_only=True)] == [ids[0]]
    assert [h.article_id for h in store.search("words")] == [ids[0]]
    with pytest.raises(NotFound):
        store.article(ids[1])
    assert store.feeds() == []
    assert store.unread_counts() == {}
    assert store.integrity_ok()
    with pytest.raises(NotFound):
        store.remove_feed(feed.id)


def test_page_articles_live_outside_feeds(store: Store) -> None:
    article_id = store.add_page_article("https://page.example/x", "A page", now=NOW)
    assert store.add_page_article("https://page.example/x", "Again", now=NOW) == article_id
    article = store.article(article_id)
    assert (article.feed_id, article.uid, article.url, article.title) == (
        None,
        "https://page.example/x",
        "https://page.example/x",
        "A page",
    )
    store.set_bookmarked(article_id, True, now=NOW)
    assert store.articles(bookmarked_only=True)[0].id == article_id
    feed = store.add_feed("https://a.example/feed", now=NOW)
    (feed_article,) = store.store_entries(feed.id, [entry("1", url="https://a.example/1")], NOW).added
    assert store.add_page_article("https://a.example/1", "Same page", now=NOW) == feed_article


def test_clean_text_and_images_are_kept_for_offline_reading(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    (article_id,) = store.store_entries(feed.id, [entry("1", "Plain")], NOW).added
    clean = CleanArticle(
        url="https://a.example/1",
        title="Plain",
        html="<p>The extracted zeppelin text.</p>",
        text="The extracted zeppelin text.",
        author="Cy",
        published=NOW,
        lead_image="https://a.example/i.png",
        direction="rtl",
    )
    store.save_clean(article_id, clean, now=NOW)
    assert store.clean(article_id) == clean
    assert store.article(article_id).clean == clean
    assert [h.article_id for h in store.search("zeppelin")] == [article_id]
    assert store.clean(999) is None
    with pytest.raises(NotFound):
        store.save_clean(999, clean, now=NOW)

    assert not store.has_image("https://a.example/i.png")
    store.save_image("https://a.example/i.png", b"\x89PNG", "image/png", article_id=article_id, now=NOW)
    assert store.has_image("https://a.example/i.png")
    assert store.image("https://a.example/i.png") == (b"\x89PNG", "image/png")
    store.save_image("https://a.example/i.png", b"GIF8", "image/gif", article_id=None, now=NOW)
    assert store.image("https://a.example/i.png") == (b"GIF8", "image/gif")
    assert store.image("https://a.example/none.png") is None
