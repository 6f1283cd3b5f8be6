"""Opening files that are not sound, not ours, read-only, or on a full disk (catalog 45, 46, 48)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import CorruptDatabase, DiskFull, NotOurDatabase, ReadOnlyStorage
from reader.storage import Store
from reader.storage.connection import APPLICATION_ID

from .conftest import NOW, entry

PAGE = 4096


def make_store_file(path: Path, articles: int = 300) -> None:
    """A closed store with data spread over many pages (closing checkpoints the WAL into the file)."""
    with Store(path) as store:
        feed = store.add_feed("https://a.example/feed", title="A", now=NOW)
        body = "<p>" + "words " * 100 + "</p>"
        store.store_entries(feed.id, [entry(str(i), summary_html=body) for i in range(articles)], NOW)
    assert not Path(f"{path}-wal").exists()


def assert_refused(path: Path, error: type[Exception]) -> None:
    before = path.read_bytes()
    with pytest.raises(error) as raised:
        Store(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before


def test_an_empty_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path) as store:
        assert store.feeds() == []
        assert store.integrity_ok()


def test_garbage_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(os.urandom(3 * PAGE))
    assert_refused(path, CorruptDatabase)


def test_garbage_behind_a_valid_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(3 * PAGE))
    assert_refused(path, CorruptDatabase)


def test_a_truncated_copy_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "reader.db"
    make_store_file(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert_refused(path, CorruptDatabase)


def test_flipped_bytes_in_a_page_are_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "reader.db"
    make_store_file(path)
    data = bytearray(path.read_bytes())
    # Scramble the b-tree page header and cell pointers of a page in the middle of the file.
    start = (len(data) // PAGE // 2) * PAGE
    for i in range(start, start + 24):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))
    assert_refused(path, CorruptDatabase)


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann')")
    conn.commit()
    conn.close()
    assert_refused(path, NotOurDatabase)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 12345")
    conn.commit()
    conn.close()
    assert_refused(path, NotOurDatabase)


def test_new_files_carry_our_application_id(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_read_only_mode_reads_and_refuses_writes(db_path: Path) -> None:
    make_store_file(db_path, articles=3)
    before = db_path.read_bytes()
    with Store(db_path, readonly=True) as store:
        (feed,) = store.feeds()
        assert store.count_articles(feed_id=feed.id) == 3
        assert store.search("words")
        with pytest.raises(ReadOnlyStorage, match="read-only"):
            store.set_read([1], True, now=NOW)
        with pytest.raises(ReadOnlyStorage):
            store.add_feed("https://b.example/", now=NOW)
    assert db_path.read_bytes() == before


def test_read_only_mode_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadOnlyStorage, match="does not exist"):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReadOnlyStorage, match="Cannot open or create"):
        Store(tmp_path / "no" / "such" / "folder" / "reader.db")


def test_disk_full_keeps_earlier_data(store: Store) -> None:
    feed = store.add_feed("https://a.example/feed", now=NOW)
    kept = store.store_entries(feed.id, [entry(str(i)) for i in range(10)], NOW).added
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = "<p>" + "x" * 50_000 + "</p>"
    with pytest.raises(DiskFull, match="disk is full"):
        store.store_entries(feed.id, [entry(f"big{i}", summary_html=big) for i in range(20)], NOW)
    assert [a.id for a in store.articles(feed_id=feed.id)] == sorted(kept, reverse=True)
    assert store.integrity_ok()
    # The store stays usable for what fits.
    assert store.set_read(kept[:1], True, now=NOW).status_changed == (kept[0],)
