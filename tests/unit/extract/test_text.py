"""Plain text with a line break at every block boundary."""

from __future__ import annotations

from reader.extract.text import html_text


def test_blocks_lines_and_paragraphs() -> None:
    html = (
        "<h2>Head</h2><p>One <b>bold</b>\n word.</p><p>Line<br>next<br><br>new para</p>"
        "<ul><li>a</li><li>b</li></ul><table><tr><td>1</td><td>2</td></tr></table>"
    )
    assert html_text(html) == "Head\n\nOne bold word.\n\nLine\nnext\n\nnew para\n\na\nb\n\n1 2"


def test_captions_and_code_are_not_text() -> None:
    html = "<p>Body.</p><figure><img src='x'><figcaption>A caption</figcaption></figure><script>x()</script>"
    assert html_text(html) == "Body."


def test_preformatted_lines_are_kept() -> None:
    assert html_text("<pre>a = 1\nb = 2</pre>") == "a = 1\nb = 2"


def test_empty() -> None:
    assert html_text("") == ""
    assert html_text("<div> </div>") == ""
