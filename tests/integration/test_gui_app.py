"""``python -m reader`` starts the window against a fresh data folder and leaves the user's settings alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.app import library_factory, wire_instance
from reader.tasks import TaskRunner
from reader.ui import launch
from reader.ui.instance import SingleInstance
from reader.ui.settings import Settings
from reader.ui.window import MainWindow
from tests.support.loopback import LoopbackServer

pytestmark = pytest.mark.gui


def run_offscreen(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """This interpreter with ``args``, offscreen, with ``home`` as the user's home folder."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_the_app_starts_paints_and_quits_cleanly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    stamp = tmp_path / "painted"
    home = tmp_path / "home"
    done = run_offscreen(["-m", "reader", "--data-dir", str(data), "--quit-after-paint", str(stamp)], home)
    assert done.returncode == 0, done.stderr
    assert stamp.exists()
    assert (data / "settings.ini").exists()
    assert "bye" in (data / "logs" / "reader.log").read_text()
    # nothing was written outside the data folder
    assert not home.exists() or not any(home.rglob("*"))


# Records, at the first paint, whether PySide has built the Python enums of Qt's namespace yet.
PAINT_PROBE = """
import sys
from pathlib import Path

import PySide6.QtCore as QtCore

import reader.app

record, data, stamp = sys.argv[1:]
stamp_first_paint = reader.app._stamp_first_paint


def stamp_and_record(path, app):
    Path(record).write_text(str("Qt" in QtCore.__dict__))
    stamp_first_paint(path, app)


reader.app._stamp_first_paint = stamp_and_record
sys.exit(reader.app.main(["--data-dir", data, "--quit-after-paint", stamp]))
"""


def test_the_first_paint_comes_before_qts_namespace_enums(tmp_path: Path) -> None:
    # ~20 ms of start-up (reader.ui.roles): one `from PySide6.QtCore import Qt` in a
    # module the window imports, or a Qt.* value passed before the paint, brings it back.
    record = tmp_path / "built"
    probe = ["-c", PAINT_PROBE, str(record), str(tmp_path / "data"), str(tmp_path / "painted")]
    done = run_offscreen(probe, tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert record.read_text() == "False"


def test_a_second_launch_hands_its_feed_to_the_running_window(
    qtbot: QtBot, tmp_path: Path, loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Handed Over</title>'
        f"<link>{loopback.base_url}/</link><description>d</description>"
        f"<item><title>One story</title><link>{loopback.base_url}/one.html</link></item>"
        "</channel></rss>"
    )
    loopback.serve("/feed.xml", feed.encode(), content_type="application/rss+xml")
    url = loopback.url("/feed.xml")
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(launch, "confirm", yes)
    instance = SingleInstance(data)
    assert instance.acquire()
    runner = TaskRunner(library_factory(data))
    window = MainWindow(runner, Settings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    try:
        window.show()
        wire_instance(instance, window)
        second = subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(data), url],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The first instance's event loop must run to answer the second.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        _out, err = second.communicate()
        assert second.returncode == 0, err
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
        assert asked == [f"Subscribe to {url}?"]
        qtbot.waitUntil(lambda: any(f.url == url for f in window.feed_model.feeds.values()), timeout=20_000)
        subscribed = next(f for f in window.feed_model.feeds.values() if f.url == url)
        assert subscribed.title == "Handed Over"
        assert "Subscribed to Handed Over." in window.statusBar().currentMessage()
    finally:
        window.close()
        runner.shutdown()
        instance.release()
