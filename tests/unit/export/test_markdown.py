"""The Markdown export: front matter a YAML reader accepts, the body as Markdown, the source last."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from reader.export import article_markdown
from reader.export.markdown import yaml_string
from tests.unit.export.articles import (
    CYRILLIC_IMAGE,
    CYRILLIC_PARAGRAPHS,
    SEED,
    SEED_IMAGE,
    cyrillic_article,
    make_article,
    seed_article,
)


def split(document: str) -> tuple[dict[str, object], str]:
    """Front matter and body; the values are read the way YAML reads them.

    Every string value is written double-quoted, and YAML's double-quoted
    scalars with our escapes are JSON strings, so json reads them exactly;
    the date is a plain ISO 8601 timestamp.
    """
    assert document.startswith("---\n")
    head, _, body = document[4:].partition("\n---\n")
    fields: dict[str, object] = {}
    for line in head.split("\n"):
        key, _, value = line.partition(": ")
        assert key.isidentifier(), line
        assert key not in fields
        fields[key] = datetime.fromisoformat(value) if key == "published" else json.loads(value)
    return fields, body


def test_front_matter_has_the_article_fields() -> None:
    fields, _ = split(article_markdown(seed_article()))
    assert fields == {
        "title": SEED["title"],
        "author": SEED["author"],
        "published": datetime(2025, 2, 17, 16, 19, tzinfo=UTC),
        "source": SEED["url"],
        "site": SEED["site_name"],
        "language": "en",
    }


def test_body_has_every_paragraph_the_images_and_ends_with_the_source() -> None:
    document = article_markdown(seed_article())
    _, body = split(document)
    assert body.lstrip().startswith(f"# {SEED['title']}\n")
    for paragraph in SEED["body_paragraphs"]:
        assert paragraph in body
    assert f"![Russian naval base in Tartus]({SEED_IMAGE})" in body
    assert document.rstrip("\n").endswith(f"Source: <{SEED['url']}>")


def test_structure_becomes_markdown() -> None:
    body = (
        "<h2>Section</h2><p>Some <em>emphasis</em>, <strong>strength</strong> and a "
        '<a href="https://example.com/a b">link</a>.</p>'
        "<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul><ol><li>first</li><li>second</li></ol>"
        "<blockquote><p>Quoted words.</p></blockquote>"
        "<pre><code>x = 1\n```\ny = 2</code></pre><p>Inline <code>a_b</code>.</p>"
    )
    article = make_article(None, title="Structure", summary_html=body, url="https://example.com/s")
    _, text = split(article_markdown(article))
    assert "## Section" in text
    assert "*emphasis*" in text and "**strength**" in text
    assert "[link](https://example.com/a%20b)" in text
    assert "- one\n  - nested\n- two" in text
    assert "1. first\n2. second" in text
    assert "> Quoted words." in text
    # A fence longer than any backtick run inside the code keeps it one block.
    assert "````\nx = 1\n```\ny = 2\n````" in text
    assert "`a_b`" in text


def test_cyrillic_article() -> None:
    fields, body = split(article_markdown(cyrillic_article()))
    assert fields["title"] == "Московскому метро 90 лет"
    assert fields["author"] == "Анна Петрова"
    for paragraph in CYRILLIC_PARAGRAPHS:
        assert paragraph in body
    assert f"![Станция метро]({CYRILLIC_IMAGE})" in body
    assert "- Сокольническая линия" in body


def test_hostile_author_and_title_stay_one_quoted_value() -> None:
    author = 'Jane "JJ" O\'Neil: #1\nsource: https://evil.example\n---\ntitle: pwned \\ end'
    title = "---\nA: b # c 'd' \"e\" \u2028 \x85 </title><script>x</script>"
    article = make_article(None, title=title, author=author, summary_html="<p>Body.</p>")
    document = article_markdown(article)
    fields, body = split(document)
    assert set(fields) == {"title", "author", "published", "site"}
    # Header fields are one line: the newlines became spaces, and nothing else changed.
    assert fields["author"] == " ".join(author.split())
    assert fields["title"] == " ".join(title.split())
    assert "<script>" not in body


def test_text_that_looks_like_markdown_stays_text() -> None:
    body = "<p>1. Not a list</p><p># Not a heading</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    article = make_article(None, title="Escapes", summary_html=body)
    _, text = split(article_markdown(article))
    assert "1\\. Not a list" in text
    assert "\\# Not a heading" in text
    assert "<script>" not in text


def test_image_alt_and_address_cannot_break_out() -> None:
    body = '<p><img src="https://example.com/a (1).png" alt="x](javascript:y) [z"></p>'
    article = make_article(None, title="Images", summary_html=body)
    _, text = split(article_markdown(article))
    assert "![x\\](javascript:y) \\[z](https://example.com/a%20%281%29.png)" in text


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("line\nbreak\ttab", '"line\\nbreak\\ttab"'),
        ("bell\x07 nel\x85 ls\u2028", '"bell\\u0007 nel\\u0085 ls\\u2028"'),
        ("Türkiye: 'ok' #1", "\"Türkiye: 'ok' #1\""),
    ],
)
def test_yaml_string_quoting(value: str, quoted: str) -> None:
    assert yaml_string(value) == quoted
    assert json.loads(quoted) == value


def test_front_matter_reads_with_a_yaml_parser_when_one_is_installed() -> None:
    yaml = pytest.importorskip("yaml")
    author = 'Jane "JJ" O\'Neil: #1\n- item\n{flow: map}'
    article = make_article(
        None, title="A: b", author=author, summary_html="<p>x</p>", url="https://e.com/?a=1#f"
    )
    head = article_markdown(article).split("---\n")[1]
    fields = yaml.safe_load(head)
    assert fields["author"] == " ".join(author.split())
    assert fields["title"] == "A: b"
    assert fields["source"] == "https://e.com/?a=1#f"
    assert fields["published"] == datetime(2025, 2, 17, 16, 19, tzinfo=UTC)
