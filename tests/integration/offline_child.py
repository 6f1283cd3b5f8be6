"""Child process for the kill -9 tests: ``python -m tests.integration.offline_child MODE DATA_DIR BASE_URL``.

Reports each committed step on stdout, one line at a time, so the parent kills
it at a known point without sleeping.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.models import RefreshResult
from reader.library import Library
from reader.net import HttpClient


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def bookmark(lib: Library, base: str) -> None:
    """Bookmark the articles in order; the parent serves the later ones' images never."""
    for summary in sorted(lib.articles(), key=lambda a: a.title):
        say(f"saving {summary.id}")
        lib.bookmark(summary.id)
        say(f"bookmarked {summary.id}")


def refresh(lib: Library, base: str) -> None:
    def progress(result: RefreshResult, done: int, total: int) -> None:
        say(f"refreshed {result.feed_id} {result.status}")

    lib.refresh(progress=progress)
    say("offline")
    lib.store_offline(progress=lambda article_id, done, total: say(f"kept {article_id}"))
    say("done")


def main(argv: list[str]) -> None:
    mode, data, base = argv
    with Library(Path(data), client=HttpClient(deadline=900, read_timeout=900, connect_timeout=5)) as lib:
        say("ready")
        {"bookmark": bookmark, "refresh": refresh}[mode](lib, base)


if __name__ == "__main__":
    main(sys.argv[1:])
