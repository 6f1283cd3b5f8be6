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

# bm25 weights of the columns title, author, summary (feed text), page (extracted text): a
# title match weighs most.  Stored in the index as its default rank, so ``ORDER BY rank``
# needs no arguments.
SEARCH_RANK = "bm25(10.0, 2.0, 1.0, 1.0)"


def _rebuild_search_index(conn: sqlite3.Connection) -> None:
    """The search index again, with prefix indexes and the stored rank.

    Without prefix indexes a query such as ``ga*`` merges the postings of every
    term starting with "ga" (seconds on a big store); with them it reads one list.
    Measured on 100,000 articles (tests/benchmarks/search.py): every prefix length
    without its own index was slow for some words (p95 265 ms at 4 letters, 202 ms
    at 5 with '2 3 4'); indexing 2 to 6 brought all to a p95 near 11 ms for 11% more
    file (1570 MB against 1415), and from 7 letters on a prefix matches few terms.
    """
    conn.execute(
        """CREATE VIRTUAL TABLE article_search_new USING fts5(
            title, author, summary, page,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3 4 5 6'
        )"""
    )
    conn.execute(
        "INSERT INTO article_search_new(rowid, title, author, summary, page) "
        "SELECT rowid, title, author, summary, page FROM article_search"
    )
    conn.execute("DROP TABLE article_search")
    conn.execute("ALTER TABLE article_search_new RENAME TO article_search")
    conn.execute("INSERT INTO article_search(article_search, rank) VALUES ('rank', ?)", (SEARCH_RANK,))


_BOOKMARKS_OFFLINE_RETENTION: tuple[Step, ...] = (
    # A bookmark's personal note and tags.
    "ALTER TABLE article_status ADD COLUMN note TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE bookmark_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (article_id, tag)
    ) WITHOUT ROWID""",
    "CREATE INDEX bookmark_tags_tag ON bookmark_tags(tag)",
    # Which article shows which image: one image can serve several articles, and the cache
    # must never evict an image that any bookmark shows.  Rows stay when an image is evicted.
    """CREATE TABLE article_images (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        PRIMARY KEY (article_id, url)
    ) WITHOUT ROWID""",
    "CREATE INDEX article_images_url ON article_images(url)",
    "INSERT INTO article_images(article_id, url) "
    "SELECT article_id, url FROM images WHERE article_id IS NOT NULL",
    # Covering index for the cache's total and its eviction order: size comes after the blob
    # in the row, so reading it from the table would walk every image's overflow pages.
    "DROP INDEX images_last_used",
    "CREATE INDEX images_lru ON images(last_used, size, url)",
    # Retention of read articles per feed (NULL: the global policy).
    "ALTER TABLE feeds ADD COLUMN keep_read_days INTEGER",
    "ALTER TABLE feeds ADD COLUMN keep_read_max INTEGER",
    # Entries removed by retention while their feed still lists them: without these the next
    # refresh would add them again as new and unread.  seen_at: when the feed last listed it.
    """CREATE TABLE article_tombstones (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        uid TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (feed_id, uid)
    ) WITHOUT ROWID""",
    # Pages that could not be fetched for offline reading, so each refresh does not retry them.
    """CREATE TABLE page_failures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        tried_at INTEGER NOT NULL,
        error TEXT NOT NULL
    )""",
    "CREATE INDEX status_read_at ON article_status(feed_id, read_at) WHERE read = 1 AND bookmarked = 0",
    _rebuild_search_index,
)

# Articles stored but not yet in the search index.  A refresh of hundreds of
# feeds only lists them here; the index catches up in the background, and
# every search first indexes what is listed, so a search never misses one.
_SEARCH_PENDING = (
    """CREATE TABLE search_pending (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
    )""",
)

MIGRATIONS: list[Migration] = [
    Migration(1, "the schema", _SCHEMA_V1),
    Migration(2, "images.last_used for cache eviction", _IMAGES_LAST_USED),
    Migration(
        3, "bookmark tags and notes, image links, retention, search prefixes", _BOOKMARKS_OFFLINE_RETENTION
    ),
    Migration(4, "search indexing after the refresh", _SEARCH_PENDING),
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
