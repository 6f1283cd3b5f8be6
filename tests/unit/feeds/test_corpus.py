"""parse_feed over the real-world corpus in tests/data/feeds (79 files from five readers' test suites)."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.errors import FeedError, NotAFeed
from reader.core.urls import is_http_url
from reader.feeds import parse_feed

CORPUS = Path(__file__).parents[2] / "data" / "feeds"
FILES = sorted((CORPUS / "files").iterdir())
XML_FILES = [path for path in FILES if path.suffix != ".json"]
JSON_FILES = [path for path in FILES if path.suffix == ".json"]
READABLE = [path for path in XML_FILES if path.name != "feedrs-rss_2.0_invalid_1.xml"]
# Recorded with feedparser 6.0.14; test_counts_still_match_feedparser re-checks them (slow).
EXPECTED = json.loads((CORPUS / "feedparser-entry-counts.json").read_text())["counts"]
NOW = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://feeds.example.org/feed"
_RELATIVE_URL = re.compile(r"""<[a-zA-Z][^<>]*\s(?:src|href)="(?!https?://)""")


def parse(path: Path):
    return parse_feed(path.read_bytes(), URL, now=NOW)


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: p.name)
def test_same_number_of_entries_as_feedparser(path):
    if path.name == "feedrs-rss_2.0_invalid_1.xml":  # cut short before any item: feedparser reads 0
        with pytest.raises(FeedError, match="cut short"):
            parse(path)
        return
    assert len(parse(path).entries) == EXPECTED[path.name]


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.name)
def test_json_feeds_are_read(path):
    if path.name == "nnw-ScriptingNews.json":  # "RSS in JSON", not a JSON Feed
        with pytest.raises(NotAFeed):
            parse(path)
        return
    feed = parse(path)
    assert feed.format == "json"
    assert feed.entries
    assert all(entry.url is None or is_http_url(entry.url) for entry in feed.entries)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_entries_are_clean_and_uniquely_identified(path):
    if path.name in ("nnw-ScriptingNews.json", "feedrs-rss_2.0_invalid_1.xml"):
        return
    feed = parse(path)
    uids = [entry.uid for entry in feed.entries]
    assert len(set(uids)) == len(uids)
    assert "<" not in feed.title or not re.search(r"<[a-zA-Z/]", feed.title)
    for entry in feed.entries:
        assert not re.search(r"<[a-zA-Z/!]", entry.title)
        assert entry.url is None or is_http_url(entry.url)
        assert entry.image_url is None or is_http_url(entry.image_url)
        assert all(is_http_url(enclosure.url) for enclosure in entry.enclosures)
        for html in (entry.summary_html, entry.content_html):
            if html:
                assert not _RELATIVE_URL.search(html)
                assert "<script" not in html.lower()
        for date in (entry.published, entry.updated):
            assert date is None or (date.tzinfo is not None and date <= NOW)


def test_refetch_gives_the_same_ids():
    for path in READABLE[::7]:
        assert [e.uid for e in parse(path).entries] == [e.uid for e in parse(path).entries]


def test_repeated_guids_are_all_kept_and_disambiguated():
    feed = parse(CORPUS / "files" / "nnw-scriptingNews.rss")
    assert len(feed.entries) == 50
    uids = [entry.uid for entry in feed.entries]
    assert len(set(uids)) == 50
    repeated = [uid for uid in uids if "|" in uid]
    assert repeated, "the two repeated guids should have been made unique"
    assert all(uid.split("|", 1)[0] in uids for uid in repeated)  # the first keeps the plain guid


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("miniflux-encoding_WINDOWS-1251.xml", "Цитата"),
        ("miniflux-encoding_ISO-8859-1.xml", "wünschen"),
        ("feedrs-rss_2.0_encoding_1.xml", "Revolução"),
        ("nnw-kc0011.rss", "建国35周年纪念"),
        ("miniflux-no_encoding_ISO-8859-1.xml", "études"),
    ],
)
def test_legacy_and_mislabeled_encodings_read_as_text(name, expected):
    feed = parse(CORPUS / "files" / name)
    text = " ".join(f"{e.title} {e.summary_html or ''} {e.content_html or ''}" for e in feed.entries)
    assert expected in text
    assert "\ufffd" not in text


def test_mislabeled_latin1_is_flagged():
    feed = parse(CORPUS / "files" / "miniflux-no_encoding_ISO-8859-1.xml")
    assert any("guessed" in warning for warning in feed.warnings)


def test_whole_corpus_parses_quickly():
    bodies = [path.read_bytes() for path in READABLE]
    started = time.perf_counter()
    for body in bodies:
        parse_feed(body, URL, now=NOW)
    # About 0.5 s on a quiet machine (feedparser takes ~5.7 s); generous for shared CI.
    assert time.perf_counter() - started < 4


@pytest.mark.slow
def test_counts_still_match_feedparser():
    import feedparser

    for path in XML_FILES:
        parsed = feedparser.parse(path.read_bytes(), sanitize_html=False, resolve_relative_uris=False)
        assert len(parsed.entries) == EXPECTED[path.name], path.name
