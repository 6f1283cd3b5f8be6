"""Bookmarks: tags and notes; export to a file the user keeps and import that merges without duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from reader.library.bookmarks import FEED_TEXT_WARNING, BookmarkFileError
from reader.net import HttpClient
from tests.integration.offline_site import serve_site
from tests.support.loopback import LoopbackServer

from .conftest import FakeClock


def test_tags_and_note(library: Library, loopback: LoopbackServer) -> None:
    serve_site(loopback, {"one": ["a1", "a2"]})
    library.subscribe(loopback.url("/one.xml"))
    first, second = (a.id for a in library.articles())
    library.bookmark(first)
    library.bookmark(second)
    info = library.set_bookmark_details(first, tags=["harbour", " Boats ", "HARBOUR"], note="for the trip")
    assert (info.tags, info.note, info.has_text) == (("Boats", "harbour"), "for the trip", True)
    library.set_bookmark_details(second, tags=["boats"])
    # Tags compare without case: "Boats" and "boats" are one tag.
    assert [(t.casefold(), n) for t, n in library.bookmark_tags()] == [("boats", 2), ("harbour", 1)]
    assert [b.article_id for b in library.bookmarks(tag="harbour")] == [first]
    library.unbookmark(first)
    assert [(t.casefold(), n) for t, n in library.bookmark_tags()] == [("boats", 1)]


def test_export_then_import_elsewhere_and_again(
    library: Library, loopback: LoopbackServer, tmp_path: Path, clock: FakeClock
) -> None:
    serve_site(loopback, {"one": ["a1", "a2"]})
    feed = library.subscribe(loopback.url("/one.xml"))
    a1, a2 = sorted(a.id for a in library.articles())
    library.bookmark(a1)
    library.set_bookmark_details(a1, tags=["harbour"], note="kept")
    loopback.serve("/a2", b"down", status=503)
    assert library.bookmark(a2).problem is not None  # kept with the feed's text only
    library.bookmark(loopback.url("/outside"))
    path = tmp_path / "bookmarks.json"
    assert library.export_bookmarks_to(path) == 3
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("newsreader-bookmarks", 1)
    by_url = {r["url"]: r for r in document["bookmarks"]}
    record = by_url[loopback.url("/a1")]
    assert record["tags"] == ["harbour"] and record["note"] == "kept" and record["text_source"] == "page"
    assert "Ellen Price" in record["text"] and "<img" in record["html"]
    assert by_url[loopback.url("/a2")]["text_source"] == "feed"

    # Into an empty library with no network: everything arrives, readable and searchable.
    with Library(tmp_path / "other", client=HttpClient(), clock=clock) as other:
        result = other.import_bookmarks(path.read_bytes())
        assert (len(result.added), result.merged, result.skipped) == (3, (), ())
        again = other.import_bookmarks(path.read_bytes())
        assert (again.added, len(again.merged)) == ((), 3)
        assert len(other.bookmarks()) == 3
        mine = next(b for b in other.bookmarks() if b.url == loopback.url("/a1"))
        assert (mine.tags, mine.note) == (("harbour",), "kept")
        article = other.article(mine.article_id)
        assert article.clean is not None and "Ellen Price" in article.clean.text
        fed = other.article(next(b.article_id for b in other.bookmarks() if b.url == loopback.url("/a2")))
        assert fed.clean is not None and fed.clean.warning == FEED_TEXT_WARNING
        assert [h.article_id for h in other.search("Ellen Price")] != []

    # Back into the first library: merged into the feed's articles, tags added, no duplicates.
    library.set_bookmark_details(a1, tags=["mine"], note="")
    merged = library.import_bookmarks(path.read_bytes())
    assert merged.added == ()
    assert library.count_articles() == 3
    assert library.bookmark_info(a1).tags == ("harbour", "mine")
    assert library.bookmark_info(a1).note == "kept"
    assert library.article(a1).feed_id == feed.id


def test_imported_html_is_sanitized(library: Library, tmp_path: Path) -> None:
    record = {
        "url": "https://example.com/x",
        "title": "X",
        "text_source": "page",
        "html": '<p onclick="evil()">Hi<script>alert(1)</script><a href="javascript:alert(1)">l</a></p>',
        "text": "Hi",
        "tags": ["t", 3],
    }
    data = json.dumps(
        {"format": "newsreader-bookmarks", "version": 1, "bookmarks": [record, {"url": "file:///etc"}]}
    )
    result = library.import_bookmarks(data.encode())
    assert result.skipped == ("file:///etc",)
    clean = library.article(result.added[0]).clean
    assert clean is not None
    assert "script" not in clean.html and "onclick" not in clean.html and "javascript" not in clean.html


@pytest.mark.parametrize(
    "data",
    [b"not json", b"[]", b'{"format": "other"}', b'{"format": "newsreader-bookmarks", "version": 99}'],
)
def test_bad_files_are_refused_with_a_message(library: Library, data: bytes) -> None:
    with pytest.raises(BookmarkFileError):
        library.import_bookmarks(data)


def test_cli_export_and_import(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_site(loopback, {"one": ["a1"]})
    data, other, file = str(tmp_path / "d1"), str(tmp_path / "d2"), str(tmp_path / "b.json")
    assert main(["bookmark", loopback.url("/outside"), "--tag", "x", "--note", "n", "--data-dir", data]) == 0
    assert main(["bookmark", "--export", file, "--data-dir", data]) == 0
    assert main(["bookmark", "--import", file, "--data-dir", other]) == 0
    out = capsys.readouterr().out
    assert "Wrote 1 bookmarks" in out and "Imported 1 new bookmarks" in out
    assert not list(tmp_path.glob(".*.part"))
