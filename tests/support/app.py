"""The real main window over a data folder, for GUI tests: started, stopped and started again.

Its Library's HTTP client is the app's own gated one (the offline switch),
and the harness keeps every client it made, so a test can count the requests
that reached the network.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.app import gated_client, library_factory
from reader.tasks import TaskRunner
from reader.ui.settings import Settings
from reader.ui.window import MainWindow


class RunningApp:
    def __init__(self, qtbot: QtBot, data_dir: Path) -> None:
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.gate = threading.Event()
        self.clients: list[Any] = []
        self.runner: TaskRunner | None = None
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        """A new window (and store thread) over the same data folder, online."""

        def client() -> Any:
            made = gated_client(self.gate)
            self.clients.append(made)
            return made

        self.gate = threading.Event()
        self.clients = []
        self.runner = TaskRunner(library_factory(self.data_dir, client=client))
        settings = Settings(QSettings(str(self.data_dir / "settings.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(self.runner, settings, offline_gate=self.gate)
        self.qtbot.addWidget(self.window)
        self.window.show()
        self.qtbot.waitExposed(self.window)
        return self.window

    def stop(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.runner is not None:
            self.runner.shutdown()
        self.window = self.runner = None

    def requests(self) -> int:
        """Requests that went out (not refused by the offline switch) since the last start."""
        return sum(c.requests for c in self.clients)
