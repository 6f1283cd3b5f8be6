"""The probes the app runs before its window: can the data folder be written, can the settings be read.

Apart from the messages that describe a problem (``reader.ui.storage_alert``,
``reader.ui.settings_guard``): their enums and dataclasses are start-up time
that a start without problems does not need.  Both modules re-export these.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from reader.core.errors import DiskFull, ReadOnlyStorage, StorageError

if TYPE_CHECKING:
    from reader.ui.settings_guard import SettingsProblem

log = logging.getLogger(__name__)

# Below this much free space a refresh is likely to fail half-way: say so up front.
MIN_FREE_BYTES = 20 * 1024 * 1024
_PROBE_NAME = ".write-test"


def check_data_dir(data_dir: Path, min_free: int = MIN_FREE_BYTES) -> StorageError | None:
    """None when the folder can be created and written with room to spare, else the problem.

    Writes and removes a tiny file: permission bits alone lie (root ignores
    them, and a read-only mount keeps them).
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _as_storage_error(error, data_dir)
    probe = data_dir / _PROBE_NAME
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"ok")
        finally:
            os.close(fd)
        probe.unlink()
    except OSError as error:
        return _as_storage_error(error, data_dir)
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        return None
    if free < min_free:
        return DiskFull(f"The disk holding {data_dir} is almost full ({free // (1024 * 1024)} MB free).")
    return None


def _as_storage_error(error: OSError, data_dir: Path) -> StorageError:
    reason = error.strerror or str(error)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyStorage(f"The data folder {data_dir} cannot be written: {reason}.")
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"The disk holding {data_dir} is full: {reason}.")
    return StorageError(f"The data folder {data_dir} cannot be used: {reason}.")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def check_settings(path: Path) -> SettingsProblem | None:
    """Set a corrupt settings file aside; None when the file is fine or absent."""
    if not path.exists():
        return None
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    status = settings.status()
    # Qt keeps the parsed file while the object lives; drop it before moving the file.
    del settings
    if status == QSettings.Status.NoError:
        return None
    # A problem: its description lives with the message that tells it.
    from reader.ui.settings_guard import Problem, SettingsProblem

    if status == QSettings.Status.FormatError:
        backup = backup_path(path)
        try:
            path.replace(backup)
        except OSError as error:
            log.warning("settings file %s is corrupt and cannot be moved aside: %s", path, error)
            return SettingsProblem(Problem.CORRUPT, path, None, error.strerror or str(error))
        log.warning("settings file %s is corrupt; kept as %s, starting from defaults", path, backup)
        return SettingsProblem(Problem.CORRUPT, path, backup)
    # QSettings.Status.AccessError
    log.warning("settings file %s cannot be accessed", path)
    return SettingsProblem(Problem.NO_ACCESS, path, None)
