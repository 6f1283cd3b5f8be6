"""SQLite storage: feeds, articles, their status, offline pages and images, full-text search."""

from .search import HIGHLIGHT_END, HIGHLIGHT_START
from .store import Store

__all__ = ["HIGHLIGHT_END", "HIGHLIGHT_START", "Store"]
