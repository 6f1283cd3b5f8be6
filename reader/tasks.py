"""The task runner: the GUI thread hands store work to one worker thread and gets results back by signal.

The worker thread owns the Library (its one SQLite connection), created
lazily in that thread so the heavy imports it pulls in (requests, lxml,
feedparser) stay off the startup path.  Interactive queries jump ahead of
background work (refresh batches).  Results travel back through the
runner's own signal with a queued connection, so every callback runs on the
GUI thread; a query submitted with a ``key`` carries a generation number and
a result that a newer query of the same key has overtaken is dropped.
"""

from __future__ import annotations

import gc
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from enum import IntEnum
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.errors import ReaderError
from reader.core.threads import lower_thread_priority

log = logging.getLogger(__name__)

T = TypeVar("T")
Work = Callable[[Any], T]


class Priority(IntEnum):
    INTERACTIVE = 0
    BACKGROUND = 1


# The runner's records are NamedTuples, not dataclasses: they are made before
# the window's first paint, and a dataclass costs ~0.7 ms to define in 3.11.


class Ticket(NamedTuple):
    id: int
    key: str | None = None
    generation: int = 0


class _Job(NamedTuple, Generic[T]):
    ticket: Ticket
    work: Work[T]
    on_done: Callable[[T], None] | None
    on_error: Callable[[ReaderError], None] | None


class _Queued(NamedTuple):
    """Queue order: priority, then submission; ``seq`` is unique, so ``job`` is never compared."""

    priority: int
    seq: int
    job: _Job[Any] | None


class _Outcome(NamedTuple):
    ticket: Ticket
    value: Any = None
    error: BaseException | None = None


class _Post(NamedTuple):
    callback: Callable[..., None]
    args: tuple[Any, ...]


class _StoreThread(QThread):
    """Runs jobs one at a time against the Library it creates on its first job."""

    def __init__(self, factory: Callable[[], Any], deliver: Callable[[object], None]) -> None:
        super().__init__()
        self.setObjectName("store")
        self._factory = factory
        self._deliver = deliver
        self.jobs: queue.PriorityQueue[_Queued] = queue.PriorityQueue()
        self.library: Any = None
        self._open_error: ReaderError | None = None

    def _library(self) -> Any:
        if self.library is None and self._open_error is None:
            try:
                self.library = self._factory()
            except ReaderError as error:
                # A store that cannot be opened fails every task with the same
                # message instead of killing the thread.
                self._open_error = error
            else:
                # Start-up is done (the Library pulled in the network, parsing and
                # storage modules): keep its long-lived objects out of the cyclic
                # collector.  A full collection rescans every tracked object while
                # holding the GIL, ~20 ms for the ~50,000 of a running app and
                # 40-60 ms under a refresh's load, which stalled the GUI thread.
                gc.freeze()
        if self._open_error is not None:
            raise self._open_error
        return self.library

    def run(self) -> None:
        # Log records name the thread; Python would call this one "Dummy-1".
        threading.current_thread().name = "store"
        # The store thread's work is the app's batch work (refresh writes, search
        # indexing, clean-up); its queries are short.
        lower_thread_priority()
        while True:
            item = self.jobs.get()
            if item.job is None:
                break
            job = item.job
            try:
                value = job.work(self._library())
            except ReaderError as error:
                self._deliver(_Outcome(job.ticket, error=error))
            except Exception as error:
                log.exception("task %d failed", job.ticket.id)
                self._deliver(_Outcome(job.ticket, error=error))
            else:
                self._deliver(_Outcome(job.ticket, value))
        if self.library is not None:
            self.library.close()


class TaskRunner(QObject):
    """Submit ``work(library)`` to the store thread; callbacks run on the GUI thread."""

    # Emitted from the worker thread; queued to this object's (GUI) thread.
    _arrived = Signal(object)
    # A ReaderError that no caller handled: for the status bar or a message.
    failed = Signal(str)
    # One of our own bugs, already logged with its traceback.
    crashed = Signal(str)

    def __init__(self, library_factory: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._seq = itertools.count()
        self._generations: dict[str, int] = {}
        self._jobs: dict[int, _Job[Any]] = {}
        # Emitted on the store thread and the export threads only, so the
        # automatic connection queues every arrival to this (GUI) thread.  Not
        # spelled Qt.ConnectionType.QueuedConnection: see reader.ui.roles.
        self._arrived.connect(self._on_arrived)
        self._thread = _StoreThread(library_factory, self._arrived.emit)
        self._thread.start()
        self._closed = False

    def submit(
        self,
        work: Work[T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[ReaderError], None] | None = None,
        *,
        key: str | None = None,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Ticket:
        if self._closed:
            # Views still send queries while the window is torn down: drop them.
            log.debug("task submitted after shutdown, dropped")
            return Ticket(0)
        generation = 0
        if key is not None:
            generation = self._generations.get(key, 0) + 1
            self._generations[key] = generation
        ticket = Ticket(next(self._ids), key, generation)
        job = _Job(ticket, work, on_done, on_error)
        self._jobs[ticket.id] = job
        self._thread.jobs.put(_Queued(int(priority), next(self._seq), job))
        return ticket

    def post(self, callback: Callable[..., None], *args: Any) -> None:
        """From inside a task: call ``callback(*args)`` on the GUI thread (progress reports)."""
        self._arrived.emit(_Post(callback, args))

    def invalidate(self, key: str) -> None:
        """Drop the result of any query of ``key`` still in flight."""
        self._generations[key] = self._generations.get(key, 0) + 1

    def is_current(self, ticket: Ticket) -> bool:
        return ticket.key is None or self._generations.get(ticket.key) == ticket.generation

    @property
    def pending(self) -> int:
        return len(self._jobs)

    @Slot(object)
    def _on_arrived(self, item: object) -> None:
        if isinstance(item, _Post):
            item.callback(*item.args)
            return
        assert isinstance(item, _Outcome)
        job = self._jobs.pop(item.ticket.id, None)
        if job is None or not self.is_current(item.ticket):
            return
        if item.error is None:
            if job.on_done is not None:
                job.on_done(item.value)
        elif isinstance(item.error, ReaderError):
            if job.on_error is not None:
                job.on_error(item.error)
            else:
                self.failed.emit(str(item.error))
        else:
            self.crashed.emit(f"{type(item.error).__name__}: {item.error}")

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Finish the queued work, close the Library in its thread and stop it."""
        if self._closed:
            return True
        self._closed = True
        self._thread.jobs.put(_Queued(int(Priority.BACKGROUND) + 1, next(self._seq), None))
        return self._thread.wait(timeout_ms)

    def run_sync(self, work: Work[T], timeout: float = 30.0) -> T:
        """Run ``work`` on the store thread and wait for it (tests and benchmarks only, never in the UI)."""
        done = threading.Event()
        box: list[Any] = []

        def wrapped(library: Any) -> None:
            try:
                box.append((True, work(library)))
            except BaseException as error:
                box.append((False, error))
                raise
            finally:
                done.set()

        self._thread.jobs.put(
            _Queued(
                int(Priority.INTERACTIVE), next(self._seq), _Job(Ticket(next(self._ids)), wrapped, None, None)
            )
        )
        if not done.wait(timeout):
            raise TimeoutError("store task did not finish")
        ok, value = box[0]
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]
