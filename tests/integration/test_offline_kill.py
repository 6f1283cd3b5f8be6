"""kill -9 in the middle of a bookmark save and of a refresh (catalog 43): what was committed stays, whole."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from reader.library import Library
from reader.library.images import image_urls
from reader.net import HttpClient
from tests.integration.offline_site import serve_site
from tests.support.loopback import LoopbackServer

REPO = Path(__file__).resolve().parents[2]


def start(mode: str, data: Path, base: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.offline_child", mode, str(data), base],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_until(child: subprocess.Popen[str], prefix: str, count: int) -> list[str]:
    """Lines up to the ``count``-th that starts with ``prefix``."""
    assert child.stdout is not None
    lines: list[str] = []
    while sum(line.startswith(prefix) for line in lines) < count:
        line = child.stdout.readline()
        assert line, f"the child stopped early: {lines}"
        lines.append(line.strip())
    return lines


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.communicate()
    assert child.returncode == -signal.SIGKILL


def assert_kept_whole(lib: Library, article_id: int) -> None:
    article = lib.article(article_id)
    assert article.bookmarked
    assert article.clean is not None
    shown = image_urls(article.clean.html)
    assert shown and all(lib.image(u) is not None for u in shown)


def test_kill_9_while_saving_a_bookmark(tmp_path: Path, loopback: LoopbackServer) -> None:
    # The third article's images never come: the child is stuck saving it when killed.
    serve_site(loopback, {"one": ["a1", "a2", "a3"]}, slow=frozenset({"a3"}))
    data = tmp_path / "data"
    with Library(data, client=HttpClient()) as lib:
        lib.subscribe(loopback.url("/one.xml"))
    child = start("bookmark", data, loopback.base_url)
    try:
        lines = read_until(child, "saving", 3)
    finally:
        kill(child)
    committed = [int(line.split()[1]) for line in lines if line.startswith("bookmarked")]
    assert len(committed) == 2
    with Library(data, client=HttpClient()) as lib:
        assert lib.store.integrity_ok()
        for article_id in committed:
            assert_kept_whole(lib, article_id)
        assert {b.article_id for b in lib.bookmarks()} >= set(committed)


def test_kill_9_during_refresh_keeps_earlier_bookmarks(tmp_path: Path, loopback: LoopbackServer) -> None:
    feeds = {"one": ["a1", "a2"], "two": ["a3", "a4"], "three": ["a5", "a6"]}
    serve_site(loopback, feeds, slow=frozenset({"a5", "a6"}))
    data = tmp_path / "data"
    with Library(data, client=HttpClient()) as lib:
        subscribed = [lib.subscribe(loopback.url(f"/{name}.xml")) for name in feeds]
        for feed in subscribed:
            lib.set_keep_offline(feed.id, True)
        earlier = [
            lib.bookmark(a.id).article.id for a in lib.articles() if a.title in ("Story a1", "Story a3")
        ]
    # New items in every feed, so the refresh writes; the offline pass then hangs on a5/a6's images.
    feeds = {"one": ["a1", "a2", "b1"], "two": ["a3", "a4", "b2"], "three": ["a5", "a6", "b3"]}
    serve_site(loopback, feeds, slow=frozenset({"a5", "a6"}))
    child = start("refresh", data, loopback.base_url)
    try:
        lines = read_until(child, "kept", 2)
    finally:
        kill(child)
    assert sum(line.startswith("refreshed") for line in lines) == 3
    kept = [int(line.split()[1]) for line in lines if line.startswith("kept")]
    with Library(data, client=HttpClient()) as lib:
        assert lib.store.integrity_ok()
        assert lib.count_articles() == 9
        for article_id in earlier:
            assert_kept_whole(lib, article_id)
        for article_id in kept:
            article = lib.article(article_id)
            assert article.clean is not None
            assert all(lib.image(u) is not None for u in image_urls(article.clean.html))
