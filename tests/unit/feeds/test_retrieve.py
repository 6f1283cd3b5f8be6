"""fetch_feed: conditional GET against a loopback server."""

from __future__ import annotations

import pytest

from reader.feeds import fetch_feed
from reader.net import HttpClient

ETAG = '"v1"'
MODIFIED = "Wed, 01 May 2024 10:00:00 GMT"


@pytest.fixture
def client():
    with HttpClient(deadline=10) as http:
        yield http


def test_first_fetch_returns_body_and_validators(loopback, client):
    loopback.serve("/feed", b"<rss/>", content_type="application/rss+xml", etag=ETAG, last_modified=MODIFIED)
    response = fetch_feed(client, loopback.url("/feed"), etag=None, last_modified=None)
    assert response.status == 200
    assert response.headers["etag"] == ETAG
    assert response.headers["last-modified"] == MODIFIED
    sent = loopback.requests[0].headers
    assert "application/rss+xml" in sent["accept"]
    assert "application/atom+xml" in sent["accept"]
    assert "if-none-match" not in sent


@pytest.mark.parametrize(("etag", "modified"), [(ETAG, None), (None, MODIFIED), (ETAG, MODIFIED)])
def test_validators_give_not_modified(loopback, client, etag, modified):
    loopback.serve("/feed", b"<rss/>", etag=ETAG, last_modified=MODIFIED)
    response = fetch_feed(client, loopback.url("/feed"), etag=etag, last_modified=modified)
    assert response.status == 304
    assert response.content == b""
    sent = loopback.requests[0].headers
    assert sent.get("if-none-match") == etag
    assert sent.get("if-modified-since") == modified


def test_changed_feed_comes_back_whole(loopback, client):
    loopback.serve("/feed", b"<rss>new</rss>", etag='"v2"')
    response = fetch_feed(client, loopback.url("/feed"), etag=ETAG, last_modified=None)
    assert response.status == 200
    assert response.content == b"<rss>new</rss>"
