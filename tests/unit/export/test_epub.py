"""The EPUB export: one valid book, a chapter per article, contents in order, stored images inside."""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ebooklib import ITEM_DOCUMENT, ITEM_IMAGE, epub
from lxml import etree

from reader.core.models import Article
from reader.export import ExportCancelled, ExportError, articles_epub
from reader.export.common import ExportError as CommonExportError
from tests.unit.export.articles import (
    ARABIC_PARAGRAPHS,
    CYRILLIC_PARAGRAPHS,
    GIF,
    JPEG,
    MISSING_IMAGE,
    PNG,
    SEED,
    arabic_article,
    cyrillic_article,
    lookup,
    make_article,
    seed_article,
)

NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
TITLES = [SEED["title"], "Московскому метро 90 лет", "القاهرة مدينة الألف مئذنة"]
MODIFIED = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def three_articles() -> list[Article]:
    return [seed_article(), cyrillic_article(), arabic_article()]


@pytest.fixture(scope="module")
def book_bytes() -> bytes:
    return articles_epub(three_articles(), lookup, title="Weekend reading", modified=MODIFIED)


def text_of(root: etree._Element) -> str:
    return "".join(str(piece) for piece in root.itertext())


def chapters(archive: zipfile.ZipFile) -> list[str]:
    return sorted(n for n in archive.namelist() if n.startswith("EPUB/chapter-"))


def test_container_has_mimetype_first_and_stored(book_bytes: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(book_bytes))
    first = archive.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    container = etree.fromstring(archive.read("META-INF/container.xml"))
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    assert rootfile is not None and rootfile.get("full-path") == "EPUB/content.opf"
    assert archive.testzip() is None


def test_every_chapter_is_well_formed_xhtml_with_its_text(book_bytes: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(book_bytes))
    names = chapters(archive)
    assert len(names) == 3
    expected = [SEED["body_paragraphs"], CYRILLIC_PARAGRAPHS, ARABIC_PARAGRAPHS]
    for name, title, paragraphs in zip(names, TITLES, expected, strict=True):
        root = etree.fromstring(archive.read(name))  # raises unless well-formed XML
        assert root.tag == "{http://www.w3.org/1999/xhtml}html"
        assert root.findtext(".//x:h1", namespaces=NS) == title
        text = text_of(root)
        for paragraph in paragraphs:
            assert paragraph in text
        # No image is fetched from the network by a reading system.
        for img in root.iterfind(".//x:img", namespaces=NS):
            assert not (img.get("src") or "").startswith(("http:", "https:"))
            assert img.get("alt") is not None
    arabic = etree.fromstring(archive.read(names[2]))
    assert arabic.get("dir") == "rtl" and arabic.get("lang") == "ar"
    first = etree.fromstring(archive.read(names[0]))
    assert SEED["url"] in text_of(first)
    # The image the store lacks is a link to it.
    assert MISSING_IMAGE in [a.get("href") for a in first.iterfind(".//x:a", namespaces=NS)]


def test_read_back_with_ebooklib_the_contents_list_three_chapters_in_order(
    book_bytes: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(book_bytes)
    book = epub.read_epub(str(path), {"ignore_ncx": False})
    assert [link.title for link in book.toc] == TITLES
    assert [link.href for link in book.toc] == [f"chapter-000{n}.xhtml" for n in (1, 2, 3)]
    documents = [item.get_name() for item in book.get_items_of_type(ITEM_DOCUMENT)]
    assert {"chapter-0001.xhtml", "chapter-0002.xhtml", "chapter-0003.xhtml", "nav.xhtml"} <= set(documents)
    images = {item.get_name(): item.get_content() for item in book.get_items_of_type(ITEM_IMAGE)}
    assert sorted(images.values()) == sorted([JPEG, PNG, GIF])
    assert book.get_metadata("DC", "title")[0][0] == "Weekend reading"
    assert book.get_metadata("DC", "language")[0][0] == "en"


def test_nav_and_ncx_list_the_chapters(book_bytes: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(book_bytes))
    nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    entries = nav.findall(".//x:nav//x:li/x:a", namespaces=NS)
    assert [a.text for a in entries] == TITLES
    ncx = etree.fromstring(archive.read("EPUB/toc.ncx"))
    labels = ncx.findall(".//ncx:navPoint/ncx:navLabel/ncx:text", namespaces=NS)
    assert [label.text for label in labels] == TITLES


def test_package_metadata(book_bytes: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(book_bytes))
    opf = etree.fromstring(archive.read("EPUB/content.opf"))
    identifier_id = opf.get("unique-identifier")
    identifier = opf.find(f".//dc:identifier[@id='{identifier_id}']", namespaces=NS)
    assert identifier is not None and (identifier.text or "").startswith("urn:uuid:")
    assert opf.findtext(".//dc:language", namespaces=NS) == "en"
    assert opf.findtext(".//dc:title", namespaces=NS) == "Weekend reading"
    # Three different authors: none is named the book's.
    assert opf.find(".//dc:creator", namespaces=NS) is None
    modified = opf.find(".//opf:meta[@property='dcterms:modified']", namespaces=NS)
    assert modified is not None and modified.text == "2025-03-01T12:00:00Z"
    ids = [item.get("id") for item in opf.iterfind(".//opf:item", namespaces=NS)]
    assert len(ids) == len(set(ids))
    hrefs = {item.get("href") for item in opf.iterfind(".//opf:item", namespaces=NS)}
    in_zip = {name.removeprefix("EPUB/") for name in archive.namelist() if name.startswith("EPUB/")}
    assert in_zip - {"content.opf"} == hrefs


def test_one_shared_author_is_the_books_creator_and_shared_images_are_stored_once() -> None:
    articles = [cyrillic_article(author="Анна Петрова"), cyrillic_article(author="Анна Петрова")]
    archive = zipfile.ZipFile(io.BytesIO(articles_epub(articles, lookup, title="Анна", language="ru")))
    opf = etree.fromstring(archive.read("EPUB/content.opf"))
    assert opf.findtext(".//dc:creator", namespaces=NS) == "Анна Петрова"
    assert opf.findtext(".//dc:language", namespaces=NS) == "ru"
    assert [n for n in archive.namelist() if "/images/" in n] == ["EPUB/images/image-0001.png"]


def test_the_same_selection_is_the_same_book_and_another_is_another() -> None:
    def identifier(data: bytes) -> str | None:
        opf = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("EPUB/content.opf"))
        return opf.findtext(".//dc:identifier", namespaces=NS)

    first = identifier(articles_epub(three_articles(), lookup, title="A"))
    again = identifier(articles_epub(three_articles(), lookup, title="A"))
    other = identifier(articles_epub(three_articles()[:2], lookup, title="A"))
    assert first == again != other


def test_progress_is_reported_per_chapter() -> None:
    calls: list[tuple[int, int]] = []
    articles_epub(
        three_articles(), lookup, title="P", progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancel_during_the_export_stops_it() -> None:
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 1:
            cancel.set()

    with pytest.raises(ExportCancelled):
        articles_epub(three_articles(), lookup, title="C", progress=progress, cancel=cancel)
    assert seen == [0, 1]


def test_cancel_before_the_export_starts() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled) as raised:
        articles_epub(three_articles(), lookup, title="C", cancel=cancel)
    assert isinstance(raised.value, CommonExportError)
    assert str(raised.value) == "Export cancelled."


def test_nothing_to_export_is_an_error_for_the_user() -> None:
    with pytest.raises(ExportError):
        articles_epub([], lookup, title="Empty")


def hostile_articles() -> list[Article]:
    hostile = make_article(
        None,
        id=9,
        title="Breaking</title><script>alert(1)</script> & \x0b more",
        author='Jane "JJ" O\'Neil: #1\nnext',
        summary_html='Bare text <b>bold</b><script>alert(2)</script><p onclick="x()">p\x0c</p><td>stray cell',
        url="https://example.com/?a=1&b=<2>",
    )
    feed_only = make_article(None, id=10, title="Feed only", summary_html="Just a plain summary.")
    return [hostile, feed_only, seed_article()]


def test_hostile_titles_and_bodies_are_escaped_and_still_well_formed() -> None:
    data = articles_epub(hostile_articles(), lookup, title="</dc:title><x>", language="not a language!")
    archive = zipfile.ZipFile(io.BytesIO(data))
    opf = etree.fromstring(archive.read("EPUB/content.opf"))
    assert opf.findtext(".//dc:title", namespaces=NS) == "</dc:title><x>"
    assert opf.findtext(".//dc:language", namespaces=NS) == "en"
    nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    first_entry = nav.findall(".//x:nav//x:li/x:a", namespaces=NS)[0]
    assert first_entry.text == "Breaking</title><script>alert(1)</script> & more"
    for name in chapters(archive):
        root = etree.fromstring(archive.read(name))
        assert root.find(".//x:script", namespaces=NS) is None
        assert not [e for e in root.iter() if any(str(a).startswith("on") for a in e.attrib)]
    first = text_of(etree.fromstring(archive.read("EPUB/chapter-0001.xhtml")))
    assert "Bare text" in first and "bold" in first
    second = text_of(etree.fromstring(archive.read("EPUB/chapter-0002.xhtml")))
    assert "Just a plain summary." in second


def _epubcheck() -> list[str] | None:
    found = shutil.which("epubcheck")
    if found is None:
        return None
    # Debian ships epubcheck as an executable jar, which runs only where
    # binfmt_misc knows jars (not in most containers): run it through java.
    jar = Path(found).resolve()
    java = shutil.which("java")
    if jar.suffix == ".jar" and java is not None:
        return [java, "-jar", str(jar)]
    return [found]


@pytest.mark.slow
def test_epubcheck_finds_no_errors_or_warnings(tmp_path: Path) -> None:
    command = _epubcheck()
    if command is None:
        pytest.skip("epubcheck is not installed")
    for name, articles in (("three.epub", three_articles()), ("hostile.epub", hostile_articles())):
        path = tmp_path / name
        path.write_bytes(articles_epub(articles, lookup, title="Checked"))
        result = subprocess.run(
            [*command, str(path)], capture_output=True, text=True, timeout=300, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout
