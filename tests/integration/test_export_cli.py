"""Exporting articles from the command line, read back as a user's tools would read the files."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.cli import main
from tests.support.loopback import LoopbackServer
from tests.support.pdf import image_sizes, pdf_text, reading_text, squash
from tests.support.seed import EXPECTED, serve_seed

REPO = Path(__file__).resolve().parents[2]
# In-process exports to PDF start a Qt application when none runs; the suite's must come first.
pytestmark = pytest.mark.usefixtures("qapp")

RUSSIAN = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Навигация открыта</title><meta property="og:title" content="Навигация открыта">
<meta property="og:site_name" content="Северные новости"></head><body>
<nav><a href="/">Главная</a></nav><article><h1>Навигация открыта</h1>
<p>В порту Архангельска в понедельник открылась летняя навигация: первые суда вышли в Белое море
после того, как ледоколы расчистили фарватер от устья Северной Двины до острова Мудьюг.</p>
<p>По словам капитана порта, в этом году лёд сошёл на десять дней раньше обычного, и первыми
в рейс отправились лесовозы с грузом пиломатериалов для Европы и Азии.</p>
<p>Местные жители встречали суда на набережной, а вечером в городе прошёл праздничный концерт.</p>
</article></body></html>"""


def bookmark(data: str, url: str, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["bookmark", url, "--data-dir", data]) == 0
    out = capsys.readouterr().out
    return int(re.search(r"Bookmarked (\d+)", out).group(1))  # type: ignore[union-attr]


def test_seed_article_to_pdf_from_the_command_line(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_seed(loopback)
    data = str(tmp_path / "data")
    article_id = bookmark(data, loopback.url("/en/post/syria"), capsys)
    pdf = tmp_path / "seed.pdf"

    proc = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(article_id), "--pdf", str(pdf), "--data-dir", data],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},  # no DISPLAY: exporting needs none
    )

    assert proc.returncode == 0, proc.stderr
    text = squash(pdf_text(pdf))
    assert EXPECTED["title"] in text
    assert EXPECTED["author"] in text
    assert loopback.url("/en/post/syria") in text
    reading = squash(reading_text(pdf, EXPECTED["title"], "127.0.0.1"))
    positions = [reading.find(squash(p)) for p in EXPECTED["body_paragraphs"]]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    # Lines are not repeated where a paragraph runs onto the next page.
    assert all(reading.count(squash(p)) == 1 for p in EXPECTED["body_paragraphs"])
    for clutter in EXPECTED["must_not_contain"]:
        assert clutter not in text
    pages = len(PdfReader(pdf).pages)
    assert pages >= 2
    # The page's photo, kept with the bookmark, leads the first page at the text's width.
    assert image_sizes(pdf, 0) == [(960, 540)]
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text
    assert not list(tmp_path.glob(".*.part"))


def test_russian_article_keeps_its_cyrillic_with_embedded_fonts(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.serve("/news/port", RUSSIAN.encode(), content_type="text/html; charset=utf-8")
    data = str(tmp_path / "data")
    article_id = bookmark(data, loopback.url("/news/port"), capsys)
    pdf = tmp_path / "ru.pdf"

    assert main(["export", str(article_id), "--pdf", str(pdf), "--data-dir", data]) == 0

    text = squash(pdf_text(pdf))
    assert "Навигация открыта" in text
    assert "ледоколы расчистили фарватер" in text
    fonts = [
        font.get_object()
        for page in PdfReader(pdf).pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    ]
    descriptors = [f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts]
    assert descriptors and all("/FontFile2" in d for d in descriptors)


def test_epub_html_and_markdown_from_the_command_line(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_seed(loopback)
    loopback.serve("/news/port", RUSSIAN.encode(), content_type="text/html; charset=utf-8")
    data = str(tmp_path / "data")
    ids = [bookmark(data, loopback.url(p), capsys) for p in ("/en/post/syria", "/news/port")]

    assert main(["export", *map(str, ids), "--epub", str(tmp_path / "b.epub"), "--data-dir", data]) == 0
    with zipfile.ZipFile(tmp_path / "b.epub") as book:
        assert book.namelist()[0] == "mimetype"
        chapters = [n for n in book.namelist() if n.endswith(".xhtml") and "nav" not in n]
        assert len(chapters) == 2

    assert main(["export", str(ids[1]), "--md", str(tmp_path / "a.md"), "--data-dir", data]) == 0
    markdown = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert markdown.startswith("---\n") and "ледоколы" in markdown and loopback.url("/news/port") in markdown

    assert main(["export", str(ids[0]), "--html", str(tmp_path / "a.html"), "--data-dir", data]) == 0
    assert EXPECTED["body_paragraphs"][0] in (tmp_path / "a.html").read_text(encoding="utf-8")

    # Several articles into one HTML file is refused with a clear line, and nothing is written.
    capsys.readouterr()
    assert main(["export", *map(str, ids), "--html", str(tmp_path / "two.html"), "--data-dir", data]) == 1
    assert "one article" in capsys.readouterr().err
    assert not (tmp_path / "two.html").exists()


def test_unwritable_target_is_reported_and_leaves_nothing(
    tmp_path: Path, loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.serve("/news/port", RUSSIAN.encode(), content_type="text/html; charset=utf-8")
    data = str(tmp_path / "data")
    article_id = bookmark(data, loopback.url("/news/port"), capsys)
    missing = tmp_path / "no-such-folder" / "out.pdf"

    assert main(["export", str(article_id), "--pdf", str(missing), "--data-dir", data]) == 1
    assert "Cannot write" in capsys.readouterr().err
    assert main(["export", str(article_id), "--epub", str(missing), "--data-dir", data]) == 1
    assert not missing.parent.exists()
