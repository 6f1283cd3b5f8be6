"""Clear messages for a data folder the reader cannot write: read-only, full, or unusable.

``check_data_dir`` is a cheap probe for start-up (before the store opens);
``storage_alert`` turns a probe result or a store error (``ReadOnlyStorage``,
``DiskFull``, any ``StorageError``) into the words to show, and
``ask_storage_choice`` shows them and asks whether to browse read-only or quit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.core.errors import (
    CorruptDatabase,
    DiskFull,
    NotOurDatabase,
    ReadOnlyStorage,
    SchemaTooNew,
    StorageError,
)
from reader.ui.startup_checks import MIN_FREE_BYTES as MIN_FREE_BYTES
from reader.ui.startup_checks import check_data_dir as check_data_dir

if TYPE_CHECKING:
    # QMessageBox is imported when a message is shown: the first paint never needs it.
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class Choice(Enum):
    READ_ONLY = "read-only"
    QUIT = "quit"


@dataclass(frozen=True, slots=True)
class StorageAlert:
    title: str
    text: str
    # Browsing what is there is possible (the folder holds a database we could read).
    can_read_only: bool


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def storage_alert(error: StorageError, data_dir: Path, database: Path | None = None) -> StorageAlert:
    """The title and text for ``error``, naming the folder and what the user can do."""
    has_db = database is not None and database.exists()
    other_folder = (
        _tr("Or start News Reader with another data folder:") + "\n    newsreader --data-dir FOLDER"
    )
    if isinstance(error, ReadOnlyStorage):
        text = _tr("News Reader cannot save anything in its data folder:") + f"\n{data_dir}\n\n{error}\n\n"
        text += _tr(
            "Make the folder writable (check its owner and permissions, or whether its disk "
            "is mounted read-only), then start News Reader again."
        )
        if has_db:
            text += "\n\n" + _tr(
                "You can also open it read-only: you can read what is there; nothing new is saved."
            )
        return StorageAlert(_tr("The data folder is read-only"), text + "\n\n" + other_folder, has_db)
    if isinstance(error, DiskFull):
        text = _tr("The disk that holds News Reader's data is full:") + f"\n{data_dir}\n\n{error}\n\n"
        text += _tr(
            "Free some space on that disk, then start News Reader again. Nothing saved before is lost."
        )
        if has_db:
            text += "\n\n" + _tr("You can also open it read-only until there is room again.")
        return StorageAlert(_tr("The disk is full"), text, has_db)
    if isinstance(error, CorruptDatabase | NotOurDatabase | SchemaTooNew):
        text = _tr("News Reader cannot open its database:") + f"\n{database or data_dir}\n\n{error}\n\n"
        text += _tr("The file was left exactly as it is.") + "\n\n" + other_folder
        return StorageAlert(_tr("The database cannot be opened"), text, False)
    text = _tr("News Reader cannot use its data folder:") + f"\n{data_dir}\n\n{error}\n\n" + other_folder
    return StorageAlert(_tr("The data folder cannot be used"), text, False)


def ask_storage_choice(alert: StorageAlert, parent: QWidget | None = None) -> Choice:
    """Modal: the app cannot go on as usual until the user decides."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical, alert.title, alert.text, QMessageBox.StandardButton.NoButton, parent
    )
    read_only = None
    if alert.can_read_only:
        read_only = box.addButton(_tr("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(_tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only or quit_button)
    box.exec()
    choice = Choice.READ_ONLY if read_only is not None and box.clickedButton() is read_only else Choice.QUIT
    log.info("storage problem shown (%s); user chose %s", alert.title, choice.value)
    return choice
