"""The feed list before the first subscription: what to do, with no network until the user acts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from reader.ui.widgets import named


class EmptyState(QWidget):
    addFeed = Signal()
    importOpml = Signal()
    starterFeeds = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAccessibleName(self.tr("No subscriptions yet"))
        # The icon is made when first shown: most starts never show this page.
        self.icon = icon = QLabel(self)
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("No subscriptions yet"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr("Paste a website or feed address, or bring your subscriptions from another reader."), self
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        add = named(QPushButton(self.tr("Add Feed…"), self), "emptyAddFeed")
        add.setDefault(True)
        opml = named(QPushButton(self.tr("Import OPML…"), self), "emptyImportOpml")
        starter = named(QPushButton(self.tr("Add starter feeds"), self, flat=True), "emptyStarter")
        starter.setToolTip(self.tr("A few hand-picked feeds in a Starter folder; remove them in one step."))
        add.clicked.connect(self.addFeed)
        opml.clicked.connect(self.importOpml)
        starter.clicked.connect(self.starterFeeds)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (icon, title, text, add, opml, starter):
            layout.addWidget(widget)
        layout.addStretch(2)

    def showEvent(self, event: QShowEvent) -> None:
        if self.icon.pixmap().isNull():
            from PySide6.QtWidgets import QStyle

            self.icon.setPixmap(
                self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder).pixmap(48, 48)
            )
        super().showEvent(event)
