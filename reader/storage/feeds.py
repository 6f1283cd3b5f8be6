"""Folders and feeds (subscriptions and what the refresher remembers about them)."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime
from typing import Any

from reader.core.errors import AlreadySubscribed, NotFound, ReaderError
from reader.core.models import ArticleChanges, Feed, Folder

from .base import StoreBase, id_list
from .convert import from_ts, to_ts

_FEED_FIELDS = tuple(f.name for f in dataclasses.fields(Feed))
_TIME_FIELDS = frozenset({"added_at", "validators_at", "last_fetched", "next_check"})
_BOOL_FIELDS = frozenset({"gone", "keep_offline"})
_FEED_COLUMNS = ", ".join(_FEED_FIELDS)


def feed_from_row(row: sqlite3.Row) -> Feed:
    values: dict[str, Any] = {}
    for name in _FEED_FIELDS:
        value = row[name]
        if name in _TIME_FIELDS:
            value = from_ts(value)
        elif name in _BOOL_FIELDS:
            value = bool(value)
        values[name] = value
    return Feed(**values)


def _column_value(name: str, value: object) -> object:
    if name in _TIME_FIELDS:
        if value is not None and not isinstance(value, datetime):
            raise TypeError(f"{name} must be a datetime or None, not {type(value).__name__}")
        return to_ts(value)
    if name in _BOOL_FIELDS:
        return int(bool(value))
    return value


class FeedsMixin(StoreBase):
    # -- folders

    def add_folder(self, name: str) -> Folder:
        """The folder called ``name``, created if there is none."""
        name = name.strip()
        if not name:
            raise ValueError("a folder needs a name")
        with self._write() as conn:
            conn.execute("INSERT INTO folders(name) VALUES (?) ON CONFLICT(name) DO NOTHING", (name,))
            row = conn.execute("SELECT id, name FROM folders WHERE name = ?", (name,)).fetchone()
        return Folder(row["id"], row["name"])

    def folders(self) -> list[Folder]:
        rows = self._rows("SELECT id, name FROM folders")
        return sorted((Folder(r["id"], r["name"]) for r in rows), key=lambda f: (f.name.casefold(), f.id))

    def rename_folder(self, folder_id: int, name: str) -> None:
        name = name.strip()
        if not name:
            raise ValueError("a folder needs a name")
        try:
            with self._write() as conn:
                done = conn.execute("UPDATE folders SET name = ? WHERE id = ?", (name, folder_id)).rowcount
        except sqlite3.IntegrityError as error:
            raise ReaderError(f"There is already a folder called “{name}”.") from error
        if not done:
            raise NotFound(f"No folder with id {folder_id}.")

    def remove_folder(self, folder_id: int) -> None:
        """Removes the folder; its feeds stay, in no folder (ON DELETE SET NULL)."""
        with self._write() as conn:
            done = conn.execute("DELETE FROM folders WHERE id = ?", (folder_id,)).rowcount
        if not done:
            raise NotFound(f"No folder with id {folder_id}.")

    # -- feeds

    def add_feed(self, url: str, *, title: str = "", folder_id: int | None = None, now: datetime) -> Feed:
        try:
            with self._write() as conn:
                cursor = conn.execute(
                    "INSERT INTO feeds(url, title, folder_id, added_at) VALUES (?, ?, ?, ?)",
                    (url, title, folder_id, to_ts(now)),
                )
        except sqlite3.IntegrityError as error:
            if "UNIQUE" in str(error):
                raise AlreadySubscribed(f"You are already subscribed to {url}.") from error
            raise NotFound(f"No folder with id {folder_id}.") from error
        assert cursor.lastrowid is not None
        return self.feed(cursor.lastrowid)

    def feed(self, feed_id: int) -> Feed:
        row = self._row(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", (feed_id,))
        if row is None:
            raise NotFound(f"No feed with id {feed_id}.")
        return feed_from_row(row)

    def feed_by_url(self, url: str) -> Feed | None:
        row = self._row(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,))
        return None if row is None else feed_from_row(row)

    def feeds(self) -> list[Feed]:
        """Every feed, by folder name (feeds in no folder last), then title, case-insensitively."""
        rows = self._rows(
            f"SELECT {', '.join('f.' + c for c in _FEED_FIELDS)}, fo.name AS folder_name "
            "FROM feeds f LEFT JOIN folders fo ON fo.id = f.folder_id"
        )

        def key(row: sqlite3.Row) -> tuple[bool, str, str, int]:
            folder = row["folder_name"]
            return (
                folder is None,
                (folder or "").casefold(),
                (row["title"] or row["url"]).casefold(),
                row["id"],
            )

        return [feed_from_row(r) for r in sorted(rows, key=key)]

    def update_feed(self, feed_id: int, **fields: object) -> Feed:
        """Sets the given Feed fields (any but ``id``) and returns the feed as stored."""
        unknown = [name for name in fields if name not in _FEED_FIELDS or name == "id"]
        if unknown:
            raise TypeError(f"update_feed() got fields it cannot set: {', '.join(unknown)}")
        if fields:
            assignments = ", ".join(f"{name} = ?" for name in fields)
            values = [_column_value(name, value) for name, value in fields.items()]
            try:
                with self._write() as conn:
                    done = conn.execute(
                        f"UPDATE feeds SET {assignments} WHERE id = ?", (*values, feed_id)
                    ).rowcount
            except sqlite3.IntegrityError as error:
                if "UNIQUE" in str(error):
                    raise AlreadySubscribed(f"You are already subscribed to {fields['url']}.") from error
                raise NotFound(f"No folder with id {fields.get('folder_id')}.") from error
            if not done:
                raise NotFound(f"No feed with id {feed_id}.")
        return self.feed(feed_id)

    def remove_feed(self, feed_id: int) -> ArticleChanges:
        """Removes the feed and its articles, except bookmarked ones: those are kept with no feed."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM feeds WHERE id = ?", (feed_id,)).fetchone() is None:
                raise NotFound(f"No feed with id {feed_id}.")
            kept = [
                r[0]
                for r in conn.execute(
                    "SELECT article_id FROM article_status WHERE feed_id = ? AND bookmarked = 1", (feed_id,)
                )
            ]
            kept_json = id_list(kept)
            conn.execute(
                "UPDATE articles SET feed_id = NULL WHERE id IN (SELECT value FROM json_each(?))",
                (kept_json,),
            )
            conn.execute(
                "UPDATE article_status SET feed_id = NULL "
                "WHERE article_id IN (SELECT value FROM json_each(?))",
                (kept_json,),
            )
            removed = [r[0] for r in conn.execute("SELECT id FROM articles WHERE feed_id = ?", (feed_id,))]
            conn.execute(
                "DELETE FROM article_search WHERE rowid IN (SELECT value FROM json_each(?))",
                (id_list(removed),),
            )
            # article_status and article_clean rows go with their article (ON DELETE CASCADE).
            conn.execute("DELETE FROM articles WHERE feed_id = ?", (feed_id,))
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return ArticleChanges(updated=tuple(kept), removed=tuple(removed))

    def due_feeds(self, now: datetime) -> list[Feed]:
        """Feeds to refresh at ``now``: not gone, never checked or their next check has come."""
        rows = self._rows(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE gone = 0 AND (next_check IS NULL OR next_check <= ?) "
            "ORDER BY next_check IS NOT NULL, next_check, id",
            (to_ts(now),),
        )
        return [feed_from_row(r) for r in rows]

    def unread_counts(self) -> dict[int, int]:
        """Unread articles of every feed (0 included)."""
        counts = {r[0]: 0 for r in self._rows("SELECT id FROM feeds")}
        rows = self._rows(
            "SELECT feed_id, count(*) FROM article_status "
            "WHERE read = 0 AND feed_id IS NOT NULL GROUP BY feed_id"
        )
        counts.update((r[0], r[1]) for r in rows)
        return counts
