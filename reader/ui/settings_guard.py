"""A settings file that cannot be read is set aside with a message, never a crash.

Call ``check_settings(path)`` before the settings are opened: a corrupt INI
(``QSettings.status() == FormatError``) is renamed to ``settings.ini.bak``
so the app starts from defaults, and the returned problem says what to tell
the user.  A file that cannot be read or written is left alone; the user is
told their changes will not be kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.ui.startup_checks import backup_path as backup_path
from reader.ui.startup_checks import check_settings as check_settings

if TYPE_CHECKING:
    # QMessageBox is imported when a message is shown: the first paint never needs it.
    from PySide6.QtWidgets import QMessageBox, QWidget


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
