"""One article as Markdown with YAML front matter.

The HTML-to-Markdown step is markdownify (MIT, typed, maintained): it gets
nested lists, blockquotes inside lists, tables and escaping right, which a
small converter of our own would take some hundreds of lines to match.  We
override only what it leaves unsafe for our input: link and image
destinations with spaces or parentheses, brackets in alt text, and code
blocks that themselves contain a fence.
"""

from __future__ import annotations

import html
import logging
import re

import lxml.html
from bs4 import Tag
from markdownify import BACKSLASH, MarkdownConverter

from reader.core.models import Article
from reader.export.common import meta_for, parse_body

log = logging.getLogger(__name__)

# In a link destination these would end it early or be read as its title.
_DESTINATION_ESCAPES = str.maketrans(
    {
        " ": "%20",
        "(": "%28",
        ")": "%29",
        "<": "%3C",
        ">": "%3E",
        "\\": "%5C",
        "\n": "",
        "\r": "",
        "\t": "%09",
    }
)
_BACKTICK_RUN_RE = re.compile(r"`+")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def _destination(url: str) -> str:
    return url.strip().translate(_DESTINATION_ESCAPES)


def _label(text: str) -> str:
    """Plain text made safe inside ``[...]``."""
    return re.sub(r"([\\\[\]])", r"\\\1", " ".join(text.split()))


def _attr(el: Tag, name: str) -> str:
    value = el.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


class _Converter(MarkdownConverter):
    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        href = _attr(el, "href")
        label = text.strip()
        if "_noformat" in parent_tags or not href or not label:
            return text
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        return f"{lead}[{label}]({_destination(href)}){trail}"

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        alt = _label(_attr(el, "alt"))
        src = _attr(el, "src")
        # A heading or link cannot hold a block image: keep its words.
        if not src or "_inline" in parent_tags:
            return alt
        return f"![{alt}]({_destination(src)})"

    def convert_pre(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        code = text.strip("\n")
        if not code:
            return ""
        longest = max((len(run) for run in _BACKTICK_RUN_RE.findall(code)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"\n\n{fence}\n{code}\n{fence}\n\n"


_CONVERTER = _Converter(
    heading_style="atx",
    bullets="-",
    # Text that merely looks like Markdown ("1. ", "# ", "<script>") must stay text.
    escape_misc=True,
    # A backslash survives editors that trim trailing spaces; two spaces do not.
    newline_style=BACKSLASH,
    sup_symbol="<sup>",
    sub_symbol="<sub>",
)


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar (also a JSON string): nothing in it can end it early."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\ufffd")  # a lone surrogate cannot be written in UTF-8
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF):
            # YAML forbids these raw, or reads them as line breaks.
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def front_matter(fields: list[tuple[str, str | None]]) -> str:
    lines = ["---"]
    lines += [f"{key}: {value}" for key, value in fields if value is not None]
    lines.append("---")
    return "\n".join(lines)


def article_markdown(article: Article) -> str:
    """``article`` as Markdown: front matter, the title, the body, and a closing source line."""
    meta = meta_for(article)
    published = None
    if meta.published is not None:
        # Unquoted on purpose: YAML readers take it as a timestamp.
        published = meta.published.isoformat().replace("+00:00", "Z")
    fields: list[tuple[str, str | None]] = [
        ("title", yaml_string(meta.title)),
        ("author", yaml_string(meta.author) if meta.author else None),
        ("published", published),
        ("source", yaml_string(meta.url) if meta.url else None),
        ("site", yaml_string(meta.site) if meta.site else None),
        ("language", yaml_string(meta.language) if meta.language else None),
    ]
    body = parse_body(meta.body_html)
    document = f"<h1>{html.escape(meta.title)}</h1>" + lxml.html.tostring(body, encoding="unicode")
    text = _BLANK_LINES_RE.sub("\n\n", _CONVERTER.convert(document)).strip()
    parts = [front_matter(fields), text]
    if meta.url:
        parts.append(f"Source: <{_destination(meta.url)}>")
    return "\n\n".join(parts) + "\n"
