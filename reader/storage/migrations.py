"""The schema as numbered migrations, recorded in ``PRAGMA user_version``.

Each migration runs in one transaction (DDL included) and is followed by a
foreign key check, so a crash mid-migration leaves the previous version whole.
A database newer than this code is refused, never downgraded.

Times are integer UTC seconds.  Article content (``articles``) and what the
user did with it (``article_status``) are separate tables; ``article_status``
repeats the article's feed_id so unread counts and "mark feed read" never touch
the content table.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import SchemaTooNew, StorageError

from .connection import APPLICATION_ID, rollback_quietly

log = logging.getLogger(__name__)

Step = str | Callable[[sqlite3.Connection], None]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    steps: tuple[Step, ...]


_SCHEMA_V1: tuple[Step, ...] = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE folders (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site_url TEXT,
        folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
        added_at INTEGER,
        etag TEXT,
        last_modified TEXT,
        validators_at INTEGER,
        body_hash TEXT,
        last_fetched INTEGER,
        last_error TEXT,
        error_count INTEGER NOT NULL DEFAULT 0,
        next_check INTEGER,
        gone INTEGER NOT NULL DEFAULT 0,
        keep_offline INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX feeds_folder ON feeds(folder_id)",
    # feed_id is NULL for a bookmarked web page, and for a bookmark kept after its feed went.
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        feed_id INTEGER REFERENCES feeds(id),
        uid TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        url TEXT,
        author TEXT,
        summary_html TEXT,
        content_html TEXT,
        published INTEGER,
        updated INTEGER,
        image_url TEXT,
        enclosures TEXT NOT NULL DEFAULT '',
        arrived_at INTEGER NOT NULL,
        sort_time INTEGER NOT NULL,
        content_hash TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE UNIQUE INDEX articles_feed_uid ON articles(feed_id, uid)",
    "CREATE INDEX articles_feed_sort ON articles(feed_id, sort_time DESC, id DESC)",
    "CREATE INDEX articles_sort ON articles(sort_time DESC, id DESC)",
    "CREATE INDEX articles_url ON articles(url)",
    """CREATE TABLE article_status (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        feed_id INTEGER REFERENCES feeds(id),
        read INTEGER NOT NULL DEFAULT 0,
        read_at INTEGER,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        bookmarked_at INTEGER
    )""",
    "CREATE INDEX status_feed ON article_status(feed_id, read)",
    "CREATE INDEX status_unread ON article_status(feed_id) WHERE read = 0",
    "CREATE INDEX status_bookmarked ON article_status(article_id) WHERE bookmarked = 1",
    """CREATE TABLE article_clean (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        html TEXT NOT NULL,
        text TEXT NOT NULL,
        author TEXT,
        published INTEGER,
        site_name TEXT,
        language TEXT,
        lead_image TEXT,
        direction TEXT NOT NULL DEFAULT 'ltr',
        warning TEXT,
        saved_at INTEGER NOT NULL
    )""",
    """CREATE TABLE images (
        url TEXT PRIMARY KEY,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        mime_type TEXT NOT NULL,
        data BLOB NOT NULL,
        size INTEGER NOT NULL,
        saved_at INTEGER NOT NULL
    )""",
    "CREATE INDEX images_article ON images(article_id)",
    # rowid = articles.id; kept in step by the store in the same transactions.
    # "summary" holds the feed's body text (content, else summary); "page" the extracted page text.
    """CREATE VIRTUAL TABLE article_search USING fts5(
        title, author, summary, page,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
)

_IMAGES_LAST_USED: tuple[Step, ...] = (
    # For a future size cap with LRU eviction (catalog 51).
    "ALTER TABLE images ADD COLUMN last_used INTEGER",
    "UPDATE images SET last_used = saved_at",
    "CREATE INDEX images_last_used ON images(last_used)",
)

MIGRATIONS: list[Migration] = [
    Migration(1, "the schema", _SCHEMA_V1),
    Migration(2, "images.last_used for cache eviction", _IMAGES_LAST_USED),
]


def latest_version(migrations: Sequence[Migration] | None = None) -> int:
    return max(m.version for m in (MIGRATIONS if migrations is None else migrations))


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration] | None = None) -> int:
    """The file's schema version; SchemaTooNew when a newer app wrote it."""
    version = user_version(conn)
    latest = latest_version(migrations)
    if version > latest:
        raise SchemaTooNew(
            f"The database {path} was written by a newer version of this app (schema {version}, "
            f"this app knows up to {latest}). Update the app; the file was left as it is."
        )
    return version


def migrate(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the schema up to date, one transaction per migration; returns the final version."""
    todo = sorted(MIGRATIONS if migrations is None else migrations, key=lambda m: m.version)
    for migration in todo:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read inside the write lock: another process may have migrated meanwhile.
            if check_version(conn, path, todo) >= migration.version:
                conn.execute("ROLLBACK")
                continue
            log.info("%s: migrating to schema %d (%s)", path, migration.version, migration.description)
            for step in migration.steps:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StorageError(
                    f"Upgrading the database {path} to schema {migration.version} left broken links "
                    f"({len(broken)}); the upgrade was undone."
                )
            conn.execute("COMMIT")
        except BaseException:
            rollback_quietly(conn)
            raise
    return user_version(conn)
