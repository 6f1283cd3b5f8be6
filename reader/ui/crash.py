"""Logging set-up and the crash handler: our own bugs are logged and shown, and the app goes on.

* Logs go to a rotating file in the user's log folder
  (``~/.local/state/newsreader/log`` on Linux), or under the data folder when
  one was given (``--data-dir``, ``READER_DATA_DIR``) so tests and portable
  set-ups keep everything in one place.
* ``faulthandler`` writes native crashes (a Qt abort, a segfault) to
  ``crash.log`` beside it: no Python hook runs for those.
* ``sys.excepthook`` (PySide6 routes exceptions raised in slots there too)
  and ``threading.excepthook`` log the traceback and show a non-modal dialog
  that says where the log is; the event loop keeps running.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

LOG_FILE_NAME = "reader.log"
CRASH_FILE_NAME = "crash.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True, slots=True)
class LogSetup:
    directory: Path
    log_file: Path | None  # None: the folder cannot be written; logs go to stderr only
    crash_file: Path | None


_fault_stream: TextIO | None = None
_handlers: list[logging.Handler] = []


def setup_logging(directory: Path, level: int = logging.INFO) -> LogSetup:
    """Send the root logger to a rotating file in ``directory`` and enable faulthandler.

    Never raises: a log folder that cannot be written leaves logging on stderr.
    """
    global _fault_stream
    formatter = logging.Formatter(LOG_FORMAT)
    root = logging.getLogger()
    root.setLevel(level)
    log_file: Path | None = directory / LOG_FILE_NAME
    crash_file: Path | None = directory / CRASH_FILE_NAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            directory / LOG_FILE_NAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        handler = logging.StreamHandler(sys.stderr)
        log_file = crash_file = None
        handler.setFormatter(formatter)
        root.addHandler(handler)
        _handlers.append(handler)
        log.warning("cannot write logs to %s (%s); logging to stderr", directory, error)
    else:
        handler.setFormatter(formatter)
        root.addHandler(handler)
        _handlers.append(handler)
    if crash_file is not None:
        try:
            # faulthandler writes without rotation; a file past the cap starts over.
            if crash_file.exists() and crash_file.stat().st_size > LOG_MAX_BYTES:
                crash_file.unlink()
            if _fault_stream is not None:
                _fault_stream.close()
            _fault_stream = crash_file.open("a", encoding="utf-8")
        except OSError as error:
            log.warning("cannot open %s for native crash traces: %s", crash_file, error)
            crash_file = None
    if _fault_stream is not None and crash_file is not None:
        faulthandler.enable(file=_fault_stream, all_threads=True)
    elif sys.stderr is not None:
        faulthandler.enable(all_threads=True)
    return LogSetup(directory, log_file, crash_file)


def stop_logging() -> None:
    """Undo ``setup_logging``: flush and close our handlers and the crash file (at exit, in tests)."""
    global _fault_stream
    root = logging.getLogger()
    while _handlers:
        handler = _handlers.pop()
        root.removeHandler(handler)
        handler.close()
    if _fault_stream is not None:
        faulthandler.disable()
        _fault_stream.close()
        _fault_stream = None


def crash_message(kind: type[BaseException], value: BaseException, log_file: Path | None) -> str:
    """What the user reads after one of our bugs: what happened, where the details are, what to do."""
    text = tr("News Reader ran into an internal error. You can keep working.")
    text += f"\n\n{kind.__name__}: {value}".rstrip(": ")
    if log_file is not None:
        text += "\n\n" + tr("The details were written to:") + f"\n{log_file}"
        text += "\n\n" + tr("If this happens again, please attach that file to a bug report.")
    else:
        text += "\n\n" + tr("The details could not be saved to a log file.")
    return text


class CrashReporter(QObject):
    """Installs the exception hooks; shows at most one crash dialog at a time.

    A bug in a timer can raise every few milliseconds: one dialog, and the
    rest only in the log, is what a user can cope with.
    """

    # Emitted (in the main thread) for every reported exception: its one-line summary.
    reported = Signal(str)
    _from_thread = Signal(object, object)

    def __init__(self, setup: LogSetup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.dialog: QMessageBox | None = None
        self.suppressed = 0
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._reporting = False
        # Queued to the thread this object lives in (the main thread).
        self._from_thread.connect(self._show_from_thread)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            # Ctrl+C in the terminal that started us: quit as asked.
            app = QCoreApplication.instance()
            if app is not None:
                app.quit()
            return
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        if threading.current_thread() is threading.main_thread():
            self._show(kind, value)
        else:
            self._from_thread.emit(kind, value)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        log.critical(
            "unhandled exception in thread %s",
            args.thread.name if args.thread is not None else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        self._from_thread.emit(args.exc_type, args.exc_value)

    @Slot(object, object)
    def _show_from_thread(self, kind: type[BaseException], value: BaseException) -> None:
        self._show(kind, value)

    def _show(self, kind: type[BaseException], value: BaseException) -> None:
        summary = "".join(traceback.format_exception_only(kind, value)).strip()
        self.reported.emit(summary)
        if self._reporting:
            return  # an error while showing the dialog: the log has it
        if self.dialog is not None and self.dialog.isVisible():
            self.suppressed += 1
            return
        if not isinstance(QCoreApplication.instance(), QApplication):
            return
        self._reporting = True
        try:
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = self._make_dialog(kind, value)
            self.dialog.show()
        except Exception:
            log.exception("could not show the crash dialog")
        finally:
            self._reporting = False

    def _make_dialog(self, kind: type[BaseException], value: BaseException) -> QMessageBox:
        parent = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            tr("Something went wrong"),
            crash_message(kind, value, self.setup.log_file),
            QMessageBox.StandardButton.Close,
            parent if isinstance(parent, QWidget) else None,
        )
        box.setModal(False)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.setup.log_file is not None:
            folder = self.setup.directory
            show = box.addButton(tr("Show Log Folder"), QMessageBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        return box
