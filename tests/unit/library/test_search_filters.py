"""Search filters (feed, folder, bookmarked, unread, dates) through the library and the command line."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from tests.integration.offline_site import PAGE_ONLY_WORD, serve_site
from tests.support.loopback import LoopbackServer

from .conftest import FakeClock


def test_filters(library: Library, loopback: LoopbackServer, clock: FakeClock) -> None:
    serve_site(loopback, {"one": ["a1", "a2"], "two": ["a3"]})
    one = library.subscribe(loopback.url("/one.xml"), folder="Coast")
    clock.advance(days=3)
    two = library.subscribe(loopback.url("/two.xml"))
    ids = {a.title: a.id for a in library.articles()}

    def found(**filters: object) -> set[str]:
        return {h.title for h in library.search("story", **filters)}  # type: ignore[arg-type]

    assert found() == {"Story a1", "Story a2", "Story a3"}
    assert found(feed_id=two.id) == {"Story a3"}
    assert found(folder_id=one.folder_id) == {"Story a1", "Story a2"}
    assert found(since=clock.now - timedelta(days=1)) == {"Story a3"}
    assert found(until=clock.now - timedelta(days=1)) == {"Story a1", "Story a2"}
    library.mark_read([ids["Story a1"]])
    assert found(unread_only=True) == {"Story a2", "Story a3"}
    library.bookmark(ids["Story a2"])
    assert found(bookmarked_only=True) == {"Story a2"}
    # The bookmark's extracted page is searched too, and the snippet shows where.
    (hit,) = library.search(PAGE_ONLY_WORD)
    assert hit.title == "Story a2" and PAGE_ONLY_WORD in hit.snippet


def test_cli_search_flags(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_site(loopback, {"one": ["a1", "a2"]})
    data = str(tmp_path / "data")
    assert main(["add", loopback.url("/one.xml"), "--folder", "Coast", "--data-dir", data]) == 0
    capsys.readouterr()

    def titles(*flags: str) -> set[str]:
        assert main(["search", "story", "--json", "--data-dir", data, *flags]) == 0
        return {h["title"] for h in json.loads(capsys.readouterr().out)}

    assert titles() == {"Story a1", "Story a2"}
    assert titles("--folder", "Coast") == titles("--feed", "1") == {"Story a1", "Story a2"}
    assert titles("--until", "2000-01-01") == set()
    assert titles("--since", "2000-01-01", "--unread") == {"Story a1", "Story a2"}
    assert titles("--bookmarked") == set()
    assert main(["search", "story", "--folder", "Nowhere", "--data-dir", data]) == 1
