"""Writers that turn stored articles into files a user keeps (HTML, Markdown, EPUB)."""

from reader.export.common import ExportCancelled, ExportError, ImageLookup
from reader.export.epub import articles_epub
from reader.export.html import article_html
from reader.export.markdown import article_markdown

__all__ = [
    "ExportCancelled",
    "ExportError",
    "ImageLookup",
    "article_html",
    "article_markdown",
    "articles_epub",
]
