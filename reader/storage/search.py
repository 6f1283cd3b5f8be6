"""Full-text search over titles, authors, feed text and extracted page text (FTS5).

What the user types becomes an FTS5 expression in which every term is a quoted
string, so no character they type is ever FTS syntax: words, "quoted phrases"
and a trailing ``*`` for a prefix are understood, everything else is literal.

Snippets mark the matched words with HIGHLIGHT_START and HIGHLIGHT_END (the
control characters STX and ETX, removed from all indexed text).  The snippet
is plain text: a view escapes it first, then turns the markers into bold (or
strips them).
"""

from __future__ import annotations

import re

from reader.core.models import SearchHit

from .base import StoreBase, id_list
from .convert import from_ts

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
# bm25 weights of the columns: title, author, summary (feed text), page (extracted text).
_WEIGHTS = (10.0, 2.0, 1.0, 1.0)

# A quoted phrase (closing quote optional) with an optional '*', or a run of non-space.
_TERM = re.compile(r'"([^"]*)"?(\*?)|(\S+)')
_WORDISH = re.compile(r"\w")


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what a user typed; None when it has nothing to look for."""
    terms: list[str] = []
    for match in _TERM.finditer(query):
        phrase, star, word = match.groups()
        if word is not None:
            text = word.rstrip("*")
            prefix = text != word
        else:
            text, prefix = phrase, bool(star)
        # Punctuation alone would tokenize to nothing; leave it out rather than match oddly.
        if not _WORDISH.search(text):
            continue
        terms.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms) if terms else None


def plain_snippet(snippet: str) -> str:
    """A snippet with its highlight markers removed."""
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


class SearchMixin(StoreBase):
    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        feed_id: int | None = None,
        bookmarked_only: bool = False,
        unread_only: bool = False,
    ) -> list[SearchHit]:
        """Articles matching every term of ``query``, best first (a title match weighs most).

        ``SearchHit.rank`` is higher for better matches (the negated bm25 score).
        """
        expression = match_expression(query)
        if expression is None:
            return []
        # Rank first, then take snippets of the chosen few only: snippet() over every match of a
        # common word costs seconds on a big store.
        joins = ""
        clauses = ["article_search MATCH ?"]
        params: list[object] = [*_WEIGHTS, expression]
        if feed_id is not None:
            joins += " JOIN articles a ON a.id = article_search.rowid"
            clauses.append("a.feed_id = ?")
            params.append(feed_id)
        if bookmarked_only or unread_only:
            joins += " JOIN article_status s ON s.article_id = article_search.rowid"
        if bookmarked_only:
            clauses.append("s.bookmarked = 1")
        if unread_only:
            clauses.append("s.read = 0")
        ranked = self._rows(
            "SELECT article_search.rowid, bm25(article_search, ?, ?, ?, ?) AS score "
            f"FROM article_search{joins} WHERE {' AND '.join(clauses)} "
            "ORDER BY score, article_search.rowid DESC LIMIT ?",
            (*params, limit),
        )
        if not ranked:
            return []
        details = {
            r["id"]: r
            for r in self._rows(
                "SELECT a.id, a.title, snippet(article_search, -1, ?, ?, ?, ?) AS snippet, "
                "f.title AS feed_title, a.published "
                "FROM article_search JOIN articles a ON a.id = article_search.rowid "
                "LEFT JOIN feeds f ON f.id = a.feed_id "
                "WHERE article_search MATCH ? AND article_search.rowid IN (SELECT value FROM json_each(?))",
                (
                    HIGHLIGHT_START,
                    HIGHLIGHT_END,
                    ELLIPSIS,
                    SNIPPET_TOKENS,
                    expression,
                    id_list(r[0] for r in ranked),
                ),
            )
        }
        hits = []
        for article_id, score in ranked:
            row = details[article_id]
            hits.append(
                SearchHit(
                    article_id=article_id,
                    title=row["title"],
                    snippet=row["snippet"] or "",
                    feed_title=row["feed_title"],
                    published=from_ts(row["published"]),
                    rank=-float(score),
                )
            )
        return hits
