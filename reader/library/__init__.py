"""The reader's one API over feeds, extraction and the store (no Qt).

Names are loaded on first use, so ``reader.library.paths`` can be imported
at app start-up without pulling in requests, lxml and the parsers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library.library import Bookmarked, Library, OpmlImport, extract_page, write_atomically
    from reader.library.paths import data_dir, database_path
    from reader.library.refresh import Refresher

_HOMES = {
    "Bookmarked": "reader.library.library",
    "Library": "reader.library.library",
    "OpmlImport": "reader.library.library",
    "extract_page": "reader.library.library",
    "write_atomically": "reader.library.library",
    "data_dir": "reader.library.paths",
    "database_path": "reader.library.paths",
    "Refresher": "reader.library.refresh",
}

__all__ = [
    "Bookmarked",
    "Library",
    "OpmlImport",
    "Refresher",
    "data_dir",
    "database_path",
    "extract_page",
    "write_atomically",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
