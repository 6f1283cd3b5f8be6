"""Hostile and broken feeds (reliability catalog 1-18) through parse_feed, on both parser paths."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.errors import FeedError, NotAFeed
from reader.feeds import parse_feed
from reader.feeds.fallback import parse_careful

HOSTILE = Path(__file__).parents[2] / "data" / "feeds-hostile"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://feeds.example.org/path/feed.xml"


def fixture(name: str) -> bytes:
    return (HOSTILE / name).read_bytes()


def parse(body: bytes, url: str = URL, content_type: str | None = None):
    return parse_feed(body, url, content_type=content_type, now=NOW)


def everything(feed) -> str:
    parts = [feed.title]
    for entry in feed.entries:
        parts += [entry.title, entry.summary_html or "", entry.content_html or "", entry.author or ""]
    return " ".join(parts)


# -- XXE (catalog 1, 2): no file read, no request, on both paths -------------------------------------


@pytest.fixture
def xxe_server(loopback, canary_file):
    loopback.serve("/entity", b"HTTP-CANARY")
    loopback.serve("/external.dtd", f'<!ENTITY ext SYSTEM "{canary_file.as_uri()}">'.encode())
    loopback.serve("/parameter.dtd", f'<!ENTITY ext SYSTEM "{canary_file.as_uri()}">'.encode())
    return loopback


def hostile(name: str, server, canary: Path) -> bytes:
    text = (HOSTILE / name).read_text(encoding="utf-8")
    return text.replace("{CANARY_URI}", canary.as_uri()).replace("{SERVER}", server.base_url).encode()


@pytest.mark.parametrize("name", ["xxe-entities.xml.tmpl", "xxe-dtd.xml.tmpl", "xxe-parameter.xml.tmpl"])
def test_external_entities_are_never_resolved(name, xxe_server, canary_file):
    body = hostile(name, xxe_server, canary_file)
    secret = canary_file.read_text()
    feed = parse(body)
    assert len(feed.entries) == 1
    assert secret not in everything(feed)
    assert "HTTP-CANARY" not in everything(feed)
    careful, _bozo, _version = parse_careful(body, URL, None)
    assert secret not in repr(careful)
    assert "HTTP-CANARY" not in repr(careful)
    assert xxe_server.total_hits == 0


def test_billion_laughs_is_a_quick_feed_error():
    started = time.monotonic()
    with pytest.raises(FeedError, match="malformed"):
        parse(fixture("billion-laughs.xml"))
    assert time.monotonic() - started < 1


# -- Encodings (catalog 6-8) -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["wrong-prolog-cp1251.xml", "no-charset-cp1251.xml"])
def test_cyrillic_in_a_wrong_or_missing_charset_is_readable(name):
    feed = parse(fixture(name))
    assert feed.title == "Новости дня"
    assert feed.entries[0].title == "Привет, мир: главные события недели"
    assert feed.warnings  # the user is told the encoding was guessed


def test_http_charset_is_used_when_the_document_says_nothing():
    body = fixture("no-charset-cp1251.xml")
    feed = parse(body, content_type="application/rss+xml; charset=windows-1251")
    assert feed.entries[0].title.startswith("Привет")


def test_stray_latin1_bytes_keep_the_utf8_text():
    feed = parse(fixture("mixed-encoding.xml"))
    assert feed.title == "Café crème"
    assert feed.entries[0].title == "Déjà vu at the café"
    assert "Naïve r" in (feed.entries[0].summary_html or "")


# -- Dates and identity (catalog 9-11) --------------------------------------------------------------


def test_garbage_dates_are_none_and_future_ones_clamped():
    entries = {entry.title: entry for entry in parse(fixture("dates.xml")).entries}
    assert entries["Garbage date"].published is None
    assert entries["Far future"].published == NOW
    assert entries["No date"].published is None
    assert entries["Good date"].published == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)


def test_duplicate_guids_are_all_kept_with_stable_distinct_ids():
    first = parse(fixture("duplicate-guids.xml")).entries
    again = parse(fixture("duplicate-guids.xml")).entries
    assert [e.title for e in first] == ["One", "Two", "Three", "Four"]
    assert len({e.uid for e in first}) == 4
    assert first[0].uid == "same"
    assert first[1].uid == "same|http://example.org/2"
    assert [e.uid for e in first] == [e.uid for e in again]


def test_items_without_guid_or_link_get_stable_ids():
    first = parse(fixture("no-guid-no-link.xml")).entries
    again = parse(fixture("no-guid-no-link.xml")).entries
    assert len({e.uid for e in first}) == 3
    assert [e.uid for e in first] == [e.uid for e in again]


# -- URLs (catalog 13, 14, 16) -----------------------------------------------------------------------


def test_nested_xml_base_resolves_links_media_and_content():
    feed = parse(fixture("xml-base.atom"))
    first, second = feed.entries
    assert first.url == "http://127.0.0.1:9/base/sub/art.html"
    assert first.enclosures[0].url == "http://127.0.0.1:9/base/sub/media/sound.mp3"
    assert 'src="http://127.0.0.1:9/base/sub/deeper/pic.png"' in (first.content_html or "")
    assert 'href="http://127.0.0.1:9/top.html"' in (first.content_html or "")
    assert second.url == "http://127.0.0.1:9/base/two.html"
    assert 'src="http://127.0.0.1:9/base/two.png"' in (second.summary_html or "")


def test_relative_urls_resolve_against_the_feed_url():
    entry = parse(fixture("relative-no-base.xml")).entries[0]
    assert entry.url == "https://feeds.example.org/posts/1"
    html = entry.summary_html or ""
    assert 'src="https://feeds.example.org/etc/passwd"' in html
    assert 'src="https://feeds.example.org/path/images/a.png"' in html
    assert 'href="https://feeds.example.org/x"' in html


def test_only_http_links_enclosures_and_images_are_kept():
    feed = parse(fixture("bad-schemes.xml"))
    bad, good = feed.entries
    assert feed.site_url is None
    assert bad.url is None
    assert bad.enclosures == ()
    assert bad.image_url is None
    for token in ("javascript:", "file:", "data:"):
        assert token not in (bad.summary_html or "")
    assert good.url == "https://example.org/good"
    assert good.enclosures[0].url == "https://example.org/a.mp3"
    assert good.enclosures[0].length == 2048
    assert good.image_url == "https://example.org/thumb.jpg"


# -- Text (catalog 15) --------------------------------------------------------------------------------


def test_titles_and_authors_are_plain_text():
    feed = parse(fixture("html-titles.xml"))
    entry = feed.entries[0]
    assert feed.title == "Bold & feed"
    assert entry.title == "Hi & there"
    assert entry.author == "Ann Smith"
    assert "onclick" not in (entry.content_html or "")
    assert "alert(4)" not in (entry.content_html or "")
    assert "Body" in (entry.content_html or "")


def test_summary_content_image_and_ttl():
    feed = parse(fixture("media.xml"))
    first, second = feed.entries
    assert feed.ttl_minutes == 45
    assert first.summary_html == "Short summary"
    assert "whole article text" in (first.content_html or "")
    assert first.image_url == "https://example.org/thumb1.jpg"
    assert second.image_url == "https://feeds.example.org/img/two.jpg"


# -- Not a feed (catalog 17, 18) ----------------------------------------------------------------------


def test_html_page_is_not_a_feed():
    with pytest.raises(NotAFeed, match="web page, not a feed"):
        parse(fixture("homepage.html"), content_type="text/html; charset=utf-8")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"", None),
        (b"   \n", "application/rss+xml"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), None),
        (b"\xff\xd8\xff\xe0" + bytes(100), "application/octet-stream"),
        (b"<rss>looks like</rss>", "image/png"),
        (b"\x00\x01\x02\x03binary" * 10, None),
    ],
)
def test_empty_and_binary_bodies_are_not_feeds(body, content_type):
    with pytest.raises(NotAFeed):
        parse(body, content_type=content_type)


def test_truncated_feed_keeps_the_complete_entries():
    feed = parse(fixture("truncated.xml"))
    assert [e.title for e in feed.entries] == ["Complete one", "Complete two"]
    assert any("cut short" in warning for warning in feed.warnings)


@pytest.mark.parametrize(
    "body", [b"<rss><channel><item><title>half", b'<?xml version="1.0"?><feed><entry><ti']
)
def test_cut_short_with_no_complete_entry_is_an_error(body):
    with pytest.raises(FeedError, match="cut short"):
        parse(body)


def test_plain_text_is_not_a_feed():
    with pytest.raises((NotAFeed, FeedError)):
        parse(b"Hello, this is just text and not a feed at all.")
