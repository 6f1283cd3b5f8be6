"""Our own bugs are logged with their traceback and shown once; the app keeps running."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import QTimer

from reader.library.paths import choose_log_dir
from reader.ui import crash
from reader.ui.crash import (
    CrashReporter,
    LogSetup,
    crash_message,
    setup_logging,
    stop_logging,
)


@pytest.fixture
def logs(tmp_path):
    setup = setup_logging(tmp_path / "logs")
    yield setup
    stop_logging()
    restore_faulthandler()


@pytest.fixture
def reporter(qapp, logs):
    reporter = CrashReporter(logs)
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()
        reporter.dialog.deleteLater()


def restore_faulthandler() -> None:
    # pytest's own faulthandler wrote to stderr before us.
    assert sys.__stderr__ is not None
    faulthandler.enable(file=sys.__stderr__)


def log_text(setup: LogSetup) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert setup.log_file is not None
    return setup.log_file.read_text(encoding="utf-8")


def test_log_dir_follows_an_explicit_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_DATA_DIR", raising=False)
    assert choose_log_dir(str(tmp_path), tmp_path) == tmp_path / "logs"
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert choose_log_dir(None, tmp_path) == tmp_path / "logs"


def test_log_dir_is_the_users_log_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_DATA_DIR", raising=False)
    expected = Path(platformdirs.user_log_dir("newsreader", appauthor=False))
    assert choose_log_dir(None, tmp_path) == expected


def test_logs_go_to_a_rotating_file(logs, monkeypatch):
    assert logs.log_file == logs.directory / "reader.log"
    assert logs.crash_file is not None and logs.crash_file.exists()
    handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(logs.log_file)
    )
    monkeypatch.setattr(handler, "maxBytes", 500)
    for n in range(40):
        logging.getLogger("reader.test").warning("line %d of a long session", n)
    assert (logs.directory / "reader.log.1").exists()
    assert not (logs.directory / f"reader.log.{crash.LOG_BACKUPS + 1}").exists()


def test_an_unwritable_log_folder_falls_back_to_stderr(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    try:
        setup = setup_logging(blocker / "logs")
        assert setup.log_file is None and setup.crash_file is None
    finally:
        stop_logging()
        restore_faulthandler()


def test_the_message_says_where_the_log_is(tmp_path):
    text = crash_message(ValueError, ValueError("bad value"), tmp_path / "reader.log")
    assert "ValueError: bad value" in text
    assert str(tmp_path / "reader.log") in text
    assert "keep working" in text
    assert "could not be saved" in crash_message(KeyError, KeyError("k"), None)


def boom() -> None:
    raise ZeroDivisionError("slot went wrong")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_and_the_app_lives(qtbot, reporter, logs):
    with qtbot.waitSignal(reporter.reported, timeout=5000) as blocker:
        QTimer.singleShot(0, boom)
    assert blocker.args == ["ZeroDivisionError: slot went wrong"]
    text = log_text(logs)
    assert "unhandled exception" in text
    assert "ZeroDivisionError: slot went wrong" in text
    assert "Traceback" in text
    assert reporter.dialog is not None and reporter.dialog.isVisible()
    assert not reporter.dialog.isModal()
    assert str(logs.log_file) in reporter.dialog.text()
    # The event loop still runs.
    alive = []
    with qtbot.waitSignal(reporter.reported, timeout=5000):
        QTimer.singleShot(0, lambda: alive.append(True))
        QTimer.singleShot(0, boom)
    assert alive == [True]
    # A second error while the dialog is open only goes to the log.
    assert reporter.suppressed == 1


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_logged_and_shown(qtbot, reporter, logs):
    worker = threading.Thread(target=boom, name="worker-1")
    with qtbot.waitSignal(reporter.reported, timeout=5000) as blocker:
        worker.start()
        worker.join()
    assert blocker.args == ["ZeroDivisionError: slot went wrong"]
    assert "unhandled exception in thread worker-1" in log_text(logs)
    assert reporter.dialog is not None and reporter.dialog.isVisible()


def test_keyboard_interrupt_quits_instead_of_reporting(reporter, qapp, monkeypatch):
    reported: list[str] = []
    quits: list[bool] = []
    reporter.reported.connect(reported.append)
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(True))
    reporter.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert reported == []
    assert quits == [True]
