"""Search benchmark: 100,000 articles with full text; p50/p95 of as-you-type queries, size, bookmark time.

    python tests/benchmarks/search.py [--articles 100000] [--queries 200] [--cache /tmp/reader-search-bench]

The store is built once from the shared corpora (sentences of the feed files in
``tests/data/feeds/files`` and of the ground-truth article bodies in
``tests/data/scrapinghub-aeb``, shuffled and recombined into distinct articles:
a title, a two-sentence feed summary and a sixteen-sentence page text) and cached
under ``--cache``.  It is written with bulk SQL into the store's own schema (the
store's API would take an hour of single-row transactions), then queried through
``Store.search`` exactly as the app does.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import feedparser

# Run as a script from the repository: the test helpers (loopback server, images) live in ``tests``.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.library import Library
from reader.net import HttpClient
from reader.storage import Store, migrations
from reader.storage.convert import html_to_text
from tests.support.images import JPEG, png
from tests.support.loopback import LoopbackServer

DATA = Path(__file__).resolve().parents[1] / "data"
FEEDS = 500
SEED = 20260301


def corpus_sentences() -> list[str]:
    sentences: list[str] = []
    split = re.compile(r"(?<=[.!?])\s+")
    truth = json.loads((DATA / "scrapinghub-aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [v["articleBody"] for v in truth.values()]
    for file in sorted((DATA / "feeds" / "files").iterdir()):
        parsed = feedparser.parse(file.read_bytes())
        texts += [html_to_text(e.get("summary") or "") for e in parsed.entries]
    for text in texts:
        sentences += [s.strip() for s in split.split(text) if 30 < len(s.strip()) < 400]
    return sentences


def build(path: Path, count: int, sentences: list[str]) -> None:
    rnd = random.Random(SEED)
    words = [w for s in sentences for w in re.findall(r"\w{3,}", s)]
    with Store(path) as store:
        conn = store._conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO feeds(id, url, title, added_at) VALUES (?, ?, ?, 0)",
            ((i, f"https://feed{i}.example/rss", f"Feed {i}") for i in range(1, FEEDS + 1)),
        )
        for start in range(1, count + 1, 5000):
            articles, status, clean, search = [], [], [], []
            for article_id in range(start, min(start + 5000, count + 1)):
                feed_id = 1 + article_id % FEEDS
                title = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 10))).capitalize()
                summary = " ".join(rnd.sample(sentences, 2))
                page = "\n".join(rnd.sample(sentences, 16))
                when = 1_700_000_000 + article_id * 60
                url = f"https://feed{feed_id}.example/{article_id}"
                articles.append(
                    (article_id, feed_id, str(article_id), title, url, f"<p>{summary}</p>", when, when)
                )
                status.append((article_id, feed_id, rnd.random() < 0.7, rnd.random() < 0.01))
                html = "".join(f"<p>{line}</p>" for line in page.split("\n"))
                clean.append((article_id, url, title, html, page, when))
                search.append((article_id, title, f"Author {article_id % 300}", summary, page))
            conn.executemany(
                "INSERT INTO articles(id, feed_id, uid, title, url, summary_html, arrived_at, sort_time) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                articles,
            )
            conn.executemany(
                "INSERT INTO article_status(article_id, feed_id, read, bookmarked) VALUES (?, ?, ?, ?)",
                status,
            )
            conn.executemany(
                "INSERT INTO article_clean(article_id, url, title, html, text, saved_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                clean,
            )
            conn.executemany(
                "INSERT INTO article_search(rowid, title, author, summary, page) VALUES (?, ?, ?, ?, ?)",
                search,
            )
        conn.execute("COMMIT")
        conn.execute("INSERT INTO article_search(article_search) VALUES ('optimize')")
        conn.execute("ANALYZE")
    # Checkpoint so the size on disk is the database file alone.
    with Store(path) as store:
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def queries(sentences: list[str], n: int) -> dict[str, list[str]]:
    rnd = random.Random(SEED + 1)
    counts = Counter(w.lower() for s in sentences for w in re.findall(r"[^\W\d_]{3,}", s))
    common = [w for w, _ in counts.most_common(400)][20:]
    middling = [w for w, c in counts.items() if 20 <= c <= 400]
    return {
        "one word": [rnd.choice(common + middling) for _ in range(n)],
        "two words": [f"{rnd.choice(common)} {rnd.choice(middling)}" for _ in range(n)],
        "prefix": [rnd.choice(common + middling)[: rnd.choice((2, 3, 4, 5))] + "*" for _ in range(n)],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bookmark_time() -> float:
    """Seconds to bookmark a loopback article with 10 images (fresh data dir, page and images fetched)."""
    with LoopbackServer() as server, tempfile.TemporaryDirectory() as tmp:
        images = "".join(
            f'<p><img src="/img/{i}.{"png" if i % 2 else "jpg"}" width="64" height="48"></p>'
            for i in range(10)
        )
        paragraphs = "".join(f"<p>{s}</p>" for s in corpus_sentences()[:12])
        page = (
            "<html><head><title>Ten pictures</title></head><body><article><h1>Ten pictures</h1>"
            f"{paragraphs}{images}</article></body></html>"
        )
        server.serve("/story", page.encode(), content_type="text/html; charset=utf-8")
        for i in range(10):
            body, kind = (png(64, 48, seed=i), "image/png") if i % 2 else (JPEG, "image/jpeg")
            server.serve(f"/img/{i}.{'png' if i % 2 else 'jpg'}", body, content_type=kind)
        with Library(Path(tmp), client=HttpClient()) as lib:
            start = time.perf_counter()
            result = lib.bookmark(server.url("/story"))
            elapsed = time.perf_counter() - start
            assert result.article.clean is not None and server.hits("/img/3.png") == 1
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-search-bench"))
    args = parser.parse_args()
    sentences = corpus_sentences()
    path = args.cache / f"store-{args.articles}-v{migrations.latest_version()}.sqlite3"
    if not path.exists():
        args.cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        for leftover in args.cache.glob(partial.name + "*"):
            leftover.unlink()
        start = time.perf_counter()
        build(partial, args.articles, sentences)
        partial.rename(path)
        print(f"built {path} in {time.perf_counter() - start:.0f} s")
    rows = []
    with Store(path, readonly=True) as store:
        assert store.count_articles() == args.articles
        for kind, texts in queries(sentences, args.queries).items():
            for text in texts[:10]:  # warm the page cache, as a session that has searched before
                store.search(text)
            times, hits = [], []
            for text in texts:
                start = time.perf_counter()
                found = store.search(text, limit=50)
                times.append((time.perf_counter() - start) * 1000)
                hits.append(len(found))
            rows.append(
                (kind, percentile(times, 0.5), percentile(times, 0.95), max(times), statistics.mean(hits))
            )
    size_mb = path.stat().st_size / 2**20
    seconds = bookmark_time()
    print(f"store: {args.articles} articles with full text, {size_mb:.0f} MB on disk ({path})")
    print(
        f"{'query':<10} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'hits':>6}"
        f"   (limit 50, {args.queries} queries each)"
    )
    for kind, p50, p95, worst, mean_hits in rows:
        print(f"{kind:<10} {p50:>8.1f} {p95:>8.1f} {worst:>8.1f} {mean_hits:>6.1f}")
    print(f"bookmark a loopback article with 10 images: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
