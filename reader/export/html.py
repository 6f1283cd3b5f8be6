"""One article as a single self-contained HTML5 file.

Images the store holds are inlined as ``data:`` URIs; the others become
links, and a Content-Security-Policy forbids any fetch besides, so opening
the file later (offline, or years on) never contacts the site.
"""

from __future__ import annotations

import logging

import lxml.html

from reader.core.models import Article
from reader.export.common import (
    ImageLookup,
    byline,
    data_uri,
    html_escape,
    meta_for,
    parse_body,
    rewrite_images,
    sniff_image_type,
    uri,
)

log = logging.getLogger(__name__)

# What an <img> may show inline: what current browsers decode.
INLINE_TYPES = frozenset(
    {
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "image/avif",
        "image/svg+xml",
    }
)

# No network at all: images only from data: URIs, style only from the file.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

STYLESHEET = """
:root { color-scheme: light dark; }
body { font-family: Georgia, "Noto Serif", "DejaVu Serif", serif; font-size: 1.1rem; line-height: 1.55;
  max-width: 40em; margin: 2em auto; padding: 0 1em; }
header h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 0.3em; }
.byline, .source { font-family: system-ui, sans-serif; font-size: 0.85em; color: GrayText; margin: 0.2em 0; }
.source a { overflow-wrap: anywhere; }
hr { border: 0; border-top: 1px solid GrayText; margin: 1.2em 0; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
figcaption { font-size: 0.9em; font-style: italic; }
blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid GrayText; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
table { border-collapse: collapse; }
td, th { border: 1px solid GrayText; padding: 0.3em 0.5em; }
@page { margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  img, figure, pre, blockquote { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
}
"""


def article_html(article: Article, images: ImageLookup) -> str:
    """``article`` as one HTML5 document that needs no network to show."""
    meta = meta_for(article)
    body = parse_body(meta.body_html)
    # An image repeated in the body is looked up and encoded once.
    inlined: dict[str, str | None] = {}

    def place(url: str) -> str | None:
        if url not in inlined:
            inlined[url] = None
            found = images(url)
            if found is not None:
                data, declared = found
                mime = sniff_image_type(data, declared)
                if mime in INLINE_TYPES:
                    inlined[url] = data_uri(data, mime)
                else:
                    log.info("not inlining %s: stored as %r, not an image type we inline", url, declared)
        return inlined[url]

    rewrite_images(body, place)
    body.set("class", "body")
    body_html: str = lxml.html.tostring(body, encoding="unicode")

    lang = f' lang="{html_escape(meta.language)}"' if meta.language else ""
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{html_escape(meta.title)}</title>",
    ]
    if meta.author:
        head.append(f'<meta name="author" content="{html_escape(meta.author)}">')
    if meta.published:
        head.append(f'<meta name="date" content="{meta.published.isoformat()}">')
    header = [f"<h1>{html_escape(meta.title)}</h1>"]
    line = byline(meta)
    if line:
        header.append(f'<p class="byline">{html_escape(line)}</p>')
    if meta.url:
        href = html_escape(uri(meta.url))
        # Written out in full: on paper a link is only as good as its text.
        header.append(f'<p class="source">Source: <a href="{href}">{html_escape(meta.url)}</a></p>')
    return (
        "<!DOCTYPE html>\n"
        f'<html{lang} dir="{meta.direction}">\n<head>\n'
        + "\n".join(head)
        + f"\n<style>{STYLESHEET}</style>\n</head>\n<body>\n<article>\n<header>\n"
        + "\n".join(header)
        + "\n</header>\n<hr>\n"
        + body_html
        + "\n</article>\n</body>\n</html>\n"
    )
