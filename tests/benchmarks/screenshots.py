"""Screenshots of the real window for review: day and night with the seed article, and the largest font step.

Run under a real X server so the platform's fonts and window paint are used::

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \\
        python -m tests.benchmarks.screenshots [--out resources/screenshots]

Feeds come from a loopback server (titles in Russian and Armenian, and the
seed page of tests/data/seed-article as an article), so nothing leaves the
machine; the data folder is a temporary one.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reader.app import library_factory
from reader.tasks import TaskRunner
from reader.ui.settings import Settings
from reader.ui.translation import load_translator
from reader.ui.window import MainWindow
from tests.benchmarks.gui import wait_until
from tests.support.loopback import LoopbackServer
from tests.support.seed import serve_seed

ROOT = Path(__file__).resolve().parents[2]
RSS = "application/rss+xml"
log = logging.getLogger("screenshots")

FEEDS = {
    "caliber": ("Caliber.Az", [("Media: Russia plans to retain naval, air bases in Syria", "/seed.html")]),
    "ru": (
        "Новости науки",
        [
            ("Астрономы нашли новую комету у орбиты Юпитера", "/ru1.html"),
            ("Съешь же ещё этих мягких французских булок", "/ru2.html"),
        ],
    ),
    "hy": (
        "Լրատվական կայք",
        [
            ("Երևանում բացվեց նոր գրադարան", "/hy1.html"),
            ("Գիտնականները ուսումնասիրում են լեռները", "/hy2.html"),
        ],
    ),
}


def rss(base: str, title: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>Mon, 17 Feb 2025 1{n}:19:00 GMT</pubDate><description>{t}</description></item>"
        for n, (t, p) in enumerate(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link><description>d</description>{entries}</channel></rss>"
    ).encode()


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    wait_until(condition, timeout)


def settle(app: QApplication) -> None:
    """Let pending paints and relayouts happen."""
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()


def pdf_pages(app: QApplication, window: MainWindow, pdf: Path, out: Path) -> None:
    """Export the selected article through the File menu's action and render its pages (pdftoppm)."""
    from reader.ui import exporting

    if shutil.which("pdftoppm") is None:
        log.warning("pdftoppm is not installed: no PDF page images")
        return
    done: list[str] = []
    original = exporting.choose_save_path
    exporting.choose_save_path = lambda *_args: pdf
    window.exporter.exported.connect(done.append)
    window.exporter.failed.connect(done.append)
    try:
        window.actions_by_name["export_pdf"].trigger()
        wait(app, lambda: bool(done), timeout=60)
    finally:
        exporting.choose_save_path = original
    if done != [str(pdf)]:
        raise RuntimeError(f"the PDF export failed: {done}")
    from pypdf import PdfReader

    for page in range(1, len(PdfReader(pdf).pages) + 1):
        target = out / f"pdf-page-{page}"
        command = ["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", "-png"]
        subprocess.run([*command, str(pdf), str(target)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.INFO)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp, LoopbackServer() as server:
        base = server.base_url
        for key, (title, items) in FEEDS.items():
            server.serve(f"/{key}.xml", rss(base, title, items), content_type=RSS)
        # The seed page with its photo, both from the loopback server.
        serve_seed(server, "/seed.html")
        data = Path(tmp) / "data"
        runner = TaskRunner(library_factory(data))
        outlines = "".join(
            f'<outline type="rss" text="{t}" xmlUrl="{base}/{k}.xml"/>' for k, (t, _) in FEEDS.items()
        )
        opml = f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>'.encode()
        feeds = runner.run_sync(lambda lib: lib.import_opml(opml).added)
        # Kept offline, like a bookmark: the pane shows the photo from the store.
        kept = next(f.id for f in feeds if f.url.endswith("/caliber.xml"))
        runner.run_sync(lambda lib: lib.set_keep_offline(kept, True))
        runner.run_sync(lambda lib: lib.refresh([f.id for f in feeds]))
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        settings.theme = "day"
        window = MainWindow(runner, settings)
        window.resize(1360, 860)
        window.show()
        wait(app, lambda: window.feed_model.feed_count() == 3)
        caliber = next(f.id for f in window.feed_model.feeds.values() if f.url.endswith("/caliber.xml"))
        window.feed_view.setCurrentIndex(window.feed_model.index_of(("feed", caliber)))
        wait(
            app,
            lambda: window.article_model.article_at(0) is not None and window.article_model.rowCount() == 1,
        )
        window.feed_view.setCurrentIndex(window.feed_model.index_of(("all", 0)))
        wait(
            app,
            lambda: window.article_model.rowCount() == 5 and window.article_model.article_at(4) is not None,
        )
        row = next(r for r, s in window.article_model.loaded_rows().items() if s.feed_id == caliber)
        window.select_row(row)
        wait(app, lambda: "Tartus" in window.reading.browser.toPlainText())
        settle(app)
        window.grab().save(str(args.out / "day.png"))
        window.set_theme("night")
        settle(app)
        window.grab().save(str(args.out / "night.png"))
        # The window's own Export as PDF, with the night theme on: paper stays white.
        pdf_pages(app, window, Path(tmp) / "seed.pdf", args.out)
        window.set_theme("sepia")
        for _ in range(11):
            window.change_font(1)
        settle(app)
        window.reading.grab().save(str(args.out / "largest-font.png"))
        window.close()
        runner.shutdown()

        # First run, in Russian: the empty state and the welcome article.
        QLocale.setDefault(QLocale("ru_RU"))
        translator = load_translator(app, QLocale("ru_RU"), Path(tmp) / "cache")
        runner = TaskRunner(library_factory(Path(tmp) / "empty"))
        settings = Settings(QSettings(str(Path(tmp) / "settings-ru.ini"), QSettings.Format.IniFormat))
        settings.theme = "day"
        window = MainWindow(runner, settings)
        window.resize(1360, 860)
        window.show()
        wait(app, lambda: window.left.currentWidget() is window.empty)
        settle(app)
        window.grab().save(str(args.out / "first-run-ru.png"))
        window.close()
        runner.shutdown()
        if translator is not None:
            app.removeTranslator(translator)
    log.info("screenshots written to %s", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
