"""discover_feeds against a small site on a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import HTTPStatusError
from reader.feeds import FeedCandidate, discover_feeds
from reader.net import HttpClient

CORPUS = Path(__file__).parents[2] / "data" / "feeds" / "files"
RSS = (CORPUS / "feedrs-rss_2.0_bbc.xml").read_bytes()
ATOM = (CORPUS / "miniflux-small_atom.xml").read_bytes()
HTML = "text/html; charset=utf-8"


@pytest.fixture
def client():
    with HttpClient(deadline=10) as http:
        yield http


def page(head: str = "", body: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head><title>Site</title>{head}</head><body>{body}</body></html>".encode()


def test_a_feed_address_is_its_own_candidate(loopback, client):
    loopback.serve("/feed.xml", RSS, content_type="application/rss+xml")
    assert discover_feeds(client, loopback.url("/feed.xml")) == [
        FeedCandidate(loopback.url("/feed.xml"), "In Our Time", "rss")
    ]
    assert loopback.total_hits == 1


def test_link_alternates_in_document_order_with_comments_last(loopback, client):
    head = (
        '<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">'
        '<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed">'
        '<link rel="stylesheet" href="/style.css">'
        '<link rel="alternate" type="application/atom+xml" title="Posts (Atom)" href="atom.xml">'
        '<link rel="alternate" type="application/feed+json" href="/feed.json">'
        '<link rel="alternate" type="text/html" href="/other">'
    )
    loopback.serve("/blog/", page(head), content_type=HTML)
    found = discover_feeds(client, loopback.url("/blog/"))
    assert found == [
        FeedCandidate(loopback.url("/feed"), "Posts", "rss"),
        FeedCandidate(loopback.url("/blog/atom.xml"), "Posts (Atom)", "atom"),
        FeedCandidate(loopback.url("/feed.json"), None, "json"),
        FeedCandidate(loopback.url("/comments/feed"), "Comments", "rss"),
    ]
    assert loopback.total_hits == 1  # <link> feeds are taken as announced


def test_anchor_links_are_checked_before_they_are_offered(loopback, client):
    body = '<a href="/about">About</a><a href="/rss/all">RSS</a><a href="/feeds/broken.xml">x</a>'
    loopback.serve("/", page(body=body), content_type=HTML)
    loopback.serve("/rss/all", ATOM, content_type="application/atom+xml")
    loopback.serve("/feeds/broken.xml", page(), content_type=HTML)
    found = discover_feeds(client, loopback.url("/"))
    assert [c.url for c in found] == [loopback.url("/rss/all")]
    assert found[0].format == "atom"
    assert loopback.hits("/about") == 0


def test_common_paths_are_probed_last(loopback, client):
    loopback.serve("/", page(body="<p>No feed links here</p>"), content_type=HTML)
    loopback.serve("/feed.xml", RSS, content_type="application/rss+xml")
    found = discover_feeds(client, loopback.url("/"))
    assert [c.url for c in found] == [loopback.url("/feed.xml")]
    assert loopback.hits("/atom.xml") == 0  # probing stops at the first feed
    assert set(loopback.unexpected) == {"/feed", "/rss"}


def test_nothing_found_is_an_empty_list(loopback, client):
    loopback.serve("/", page(), content_type=HTML)
    assert discover_feeds(client, loopback.url("/")) == []


def test_fetch_errors_of_the_address_itself_propagate(loopback, client):
    loopback.serve("/gone", b"", status=410)
    with pytest.raises(HTTPStatusError):
        discover_feeds(client, loopback.url("/gone"))
