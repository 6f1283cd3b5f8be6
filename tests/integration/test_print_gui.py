"""Export as PDF from the window, with the night theme on: the file reads as the article, on white paper."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from reader.app import library_factory
from reader.render import theme as themes
from reader.tasks import TaskRunner
from reader.ui import exporting
from reader.ui.feed_model import BOOKMARKS
from reader.ui.settings import Settings
from reader.ui.window import MainWindow
from tests.support.loopback import LoopbackServer
from tests.support.pdf import reading_text, squash
from tests.support.seed import EXPECTED, serve_seed

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    data = tmp_path / "data"
    runner = TaskRunner(library_factory(data))
    settings = Settings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    shown = MainWindow(runner, settings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.set_theme(themes.NIGHT)
    yield shown
    shown.close()
    runner.shutdown()
    QApplication.setPalette(QPalette())


@pytest.fixture
def kept_seed(window: MainWindow, qtbot: QtBot, loopback: LoopbackServer) -> str:
    """The seed page kept through the window's Save Page and open from Bookmarks; its URL."""
    url = serve_seed(loopback)
    with qtbot.waitSignal(window.bookmark_commands.saved, timeout=20_000):
        window.bookmark_commands.save_url(url)
    qtbot.waitUntil(lambda: window.feed_model.index_of(BOOKMARKS).isValid(), timeout=10_000)
    window.feed_view.setCurrentIndex(window.feed_model.index_of(BOOKMARKS))
    qtbot.waitUntil(lambda: window.article_model.article_at(0) is not None, timeout=10_000)
    window.select_row(0)
    qtbot.waitUntil(lambda: window.reading.article is not None, timeout=10_000)
    return url


def test_export_as_pdf_in_the_print_palette(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    kept_seed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = kept_seed
    assert window.current_theme().name == themes.NIGHT
    pdf = tmp_path / "out" / "seed.pdf"
    pdf.parent.mkdir()
    suggested: list[str] = []

    def choose(_parent: object, _caption: str, name: str, fmt: str) -> Path:
        suggested.append(name)
        assert fmt == "pdf"
        return pdf

    monkeypatch.setattr(exporting, "choose_save_path", choose)
    with qtbot.waitSignal(window.exporter.exported, timeout=60_000) as done:
        window.actions_by_name["export_pdf"].trigger()

    assert done.args == [str(pdf)]
    assert suggested == ["media-russia-plans-to-retain-naval-air-bases-in-syria.pdf"]
    assert "Exported to" in window.statusBar().currentMessage()
    reader = PdfReader(pdf)
    text = squash("\n".join(page.extract_text() or "" for page in reader.pages))
    assert EXPECTED["title"] in text
    assert EXPECTED["author"] in text
    assert url in text
    reading = squash(reading_text(pdf, EXPECTED["title"], "127.0.0.1"))
    positions = [reading.find(squash(p)) for p in EXPECTED["body_paragraphs"]]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    for clutter in EXPECTED["must_not_contain"]:
        assert clutter not in text
    pages = len(reader.pages)
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["seed.pdf"]
    assert_print_palette(pdf, tmp_path)


def assert_print_palette(pdf: Path, tmp_path: Path) -> None:
    """The last page (text only: the photo is on page 1) as a printer would put it on paper:
    white background, dark text, whatever the screen theme."""
    if shutil.which("pdftoppm") is None:
        # No renderer: at least no page-sized fill may be painted (a dark theme's background).
        content = b"".join(page.get_contents().get_data() for page in PdfReader(pdf).pages[:1])  # type: ignore[union-attr]
        assert b" re\nf" not in content or b"0 0 0 rg" not in content
        return
    prefix = tmp_path / "page"
    last = str(len(PdfReader(pdf).pages))
    command = ["pdftoppm", "-r", "40", "-f", last, "-l", last, "-png", str(pdf), str(prefix)]
    subprocess.run(command, check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull()
    corners = [
        (2, 2),
        (image.width() - 3, 2),
        (2, image.height() - 3),
        (image.width() - 3, image.height() - 3),
    ]
    for x, y in corners:
        assert QColor(image.pixel(x, y)).lightness() == 255
    lightness = [
        QColor(image.pixel(x, y)).lightness()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    ]
    dark = sum(1 for value in lightness if value < 100)
    white = sum(1 for value in lightness if value > 240)
    assert dark > 50, "no dark text on the page"
    assert white > 0.75 * len(lightness), "the page is not mostly white paper"


def test_an_unwritable_target_is_reported_and_leaves_no_file(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    kept_seed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "no-such-folder" / "seed.pdf"
    monkeypatch.setattr(exporting, "choose_save_path", lambda *_args: target)
    with qtbot.waitSignal(window.exporter.failed, timeout=60_000) as failed:
        window.actions_by_name["export_pdf"].trigger()
    assert "Cannot write" in failed.args[0]
    box = window.findChild(QMessageBox, "exportError")
    assert box is not None and box.isVisible() and "Cannot write" in box.text()
    assert not target.parent.exists()
    assert window.exporter.progress is None


def test_epub_of_the_selection_and_markdown_of_one_article(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    kept_seed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for fmt, action in (("epub", "export_epub"), ("md", "export_markdown"), ("html", "export_html")):
        target = tmp_path / f"seed.{fmt}"
        monkeypatch.setattr(exporting, "choose_save_path", lambda *_args, t=target: t)
        with qtbot.waitSignal(window.exporter.exported, timeout=60_000):
            window.actions_by_name[action].trigger()
        assert target.stat().st_size > 1000
    assert EXPECTED["title"] in (tmp_path / "seed.md").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.part"))


def test_a_cancelled_export_leaves_no_file(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    kept_seed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "seed.pdf"
    monkeypatch.setattr(exporting, "choose_save_path", lambda *_args: target)
    with qtbot.waitSignal(window.exporter.failed, timeout=60_000):
        window.actions_by_name["export_pdf"].trigger()
        # The user presses Cancel in the progress dialog straight away.
        assert window.exporter.progress is not None
        cancel = window.exporter.progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
    assert window.statusBar().currentMessage() == "Export cancelled."
    assert window.findChild(QMessageBox, "exportError") is None
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_tags_and_a_note_on_a_bookmark_and_the_bookmarks_file(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    kept_seed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.actions_by_name["bookmark_details"].trigger()
    qtbot.waitUntil(lambda: window.bookmark_commands.dialog is not None, timeout=10_000)
    dialog = window.bookmark_commands.dialog
    assert dialog is not None
    dialog.tags.setText("Syria, bases , syria")
    dialog.note.setPlainText("Read before the meeting.")
    with qtbot.waitSignal(window.bookmark_commands.detailsSaved, timeout=10_000) as saved:
        dialog.accept()
    assert [t.casefold() for t in saved.args[0].tags] == ["syria", "bases"] or sorted(
        t.casefold() for t in saved.args[0].tags
    ) == ["bases", "syria"]
    assert saved.args[0].note == "Read before the meeting."
    target = tmp_path / "bookmarks.json"
    monkeypatch.setattr(
        "reader.ui.bookmarks.QFileDialog.getSaveFileName", lambda *_args, **_kw: (str(target), "")
    )
    window.actions_by_name["export_bookmarks"].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = target.read_text(encoding="utf-8")
    assert "Read before the meeting." in text and EXPECTED["title"] in text
