"""PDF pages of an article: every line once, in order, and pictures kept at a sensible height."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize

from reader.core.models import CleanArticle
from reader.render.printing import export_pdf
from tests.support.pdf import pdf_text, reading_text, squash
from tests.unit.export.articles import SEED_IMAGE, lookup, make_article

pytestmark = pytest.mark.usefixtures("qapp")

PARAGRAPHS = [
    f"Paragraph {n}: " + " ".join(f"harbour{n}word{k}" for k in range(90)) + f" end of paragraph {n}."
    for n in range(1, 16)
]


def long_article() -> CleanArticle:
    return CleanArticle(
        url="https://news.example/long",
        title="A long read",
        html=f'<figure><img src="{SEED_IMAGE}" alt=""></figure>' + "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        text="\n\n".join(PARAGRAPHS),
    )


SIZES = [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.A5]


@pytest.mark.parametrize("size", SIZES)
def test_paragraphs_running_onto_the_next_page_are_read_once(
    tmp_path: Path, size: QPageSize.PageSizeId
) -> None:
    pdf = tmp_path / "long.pdf"
    pages = export_pdf([make_article(long_article())], lookup, pdf, page_size=QPageSize(size))

    assert pages >= 3
    text = squash(reading_text(pdf, "A long read", "news.example"))
    # Each word is unique, so any line drawn on two pages would show up twice.
    words = text.split()
    repeated = {w for w in words if words.count(w) > 1 and w.startswith("harbour")}
    assert not repeated
    positions = [text.find(squash(p)) for p in PARAGRAPHS]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    raw = squash(pdf_text(pdf))
    assert f"1 / {pages}" in raw and f"{pages} / {pages}" in raw
