"""The Add Feed dialog: address, discovery in the background, a choice, a preview, a folder.

Every step that touches the network runs on the task runner; the dialog only
switches pages and shows errors inline with a way forward.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.models import Feed, ParsedFeed
from reader.render.document import format_date
from reader.tasks import TaskRunner
from reader.ui.widgets import named

log = logging.getLogger(__name__)
ADDRESS, CHOOSE, PREVIEW = range(3)


def looks_like_address(text: str) -> bool:
    text = text.strip()
    if not text or " " in text:
        return False
    host = text.split("://", 1)[-1].split("/", 1)[0]
    return "." in host or host.startswith(("localhost", "127.0.0.1", "[")) or ":" in host


class AddFeedDialog(QDialog):
    subscribed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        folders: list[str],
        parent: QWidget | None = None,
        *,
        address: str = "",
        last_folder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Feed"))
        self.setAccessibleName(self.tr("Add Feed"))
        self.runner = runner
        self.candidates: list[Any] = []
        self.chosen_url = ""
        self.pages = QStackedWidget(self)
        self.status = named(QLabel(self, wordWrap=True), "addFeedStatus")
        self.status.setAccessibleName(self.tr("Status"))

        # page 1: the address
        self.address = named(QLineEdit(self), "addFeedAddress")
        self.address.setPlaceholderText(self.tr("https://example.org or its feed address"))
        self.address.setAccessibleName(self.tr("Website or feed address"))
        if not address:
            clip = QGuiApplication.clipboard().text().strip() if QGuiApplication.clipboard() else ""
            address = clip if looks_like_address(clip) and clip.startswith(("http", "feed:")) else ""
        self.address.setText(address)
        first = QWidget(self)
        form = QFormLayout(first)
        form.addRow(self.tr("Website or feed address:"), self.address)

        # page 2: several feeds found
        self.choices = QWidget(self)
        self.choice_layout = QVBoxLayout(self.choices)
        self.choice_group = QButtonGroup(self)

        # page 3: preview
        preview = QWidget(self)
        self.title = named(QLineEdit(self), "addFeedTitle")
        self.title.setAccessibleName(self.tr("Feed title"))
        self.latest = named(QLabel(self, wordWrap=True), "addFeedLatest")
        self.folder = named(QComboBox(self, editable=True), "addFeedFolder")
        self.folder.setAccessibleName(self.tr("Folder"))
        self.folder.addItems(["", *folders])
        self.folder.setCurrentText(last_folder)
        pform = QFormLayout(preview)
        pform.addRow(self.tr("Title:"), self.title)
        pform.addRow(self.tr("Latest:"), self.latest)
        pform.addRow(self.tr("Folder:"), self.folder)

        for page in (first, self.choices, preview):
            self.pages.addWidget(page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.back = QPushButton(self.tr("Back"), self)
        self.next = named(QPushButton(self.tr("Continue"), self), "addFeedNext")
        self.next.setDefault(True)
        self.buttons.addButton(self.back, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.next, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.back.clicked.connect(self._back)
        self.next.clicked.connect(self._next)
        self.address.textChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.busy = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        self.back.setVisible(page != ADDRESS)
        self.next.setText(self.tr("Subscribe") if page == PREVIEW else self.tr("Continue"))
        ok = looks_like_address(self.address.text()) if page == ADDRESS else True
        self.next.setEnabled(ok and not self.busy)

    def _set_busy(self, message: str) -> None:
        self.busy = bool(message)
        self.status.setText(message)
        self._update_buttons()

    def _fail(self, error: ReaderError) -> None:
        self.busy = False
        self.status.setText(str(error))
        self._update_buttons()

    def _back(self) -> None:
        self.status.clear()
        self.pages.setCurrentIndex(
            CHOOSE if self.pages.currentIndex() == PREVIEW and len(self.candidates) > 1 else ADDRESS
        )
        self._update_buttons()

    def _next(self) -> None:
        page = self.pages.currentIndex()
        if page == ADDRESS:
            address = self.address.text().strip()
            self._set_busy(self.tr("Finding feed…"))
            self.runner.submit(lambda lib: lib.discover(address), self._on_found, self._fail)
        elif page == CHOOSE:
            checked = self.choice_group.checkedId()
            self._preview(self.candidates[max(checked, 0)].url)
        else:
            self._subscribe()

    def _on_found(self, candidates: list[Any]) -> None:
        self.candidates = candidates
        if len(candidates) == 1:
            self._preview(candidates[0].url)
            return
        self._set_busy("")
        while self.choice_layout.count():
            item = self.choice_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choice_layout.addWidget(QLabel(self.tr("This site offers several feeds:"), self.choices))
        for number, candidate in enumerate(candidates):
            label = f"{candidate.title or candidate.url} ({candidate.format}) — {candidate.url}"
            if number == 0:
                label += " " + self.tr("(recommended)")
            button = QRadioButton(label, self.choices)
            button.setChecked(number == 0)
            self.choice_group.addButton(button, number)
            self.choice_layout.addWidget(button)
        self.pages.setCurrentIndex(CHOOSE)
        self._update_buttons()

    def _preview(self, url: str) -> None:
        self.chosen_url = url
        self._set_busy(self.tr("Reading the feed…"))
        self.runner.submit(lambda lib: lib.preview(url), self._on_preview, self._fail)

    def _on_preview(self, parsed: ParsedFeed) -> None:
        self._set_busy("")
        self.title.setText(parsed.title or self.chosen_url)
        items = [
            f"{html.escape(e.title)} <i>{html.escape(format_date(e.published))}</i>"
            for e in parsed.entries[:5]
        ]
        self.latest.setText("<br>".join(items) or self.tr("No items yet."))
        self.pages.setCurrentIndex(PREVIEW)
        self._update_buttons()

    def _subscribe(self) -> None:
        url, title, folder = self.chosen_url, self.title.text().strip(), self.folder.currentText().strip()
        self._set_busy(self.tr("Subscribing…"))
        self.runner.submit(
            lambda lib: lib.subscribe(url, folder=folder or None, title=title or None), self._done, self._fail
        )

    def _done(self, feed: Feed) -> None:
        self._set_busy("")
        self.subscribed.emit(feed)
        self.accept()

    @property
    def folder_choice(self) -> str:
        return self.folder.currentText().strip()
