"""Issue 4 acceptance, library side: bookmarks and keep-offline articles read with no network
after a restart."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from reader.core.errors import NetworkError
from reader.library import Library
from reader.library.images import image_urls
from reader.net import HttpClient, Response
from tests.integration.offline_site import PAGE_ONLY_WORD, serve_site
from tests.support.loopback import LoopbackServer


class NoNetwork(HttpClient):
    """A client that fails the test's expectations loudly: any request is recorded and refused."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
        deadline: float | None = None,
    ) -> Response:
        self.asked.append(url)
        raise NetworkError(f"offline: {url}")


def client() -> HttpClient:
    return HttpClient(deadline=10, read_timeout=5, connect_timeout=5)


def test_bookmarks_read_offline_after_restart(tmp_path: Path, loopback: LoopbackServer) -> None:
    serve_site(loopback, {"one": ["a1", "a2"], "two": ["a3", "a4"]})
    data = tmp_path / "data"
    with Library(data, client=client()) as lib:
        one = lib.subscribe(loopback.url("/one.xml"))
        two = lib.subscribe(loopback.url("/two.xml"))
        ids = {a.title: a.id for a in lib.articles()}
        assert len(ids) == 4
        kept = [lib.bookmark(ids[f"Story {s}"]) for s in ("a1", "a2", "a3")]
        outside = lib.bookmark(loopback.url("/outside"))
        assert [k.problem for k in [*kept, outside]] == [None] * 4
        bookmark_ids = [k.article.id for k in [*kept, outside]]
        assert outside.article.feed_id is None
        assert {one.id, two.id} == {a.feed_id for a in (k.article for k in kept)}
    image_hits = {r.path for r in loopback.requests if r.path.startswith("/img/")}
    assert len(image_hits) == 8  # each image of the four bookmarks fetched once
    loopback.close()  # the network is gone

    offline = NoNetwork()
    with Library(data, client=offline) as lib:  # a restart
        for article_id in bookmark_ids:
            article = lib.article(article_id)
            assert article.bookmarked
            assert article.clean is not None
            assert "Harbour master Ellen Price" in article.clean.text
            shown = image_urls(article.clean.html)
            assert len(shown) == 2
            for url in shown:
                stored = lib.image(url)
                assert stored is not None, url
                assert stored[1] in ("image/png", "image/jpeg")
        (hit,) = lib.search(PAGE_ONLY_WORD)
        assert hit.article_id == bookmark_ids[1]
        assert PAGE_ONLY_WORD in hit.snippet
        assert [h.article_id for h in lib.search("harbour", bookmarked_only=True)] != []
        # Not in the library: None, and still no request.
        assert lib.image(loopback.url("/img/a4-1.png")) is None
    assert offline.asked == []


def test_keep_offline_feed_is_stored_at_refresh(tmp_path: Path, loopback: LoopbackServer) -> None:
    serve_site(loopback, {"one": ["a1", "a2"], "two": ["a3"]})
    data = tmp_path / "data"
    with Library(data, client=client()) as lib:
        one = lib.subscribe(loopback.url("/one.xml"))
        lib.subscribe(loopback.url("/two.xml"))
        lib.set_keep_offline(one.id, True)
        done: list[tuple[int, int, int]] = []
        result = lib.store_offline(progress=lambda *p: done.append(p))
        assert len(result.stored) == 2 and result.failed == () and result.images == 4
        assert [d[1:] for d in done] == [(1, 2), (2, 2)]
        # Nothing left to do: a second run asks the network nothing.
        before = loopback.total_hits
        assert lib.store_offline().stored == ()
        assert loopback.total_hits == before
    loopback.close()
    with Library(data, client=NoNetwork()) as lib:
        for summary in lib.articles(feed_id=one.id):
            article = lib.article(summary.id)
            assert article.clean is not None
            assert all(lib.image(u) is not None for u in image_urls(article.clean.html))
        assert [h.title for h in lib.search(PAGE_ONLY_WORD)] == ["Story a2"]
        other = [a for a in lib.articles() if a.feed_id != one.id]
        assert [lib.article(a.id).clean for a in other] == [None]


def test_failed_page_is_not_retried_at_every_refresh(tmp_path: Path, loopback: LoopbackServer) -> None:
    serve_site(loopback, {"one": ["a1"]})
    loopback.serve("/a1", b"gone", status=404, content_type="text/plain")
    with Library(tmp_path / "data", client=client()) as lib:
        feed = lib.subscribe(loopback.url("/one.xml"))
        lib.set_keep_offline(feed.id, True)
        first = lib.store_offline()
        assert first.stored == () and len(first.failed) == 1
        assert lib.store_offline().failed == ()
        assert loopback.hits("/a1") == 1


@pytest.mark.parametrize("bad", ["huge", "svg"])
def test_images_are_checked_before_anything_decodes_them(
    tmp_path: Path, loopback: LoopbackServer, bad: str
) -> None:
    from tests.support.images import png_header_claiming

    serve_site(loopback, {"one": ["a1"]})
    body = (
        png_header_claiming(60_000, 60_000) if bad == "huge" else b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    )
    loopback.serve("/img/a1-1.png", body, content_type="image/png")
    with Library(tmp_path / "data", client=client()) as lib:
        lib.subscribe(loopback.url("/one.xml"))
        (summary,) = lib.articles()
        article = lib.bookmark(summary.id).article
        assert article.clean is not None
        first, second = image_urls(article.clean.html)
        assert lib.image(first) is None
        assert lib.image(second) is not None
        assert re.search(r"a1-1\.png", first)
