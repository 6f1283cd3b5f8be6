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
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

import feedparser

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


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is in KiB on Linux; for RUSAGE_CHILDREN it is the largest
    # single child (a parse worker; the feed server is still running).
    return resource.getrusage(who).ru_maxrss / 1024


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

            t0 = time.perf_counter()
            cpu0 = time.process_time()
            first = lib.refresh()
            first_s = time.perf_counter() - t0
            first_cpu = time.process_time() - cpu0

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
        print(f"second refresh: {second_s:6.2f} s wall, statuses {dict(Counter(r.status for r in second))}")
        print(f"articles stored: {stored}")
        print(
            f"peak RSS: {peak:.0f} MB in the app process (before refresh {rss_before:.0f} MB), "
            f"{peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB in the largest parse worker"
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
