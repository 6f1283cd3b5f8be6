"""Timing sanity figures for the store (not a test): run it by hand.

/tmp/venv/bin/python tests/unit/storage/timing_script.py [folder]
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.core.models import ParsedEntry
from reader.storage import Store

NOW = datetime(2024, 6, 1, tzinfo=UTC)
# A typical RSS summary (~400 characters, a few tags) and a long one (~1.6 kB, 40 tags).
TYPICAL = (
    "<p>The council met on Tuesday to discuss the <a href='https://x.example/'>new budget</a>, "
    "which raises spending on schools and roads. <em>Critics</em> said the plan leaves out the "
    "libraries, while supporters pointed to the surplus of last year &amp; the lower debt.</p>"
)
LONG = "<p>" + "Some words of an article body with <a href='https://x.example/'>a link</a>. " * 20 + "</p>"


def entries(prefix: str, count: int, body: str = TYPICAL) -> list[ParsedEntry]:
    return [
        ParsedEntry(
            uid=f"{prefix}-{i}",
            title=f"Entry {i} of {prefix}",
            url=f"https://example.org/{prefix}/{i}",
            summary_html=body,
            published=NOW - timedelta(minutes=i),
        )
        for i in range(count)
    ]


def timed(label: str, fn: object, repeat: int = 1) -> None:
    assert callable(fn)
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    elapsed = (time.perf_counter() - start) / repeat
    print(f"{label}: {elapsed * 1000:.1f} ms")  # noqa: T201


def main(folder: Path) -> None:
    with Store(folder / "big.db") as store:
        feed = store.add_feed("https://big.example/feed", title="Big", now=NOW)
        batch = entries("big", 10_000)
        timed("store_entries, 10,000 new typical entries", lambda: store.store_entries(feed.id, batch, NOW))
        timed(
            "store_entries, same 10,000 again (unchanged)", lambda: store.store_entries(feed.id, batch, NOW)
        )
        long_batch = entries("long", 10_000, LONG)
        timed("store_entries, 10,000 new long entries", lambda: store.store_entries(feed.id, long_batch, NOW))
        for n in range(2, 10):
            store.store_entries(feed.id, entries(f"big{n}", 10_000), NOW)
        print(f"articles in the feed: {store.count_articles(feed_id=feed.id)}")  # noqa: T201
        timed("first page of 100 of a 100k feed", lambda: store.articles(feed_id=feed.id, limit=100), 20)
        timed("first page of 100, all articles", lambda: store.articles(limit=100), 20)
        timed(
            "first page of 100 unread of a 100k feed",
            lambda: store.articles(feed_id=feed.id, unread_only=True),
            20,
        )
        timed("count_articles of a 100k feed", lambda: store.count_articles(feed_id=feed.id), 20)
        timed("search, 10,000 matches, best 50", lambda: store.search("article link"), 5)
        timed("search, 100,000 matches, best 50", lambda: store.search("council"), 5)
        timed("search, 1 match", lambda: store.search("entry 77 big5"), 5)
    with Store(folder / "many.db") as store:
        feeds = [store.add_feed(f"https://f{i}.example/feed", title=f"Feed {i}", now=NOW) for i in range(500)]
        start = time.perf_counter()
        for feed in feeds:
            store.store_entries(feed.id, entries(f"f{feed.id}", 20), NOW)
        print(f"store_entries, 500 feeds x 20 new: {(time.perf_counter() - start) * 1000:.0f} ms")  # noqa: T201
        start = time.perf_counter()
        for feed in feeds:
            store.store_entries(feed.id, entries(f"f{feed.id}", 20), NOW)
        print(f"store_entries, 500 feeds x 20 unchanged: {(time.perf_counter() - start) * 1000:.0f} ms")  # noqa: T201
        for n in range(1, 10):
            for feed in feeds:
                store.store_entries(feed.id, entries(f"f{feed.id}-{n}", 20), NOW)
        print(f"articles: {store.count_articles()}")  # noqa: T201
        timed("unread_counts, 500 feeds x 200 (all unread)", store.unread_counts, 20)
        store.mark_all_read(now=NOW)
        store.set_read(list(range(1, 100_000, 50)), False, now=NOW)
        timed("unread_counts, 500 feeds x 200 (2% unread)", store.unread_counts, 20)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(Path(tmp))
