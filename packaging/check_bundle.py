"""Check a built bundle: it runs without the source tree's Python and opens the seed article.

    python packaging/check_bundle.py dist/newsreader

Steps, each against a fresh temporary data folder:

1. the bundled CLI extracts the seed article and finds its title;
2. it keeps the seed page, served from a loopback server with its photo,
   as a bookmark and renders it to PDF with Qt, offscreen (the title must
   be in the PDF's text when pdftotext is installed);
3. the GUI starts offscreen and paints its first window, then quits;
4. a refresh of 24 feeds from a loopback server goes through the parse
   process pool, so the fork server / spawn support of the frozen app works;
5. the single-instance hand-over: a second launch with a feed URL exits 0
   while the first keeps running.

Standard library only, so any Python can run it.  Exit status 0 when every
step that ran passed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed-article" / "caliber-az-russia-syria-bases.html"
EXPECTED = json.loads((SEED.parent / "expected.json").read_text(encoding="utf-8"))
FEEDS = ROOT / "tests" / "data" / "feeds" / "files"
# More than reader.library.refresh.PROCESS_POOL_MIN_FEEDS, so parsing goes to worker processes.
POOL_FEEDS = 24
TIMEOUT = 120


def environment(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    # Nothing from a source checkout or venv may leak in: the bundle stands alone.
    env["PATH"] = "/usr/bin:/bin"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["READER_DATA_DIR"] = str(data_dir)
    env["HOME"] = str(data_dir / "home")
    return env


def run(exe: Path, args: Sequence[str], data_dir: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    done = subprocess.run(
        [str(exe), *args],
        env=environment(data_dir),
        cwd=data_dir,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return done, time.monotonic() - start


def step_extract(exe: Path, data_dir: Path) -> str:
    done, took = run(exe, ["extract", str(SEED), "--url", EXPECTED["url"], "--format", "json"], data_dir)
    if done.returncode != 0:
        raise AssertionError(f"extract exited {done.returncode}: {done.stderr.strip()}")
    article = json.loads(done.stdout)
    if article.get("title") != EXPECTED["title"]:
        raise AssertionError(f"title {article.get('title')!r}, expected {EXPECTED['title']!r}")
    words = len(str(article.get("text", "")).split())
    return f"title {article['title']!r}, {words} words, {took:.2f} s"


def step_gui(exe: Path, data_dir: Path) -> str:
    stamp = data_dir / "first-paint"
    done, took = run(exe, ["--quit-after-paint", str(stamp)], data_dir)
    if done.returncode != 0:
        raise AssertionError(f"GUI exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    if not stamp.exists():
        raise AssertionError("the window never painted")
    return f"first paint and clean exit in {took:.2f} s (includes the first-run store set-up)"


def step_seed_pdf(exe: Path, data_dir: Path) -> str:
    site = data_dir / "site"
    photo = site / "storage" / "news" / "2025" / "02" / "17" / "syria-bases.jpg"
    photo.parent.mkdir(parents=True)
    shutil.copyfile(SEED.parent / "syria-bases.jpg", photo)
    with feed_server(site) as base:
        page = SEED.read_text(encoding="utf-8").replace("https://caliber.az/storage/", f"{base}/storage/")
        (site / "seed.html").write_text(page, encoding="utf-8")
        done, _ = run(exe, ["bookmark", f"{base}/seed.html"], data_dir)
    kept = re.match(r"Bookmarked (\d+)", done.stdout)
    if done.returncode != 0 or kept is None:
        raise AssertionError(f"bookmark exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    article_id = kept.group(1)
    pdf = data_dir / "seed.pdf"
    done, took = run(exe, ["export", article_id, "--pdf", str(pdf)], data_dir)
    if done.returncode != 0 or not pdf.read_bytes().startswith(b"%PDF"):
        raise AssertionError(f"export exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    if shutil.which("pdftotext") is None:
        return f"{pdf.stat().st_size // 1024} KiB PDF in {took:.2f} s (pdftotext missing: text not checked)"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    if EXPECTED["title"] not in " ".join(text.split()):
        raise AssertionError(f"the title is not in the PDF's text: {text[:500]!r}")
    return f"bookmarked, {pdf.stat().st_size // 1024} KiB PDF with the title in its text, in {took:.2f} s"


@contextmanager
def feed_server(directory: Path = FEEDS) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def step_refresh_pool(exe: Path, data_dir: Path) -> str:
    files = sorted(p.name for p in FEEDS.glob("*.xml"))[:POOL_FEEDS]
    with feed_server() as base:
        outlines = "\n".join(
            f'<outline type="rss" text={quoteattr(n)} xmlUrl={quoteattr(f"{base}/{n}")}/>' for n in files
        )
        opml = data_dir / "pool.opml"
        opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
        done, _ = run(exe, ["import-opml", str(opml)], data_dir)
        if done.returncode != 0:
            raise AssertionError(f"import-opml exited {done.returncode}: {done.stderr.strip()}")
        seen: set[str] = set()
        watcher = threading.Thread(
            target=_watch_helpers, args=(seen, time.monotonic() + TIMEOUT), daemon=True
        )
        watcher.start()
        done, took = run(exe, ["refresh", "--json"], data_dir)
        seen.add("stop")
        watcher.join()
    if done.returncode != 0:
        raise AssertionError(f"refresh exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    results = json.loads(done.stdout)
    ok = [r for r in results if r.get("status") not in ("error", "gone")]
    if len(results) != len(files) or len(ok) < len(files) - 2:
        raise AssertionError(f"{len(ok)} of {len(results)} feeds refreshed: {done.stdout[:2000]}")
    helpers = ", ".join(sorted(seen - {"stop"})) or "none seen (no /proc?)"
    return f"{len(ok)}/{len(results)} feeds in {took:.2f} s; multiprocessing helpers: {helpers}"


def _watch_helpers(seen: set[str], deadline: float) -> None:
    """Record which multiprocessing helpers the bundle started (Linux /proc), to show the pool ran."""
    proc = Path("/proc")
    while "stop" not in seen and time.monotonic() < deadline and proc.is_dir():
        for cmdline in proc.glob("[0-9]*/cmdline"):
            try:
                text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            for helper in ("forkserver", "resource_tracker", "--multiprocessing-fork"):
                if helper in text and "newsreader" in text:
                    seen.add(helper)
        time.sleep(0.02)


def step_single_instance(exe: Path, data_dir: Path) -> str:
    env = environment(data_dir)
    first = subprocess.Popen(
        [str(exe)], env=env, cwd=data_dir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        lock = data_dir / "instance.lock"
        deadline = time.monotonic() + 15
        while not lock.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if first.poll() is not None:
            error = first.stderr.read() if first.stderr else ""
            raise AssertionError(f"the first instance exited {first.returncode}: {error[-2000:]}")
        if not lock.exists():
            raise AssertionError("the first instance took no instance lock within 15 s")
        done, took = run(exe, ["feed:http://127.0.0.1:9/feed.xml"], data_dir)
        if done.returncode != 0:
            raise AssertionError(f"second launch exited {done.returncode}: {done.stderr.strip()[-2000:]}")
        if first.poll() is not None:
            raise AssertionError(f"the first instance died ({first.returncode})")
        return f"second launch handed over its URL and exited 0 in {took:.2f} s"
    finally:
        first.terminate()
        try:
            first.wait(20)
        except subprocess.TimeoutExpired:
            first.kill()
            first.wait()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle, e.g. dist/newsreader")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folders")
    args = parser.parse_args(argv)
    exe = args.bundle.resolve() / ("newsreader.exe" if sys.platform == "win32" else "newsreader")
    if not exe.exists():
        print(f"error: {exe} not found: build it with packaging/build-bundle.sh", file=sys.stderr)
        return 1
    steps = [
        ("extract the seed article (CLI)", step_extract),
        ("keep the seed article and print it to PDF", step_seed_pdf),
        ("start the GUI offscreen", step_gui),
        ("refresh through the fork server", step_refresh_pool),
        ("single instance", step_single_instance),
    ]
    failures = 0
    for title, step in steps:
        data_dir = Path(tempfile.mkdtemp(prefix="reader-bundle-check-"))
        (data_dir / "home").mkdir()
        try:
            print(f"ok    {title}: {step(exe, data_dir)}")
        except (AssertionError, subprocess.TimeoutExpired, ValueError) as error:
            failures += 1
            print(f"FAIL  {title}: {error}")
        finally:
            if not args.keep:
                shutil.rmtree(data_dir, ignore_errors=True)
    print(f"bundle: {args.bundle} ({_size_mb(args.bundle):.0f} MB)")
    return 1 if failures else 0


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


if __name__ == "__main__":
    sys.exit(main())
