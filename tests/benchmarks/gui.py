"""GUI benchmark on a store of 500 feeds and 100,000 articles (issue 3 targets).

    python -m tests.benchmarks.gui [--store DIR] [--runs 5]

Measures, each step in its own process so one cannot skew the next:

- start-up: process start to the first painted main window, beside a bare
  QMainWindow measured the same way in the same run (target <= 1.5x);
- first rows of a 20,000-article feed after selecting it (<= 100 ms);
- a stored article (clean text in the store) shown in the pane (<= 50 ms);
- the longest GUI-thread stall (timer lateness) while 500 feeds refresh from a
  loopback server running in another process (<= 50 ms);
- peak RSS of the measuring process (<= 200 MB).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed-article" / "caliber-az-russia-syria-bases.html"
FEEDS = 500
ARTICLES = 100_000
BIG_FEED_ARTICLES = 20_000
CLEAN_ARTICLES = 20
ITEMS_PER_REFRESH = 10
ENV = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
# An installed app has its bytecode compiled; a checkout run with PYTHONDONTWRITEBYTECODE
# would compile every module on every start. Cache bytecode outside the tree instead.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
ENV["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "reader-bench-pycache")

BARE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not Path(sys.argv[1]).exists():
            Path(sys.argv[1]).write_text(repr(time.time())); QTimer.singleShot(0, app.quit)
        return False
app = QApplication([]); w = QMainWindow(); w.resize(1280, 800); f = F(); w.installEventFilter(f); w.show()
app.exec()
"""


# -- the store -------------------------------------------------------------------------------------


def build_store(data: Path) -> None:
    from reader.core.models import ParsedEntry
    from reader.library import Library, extract_page

    now = datetime(2025, 3, 1, tzinfo=UTC)
    body = "<p>" + "Words of a summary that a feed gives for its item. " * 6 + "</p>"
    clean = extract_page(SEED.read_bytes(), "https://caliber.az/en/post/seed")
    with Library(data) as lib:
        store = lib.store
        feeds = [
            store.add_feed(f"http://127.0.0.1:9/f{i}.xml", title=f"Feed {i}", now=now).id
            for i in range(FEEDS)
        ]
        rest, extra = divmod(ARTICLES - BIG_FEED_ARTICLES, FEEDS - 1)
        counts = [BIG_FEED_ARTICLES] + [rest + (1 if i < extra else 0) for i in range(FEEDS - 1)]
        for feed_id, count in zip(feeds, counts, strict=True):
            for start in range(0, count, 5000):
                entries = [
                    ParsedEntry(
                        uid=f"{feed_id}-{n}",
                        title=f"Article {n} of feed {feed_id}",
                        url=f"https://example.org/{feed_id}/{n}",
                        summary_html=body,
                        published=now - timedelta(minutes=n),
                    )
                    for n in range(start, min(start + 5000, count))
                ]
                store.store_entries(feed_id, entries, now)
        newest = store.articles(feed_id=feeds[0], limit=CLEAN_ARTICLES)
        for summary in newest:
            store.save_clean(summary.id, clean, now=now)
        total = store.count_articles()
    (data / "bench.json").write_text(json.dumps({"feeds": FEEDS, "articles": total, "big_feed": feeds[0]}))


# -- the loopback feeds (own process) --------------------------------------------------------------


def serve() -> None:
    from http.server import ThreadingHTTPServer

    from tests.support.loopback import LoopbackServer

    # The refresh opens up to 24 connections at once; with the default listen
    # backlog of 5 the kernel drops SYNs and each dropped one costs the client a
    # 1 s retransmit, which made the refresh time mostly this server's (as
    # feed_server.py for the refresh benchmark, and a real server, allow).
    ThreadingHTTPServer.request_queue_size = 1024
    with LoopbackServer() as server:
        for i in range(FEEDS):
            items = "".join(
                f"<item><title>Fresh {n} of {i}</title><link>https://example.org/new/{i}/{n}</link>"
                f"<guid>fresh-{i}-{n}</guid><description>New item {n}</description></item>"
                for n in range(ITEMS_PER_REFRESH)
            )
            channel = f"<channel><title>Feed {i}</title>{items}</channel>"
            body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
            server.serve(f"/f{i}.xml", body.encode(), content_type="application/rss+xml")
        print(server.port, flush=True)
        sys.stdin.read()


# -- measurements inside the app -------------------------------------------------------------------


def wait_until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds (polled every millisecond), or fail."""
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)

    def check() -> None:
        if condition():
            loop.quit()

    poll.timeout.connect(check)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not condition():
        raise TimeoutError("the window did not get there in time")


def measure(data: Path, port: int, *, tune: bool = True) -> dict[str, Any]:
    from PySide6.QtCore import QElapsedTimer, QSettings
    from PySide6.QtWidgets import QApplication

    from reader.app import library_factory, tune_interpreter

    if tune:
        # As reader.app.main does (the GIL switch interval); --no-tune measures without it.
        tune_interpreter()
    from reader.tasks import TaskRunner
    from reader.ui.settings import Settings
    from reader.ui.window import MainWindow

    app = QApplication(sys.argv[:1])  # noqa: F841 - the widgets need it alive
    info = json.loads((data / "bench.json").read_text())
    runner = TaskRunner(library_factory(data))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(runner, settings)
        window.resize(1280, 800)
        window.show()

        wait = wait_until
        wait(lambda: window.feed_model.feed_count() == info["feeds"])
        wait(lambda: window.article_model.article_at(0) is not None)
        result: dict[str, Any] = {}

        # first rows of the big feed (alternating with another feed so each time is a real switch)
        times = []
        for round_ in range(5):
            other = window.feed_model.index_of(("feed", info["big_feed"] + 1 + round_))
            window.feed_view.setCurrentIndex(other)
            wait(
                lambda: (
                    window.article_model.query is not None
                    and window.article_model.query.feed_id != info["big_feed"]
                    and window.article_model.article_at(0) is not None
                )
            )
            start = time.perf_counter()
            window.feed_view.setCurrentIndex(window.feed_model.index_of(("feed", info["big_feed"])))
            wait(
                lambda: (
                    window.article_model.rowCount() == 20_000
                    and window.article_model.article_at(0) is not None
                )
            )
            window.article_view.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
        result["first_rows_ms"] = {"median": statistics.median(times), "max": max(times)}

        # stored articles (clean text already in the store)
        times = []
        for row in range(1, CLEAN_ARTICLES):
            target = window.article_model.article_at(row)
            assert target is not None
            start = time.perf_counter()

            def shown(target_id: int = target.id) -> bool:
                article = window.reading.article
                text = window.reading.browser.toPlainText()
                return article is not None and article.id == target_id and "Tartus" in text

            window.select_row(row)
            wait(shown)
            window.reading.browser.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
        result["stored_article_ms"] = {"median": statistics.median(times), "max": max(times)}

        # longest stall during a refresh of every feed from the loopback server
        runner.run_sync(
            lambda lib: [
                lib.store.update_feed(f.id, url=f.url.replace(":9/", f":{port}/")) for f in lib.feeds()
            ]
        )
        window.reload_feeds()
        wait(lambda: all(f":{port}/" in f.url for f in window.feed_model.feeds.values()))
        clock = QElapsedTimer()
        lateness: list[float] = []
        timer = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=5)
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            lateness.append(now - last[0] - 5)
            last[0] = now

        timer.timeout.connect(tick)
        # The tree's RSS (this process and its parse workers) is sampled by the
        # parent process: walking /proc here would stall the very thread measured.
        done: list[list[Any]] = []
        window.refresher.finished.connect(done.append)
        clock.start()
        timer.start()
        refresh_start = time.perf_counter()
        window.on_refresh_all()
        wait(lambda: bool(done), timeout=600)
        timer.stop()
        results = done[0]
        result["refresh"] = {
            "seconds": round(time.perf_counter() - refresh_start, 2),
            "feeds": len(results),
            "errors": sum(1 for r in results if r.status == "error"),
            "new_articles": sum(len(r.changes.added) for r in results),
            "max_stall_ms": round(max(lateness), 1),
            "p99_stall_ms": round(sorted(lateness)[int(len(lateness) * 0.99)], 1),
        }
        window.close()
        runner.shutdown()
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def run_sampling_tree(command: list[str]) -> tuple[str, float]:
    """Run ``command``; its stdout and the peak RSS in MB of it and its children (sampled every 250 ms)."""
    import psutil

    peak = [0]
    pipe = subprocess.PIPE
    with subprocess.Popen(command, env=ENV, stdout=pipe, stderr=pipe, text=True) as proc:
        me = psutil.Process(proc.pid)
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.25):
                with contextlib.suppress(psutil.Error):  # the process or a worker may exit meanwhile
                    total = me.memory_info().rss
                    for child in me.children(recursive=True):
                        with contextlib.suppress(psutil.Error):
                            total += child.memory_info().rss
                    peak[0] = max(peak[0], total)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        stop.set()
        sampler.join()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, command, out, err)
    return out, round(peak[0] / 2**20, 1)


# -- start-up --------------------------------------------------------------------------------------


def first_paint(command: list[str], stamp: Path) -> float:
    stamp.unlink(missing_ok=True)
    start = time.time()
    subprocess.run([*command, str(stamp)], env=ENV, check=True, capture_output=True, timeout=120)
    return (float(stamp.read_text()) - start) * 1000


def startup(data: Path, runs: int, command: list[str] | None = None) -> dict[str, Any]:
    """Start to first paint of ``command`` (default: python -m reader), beside a bare QMainWindow."""
    stamp = Path(tempfile.mkdtemp()) / "painted"
    bare, ours = [], []
    app = [*(command or [sys.executable, "-m", "reader"]), "--data-dir", str(data), "--quit-after-paint"]
    first_paint(app, stamp)  # warm-up: bytecode and page cache
    for _ in range(runs):
        bare.append(first_paint([sys.executable, "-c", BARE], stamp))
        ours.append(first_paint(app, stamp))
    b, o = statistics.median(bare), statistics.median(ours)
    return {
        "bare_ms": round(b),
        "app_ms": round(o),
        "ratio": round(o / b, 2),
        "bare_min_ms": round(min(bare)),
        "app_min_ms": round(min(ours)),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", nargs="?", default="all", choices=["all", "build", "serve", "measure"])
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "reader-gui-bench")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-tune", action="store_true", help="keep the interpreter's switch interval")
    args = parser.parse_args()
    if args.step == "build":
        build_store(args.store)
        return 0
    if args.step == "serve":
        serve()
        return 0
    if args.step == "measure":
        print(json.dumps(measure(args.store, args.port, tune=not args.no_tune)))
        return 0

    if not (args.store / "bench.json").exists():
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.gui", "build", "--store", str(args.store)], check=True
        )
        print(f"store built in {time.perf_counter() - started:.1f} s")
    report: dict[str, Any] = {"store": json.loads((args.store / "bench.json").read_text())}
    report["startup"] = startup(args.store, args.runs)
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.gui", "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        # A scratch copy: the refresh adds articles, and the next run should start from the same store.
        with tempfile.TemporaryDirectory() as tmp:
            scratch = Path(tmp) / "store"
            subprocess.run(["cp", "-r", str(args.store), str(scratch)], check=True)
            out, peak_tree_mb = run_sampling_tree(
                [
                    sys.executable,
                    "-m",
                    "tests.benchmarks.gui",
                    "measure",
                    "--store",
                    str(scratch),
                    "--port",
                    str(port),
                    *(["--no-tune"] if args.no_tune else []),
                ]
            )
        report.update(json.loads(out.strip().splitlines()[-1]))
        report["peak_rss_with_workers_mb"] = peak_tree_mb
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=30)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
