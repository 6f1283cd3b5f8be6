"""One reader per data folder: hand-over to the running instance, stale locks, side-by-side folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtNetwork import QLocalSocket

from reader.ui.instance import SingleInstance, absolute_arguments, server_name

ROOT = Path(__file__).resolve().parents[3]
FEED_URL = "feed:https://example.org/news/feed.xml"

SEND = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.ui.instance import SingleInstance

    guard = SingleInstance(Path(sys.argv[1]))
    if guard.acquire():
        sys.exit(3)  # we should not have been first
    sys.exit(0 if guard.send(sys.argv[2:]) else 4)
    """
)

HOLD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.ui.instance import SingleInstance

    guard = SingleInstance(Path(sys.argv[1]))
    print("locked" if guard.acquire() else "refused", flush=True)
    sys.stdin.readline()  # hold the lock until killed
    """
)


def python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def first(qtbot, tmp_path):
    guard = SingleInstance(tmp_path / "data")
    assert guard.acquire()
    yield guard
    guard.release()


def test_second_launch_hands_its_url_to_the_first(qtbot, first, tmp_path):
    with qtbot.waitSignal(first.received, timeout=15_000) as blocker:
        second = python(SEND, str(tmp_path / "data"), FEED_URL)
    # The event loop ran while waiting, so the first instance answered.
    _out, err = second.communicate(timeout=15)
    assert second.returncode == 0, err
    assert blocker.args == [[FEED_URL]]


def test_relative_file_arguments_travel_as_absolute_paths(qtbot, first, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text("<opml/>")
    with qtbot.waitSignal(first.received, timeout=15_000) as blocker:
        second = subprocess.Popen(
            [sys.executable, "-c", SEND, str(tmp_path / "data"), "subs.opml", "--data-dir=x"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stderr=subprocess.PIPE,
            text=True,
        )
    _out, err = second.communicate(timeout=15)
    assert second.returncode == 0, err
    assert blocker.args == [[str(opml), "--data-dir=x"]]


def test_absolute_arguments_leaves_urls_and_options_alone(tmp_path):
    (tmp_path / "a.opml").write_text("")
    args = ["a.opml", "https://example.org/a.opml", "-x", "missing.opml"]
    assert absolute_arguments(args, tmp_path) == [str(tmp_path / "a.opml"), *args[1:]]


def test_two_data_folders_run_side_by_side(tmp_path):
    one, two = SingleInstance(tmp_path / "one"), SingleInstance(tmp_path / "two")
    try:
        assert one.acquire()
        assert two.acquire()
        assert one.name != two.name
    finally:
        one.release()
        two.release()


def test_server_name_is_stable_per_folder(tmp_path):
    assert server_name(tmp_path / "d") == server_name(tmp_path / "x" / ".." / "d")
    assert server_name(tmp_path / "d") != server_name(tmp_path / "e")
    assert len(server_name(tmp_path / ("long" * 80))) < 40


def test_stale_lock_of_a_killed_process_is_taken_over(qtbot, tmp_path):
    data = tmp_path / "data"
    holder = python(HOLD, str(data))
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    try:
        # While the holder lives, the folder is taken.
        assert not SingleInstance(data).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=15)
    assert (data / "instance.lock").exists()  # left behind by the crash

    guard = SingleInstance(data)
    try:
        assert guard.acquire()
        # The dead holder's socket name is reused: a later launch reaches us.
        with qtbot.waitSignal(guard.received, timeout=15_000) as blocker:
            second = python(SEND, str(data), FEED_URL)
        _out, err = second.communicate(timeout=15)
        assert second.returncode == 0, err
        assert blocker.args == [[FEED_URL]]
    finally:
        guard.release()


def test_release_lets_the_next_launch_be_first(tmp_path):
    guard = SingleInstance(tmp_path / "data")
    assert guard.acquire()
    guard.release()
    again = SingleInstance(tmp_path / "data")
    assert again.acquire()
    again.release()


def test_malformed_messages_are_dropped(qtbot, first):
    received: list[list[str]] = []
    first.received.connect(received.append)
    socket = QLocalSocket()
    socket.connectToServer(first.name)
    assert socket.waitForConnected(5000)
    socket.write(QByteArray(b'{"args": [1, 2]}\n'))
    socket.flush()
    # The server aborts the connection instead of answering.
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000)
    assert received == []


def test_send_gives_up_when_nobody_answers(tmp_path):
    lonely = SingleInstance(tmp_path / "nobody")
    assert not lonely.send(["x"], timeout_ms=200)
