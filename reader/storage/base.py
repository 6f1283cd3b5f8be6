"""What every part of the store shares: the connection and how to read and write through it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.core.errors import ReadOnlyStorage

from .connection import raise_mapped, write_transaction

Params = Sequence[Any] | dict[str, Any]


class StoreBase:
    """Holds one connection, used by one thread; the topic mixins build on these helpers."""

    path: Path
    readonly: bool
    _conn: sqlite3.Connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise ReadOnlyStorage(f"The database {self.path} is open read-only: nothing can be saved.")
        with write_transaction(self._conn, self.path) as conn:
            yield conn

    def _rows(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise_mapped(error, self.path)
            raise

    def _row(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        try:
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
        except sqlite3.Error as error:
            raise_mapped(error, self.path)
            raise
        return row

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        row = self._row(sql, params)
        return None if row is None else row[0]


def id_list(ids: Iterable[int]) -> str:
    """Ids as one JSON parameter, expanded in SQL with json_each (no variable-count limits)."""
    return json.dumps([int(i) for i in ids])
