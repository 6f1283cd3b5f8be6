"""The image cache holds its cap by least-recently-used eviction and never evicts a bookmark's
images (catalog 51)."""

from __future__ import annotations

from datetime import timedelta

from reader.storage import Store
from tests.support.images import png

from .conftest import NOW, entry


def test_cap_holds_and_bookmarks_keep_their_images(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    ids = store.store_entries(feed.id, [entry(str(i)) for i in range(6)], NOW).added
    image = png(200, 200)  # a real PNG; its size is what counts here
    for minute, article_id in enumerate(ids):
        store.save_image(f"https://a.example/{article_id}.png", image, "image/png", article_id=article_id,
                         now=NOW + timedelta(minutes=minute))  # fmt: skip
    # The oldest image is also shown by the bookmarked article (stored for another one first).
    store.link_images(ids[5], [f"https://a.example/{ids[0]}.png"])
    store.set_bookmarked(ids[5], True, now=NOW)
    store.set_bookmarked(ids[1], True, now=NOW)
    total = store.image_cache_size()
    assert total == 6 * len(image)
    evicted = store.evict_images(3 * len(image))
    # The least recently used unprotected images went, oldest first; protected ones were skipped over.
    assert evicted == [f"https://a.example/{i}.png" for i in ids[2:5]]
    assert store.image_cache_size() == 3 * len(image)
    for kept in (ids[0], ids[1], ids[5]):
        assert store.image(f"https://a.example/{kept}.png") is not None
    # Bookmarks alone over the cap: everything else goes, they stay.
    assert store.evict_images(0) == []
    assert store.image_cache_size() == 3 * len(image)


def test_shown_images_are_recent(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    first, second = store.store_entries(feed.id, [entry("1"), entry("2")], NOW).added
    store.save_image("https://a.example/old.png", png(4, 4), "image/png", article_id=first, now=NOW)
    store.save_image("https://a.example/new.png", png(4, 4), "image/png", article_id=second, now=NOW)
    store.touch_image("https://a.example/old.png", now=NOW + timedelta(days=1))
    assert store.evict_images(len(png(4, 4))) == ["https://a.example/new.png"]
    assert store.missing_images(["https://a.example/old.png", "https://a.example/new.png"]) == [
        "https://a.example/new.png"
    ]
