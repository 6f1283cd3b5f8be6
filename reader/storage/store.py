"""The store: one SQLite connection with the whole storage API, for one thread.

The app's writer thread owns one Store; each reader thread opens its own
``Store(path)`` (WAL lets them read while the writer writes).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from types import TracebackType

from reader.core.errors import ReaderError, ReadOnlyStorage

from . import migrations
from .articles import ArticlesMixin
from .bookmarks import BookmarksMixin
from .connection import connect, raise_mapped
from .feeds import FeedsMixin
from .imagecache import ImageCacheMixin
from .listing import ListingMixin
from .pages import PagesMixin
from .retention import RetentionMixin
from .search import SearchMixin

log = logging.getLogger(__name__)


class Store(
    FeedsMixin,
    ArticlesMixin,
    ListingMixin,
    PagesMixin,
    SearchMixin,
    BookmarksMixin,
    ImageCacheMixin,
    RetentionMixin,
):
    """Opens (creating it when new), checks and migrates the database at ``path``.

    Raises CorruptDatabase, NotOurDatabase, SchemaTooNew, ReadOnlyStorage or
    StorageError with a message for the user; a refused file is left untouched.
    With ``readonly=True`` the file is only read (browsing mode) and every write
    raises ReadOnlyStorage.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._closed = True
        conn, _ = connect(self.path, readonly=readonly)
        try:
            conn.row_factory = sqlite3.Row
            self._conn = conn
            self._prepare_schema()
        except sqlite3.Error as error:
            conn.close()
            raise_mapped(error, self.path)
            raise
        except BaseException:
            conn.close()
            raise
        self._closed = False

    def _prepare_schema(self) -> None:
        version = migrations.check_version(self._conn, self.path)
        if version == migrations.latest_version():
            return
        if self.readonly:
            raise ReadOnlyStorage(
                f"The database {self.path} needs an upgrade (schema {version}), "
                "which cannot be done read-only."
            )
        migrations.migrate(self._conn, self.path)

    def close(self) -> None:
        if self._closed:
            return
        try:
            if not self.readonly:
                # A store is left fully indexed, so a later read-only opening
                # (which cannot index) still finds everything.
                self.index_pending()
                self.refresh_statistics()
        except (sqlite3.Error, ReaderError) as error:
            # A store closed before its upgrade (an older schema) has no search queue yet.
            log.warning("tidying %s on close failed: %s", self.path, error)
        finally:
            self._closed = True
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def integrity_ok(self) -> bool:
        """True when SQLite's full integrity check finds nothing wrong (slow on big files)."""
        rows = self._rows("PRAGMA integrity_check(1)")
        return [r[0] for r in rows] == ["ok"]

    @property
    def schema_version(self) -> int:
        return migrations.user_version(self._conn)
