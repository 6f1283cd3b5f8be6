"""A settings file that cannot be read is set aside with a message, never a crash.

Call ``check_settings(path)`` before the settings are opened: a corrupt INI
(``QSettings.status() == FormatError``) is renamed to ``settings.ini.bak``
so the app starts from defaults, and the returned problem says what to tell
the user.  A file that cannot be read or written is left alone; the user is
told their changes will not be kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

if TYPE_CHECKING:
    # QMessageBox is imported when a message is shown: the first paint never needs it.
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


class Problem(Enum):
    CORRUPT = "corrupt"
    NO_ACCESS = "no-access"


@dataclass(frozen=True, slots=True)
class SettingsProblem:
    kind: Problem
    path: Path
    backup: Path | None  # where the corrupt file was kept; None when it could not be moved
    detail: str = ""

    def message(self) -> str:
        tr = _tr
        if self.kind is Problem.CORRUPT:
            text = tr(
                "Your settings file could not be read, so News Reader started with the default settings."
            )
            if self.backup is not None:
                text += "\n\n" + tr("The damaged file was kept as:") + f"\n{self.backup}"
            else:
                text += "\n\n" + tr("The damaged file could not be moved aside:") + f"\n{self.path}"
                if self.detail:
                    text += f"\n({self.detail})"
            text += "\n\n" + tr(
                "Your feeds and articles are not affected. Set your preferences again if you wish."
            )
            return text
        return (
            tr("News Reader cannot read or write its settings file:")
            + f"\n{self.path}\n\n"
            + tr("Changes to the settings will not be kept. Check the file's permissions and owner.")
        )


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


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
    if status == QSettings.Status.FormatError:
        backup = backup_path(path)
        try:
            path.replace(backup)
        except OSError as error:
            log.warning("settings file %s is corrupt and cannot be moved aside: %s", path, error)
            return SettingsProblem(Problem.CORRUPT, path, None, error.strerror or str(error))
        log.warning("settings file %s is corrupt; kept as %s, starting from defaults", path, backup)
        return SettingsProblem(Problem.CORRUPT, path, backup)
    if status == QSettings.Status.AccessError:
        log.warning("settings file %s cannot be accessed", path)
        return SettingsProblem(Problem.NO_ACCESS, path, None)
    return None


def show_settings_problem(problem: SettingsProblem, parent: QWidget | None = None) -> QMessageBox:
    """A non-modal note over the main window; the app is fully usable meanwhile."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("Settings were reset") if problem.kind is Problem.CORRUPT else _tr("Settings cannot be saved"),
        problem.message(),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setModal(False)
    box.show()
    return box
