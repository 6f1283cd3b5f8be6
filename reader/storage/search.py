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
from datetime import datetime

from reader.core.models import SearchHit

from .base import StoreBase, id_list
from .convert import from_ts, html_to_text, index_text, to_ts

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
# How many of the newest matches a query ranks (see SearchMixin.search).
RANK_WINDOW = 5000
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


def _filters(
    feed_id: int | None,
    folder_id: int | None,
    bookmarked_only: bool,
    unread_only: bool,
    since: datetime | None,
    until: datetime | None,
) -> tuple[str, str, list[object]]:
    """The joins, conditions and parameters that narrow a search."""
    joins: list[str] = []
    clauses: list[str] = []
    params: list[object] = []
    if feed_id is not None or folder_id is not None or since is not None or until is not None:
        joins.append("JOIN articles a ON a.id = article_search.rowid")
    if feed_id is not None:
        clauses.append("a.feed_id = ?")
        params.append(feed_id)
    if folder_id is not None:
        clauses.append("a.feed_id IN (SELECT id FROM feeds WHERE folder_id = ?)")
        params.append(folder_id)
    if since is not None:
        clauses.append("a.sort_time >= ?")
        params.append(to_ts(since))
    if until is not None:
        clauses.append("a.sort_time < ?")
        params.append(to_ts(until))
    if bookmarked_only or unread_only:
        joins.append("JOIN article_status s ON s.article_id = article_search.rowid")
    if bookmarked_only:
        clauses.append("s.bookmarked = 1")
    if unread_only:
        clauses.append("s.read = 0")
    return " ".join(joins), "".join(f" AND {c}" for c in clauses), params


_PENDING = (
    "SELECT a.id, a.title, a.author, coalesce(a.content_html, a.summary_html), c.text "
    "FROM search_pending q JOIN articles a ON a.id = q.article_id "
    "LEFT JOIN article_clean c ON c.article_id = a.id ORDER BY q.article_id DESC LIMIT ?"
)


class SearchMixin(StoreBase):
    def pending_index_count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM search_pending"))

    def index_pending(self, limit: int | None = None) -> int:
        """Add stored articles not yet indexed (newest first) to the index; returns how many remain.

        With ``limit`` the work comes in short transactions, so a background
        caller never holds the database for long.
        """
        with self._write() as conn:
            rows = conn.execute(_PENDING, (-1 if limit is None else limit,)).fetchall()
            conn.executemany(
                "INSERT INTO article_search(rowid, title, author, summary, page) VALUES (?, ?, ?, ?, ?)",
                (
                    (
                        r[0],
                        index_text(r[1]),
                        index_text(r[2]),
                        index_text(html_to_text(r[3])),
                        index_text(r[4]),
                    )
                    for r in rows
                ),
            )
            conn.executemany("DELETE FROM search_pending WHERE article_id = ?", ((r[0],) for r in rows))
            return int(conn.execute("SELECT count(*) FROM search_pending").fetchone()[0])

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        feed_id: int | None = None,
        folder_id: int | None = None,
        bookmarked_only: bool = False,
        unread_only: bool = False,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[SearchHit]:
        """Articles matching every term of ``query``, best first (a title match weighs most).

        ``since``/``until`` bound the article's date (published, else arrival): since <= date < until.
        ``SearchHit.rank`` is higher for better matches (the negated bm25 score).

        Only the newest RANK_WINDOW matches are ranked: bm25 costs time for every match it
        scores, so a common word over a big store would otherwise take a tenth of a second
        or more.  FTS5 hands out matches newest first (by rowid) and stops after the window.
        """
        expression = match_expression(query)
        if expression is None:
            return []
        if not self.readonly and self.pending_index_count():
            self.index_pending()
        joins, conditions, params = _filters(feed_id, folder_id, bookmarked_only, unread_only, since, until)
        ranked = self._rows(
            "SELECT id, score FROM (SELECT article_search.rowid AS id, "
            f"bm25(article_search, {', '.join(map(str, _WEIGHTS))}) AS score "
            f"FROM article_search {joins} WHERE article_search MATCH ?{conditions} "
            "ORDER BY article_search.rowid DESC LIMIT ?) ORDER BY score, id DESC LIMIT ?",
            (expression, *params, RANK_WINDOW, limit),
        )
        if not ranked:
            return []
        # Snippets of the chosen few only: snippet() over every match costs as much as ranking.
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
        return [
            SearchHit(
                article_id=article_id,
                title=details[article_id]["title"],
                snippet=details[article_id]["snippet"] or "",
                feed_title=details[article_id]["feed_title"],
                published=from_ts(details[article_id]["published"]),
                rank=-float(score),
            )
            for article_id, score in ranked
        ]
