"""A writer killed mid-stream (catalog 43) and two writers at once (catalog 50)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from reader.storage import Store

REPO = Path(__file__).resolve().parents[3]


def start_child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.unit.storage.child_process", *args],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(child: subprocess.Popen[str]) -> str:
    _, err = child.communicate()
    return err


def test_every_commit_reported_before_kill_9_survives(db_path: Path) -> None:
    child = start_child("write-forever", str(db_path))
    reported: list[int] = []
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        while len(reported) < 40:
            line = child.stdout.readline()
            assert line, "the writer stopped early"
            reported.append(int(line))
        child.send_signal(signal.SIGKILL)
    finally:
        err = finish(child)
    assert child.returncode == -signal.SIGKILL, err
    with Store(db_path) as store:
        assert store.integrity_ok()
        (feed,) = store.feeds()
        stored = store.count_articles(feed_id=feed.id)
        assert stored >= 5 * len(reported)
        uids = {row[0] for row in store._conn.execute("SELECT uid FROM articles")}
        for batch in reported:
            assert {f"{batch}-{i}" for i in range(5)} <= uids
        # Status went in its own transactions: two of each reported batch were marked read.
        assert store.count_articles(feed_id=feed.id, unread_only=True) <= stored - 2 * len(reported)


def test_two_processes_writing_at_once_do_not_trip_on_locks(db_path: Path) -> None:
    Store(db_path).close()
    children = [start_child("write-some", str(db_path), name, "60") for name in ("one", "two")]
    errors = []
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
    finally:
        for child in children:
            errors.append(finish(child))
    assert [c.returncode for c in children] == [0, 0], errors
    assert not any("locked" in e for e in errors)
    with Store(db_path) as store:
        assert len(store.feeds()) == 2
        assert store.count_articles() == 2 * 60 * 5
        assert store.count_articles(unread_only=True) == 0
        assert store.integrity_ok()
