"""Child processes for the durability tests: run as ``python -m tests.unit.storage.child_process MODE PATH``.

Each reports progress on stdout, one line at a time, so the parent can act on
what it reads (no sleeping, no polling).
"""

from __future__ import annotations

import sqlite3
import sys
import threading

from reader.core.models import ParsedEntry
from reader.storage import Store, migrations

from .conftest import NOW


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def hang_in_migration(path: str) -> None:
    """Start the upgrade to the latest schema and stop, killable, just before its COMMIT."""

    def block(conn: sqlite3.Connection) -> None:
        say("migrating")
        threading.Event().wait()

    last = migrations.MIGRATIONS[-1]
    migrations.MIGRATIONS[-1] = migrations.Migration(last.version, last.description, (*last.steps, block))
    Store(path).close()


def write_forever(path: str) -> None:
    """Commit numbered batches of entries, reporting each batch after its commit, until killed."""
    with Store(path) as store:
        feed = store.add_feed("https://writer.example/feed", now=NOW)
        say("ready")
        for batch in range(1_000_000):
            entries = [ParsedEntry(uid=f"{batch}-{i}", title=f"Batch {batch} entry {i}") for i in range(5)]
            changes = store.store_entries(feed.id, entries, NOW)
            store.set_read(changes.added[:2], True, now=NOW)
            say(str(batch))


def write_some(path: str, name: str, batches: int) -> None:
    """Many short transactions, started when the parent says go, alongside another writer."""
    with Store(path) as store:
        say("ready")
        sys.stdin.readline()
        feed = store.add_feed(f"https://{name}.example/feed", now=NOW)
        for batch in range(batches):
            entries = [ParsedEntry(uid=f"{batch}-{i}", title=f"{name} {batch} {i}") for i in range(5)]
            changes = store.store_entries(feed.id, entries, NOW)
            store.set_read(changes.added[:1], True, now=NOW)
            store.unread_counts()
        store.mark_all_read(feed_id=feed.id, now=NOW)
        say("done")


def main(argv: list[str]) -> None:
    mode, path = argv[0], argv[1]
    if mode == "migrate":
        hang_in_migration(path)
    elif mode == "write-forever":
        write_forever(path)
    elif mode == "write-some":
        write_some(path, argv[2], int(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
