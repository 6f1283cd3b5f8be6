"""The status-bar part of a refresh: a progress bar, "n of m feeds" and Cancel, shown while it runs."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from reader.ui.refresh import RefreshController
from reader.ui.widgets import named


class RefreshStatus(QWidget):
    def __init__(self, refresher: RefreshController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refreshStatus")
        self.progress = named(QProgressBar(self), "refreshProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName(self.tr("Refresh progress"))
        self.label = named(QLabel(self), "refreshLabel")
        # A fixed width: a label that grows with its text relayouts the whole window each time.
        self.label.setFixedWidth(self.fontMetrics().horizontalAdvance(self.tr("%1 of %2 feeds")) + 60)
        self.cancel = named(QToolButton(self), "refreshCancel")
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel refresh"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.progress, self.cancel):
            layout.addWidget(widget)
        self.cancel.clicked.connect(refresher.cancel)
        refresher.started.connect(self._on_started)
        refresher.progressed.connect(self._on_progress)
        refresher.finished.connect(self.hide)
        self.hide()

    def _on_started(self, total: int) -> None:
        self.progress.setRange(0, total)
        self._on_progress(0, total)
        self.show()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.label.setText(self.tr("%1 of %2 feeds").replace("%1", str(done)).replace("%2", str(total)))
