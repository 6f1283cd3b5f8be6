"""Refresh benchmark: 500 loopback feeds with 50 ms latency, first and second refresh.

    python tests/benchmarks/refresh.py [--feeds 500] [--latency-ms 50] [--no-gzip]

Starts ``feed_server.py`` (the team's loopback feed server) on 127.0.0.1
serving the feed corpus in ``tests/data/feeds/files`` as N distinct feeds,
subscribes a fresh data dir to all of them, then times a first refresh
(everything new) and a second one (mostly 304), reports peak memory, and
checks that every feed stored as many articles as feedparser reads in the
body served for it.  Not part of the test run: it prints figures, it does
not assert them.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import feedparser
import psutil

from reader.library import Library

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "data" / "feeds" / "files"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, feeds: int, latency_ms: float, gzip: bool) -> subprocess.Popen[str]:
    cmd = [
        sys.executable,
        str(HERE / "feed_server.py"),
        "--port",
        str(port),
        "-n",
        str(feeds),
        "--latency-ms",
        str(latency_ms),
        "--corpus",
        str(CORPUS),
    ]
    if gzip:
        cmd.append("--gzip")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if "serving" not in line:
        proc.kill()
        raise SystemExit(f"feed server did not start: {line!r}")
    return proc


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeRSS:
    """Samples the memory of this process plus its parse workers every 20 ms.

    Uses PSS (shared pages split between the processes that map them), the
    fair sum for forked workers.  The workers are children of the
    multiprocessing fork server, so they are found as descendants; the feed
    server (our own child too) is left out.
    """

    def __init__(self, exclude: int) -> None:
        self._exclude = exclude
        self._stop = threading.Event()
        self.peak_mb = 0.0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.02):
            total = me.memory_full_info().pss
            for child in me.children(recursive=True):
                if child.pid == self._exclude:
                    continue
                with contextlib.suppress(psutil.Error):
                    total += child.memory_full_info().pss
            self.peak_mb = max(self.peak_mb, total / 2**20)

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--latency-ms", type=float, default=50)
    parser.add_argument("--no-gzip", action="store_true")
    args = parser.parse_args()

    port = free_port()
    server = start_server(port, args.feeds, args.latency_ms, not args.no_gzip)
    base = f"http://127.0.0.1:{port}"
    try:
        urls = urllib.request.urlopen(f"{base}/urls.txt").read().decode().split()
        with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp)) as lib:
            for url in urls:
                lib.store.add_feed(url, now=lib._clock())
            rss_before = peak_rss_mb()

            with TreeRSS(exclude=server.pid) as tree:
                t0 = time.perf_counter()
                cpu0 = time.process_time()
                first = lib.refresh()
                first_s = time.perf_counter() - t0
                first_cpu = time.process_time() - cpu0

                # The app indexes new articles for search after a refresh, in the
                # background between other work; timed apart from the refresh.
                t0 = time.perf_counter()
                lib.index_search(None)
                index_s = time.perf_counter() - t0

                t0 = time.perf_counter()
                second = lib.refresh()
                second_s = time.perf_counter() - t0
            peak = peak_rss_mb()

            stored = sum(lib.count_articles(feed_id=f.id) for f in lib.feeds())
            mismatches = []
            for feed in lib.feeds():
                body = urllib.request.urlopen(feed.url).read()
                expected = len(feedparser.parse(body).entries)
                got = lib.count_articles(feed_id=feed.id)
                if expected and got != expected:
                    mismatches.append((feed.url, expected, got))

        print(f"feeds: {len(urls)}, latency {args.latency_ms:.0f} ms, gzip {not args.no_gzip}")
        print(
            f"first refresh:  {first_s:6.2f} s wall, {first_cpu:5.2f} s CPU (this process), "
            f"statuses {dict(Counter(r.status for r in first))}"
        )
        print(f"search indexing of the new articles, after it: {index_s:6.2f} s")
        print(f"second refresh: {second_s:6.2f} s wall, statuses {dict(Counter(r.status for r in second))}")
        print(f"articles stored: {stored}")
        print(
            f"peak RSS: {peak:.0f} MB in the app process (before refresh {rss_before:.0f} MB); "
            f"{tree.peak_mb:.0f} MB PSS summed with its parse workers"
        )
        print(f"feeds whose article count differs from feedparser's: {len(mismatches)}")
        for url, expected, got in mismatches[:10]:
            print(f"  {url}: feedparser {expected}, stored {got}")
        errors = [r for r in first if r.status == "error"]
        for r in errors[:10]:
            print(f"  error {r.url}: {r.error}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
