"""OPML import and export (catalog 58): real-world shape, round trip, hostile files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.core.errors import FeedError
from reader.feeds import OpmlOutline, read_opml, write_opml
from reader.feeds.opml import MAX_OUTLINES

HOSTILE = Path(__file__).parents[2] / "data" / "feeds-hostile"


def test_reads_feeds_with_top_folders_only_http_and_no_duplicates():
    outlines = read_opml((HOSTILE / "subscriptions.opml").read_bytes())
    assert outlines == [
        OpmlOutline("https://daringfireball.net/feeds/main", "Daring Fireball", None),
        OpmlOutline("https://feeds.arstechnica.com/arstechnica/index", "Ars Technica", "Tech"),
        OpmlOutline("https://lwn.net/headlines/rss", "LWN.net", "Tech"),
        OpmlOutline("http://scripting.com/rss.xml", "Scripting News", "Tech"),
        OpmlOutline("https://feeds.bbci.co.uk/news/rss.xml", "BBC News", "News"),
    ]


def test_round_trip():
    outlines = read_opml((HOSTILE / "subscriptions.opml").read_bytes())
    written = write_opml(outlines, "Reader subscriptions")
    assert written.startswith(b"<?xml")
    assert read_opml(written) == outlines


def test_titles_with_markup_characters_survive_the_round_trip():
    outlines = [OpmlOutline("https://example.org/a?x=1&y=2", 'Tom & "Jerry" <3', "Fun & games")]
    assert read_opml(write_opml(outlines, "t")) == outlines


def test_external_entities_are_not_resolved(loopback, canary_file):
    loopback.serve("/entity", b"HTTP-CANARY")
    loopback.serve("/parameter.dtd", b'<!ENTITY x "y">')
    text = (HOSTILE / "xxe.opml.tmpl").read_text()
    body = text.replace("{CANARY_URI}", canary_file.as_uri()).replace("{SERVER}", loopback.base_url)
    outlines = read_opml(body.encode())
    assert [o.url for o in outlines] == ["https://example.org/feed"]
    assert canary_file.read_text() not in repr(outlines)
    assert "HTTP-CANARY" not in repr(outlines)
    assert loopback.total_hits == 0


def test_billion_laughs_is_bounded():
    lol = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10)
    ]
    body = (
        '<?xml version="1.0"?><!DOCTYPE opml [' + "".join(lol) + "]>"
        '<opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://example.org/f"/></body></opml>'
    ).encode()
    started = time.monotonic()
    try:
        outlines = read_opml(body)
    except FeedError:
        outlines = []
    assert time.monotonic() - started < 1
    assert all(len(o.title) < 10_000 for o in outlines)


def test_outlines_are_capped():
    count = MAX_OUTLINES + 500
    rows = "".join(f'<outline text="f{i}" xmlUrl="https://example.org/{i}"/>' for i in range(count))
    outlines = read_opml(f'<opml version="2.0"><body>{rows}</body></opml>'.encode())
    assert len(outlines) == MAX_OUTLINES


def test_deep_nesting_does_not_recurse():
    body = '<opml version="2.0"><body>' + '<outline text="d">' * 3000
    body += '<outline text="leaf" xmlUrl="https://example.org/leaf"/>'
    body += "</outline>" * 3000 + "</body></opml>"
    outlines = read_opml(body.encode())
    assert outlines in ([OpmlOutline("https://example.org/leaf", "leaf", "d")], [])


@pytest.mark.parametrize("body", [b"", b"<html><body>no</body></html>", b"\x89PNG\r\n"])
def test_not_opml_is_a_clear_error(body):
    with pytest.raises(FeedError, match="OPML"):
        read_opml(body)
