"""Article HTML to plain text, with a line break at every block boundary.

Paragraph-like blocks are separated by a blank line; list items, table rows
and single ``<br>`` by one line break; two ``<br>`` in a row make a new
paragraph, as they look on the page.  Captions, scripts and form controls are
not part of what a reader reads as the article, so they are left out.

The walk is iterative (``iterwalk``): a hostile tree cannot exhaust the stack.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

PARAGRAPH_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "details",
        "dialog",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    }
)
LINE_TAGS = frozenset({"li", "dt", "dd", "tr", "caption", "br"})
CELL_TAGS = frozenset({"td", "th"})
SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "figcaption",
        "button",
        "select",
        "textarea",
        "input",
        "option",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
    }
)

_LINE, _PARAGRAPH = 1, 2
_SPACES_RE = re.compile(r"[^\S\n]+")
_ANY_SPACE_RE = re.compile(r"\s+")


class _Writer:
    """Collects text runs and breaks, and lays them out as lines."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self.run: list[str] = []
        self.pending = 0
        self.last_was_br = False

    def text(self, value: str, keep_newlines: bool = False) -> None:
        if keep_newlines:
            for index, line in enumerate(value.split("\n")):
                if index:
                    self.brk(_LINE)
                self.run.append(_SPACES_RE.sub(" ", line))
        else:
            self.run.append(_ANY_SPACE_RE.sub(" ", value))

    def brk(self, kind: int, from_br: bool = False) -> None:
        line = "".join(self.run).strip()
        self.run.clear()
        if line:
            self.lines.append((self.pending, line))
            self.pending = kind
        elif from_br and self.last_was_br and self.lines:
            # Two <br> with nothing between them end a paragraph.
            self.pending = _PARAGRAPH
        else:
            self.pending = max(self.pending, kind)
        self.last_was_br = from_br

    def result(self) -> str:
        self.brk(_PARAGRAPH)
        out: list[str] = []
        for index, (before, line) in enumerate(self.lines):
            if index:
                out.append("\n\n" if before >= _PARAGRAPH else "\n")
            out.append(line)
        return "".join(out)


def element_text(root: etree._Element) -> str:
    """The readable text of ``root`` and its descendants."""
    writer = _Writer()
    skipping = 0
    in_pre = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        # Comments and processing instructions have no tag name and no text to read.
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIPPED_TAGS:
                skipping += 1
            if skipping or not tag:
                continue
            if tag == "br":
                writer.brk(_LINE, from_br=True)
            elif tag in PARAGRAPH_TAGS:
                writer.brk(_PARAGRAPH)
            elif tag in LINE_TAGS:
                writer.brk(_LINE)
            elif tag in CELL_TAGS:
                writer.text(" ")
            if tag == "pre":
                in_pre += 1
            if el.text:
                writer.text(el.text, keep_newlines=in_pre > 0)
            continue
        if tag in SKIPPED_TAGS:
            skipping -= 1
        elif tag and not skipping:
            if tag == "pre":
                in_pre -= 1
            if tag in PARAGRAPH_TAGS:
                writer.brk(_PARAGRAPH)
            elif tag in LINE_TAGS and tag != "br":
                writer.brk(_LINE)
        if not skipping and el.tail and el is not root:
            writer.text(el.tail, keep_newlines=in_pre > 0)
    return writer.result()


def html_text(html: str) -> str:
    """Plain text of an HTML fragment, such as the sanitized article HTML."""
    if not html.strip():
        return ""
    return element_text(lxml.html.fragment_fromstring(html, create_parent="div"))
