"""A web page to its clean article (see ``pipeline`` for how)."""

from reader.extract.pipeline import extract_article

__all__ = ["extract_article"]
