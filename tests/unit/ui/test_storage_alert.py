"""A read-only, full or unusable data folder gives a clear message, not a crash."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.errors import CorruptDatabase, DiskFull, ReadOnlyStorage, StorageError
from reader.ui.storage_alert import Choice, ask_storage_choice, check_data_dir, storage_alert


@pytest.fixture
def read_only_mount(tmp_path):
    """A real read-only file system (tmpfs); chmod would not stop root."""
    target = tmp_path / "ro"
    target.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a read-only tmpfs")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(target)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.decode().strip()}")
    yield target
    subprocess.run(["umount", str(target)], check=True)


def test_a_writable_folder_passes(tmp_path):
    assert check_data_dir(tmp_path / "data") is None
    assert list((tmp_path / "data").iterdir()) == []  # the probe file is gone


def test_a_read_only_file_system_is_named_as_such(read_only_mount):
    error = check_data_dir(read_only_mount / "newsreader")
    assert isinstance(error, ReadOnlyStorage)
    assert str(read_only_mount / "newsreader") in str(error)


def test_a_write_refused_by_the_system_is_read_only(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", refuse)
    assert isinstance(check_data_dir(tmp_path), ReadOnlyStorage)


def test_a_full_disk_is_named_as_such(tmp_path, monkeypatch):
    assert isinstance(check_data_dir(tmp_path, min_free=1 << 62), DiskFull)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    assert isinstance(check_data_dir(tmp_path), DiskFull)


def test_a_folder_that_cannot_exist_is_a_storage_error(tmp_path):
    (tmp_path / "file").write_text("")
    error = check_data_dir(tmp_path / "file" / "data")
    assert isinstance(error, StorageError) and not isinstance(error, ReadOnlyStorage | DiskFull)


def test_read_only_message_names_the_folder_and_what_to_do(tmp_path):
    database = tmp_path / "reader.sqlite3"
    error = ReadOnlyStorage(f"The database {database} is read-only: nothing can be saved.")
    alert = storage_alert(error, tmp_path, database)
    assert "read-only" in alert.title
    assert str(tmp_path) in alert.text
    assert "writable" in alert.text
    assert "--data-dir" in alert.text
    assert not alert.can_read_only  # nothing to browse yet
    database.write_bytes(b"")
    assert storage_alert(error, tmp_path, database).can_read_only


def test_full_disk_and_corrupt_database_messages(tmp_path):
    full = storage_alert(DiskFull("The disk is full."), tmp_path)
    assert "full" in full.title and "Free some space" in full.text
    corrupt = storage_alert(CorruptDatabase("damaged"), tmp_path, tmp_path / "reader.sqlite3")
    assert not corrupt.can_read_only
    assert "left exactly as it is" in corrupt.text
    other = storage_alert(StorageError("odd"), tmp_path)
    assert str(tmp_path) in other.text and "odd" in other.text


@pytest.mark.parametrize(
    ("button", "expected"), [("Open Read-Only", Choice.READ_ONLY), ("Quit", Choice.QUIT)]
)
def test_the_user_chooses_read_only_or_quit(qtbot, tmp_path, button, expected):
    database = tmp_path / "reader.sqlite3"
    database.write_bytes(b"")
    alert = storage_alert(ReadOnlyStorage("read-only"), tmp_path, database)
    seen = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, click)
    assert ask_storage_choice(alert) is expected
    assert seen == [alert.text]
