"""The composition root of the desktop app: paths, single instance, logging, settings, runner, window.

Heavy libraries (requests, lxml, feedparser, readability) are imported by
the Library, which the store thread creates on its first task: the window
paints without waiting for them.  Qt itself is imported in ``main`` (and
the functions that need it), after the arguments are read: see
``spare_feature_scan``.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import APP_ID
from reader.library import paths
from reader.render.binding import pin_singletons

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
DESKTOP_FILE_NAME = APP_ID
# The X11 WM_CLASS comes from argv[0]: it must match StartupWMClass in the .desktop file.
WM_CLASS = "newsreader"
# The interpreter's default (5 ms) lets the store thread and the fetch threads
# hold the GIL long enough for the GUI thread to miss frames during a refresh;
# 1 ms keeps the longest stall under the 50 ms budget (tests/benchmarks/gui.py).
SWITCH_INTERVAL_S = 0.001


def tune_interpreter() -> None:
    """Shorter GIL time slices: the GUI thread gets the interpreter back sooner (see SWITCH_INTERVAL_S)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def spare_feature_scan() -> None:
    """Import Qt, and spare it reading the source of the modules imported after it.

    PySide6 hooks ``import``: the first import statement naming a module
    after Qt is loaded makes it read that module's whole source, looking for
    "PySide6", to know whether ``from __feature__ import ...`` (snake_case
    names and the like) may apply to it.  Some 75 modules are named that way
    before the first paint (10-15 ms).  We record the answers without the
    reading: the standard library never uses PySide6 (-1, "ignore this
    module", as the scan finds); our own modules get 0 ("no feature"), the
    scan's answer for those that use Qt, and for the others -1 and 0 act
    alike, as nothing in the app selects a feature.  Third-party modules are
    still scanned.  The table is private to PySide6
    (``PySide6.support.feature``), hence the guards: without it, nothing
    changes but the time.
    """
    import PySide6.QtCore  # noqa: F401 - installs the import hook and the feature table

    try:
        from PySide6.support import feature  # type: ignore[attr-defined]

        table = feature.pyside_feature_dict
    except (ImportError, AttributeError):
        return
    if not isinstance(table, dict):
        return
    stdlib = sys.stdlib_module_names
    for name in (*sys.modules, *stdlib):
        if name.partition(".")[0] in stdlib:
            table.setdefault(name, -1)
    for name in _own_modules():
        table.setdefault(name, 0)


def _own_modules() -> list[str]:
    """The names of the reader's modules (its package and the packages in it), without importing them.

    pkgutil asks the import system, so this works from files and from a
    PyInstaller bundle's archive alike; anything unlisted is scanned as usual.
    """
    import pkgutil

    package = Path(__file__).parent
    names = [package.name]
    for top in pkgutil.iter_modules([str(package)]):
        names.append(f"{package.name}.{top.name}")
        if top.ispkg:
            for sub in pkgutil.iter_modules([str(package / top.name)]):
                names.append(f"{package.name}.{top.name}.{sub.name}")
    return names


def install_translation(app: QCoreApplication, cache_dir: Path) -> QTranslator | None:
    from PySide6.QtCore import QLocale

    from reader.ui.translation import load_translator

    return load_translator(app, QLocale(), cache_dir)


def library_factory(data_dir: Path, *, readonly: bool = False, client: Any = None) -> Callable[[], Any]:
    """Opens the Library on the store thread; ``client`` replaces its HTTP client (offline switch)."""

    def make() -> Any:
        from reader.library import Library

        return Library(data_dir, readonly=readonly, client=client() if callable(client) else client)

    return make


def gated_client(gate: threading.Event) -> Any:
    """The store thread's HTTP client, refusing every request while ``gate`` is set (offline)."""
    # Imported on the store thread: requests stays off the start-up path.
    from reader.ui.network import GatedClient

    return GatedClient(gate)


def wire_instance(instance: Any, window: Any) -> None:
    """A later launch's arguments: the window comes to the front and asks about them."""
    from reader.ui.instance import bring_to_front

    def handed_over(arguments: list[str]) -> None:
        bring_to_front(window)
        window.open_arguments(arguments)

    instance.received.connect(handed_over)


def _stamp_first_paint(path: Path, app: QApplication) -> None:
    from PySide6.QtCore import QTimer

    path.write_text(repr(time.time()))
    QTimer.singleShot(0, app.quit)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reader", description="A desktop news reader.")
    parser.add_argument("--data-dir", help="where the reader keeps its data (default: the user data folder)")
    # For the startup benchmark: write the time of the first paint to FILE and quit.
    parser.add_argument("--quit-after-paint", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("open", nargs="*", help="feed URLs, feed: links, OPML or feed files")
    known, _qt_args = parser.parse_known_args(list(argv))
    return known


def _icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from reader.ui.resources import resources_dir

    return QIcon(str(resources_dir() / "icons" / f"{APP_ID}.svg"))


class _EarlyRecords(logging.Handler):
    """Keeps the records logged before the log file is open (it opens after the first paint)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def replay(self) -> None:
        root = logging.getLogger()
        root.removeHandler(self)
        for record in self.records:
            root.handle(record)
        self.records.clear()


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes a few hundred thousand objects that live as long as the
    # app (modules, classes, the Python enums of Qt's types): the cyclic
    # collector would walk them again and again before the first paint
    # (about 10 ms).  It is paused until then; ``_resume_gc`` freezes what
    # start-up made, so later collections skip it too.
    gc.disable()
    try:
        return _main(argv)
    finally:
        _resume_gc()


def _main(argv: Sequence[str] | None) -> int:
    pin_singletons()
    tune_interpreter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    data_dir = paths.data_dir(args.data_dir)
    spare_feature_scan()

    from reader.ui.instance import SingleInstance

    # Before the QApplication: a second launch hands its arguments over and
    # exits without paying for a GUI.  The lock is taken now; the local
    # server (QtNetwork) starts after the first paint, and a second launch
    # meanwhile retries until it answers.
    instance = SingleInstance(data_dir)
    locked = _acquire_meanwhile(instance)
    # Meanwhile: the window's modules (Qt's types and their Python enums, pure Python work).
    import reader.ui.window  # noqa: F401

    if not locked():
        return 0 if instance.send(args.open) else 1
    # Native crashes leave a trace from the start (stderr until the log file is open).
    faulthandler.enable()
    early = _EarlyRecords()
    logging.getLogger().addHandler(early)
    logging.getLogger().setLevel(logging.INFO)
    try:
        return _run(args, data_dir, instance, early)
    finally:
        _resume_gc()
        instance.release()
        log.info("bye")
        from reader.ui.crash import stop_logging

        early.replay()
        stop_logging()


def _acquire_meanwhile(instance: Any) -> Callable[[], bool]:
    """Take the single-instance lock on a side thread; the returned function waits for the answer.

    Taking it writes the lock file and flushes it to disk (fdatasync): a
    millisecond on an idle disk, tens of them on a busy one.  Qt lets go of
    the GIL for that, so the start-up work goes on meanwhile; nothing is
    shown before the answer.
    """
    outcome: list[bool | Exception] = []

    def take() -> None:
        try:
            outcome.append(instance.acquire(listen=False))
        except Exception as error:  # noqa: BLE001 - raised again on the main thread
            outcome.append(error)

    thread = threading.Thread(target=take, name="instance-lock")
    thread.start()

    def locked() -> bool:
        thread.join()
        result = outcome[0]
        if isinstance(result, Exception):
            raise result
        return result

    return locked


def _resume_gc() -> None:
    """After the first paint: start-up's objects move out of the collector's way, and it runs again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _run(args: argparse.Namespace, data_dir: Path, instance: Any, early: _EarlyRecords) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.tasks import TaskRunner

    # Fusion honours custom palettes on every platform (the native Windows style does not).
    app = QApplication.instance() or QApplication([WM_CLASS, "-style", "Fusion"])
    assert isinstance(app, QApplication)
    app.setApplicationName("News Reader")
    app.setOrganizationName("NewsReader")
    QApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    translator = install_translation(app, data_dir / "cache")

    # The probes alone: the messages about a problem are imported when there is one.
    from reader.ui.startup_checks import check_data_dir, check_settings

    readonly = False
    problem = check_data_dir(data_dir)
    if problem is not None:
        from reader.library.paths import database_path
        from reader.ui.storage_alert import Choice, ask_storage_choice, storage_alert

        log.warning("data folder problem: %s", problem)
        if ask_storage_choice(storage_alert(problem, data_dir, database_path(data_dir))) is Choice.QUIT:
            return 1
        readonly = True

    from reader.ui.settings import Settings, open_settings
    from reader.ui.window import MainWindow

    settings_problem = check_settings(data_dir / "settings.ini")
    gate = threading.Event()
    runner = TaskRunner(library_factory(data_dir, readonly=readonly, client=lambda: gated_client(gate)))
    window = MainWindow(runner, Settings(open_settings(data_dir / "settings.ini")), offline_gate=gate)
    window.set_read_only(readonly)
    window.show()
    # Non-modal and parented to the window: kept referenced until it is closed.
    settings_box = None
    if settings_problem is not None:
        from reader.ui.settings_guard import show_settings_problem

        settings_box = show_settings_problem(settings_problem, window)
    reporters: list[Any] = []

    def after_first_paint() -> None:
        # What the first paint does not need: the window icon (an SVG: on X11
        # setting it renders it through the QtSvg plugin), the log file
        # (logging.handlers), the crash dialog code, the local server
        # (QtNetwork), the launch's arguments.
        _resume_gc()
        app.setWindowIcon(_icon())
        from reader.ui.crash import CrashReporter, setup_logging

        logs = setup_logging(paths.choose_log_dir(args.data_dir, data_dir))
        early.replay()
        reporter = CrashReporter(logs, app)
        reporter.install()
        reporters.append(reporter)
        # A bug in a task (already logged by the runner): the same dialog as any other bug.
        runner.crashed.connect(lambda text: reporter.excepthook(RuntimeError, RuntimeError(text), None))
        instance.listen()
        wire_instance(instance, window)
        if args.open:
            window.open_arguments(args.open)

    window.painted.connect(lambda: QTimer.singleShot(0, after_first_paint))
    if args.quit_after_paint:
        stamp = Path(args.quit_after_paint)
        window.painted.connect(lambda: _stamp_first_paint(stamp, app))
    try:
        return app.exec()
    finally:
        window.refresher.cancel()
        window.wait_for_exports()
        runner.shutdown()
        for reporter in reporters:
            reporter.uninstall()
        del translator, settings_box
