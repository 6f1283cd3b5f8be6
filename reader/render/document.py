"""The article document: theme CSS in px, the header template and Qt-subset HTML.

The body HTML has already been sanitized (nh3, absolute http(s) URLs only);
titles, bylines and site names are plain text and are always escaped here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from reader.render.theme import Theme
from reader.render.typography import FAMILIES, Typography

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from reader.core.models import Article


# Links the reader itself puts in its own header (never in article HTML:
# the sanitizer keeps http(s) links only).
ACTION_SCHEME = "reader-action"
SHOW_FEED_TEXT = f"{ACTION_SCHEME}:feed-text"
SHOW_FULL_TEXT = f"{ACTION_SCHEME}:full-text"
SHOW_SHORTCUTS = f"{ACTION_SCHEME}:shortcuts"

_FIGURE_OPEN = re.compile(r"<figure\b[^>]*>", re.IGNORECASE)
_FIGURE_CLOSE = re.compile(r"</figure\s*>", re.IGNORECASE)
_CAPTION_OPEN = re.compile(r"<figcaption\b[^>]*>", re.IGNORECASE)
_CAPTION_CLOSE = re.compile(r"</figcaption\s*>", re.IGNORECASE)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\s(src|alt)="([^"]*)"', re.IGNORECASE)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class Page(NamedTuple):  # not a dataclass: defined before the first paint, and cheaper
    """What the pane shows: header fields as plain text, the body as sanitized HTML."""

    title: str
    body_html: str
    url: str | None = None
    byline: str | None = None
    published: datetime | None = None
    site: str | None = None
    direction: str = "ltr"
    language: str | None = None
    # A line above the body: the extractor's doubt, or "showing the feed's summary".
    notice: str | None = None
    notice_links: tuple[tuple[str, str], ...] = ()


def page_for(article: Article, *, feed_text: bool = False, loading: bool = False) -> Page:
    """The page for an article: its clean full text when it has one, otherwise the feed's own text."""
    clean = None if feed_text else article.clean
    if clean is not None:
        links: tuple[tuple[str, str], ...] = ()
        if clean.warning:
            links = ((SHOW_FEED_TEXT, tr("Show the feed's text")),)
            if article.url:
                links += ((article.url, tr("Open the original")),)
        return Page(
            title=article.title or clean.title,
            body_html=clean.html,
            url=article.url or clean.url,
            byline=clean.author or article.author,
            published=clean.published or article.published,
            site=clean.site_name or article.feed_title,
            direction=clean.direction,
            language=clean.language,
            notice=clean.warning and tr("This page may be incomplete: %1").replace("%1", clean.warning),
            notice_links=links,
        )
    notice = None
    links = ()
    if loading:
        notice = tr("Showing the feed's summary while the full text loads…")
    elif feed_text and article.clean is not None:
        notice = tr("Showing the feed's own text.")
        links = ((SHOW_FULL_TEXT, tr("Show the full text")),)
    return Page(
        title=article.title,
        body_html=article.content_html or article.summary_html or "",
        url=article.url,
        byline=article.author,
        published=article.published,
        site=article.feed_title,
        notice=notice,
        notice_links=links,
    )


def stylesheet(theme: Theme, typo: Typography) -> str:
    """CSS for QTextDocument.setDefaultStyleSheet: Qt's subset, lengths in px only."""
    px = typo.px
    mono = ", ".join(f"'{n}'" if " " in n else n for n in FAMILIES["mono"])
    gap = px(0.75 if typo.spacing == "compact" else 1.0)
    return f"""
body {{ font-family: {typo.family_css()}; font-size: {typo.body_px}px; color: {theme.text};
  background-color: {theme.background}; }}
p, li, dd, dt, div {{ line-height: {typo.line_percent()}%; }}
p, ul, ol, dl, pre, table {{ margin-top: 0px; margin-bottom: {gap}px; }}
li {{ margin-bottom: {px(0.25)}px; }}
div.figure {{ margin-top: {px(0.25)}px; margin-bottom: {gap}px; }}
a {{ color: {theme.link}; text-decoration: underline; }}
h1 {{ font-size: {px(1.6)}px; line-height: {typo.line_percent(1.25)}%; margin-top: {px(1.5)}px;
  margin-bottom: {px(0.5)}px; }}
h2 {{ font-size: {px(1.3)}px; line-height: {typo.line_percent(1.35)}%; margin-top: {px(1.5)}px;
  margin-bottom: {px(0.5)}px; }}
h3, h4, h5, h6 {{ font-size: {px(1.1)}px; line-height: {typo.line_percent(1.4)}%; margin-top: {px(1.5)}px;
  margin-bottom: {px(0.5)}px; }}
h1.title {{ margin-top: {px(0.5)}px; margin-bottom: {px(0.5)}px; }}
p.site, p.meta {{ font-size: {px(0.85)}px; color: {theme.meta}; margin-bottom: {px(0.25)}px; }}
p.site a {{ color: {theme.meta}; }}
p.notice {{ font-size: {px(0.85)}px; color: {theme.text}; background-color: {theme.code_background};
  margin-bottom: {px(1.0)}px; }}
p.caption {{ font-size: {px(0.85)}px; line-height: {typo.line_percent(1.45)}%; font-style: italic;
  color: {theme.meta}; }}
blockquote {{ color: {theme.quote}; margin-left: {px(1.0)}px; margin-right: {px(1.0)}px; }}
code, kbd, samp, tt {{ font-family: {mono}; font-size: {px(0.9)}px;
  background-color: {theme.code_background}; }}
pre {{ font-family: {mono}; font-size: {px(0.9)}px; white-space: pre-wrap;
  background-color: {theme.code_background}; }}
table {{ border-color: {theme.rule}; border-style: solid; }}
td, th {{ padding: 6px; border: 1px solid {theme.rule}; }}
hr {{ color: {theme.rule}; }}
"""


def format_date(value: datetime | None) -> str:
    if value is None:
        return ""
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    locale = QLocale()
    date = locale.toString(moment.date(), QLocale.FormatType.LongFormat)
    return f"{date}, {locale.toString(moment.time(), QLocale.FormatType.ShortFormat)}"


def adapt_body(body: str, image_sizes: Mapping[str, tuple[int, int]], column_px: int) -> str:
    """Map HTML5 to Qt's subset and size images to the column.

    Images the store does not hold are replaced by their alt text: the pane
    fetches nothing, and a broken-image box would only move the text later.
    """
    body = _FIGURE_OPEN.sub('<div class="figure">', body)
    body = _FIGURE_CLOSE.sub("</div>", body)
    body = _CAPTION_OPEN.sub('<p class="caption">', body)
    body = _CAPTION_CLOSE.sub("</p>", body)

    def image(match: re.Match[str]) -> str:
        attrs = {name.lower(): value for name, value in _ATTR.findall(match.group(0))}
        src = attrs.get("src", "")
        size = image_sizes.get(html.unescape(src))
        if size is None or (size[0] <= 2 and size[1] <= 2):
            alt = attrs.get("alt", "")
            return f"<i>[{alt}]</i>" if alt.strip() else ""
        width = min(size[0], column_px)
        return f'<img src="{src}" width="{width}" alt="{attrs.get("alt", "")}" />'

    return _IMG.sub(image, body)


def header_html(page: Page) -> str:
    parts: list[str] = []
    site = html.escape(page.site or "")
    if page.url:
        label = site or html.escape(page.url)
        parts.append(f'<p class="site"><a href="{html.escape(page.url, quote=True)}">{label}</a></p>')
    elif site:
        parts.append(f'<p class="site">{site}</p>')
    title = page.title or tr("Untitled")
    parts.append(f'<h1 class="title">{html.escape(title)}</h1>')
    meta = [html.escape(x) for x in (page.byline, format_date(page.published)) if x]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if page.notice:
        links = " · ".join(
            f'<a href="{html.escape(href, quote=True)}">{html.escape(label)}</a>'
            for href, label in page.notice_links
        )
        parts.append(f'<p class="notice">{html.escape(page.notice)}{" " + links if links else ""}</p>')
    parts.append("<hr />")
    return "\n".join(parts)


def document_html(page: Page, image_sizes: Mapping[str, tuple[int, int]], column_px: int) -> str:
    direction = "rtl" if page.direction == "rtl" else "ltr"
    lang = f' lang="{html.escape(page.language, quote=True)}"' if page.language else ""
    body = adapt_body(page.body_html, image_sizes, column_px)
    return f'<html><body dir="{direction}"{lang}>{header_html(page)}\n{body}</body></html>'


def fit_image_lines(document: QTextDocument) -> None:
    """Lines holding a picture get the picture's own height.

    The text's line height is proportional (160 % and so on), and Qt applies
    it to a line with a 500 px photo too, leaving a blank band below it.
    """
    # Imported here: their Python enums are start-up time, and the first paint shows no article.
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            if iterator.fragment().charFormat().isImageFormat():
                single = QTextBlockFormat()
                single.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
                QTextCursor(block).mergeBlockFormat(single)
                break
            iterator += 1
        block = block.next()
