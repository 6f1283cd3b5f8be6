"""A PDF's text as a reader reads it, for tests that check exported articles."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import cast

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

_PAGE_NUMBER = re.compile(r"^\d+\s*/\s*\d+$")


def squash(text: str) -> str:
    """Text as a reader compares it: ligature glyphs (ﬁ) as letters, lines joined."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=\w-)\s*\n\s*", "", text)  # a line broken after a hyphen
    return re.sub(r"\s+", " ", text)


def pdf_text(path: Path) -> str:
    """Every page's text, page furniture included."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def reading_text(path: Path, title: str, domain: str) -> str:
    """The pages' text without their furniture (footer, page numbers, the running title of
    later pages), so a paragraph running onto the next page reads as one."""
    pages = []
    for number, page in enumerate(PdfReader(path).pages):
        lines = [" ".join(line.split()) for line in (page.extract_text() or "").splitlines()]
        furniture = {domain} | ({title} if number else set())
        pages.append("\n".join(x for x in lines if x not in furniture and not _PAGE_NUMBER.match(x)))
    return "\n".join(pages)


def image_sizes(path: Path, page: int) -> list[tuple[int, int]]:
    """Width and height of the pictures drawn on a page (0-based), read without decoding them."""
    resources = cast(DictionaryObject, PdfReader(path).pages[page]["/Resources"].get_object())
    objects = resources.get("/XObject", {})
    sizes = []
    for ref in objects.values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            sizes.append((int(xobject["/Width"]), int(xobject["/Height"])))
    return sizes
