"""Schema versions: fresh, upgrade with data, newer refused, interrupted upgrade (catalog 49)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import ReadOnlyStorage, SchemaTooNew
from reader.storage import Store, migrations

REPO = Path(__file__).resolve().parents[3]


def columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def version_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def make_v1(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """A schema-1 database: a feed, a read and bookmarked article, an image; returns the article id.

    Written in SQL as a version-1 app wrote it: today's store methods expect today's schema.
    """
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        with Store(path) as store:
            assert store.schema_version == 1
            conn = store._conn
            conn.execute(
                "INSERT INTO feeds(id, url, title, added_at) VALUES (1, 'https://a.example/feed', 'A', 1000)"
            )
            conn.execute(
                "INSERT INTO articles(id, feed_id, uid, title, arrived_at, sort_time) "
                "VALUES (1, 1, '1', 'Old news', 1000, 1000)"
            )
            conn.execute(
                "INSERT INTO article_status(article_id, feed_id, read, read_at, bookmarked, bookmarked_at) "
                "VALUES (1, 1, 1, 1000, 1, 1000)"
            )
            conn.execute(
                "INSERT INTO article_search(rowid, title, author, summary, page) "
                "VALUES (1, 'Old news', '', '', '')"
            )
            conn.execute(
                "INSERT INTO images(url, article_id, mime_type, data, size, saved_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                ("https://a.example/i.png", 1, "image/png", b"PNG", 3, 1000),
            )
    return 1


def assert_v1_data_intact(store: Store, article_id: int) -> None:
    article = store.article(article_id)
    assert (article.title, article.read, article.bookmarked, article.feed_title) == (
        "Old news",
        True,
        True,
        "A",
    )
    assert store.image("https://a.example/i.png") == (b"PNG", "image/png")
    assert [h.article_id for h in store.search("news")] == [article_id]


def test_a_new_database_gets_the_latest_schema(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version == migrations.latest_version() == 4
        assert store.integrity_ok()
    assert "last_used" in columns(db_path, "images")


def test_upgrade_from_v1_keeps_data(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = make_v1(db_path, monkeypatch)
    assert "last_used" not in columns(db_path, "images")
    with Store(db_path) as store:
        assert store.schema_version == migrations.latest_version()
        assert_v1_data_intact(store, article_id)
        last_used = store._conn.execute("SELECT last_used FROM images").fetchone()[0]
        assert last_used == 1000
        assert store.integrity_ok()


def test_read_only_cannot_upgrade(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_v1(db_path, monkeypatch)
    with pytest.raises(ReadOnlyStorage, match="upgrade"):
        Store(db_path, readonly=True)
    assert version_of(db_path) == 1


def test_a_newer_schema_is_refused_and_left_alone(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer version"):
        Store(db_path)
    assert db_path.read_bytes() == before
    assert version_of(db_path) == 999


def test_killed_mid_migration_keeps_the_old_version_and_retry_succeeds(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = make_v1(db_path, monkeypatch)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.storage.child_process", "migrate", str(db_path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        # The child writes this line from inside the migration's transaction, just before COMMIT.
        assert child.stdout.readline().strip() == "migrating"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    # The migrations before it committed; the killed one (the last) left nothing behind.
    assert version_of(db_path) == migrations.latest_version() - 1
    assert "note" in columns(db_path, "article_status")
    assert columns(db_path, "search_pending") == []
    with Store(db_path) as store:
        assert store.schema_version == migrations.latest_version()
        assert_v1_data_intact(store, article_id)
        assert store.integrity_ok()


def test_upgrade_from_v2_links_images_and_rebuilds_search(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = make_v1(db_path, monkeypatch)
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        Store(db_path).close()
    assert version_of(db_path) == 2
    with Store(db_path) as store:
        assert store.schema_version == migrations.latest_version()
        assert_v1_data_intact(store, article_id)
        # The bookmarked article's image is linked to it, so the cache will never evict it.
        links = store._conn.execute("SELECT article_id, url FROM article_images").fetchall()
        assert [tuple(r) for r in links] == [(article_id, "https://a.example/i.png")]
        bookmark = store.bookmark(article_id)
        assert (bookmark.tags, bookmark.note) == ((), "")
        store.set_bookmark_details(article_id, tags=["later", "Later", " x "], note="why I kept it")
        assert store.bookmark(article_id).tags == ("later", "x")
        # The rebuilt index has prefix indexes and the stored rank, and the old rows.
        assert [h.article_id for h in store.search("ne*")] == [article_id]
        sql = store._conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'article_search'").fetchone()[0]
        assert "prefix" in sql
        assert "keep_read_days" in columns(db_path, "feeds")
        assert store.integrity_ok()
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []
