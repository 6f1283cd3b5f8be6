from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.models import ParsedEntry
from reader.storage import HIGHLIGHT_END, HIGHLIGHT_START, Store
from reader.storage.convert import html_to_text
from reader.storage.search import match_expression, plain_snippet

from .conftest import NOW, entry


@pytest.fixture
def filled(store: Store) -> dict[str, int]:
    feed = store.add_feed("https://a.example/feed", title="A", now=NOW)
    other = store.add_feed("https://b.example/feed", title="B", now=NOW)
    entries = [
        entry(
            "garden", "Spring garden notes", summary_html="<p>Roses, <b>tulips</b> and the old oak tree.</p>"
        ),
        entry(
            "rust",
            "Compiler news",
            summary_html="<p>The garden of Rust crates grows; a new borrow checker.</p>",
        ),
        entry("café", "Le café du coin", summary_html="<p>Un café crème, s'il vous plaît.</p>"),
        entry("ru", "Новости науки", summary_html="<p>Учёные открыли новую звезду в созвездии Лебедя.</p>"),
        entry("syntax", 'Syntax AND(NEAR) "quotes"', summary_html="<p>C++ and a*b OR c - d: stars</p>"),
    ]
    ids = dict(zip([e.uid for e in entries], store.store_entries(feed.id, entries, NOW).added, strict=True))
    (ids["other"],) = store.store_entries(other.id, [entry("o", "Garden tools")], NOW).added
    return ids


def hit_ids(store: Store, query: str, **kwargs: object) -> list[int]:
    return [h.article_id for h in store.search(query, **kwargs)]  # type: ignore[arg-type]


def test_words_must_all_match(store: Store, filled: dict[str, int]) -> None:
    assert hit_ids(store, "tulips oak") == [filled["garden"]]
    assert hit_ids(store, "tulips borrow") == []
    assert hit_ids(store, "TULIPS") == [filled["garden"]]


def test_title_match_ranks_first(store: Store, filled: dict[str, int]) -> None:
    hits = store.search("garden")
    assert {h.article_id for h in hits} == {filled["garden"], filled["rust"], filled["other"]}
    assert hits[-1].article_id == filled["rust"]
    assert hits[0].rank >= hits[1].rank >= hits[2].rank


def test_phrases_and_prefixes(store: Store, filled: dict[str, int]) -> None:
    assert hit_ids(store, '"old oak"') == [filled["garden"]]
    assert hit_ids(store, '"oak old"') == []
    assert hit_ids(store, "tuli*") == [filled["garden"]]
    assert hit_ids(store, '"borrow che"*') == [filled["rust"]]
    assert hit_ids(store, "tuli") == []


def test_diacritics_and_cyrillic(store: Store, filled: dict[str, int]) -> None:
    assert hit_ids(store, "cafe") == [filled["café"]]
    assert hit_ids(store, "plait") == [filled["café"]]
    assert hit_ids(store, "звезду") == [filled["ru"]]
    assert hit_ids(store, "НОВОСТИ") == [filled["ru"]]
    assert hit_ids(store, "созвезд*") == [filled["ru"]]


@pytest.mark.parametrize(
    "query",
    ['"', '""', "AND(", "*", "NEAR", "NEAR(a b)", "a OR", "-", "(", ")", "^x", "x:y", "{a b}", "'",
     '"unclosed', "title:garden", "\x00", "a\u2028b", "*" * 100, "garden AND", "NOT garden", "+", "col : x"],
)  # fmt: skip
def test_hostile_queries_never_raise(store: Store, filled: dict[str, int], query: str) -> None:
    store.search(query)


def test_syntax_words_are_searched_literally(store: Store, filled: dict[str, int]) -> None:
    # "and" is an ordinary word here: the title match comes first, the summary's "and" next.
    assert hit_ids(store, "AND(") == [filled["syntax"], filled["garden"]]
    assert hit_ids(store, "near") == [filled["syntax"]]
    assert hit_ids(store, '"quotes"') == [filled["syntax"]]
    assert hit_ids(store, "a*b") == [filled["syntax"]]
    assert hit_ids(store, "title:garden") == []
    assert store.search("*") == []
    assert store.search("   ") == []


def test_snippet_marks_matches_and_is_plain_text(store: Store, filled: dict[str, int]) -> None:
    feed = store.add_feed("https://c.example/feed", title="C", now=NOW)
    (article_id,) = store.store_entries(
        feed.id, [entry("x", "Plain", summary_html="<p>Use &lt;script&gt; tags with care.</p>")], NOW
    ).added
    (hit,) = store.search("script")
    assert hit.article_id == article_id
    assert hit.feed_title == "C"
    assert f"{HIGHLIGHT_START}script{HIGHLIGHT_END}" in hit.snippet
    assert plain_snippet(hit.snippet) == "Use <script> tags with care."
    # How a view shows it: escape, then turn the markers into bold.
    shown = html.escape(hit.snippet).replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")
    assert shown == "Use &lt;<b>script</b>&gt; tags with care."


def test_search_filters(store: Store, filled: dict[str, int]) -> None:
    feed_a = store.feed_by_url("https://a.example/feed")
    assert feed_a is not None
    assert set(hit_ids(store, "garden", feed_id=feed_a.id)) == {filled["garden"], filled["rust"]}
    store.set_bookmarked(filled["rust"], True, now=NOW)
    assert hit_ids(store, "garden", bookmarked_only=True) == [filled["rust"]]
    store.set_read([filled["garden"]], True, now=NOW)
    assert set(hit_ids(store, "garden", unread_only=True)) == {filled["rust"], filled["other"]}
    assert len(store.search("garden", limit=1)) == 1


def test_match_expression_quotes_every_term() -> None:
    assert match_expression('say "hello world" pre* AND(') == '"say" "hello world" "pre"* "AND("'
    assert match_expression('x"y') == '"x""y"'
    assert match_expression("* ( ) -") is None


def test_html_to_text() -> None:
    assert html_to_text("<p>foo<b>bar</b></p><p>baz</p>") == "foobar baz"
    assert html_to_text("<ul><li>one</li><li>two</li></ul>") == "one two"
    assert html_to_text("a<script>var x = '<p>';</script>b<!-- c --> &amp; &eacute;") == "a b & é"
    assert html_to_text("<style>p{}</style>x<br/>y") == "x y"
    assert html_to_text(None) == ""


def test_refreshed_articles_are_indexed_later_but_never_missed(tmp_path: Path) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with Store(tmp_path / "s.db") as store:
        feed = store.add_feed("https://example.org/feed", now=now)
        entries = [
            ParsedEntry(uid=f"u{i}", title=f"Harbour news {i}", summary_html=f"<p>lighthouse keeper {i}</p>")
            for i in range(30)
        ]
        store.store_entries(feed.id, entries, now)
        assert store.pending_index_count() == 30
        assert store.index_pending(limit=10) == 20
        # A search first indexes whatever is still waiting: nothing is missed.
        assert len(store.search("lighthouse", limit=50)) == 30
        assert store.pending_index_count() == 0
