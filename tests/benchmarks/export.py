"""PDF export benchmark: a 3,000-word article with images, in the print layout.

    python tests/benchmarks/export.py [--runs 10]

The article is built from real text (Scrapinghub benchmark article bodies),
with two stored images.  Times only ``export_pdf`` (layout, painting,
writing the file), after Qt has started; prints median and worst.
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from reader.core.models import Article, CleanArticle
from reader.render.printing import ensure_gui_application, export_pdf

CORPUS = Path(__file__).resolve().parents[1] / "data" / "scrapinghub-aeb"


def article_of(words: int) -> tuple[Article, int]:
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    paragraphs: list[str] = []
    count = 0
    for entry in truth.values():
        for para in entry["articleBody"].split("\n"):
            if len(para.split()) > 20:
                paragraphs.append(para)
                count += len(para.split())
        if count >= words:
            break
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    body = '<p><img src="https://example.org/a.png" alt="a"></p>' + body
    body = body.replace("</p>", '</p><p><img src="https://example.org/b.png" alt="b"></p>', 1)
    clean = CleanArticle(
        url="https://example.org/long",
        title="A long read",
        html=body,
        text="",
        author="A. Writer",
        published=datetime(2025, 2, 17, tzinfo=UTC),
        site_name="Example News",
    )
    now = datetime.now(UTC)
    return Article(
        id=1,
        feed_id=None,
        uid="u",
        title="A long read",
        url="https://example.org/long",
        author="A. Writer",
        summary_html=None,
        content_html=None,
        published=None,
        updated=None,
        arrived_at=now,
        read=False,
        bookmarked=True,
        clean=clean,
    ), count


def png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a7bb7"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 6.12 refuses the stub's bytes
    return bytes(QByteArray(buffer.data()).data())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--words", type=int, default=3000)
    args = parser.parse_args()
    ensure_gui_application()
    article, words = article_of(args.words)
    images = {
        "https://example.org/a.png": (png(1200, 800), "image/png"),
        "https://example.org/b.png": (png(800, 1200), "image/png"),
    }
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "long.pdf"
        for _ in range(args.runs + 1):
            start = time.perf_counter()
            pages = export_pdf([article], images.get, target)
            times.append(time.perf_counter() - start)
        size = target.stat().st_size
    times = times[1:]  # the first run warms font caches
    print(f"{words} words, 2 images -> {pages} pages, {size // 1024} KiB")
    print(
        f"export_pdf: median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
        f"over {len(times)} runs (target 500 ms)"
    )


if __name__ == "__main__":
    main()
