from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.models import ParsedEntry
from reader.storage import Store

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def entry(uid: str, title: str = "", *, hours_ago: float | None = None, **fields: object) -> ParsedEntry:
    """An entry published ``hours_ago`` before NOW (None: no date)."""
    published = None if hours_ago is None else NOW - timedelta(hours=hours_ago)
    values: dict[str, object] = {"uid": uid, "title": title or f"Title {uid}", "published": published}
    values.update(fields)
    return ParsedEntry(**values)  # type: ignore[arg-type]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "reader.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened
