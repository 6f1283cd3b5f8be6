"""The reader's one API over feeds, extraction and the store (no Qt)."""

from reader.library.library import Bookmarked, Library, OpmlImport, extract_page, write_atomically
from reader.library.paths import data_dir, database_path
from reader.library.refresh import Refresher

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
