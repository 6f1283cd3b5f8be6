"""Search results as rows of the article list (made on the store thread)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.models import ArticleSummary


@dataclass(frozen=True, slots=True)
class SearchRow(ArticleSummary):
    """A search result: the article's row plus its snippet with the matches marked."""

    snippet: str = ""
