"""Refreshing feeds in the background with progress, cancel and batched view updates.

The feeds are refreshed in batches, each one background task on the store
thread, so an article the user opens meanwhile (an interactive task) waits at
most one batch.  Per-feed results come back through the runner; their
article changes are gathered and handed to the views a few times a second,
not once per feed, so 500 feeds do not mean 500 relayouts.
"""

from __future__ import annotations

import functools
import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from reader.tasks import Priority, TaskRunner

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from reader.core.models import ArticleChanges, RefreshResult

log = logging.getLogger(__name__)
BATCH = 10
FLUSH_MS = 200
# The store thread sleeps 3x as long as it spent on each feed (see Refresher):
# the GUI thread then finds the interpreter lock free most of the time.
PACE = 3.0


class _Pools:
    """One fetch pool and one parse pool for all the batches of a refresh.

    Created on the store thread by the first batch, shut down by the last:
    starting 24 fetch threads and the parse worker processes for every batch
    made a refresh of 500 feeds take 10-13 s instead of ~5.  Each batch also
    starts the downloads of the next one, so the pipeline never drains between
    batches.
    """

    def __init__(self, total: int) -> None:
        self._total = total
        self._executors: list[Executor] = []
        self._refresher: Any = None

    def refresher(self, library: Any) -> Any:
        from reader.library.library import Library
        from reader.library.refresh import Refresher, default_parse_executor, fetch_executor

        if not isinstance(library, Library):
            return None  # a stand-in library (tests) refreshes its own way
        if self._refresher is None:
            fetch = fetch_executor(self._total, background=True)
            parse = default_parse_executor(self._total)
            self._executors = [fetch, parse]
            self._refresher = Refresher(library.client, parse_executor=parse, fetch_executor=fetch, pace=PACE)
        return self._refresher

    def close(self) -> None:
        for executor in self._executors:
            executor.shutdown(wait=True, cancel_futures=True)
        self._executors, self._refresher = [], None


class RefreshController(QObject):
    started = Signal(int)
    # done, total
    progressed = Signal(int, int)
    # article changes gathered since the last flush
    changed = Signal(object)
    # the per-feed results since the last flush (for error badges)
    results = Signal(list)
    # all results (or those before a cancel)
    finished = Signal(list)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._cancel: threading.Event | None = None
        self._total = 0
        self._done = 0
        self._batches_left = 0
        self._results: list[RefreshResult] = []
        self._pending: ArticleChanges | None = None
        self._fresh: list[RefreshResult] = []
        self._flush = QTimer(self, singleShot=True, interval=FLUSH_MS)
        self._flush.timeout.connect(self._emit_changes)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self, feed_ids: list[int]) -> bool:
        if self.running or not feed_ids:
            return False
        cancel = threading.Event()
        self._cancel = cancel
        self._total, self._done, self._results = len(feed_ids), 0, []
        batches = [feed_ids[i : i + BATCH] for i in range(0, len(feed_ids), BATCH)]
        self._batches_left = len(batches)
        self.started.emit(self._total)
        pools = _Pools(self._total)
        for n, batch in enumerate(batches, 1):
            after = batches[n] if n < len(batches) else []
            self.runner.submit(
                functools.partial(
                    self._run_batch,
                    ids=batch,
                    cancel=cancel,
                    pools=pools,
                    after=after,
                    last=n == len(batches),
                ),
                self._batch_done,
                lambda error: self._batch_failed(str(error)),
                priority=Priority.BACKGROUND,
            )
        return True

    def _run_batch(
        self,
        library: Any,
        ids: list[int],
        cancel: threading.Event,
        pools: _Pools,
        after: list[int],
        last: bool,
    ) -> None:
        # Runs on the store thread (batches in order); progress goes back through the runner.
        try:
            if cancel.is_set():
                return
            refresher = pools.refresher(library)
            if refresher is not None and after:
                library.prefetch(after, refresher)
            library.refresh(
                ids,
                progress=lambda result, _d, _t: self.runner.post(self._on_result, result),
                cancel=cancel,
                refresher=refresher,
            )
        finally:
            if last:
                pools.close()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _on_result(self, result: RefreshResult) -> None:
        if self._cancel is None:
            return
        self._done += 1
        self._results.append(result)
        self._fresh.append(result)
        self._pending = result.changes if self._pending is None else self._pending.merge(result.changes)
        # Progress and view updates go out a few times a second, not per feed.
        if not self._flush.isActive():
            self._flush.start()

    def _batch_failed(self, message: str) -> None:
        log.warning("refresh batch failed: %s", message)
        self._batch_done(None)

    def _batch_done(self, _value: object) -> None:
        self._batches_left -= 1
        if self._batches_left > 0:
            return
        self._flush.stop()
        self._emit_changes()
        self._cancel = None
        self.finished.emit(self._results)

    def _emit_changes(self) -> None:
        self.progressed.emit(self._done, self._total)
        fresh, self._fresh = self._fresh, []
        if fresh:
            self.results.emit(fresh)
        changes, self._pending = self._pending, None
        if changes:
            self.changed.emit(changes)
