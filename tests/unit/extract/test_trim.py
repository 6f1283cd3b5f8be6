"""Trimming readability's pick: clutter goes, prose that merely looks like it stays."""

from __future__ import annotations

import lxml.html

from reader.extract.text import element_text
from reader.extract.trim import trim_article

PROSE = "<p>The council voted on Monday to close the old bridge for repairs over the winter months.</p>"


def trimmed(body: str, title: str | None = "Bridge to close", author: str | None = "Jo Writer") -> str:
    root = lxml.html.fragment_fromstring(body, create_parent="div")
    trim_article(root, title, author, "Town News")
    return element_text(root)


def test_repeated_headline_byline_and_dateline_go() -> None:
    text = trimmed("<h1>Bridge to close</h1><p>By Jo Writer</p><p>Nov. 20, 2019 5:52 AM EST</p>" + PROSE)
    assert text == "The council voted on Monday to close the old bridge for repairs over the winter months."


def test_labels_link_only_paragraphs_and_related_openers_go() -> None:
    body = (
        PROSE
        + "<p>Advertisement</p>"
        + PROSE.replace("Monday", "Tuesday")
        + '<p><a href="/x">SEAN SPICER ELIMINATED FROM THE SHOW</a></p>'
        + '<p>Related: <a href="/y">Bridges of the county, in pictures</a></p>'
        + "<h3>You may also like</h3>"
        + PROSE.replace("Monday", "Friday")
    )
    text = trimmed(body)
    assert "Advertisement" not in text and "SPICER" not in text and "Related" not in text
    assert "may also like" not in text
    assert text.count("The council voted") == 3


def test_closing_credits_and_calls_go() -> None:
    body = (
        PROSE * 3
        + "<p>Additional reporting by Sam Other.</p>"
        + "<p>Follow AP's full coverage of the bridge at https://example.com/bridge</p>"
        + "<p>Write to Jo Writer at jo@example.com</p>"
    )
    assert trimmed(body) == "\n\n".join(
        ["The council voted on Monday to close the old bridge for repairs over the winter months."] * 3
    )


def test_prose_that_resembles_clutter_stays() -> None:
    body = (
        "<p>In 2019, the bridge was inspected.</p>"
        + PROSE
        + "<h2>Popular uprising in the north</h2>"
        + PROSE
        + "<p>Readers who subscribe to the paper received a map of the detour.</p>"
    )
    text = trimmed(body)
    assert text.startswith("In 2019, the bridge was inspected.")
    assert "Popular uprising in the north" in text
    assert text.endswith("received a map of the detour.")


def test_without_metadata_nothing_breaks() -> None:
    assert trimmed(PROSE, title=None, author=None).startswith("The council voted")
