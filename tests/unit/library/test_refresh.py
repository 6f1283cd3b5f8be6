"""Refreshing feeds over a loopback server: what a user sees on each feed afterwards."""

from __future__ import annotations

from pathlib import Path

from reader.library import Library
from tests.support.loopback import LoopbackServer, Reply, Request
from tests.unit.library.conftest import FakeClock

FEEDS = Path(__file__).resolve().parents[2] / "data" / "feeds" / "files"
RSS = "application/rss+xml"


def feed_bytes(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


def subscribe(library: Library, url: str) -> int:
    return library.store.add_feed(url, now=library._clock()).id


def test_one_broken_feed_records_its_error_and_the_others_refresh(
    library: Library, loopback: LoopbackServer
) -> None:
    loopback.serve("/good.xml", feed_bytes("feedrs-rss_2.0_bbc.xml"), content_type=RSS)
    loopback.serve("/atom.xml", feed_bytes("miniflux-large_atom.xml"), content_type="application/atom+xml")
    loopback.serve("/broken.xml", b"<html><body>Sign in to continue</body></html>", content_type="text/html")
    loopback.serve("/down.xml", b"oops", status=500)
    ids = {
        name: subscribe(library, loopback.url(name))
        for name in ("/good.xml", "/broken.xml", "/down.xml", "/atom.xml")
    }

    results = {r.feed_id: r for r in library.refresh()}

    assert results[ids["/good.xml"]].status == "new"
    assert results[ids["/atom.xml"]].status == "new"
    assert library.count_articles(feed_id=ids["/atom.xml"]) == 25
    broken = library.feed(ids["/broken.xml"])
    assert broken.last_error and "not a feed" in broken.last_error.lower()
    down = library.feed(ids["/down.xml"])
    assert down.last_error and "500" in down.last_error
    assert down.error_count == 1
    assert library.count_articles(feed_id=ids["/good.xml"]) >= 1


def test_second_refresh_is_a_conditional_get_and_parses_nothing(
    library: Library, loopback: LoopbackServer
) -> None:
    loopback.serve("/f.xml", feed_bytes("miniflux-large_rss.xml"), content_type=RSS, etag='"v1"')
    feed_id = subscribe(library, loopback.url("/f.xml"))
    assert library.refresh()[0].status == "new"
    count = library.count_articles(feed_id=feed_id)

    second = library.refresh()

    assert second[0].status == "not-modified"
    assert loopback.requests[-1].headers.get("if-none-match") == '"v1"'
    assert library.count_articles(feed_id=feed_id) == count


def test_same_body_without_validators_is_not_parsed_again(library: Library, loopback: LoopbackServer) -> None:
    loopback.serve("/f.xml", feed_bytes("miniflux-large_rss.xml"), content_type=RSS)
    subscribe(library, loopback.url("/f.xml"))
    library.refresh()
    assert library.refresh()[0].status == "unchanged"


def test_validators_older_than_a_week_are_not_sent(
    library: Library, loopback: LoopbackServer, clock: FakeClock
) -> None:
    loopback.serve("/f.xml", feed_bytes("miniflux-large_rss.xml"), content_type=RSS, etag='"v1"')
    subscribe(library, loopback.url("/f.xml"))
    library.refresh()
    clock.advance(days=8)
    library.refresh()
    assert "if-none-match" not in loopback.requests[-1].headers


def test_refetch_neither_duplicates_nor_loses_articles(library: Library, loopback: LoopbackServer) -> None:
    body = feed_bytes("nnw-scriptingNews.rss")  # repeats two guids
    # A new body on every fetch (so it is parsed again), with the same items.
    loopback.handle("/f.xml", lambda req: Reply(body=body + b" " * req.hit, content_type=RSS))
    feed_id = subscribe(library, loopback.url("/f.xml"))
    library.refresh()
    first = library.count_articles(feed_id=feed_id)
    library.refresh()
    assert library.count_articles(feed_id=feed_id) == first


def test_failing_refresh_keeps_what_was_stored(library: Library, loopback: LoopbackServer) -> None:
    loopback.serve("/f.xml", feed_bytes("miniflux-large_atom.xml"), content_type="application/atom+xml")
    feed_id = subscribe(library, loopback.url("/f.xml"))
    library.refresh()
    stored = library.count_articles(feed_id=feed_id)
    for broken in (b"", b"<rss><channel><item><title>half", b"\x89PNG\r\n\x1a\n" + b"\0" * 64):
        loopback.serve("/f.xml", broken, content_type=RSS)
        result = library.refresh()[0]
        assert result.status == "error"
        assert library.count_articles(feed_id=feed_id) == stored


def test_permanent_redirect_moves_the_feed_once_it_parses(library: Library, loopback: LoopbackServer) -> None:
    loopback.redirect("/old.xml", "/new.xml", status=301)
    loopback.serve("/new.xml", feed_bytes("feedrs-rss_2.0_bbc.xml"), content_type=RSS)
    feed_id = subscribe(library, loopback.url("/old.xml"))

    library.refresh()
    assert library.feed(feed_id).url == loopback.url("/new.xml")
    library.refresh()
    assert loopback.hits("/old.xml") == 1


def test_permanent_redirect_to_something_that_is_not_a_feed_keeps_the_old_url(
    library: Library, loopback: LoopbackServer
) -> None:
    loopback.redirect("/old.xml", "/parked", status=301)
    loopback.serve("/parked", b"<html><body>Domain for sale</body></html>", content_type="text/html")
    feed_id = subscribe(library, loopback.url("/old.xml"))
    library.refresh()
    assert library.feed(feed_id).url == loopback.url("/old.xml")


def test_temporary_redirect_keeps_the_url(library: Library, loopback: LoopbackServer) -> None:
    loopback.redirect("/old.xml", "/new.xml", status=302)
    loopback.serve("/new.xml", feed_bytes("feedrs-rss_2.0_bbc.xml"), content_type=RSS)
    feed_id = subscribe(library, loopback.url("/old.xml"))
    library.refresh()
    assert library.feed(feed_id).url == loopback.url("/old.xml")
    assert library.count_articles(feed_id=feed_id) == 1


def test_gone_feed_stops_polling_and_keeps_its_articles(
    library: Library, loopback: LoopbackServer, clock: FakeClock
) -> None:
    loopback.serve("/f.xml", feed_bytes("miniflux-large_rss.xml"), content_type=RSS)
    feed_id = subscribe(library, loopback.url("/f.xml"))
    library.refresh()
    loopback.serve("/f.xml", b"gone", status=410)
    clock.advance(hours=1)
    assert library.refresh(due_only=True)[0].status == "gone"
    hits = loopback.hits("/f.xml")

    for _ in range(5):
        clock.advance(days=1)
        library.refresh(due_only=True)
        library.refresh()

    assert loopback.hits("/f.xml") == hits
    feed = library.feed(feed_id)
    assert feed.gone and feed.last_error and "gone" in feed.last_error.lower()
    assert library.count_articles(feed_id=feed_id) == 25


def test_retry_after_is_honoured(library: Library, loopback: LoopbackServer, clock: FakeClock) -> None:
    loopback.serve("/f.xml", b"slow down", status=429, headers={"Retry-After": "7200"})
    subscribe(library, loopback.url("/f.xml"))
    library.refresh(due_only=True)
    assert loopback.hits("/f.xml") == 1

    clock.advance(minutes=90)
    library.refresh(due_only=True)
    assert loopback.hits("/f.xml") == 1
    clock.advance(minutes=31)
    library.refresh(due_only=True)
    assert loopback.hits("/f.xml") == 2


def test_repeated_failures_back_off_and_show_the_count(
    library: Library, loopback: LoopbackServer, clock: FakeClock
) -> None:
    loopback.serve("/f.xml", b"boom", status=503)
    feed_id = subscribe(library, loopback.url("/f.xml"))
    gaps = []
    for _ in range(5):
        before = clock()
        library.refresh([feed_id])
        feed = library.feed(feed_id)
        assert feed.next_check is not None
        gaps.append(feed.next_check - before)
        clock.now = feed.next_check
    assert gaps == sorted(gaps) and gaps[-1] > gaps[0]
    assert library.feed(feed_id).error_count == 5


def test_success_after_errors_clears_the_error(library: Library, loopback: LoopbackServer) -> None:
    loopback.serve("/f.xml", b"boom", status=500)
    feed_id = subscribe(library, loopback.url("/f.xml"))
    library.refresh()
    loopback.serve("/f.xml", feed_bytes("feedrs-rss_2.0_bbc.xml"), content_type=RSS)
    library.refresh()
    feed = library.feed(feed_id)
    assert feed.last_error is None and feed.error_count == 0
    assert feed.title  # taken from the feed once it parsed


def test_a_guid_that_changes_on_every_fetch_does_not_multiply_articles(
    library: Library, loopback: LoopbackServer
) -> None:
    def churning(request: Request) -> Reply:
        items = "".join(
            f"<item><title>Story {k}</title><link>{loopback.url(f'/s/{k}')}</link>"
            f"<guid>story-{k}-{request.hit}</guid><description>Text {k}</description></item>"
            for k in range(3)
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
        return Reply(body=body.encode(), content_type=RSS)

    loopback.handle("/f.xml", churning)
    feed_id = subscribe(library, loopback.url("/f.xml"))
    for _ in range(5):
        library.refresh()
    assert library.count_articles(feed_id=feed_id) == 3
