"""Opening the database file: pragmas, the checks that refuse a file that is not ours or is damaged,
and the mapping of sqlite errors to the reader's own."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.core.errors import (
    CorruptDatabase,
    DiskFull,
    NotOurDatabase,
    ReadOnlyStorage,
    StorageError,
)

log = logging.getLogger(__name__)

# "Read" in ASCII, in the header of every database this app creates.
APPLICATION_ID = 0x52656164
BUSY_TIMEOUT_MS = 5000
# Pages of WAL before an automatic checkpoint (default 1000).  Each checkpoint fsyncs; a
# refresh of hundreds of feeds commits hundreds of small transactions, and checkpointing
# every ~16 MB rather than every 4 MB took a third off their time.
WAL_AUTOCHECKPOINT_PAGES = 4000
SQLITE_HEADER = b"SQLite format 3\x00"


def map_error(error: sqlite3.Error, path: Path) -> StorageError | None:
    """The reader's error for a sqlite failure of the world, or None when it is our own bug."""
    message = str(error).lower()
    if "database or disk is full" in message:
        return DiskFull(f"The disk is full: changes to {path} were not saved.")
    if "readonly database" in message or "read-only" in message:
        return ReadOnlyStorage(f"The database {path} is read-only: nothing can be saved.")
    if "unable to open database file" in message:
        return ReadOnlyStorage(
            f"Cannot open or create the database {path}: its folder is missing or read-only."
        )
    if "malformed" in message or "file is not a database" in message:
        return CorruptDatabase(f"The database {path} is damaged ({error}). It was left as it is.")
    if "database is locked" in message or "database is busy" in message:
        return StorageError(f"The database {path} is busy: another program keeps it locked.")
    if "disk i/o error" in message:
        return StorageError(f"Cannot read or write the database {path}: disk I/O error.")
    return None


def raise_mapped(error: sqlite3.Error, path: Path) -> None:
    """Raise the reader's error for ``error``; return (so the caller re-raises) when it is a bug."""
    mapped = map_error(error, path)
    if mapped is not None:
        raise mapped from error


def rollback_quietly(conn: sqlite3.Connection) -> None:
    # SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR): tolerate that.
    if not conn.in_transaction:
        return
    try:
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        log.warning("rollback failed: %s", error)


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: takes the write lock up front, so a busy database waits
    for busy_timeout instead of failing halfway through a read-then-write upgrade."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise_mapped(error, path)
        raise
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        rollback_quietly(conn)
        raise_mapped(error, path)
        raise
    except BaseException:
        rollback_quietly(conn)
        raise


def _looks_new(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StorageError(f"Cannot read the database {path}: {error.strerror or error}.") from error
    if head != SQLITE_HEADER:
        raise CorruptDatabase(
            f"{path} is not a news reader database (it is not an SQLite file, or it is damaged). "
            "It was left as it is."
        )


def connect(path: Path, *, readonly: bool) -> tuple[sqlite3.Connection, bool]:
    """Open ``path`` and check it is ours and sound; returns the connection and whether it is new.

    Nothing is written before the checks pass (even the switch to WAL writes the header),
    so a file we refuse keeps every byte it had.
    """
    is_new = _looks_new(path)
    if is_new and readonly:
        raise ReadOnlyStorage(f"Cannot open the database {path} read-only: it does not exist yet.")
    if not is_new:
        _check_header(path)
    target = path.resolve().as_uri() + ("?mode=ro" if readonly else "")
    try:
        conn = sqlite3.connect(target, uri=True, isolation_level=None, check_same_thread=True)
    except sqlite3.Error as error:
        raise_mapped(error, path)
        raise
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not is_new:
            _check_existing(conn, path)
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("%s: journal mode is %s, not WAL", path, mode)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        conn.close()
        raise_mapped(error, path)
        raise
    except BaseException:
        conn.close()
        raise
    return conn, is_new


def _check_existing(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if app_id != 0 or tables != 0:
            raise NotOurDatabase(
                f"{path} is a database of another program, not of this news reader. It was left as it is."
            )
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        log.error("quick_check of %s: %s", path, problems)
        raise CorruptDatabase(
            f"The database {path} is damaged ({'; '.join(problems)}). It was left as it is: "
            "restore a backup or move it aside to start afresh."
        )
