"""Refreshing many feeds at once, fast and politely.

Three stages run at the same time: fetch threads do conditional GETs
(bounded in number, and at most ``per_host`` at once to any one publisher),
a separate parse pool turns changed bodies into entries, and the calling
thread, which owns the store, writes each result as soon as it is ready.
Parsing is kept off the fetch threads so slow parses never hold back the
downloads.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.core.errors import ReaderError
from reader.core.models import Feed, ParsedFeed, RefreshResult
from reader.core.threads import lower_thread_priority
from reader.core.urls import host_of, is_loopback_host
from reader.feeds import fetch_feed, parse_feed
from reader.library import decide
from reader.library.schedule import validators_usable
from reader.net import HttpClient, Response
from reader.storage import Store

log = logging.getLogger(__name__)

# A feed that suddenly lists thousands of items (or mints a new guid on every
# fetch) cannot flood the store in one refresh.
MAX_ENTRIES_PER_FETCH = 1000
MAX_CONNECTIONS = 24

Progress = Callable[[RefreshResult, int, int], None]

# Parsing and sanitizing cost ~8 ms of CPU per feed, and the GIL would put
# it on the same core as the store writes; past this many feeds it goes to
# worker processes instead (their start-up overlaps the first downloads).
PROCESS_POOL_MIN_FEEDS = 20
# The workers are batch work on a machine that may have two cores: at a lower
# priority, the GUI thread never waits on the run queue behind them.
PARSE_NICENESS = 10


def fetch_executor(
    feed_count: int, max_connections: int = MAX_CONNECTIONS, *, background: bool = False
) -> ThreadPoolExecutor:
    """The download threads; ``background`` when a GUI thread in this process must stay responsive.

    The command line keeps them at normal priority: nothing of its own needs a
    core first, and niced threads would only lose to whatever else runs.
    """
    return ThreadPoolExecutor(
        min(max_connections, feed_count),
        thread_name_prefix="fetch",
        initializer=lower_thread_priority if background else None,
    )


def parse_workers() -> int:
    return max(1, min(4, os.cpu_count() or 2))


def default_parse_executor(feed_count: int) -> Executor:
    if feed_count < PROCESS_POOL_MIN_FEEDS:
        return ThreadPoolExecutor(1, thread_name_prefix="parse")
    # Never fork: the GUI and the fetch threads are running, and a forked
    # child of a threaded process can deadlock.  The fork server is a fresh
    # process that has imported the parser once.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["reader.feeds"])
    return ProcessPoolExecutor(
        parse_workers(), mp_context=context, initializer=os.nice, initargs=(PARSE_NICENESS,)
    )


def body_hash(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


class HostLimiter:
    """At most ``per_host`` requests in flight to one host.

    Politeness protects remote publishers; a server on the user's own
    machine (loopback) is limited only by the overall connection bound.
    """

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._lock = threading.Lock()
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}

    def slot(self, url: str) -> threading.BoundedSemaphore | None:
        host = host_of(url)
        if is_loopback_host(host):
            return None
        with self._lock:
            sem = self._semaphores.get(host)
            if sem is None:
                sem = self._semaphores[host] = threading.BoundedSemaphore(self._per_host)
            return sem


@dataclass(frozen=True, slots=True)
class _Parsing:
    feed: Feed
    response: Response
    digest: str


class Refresher:
    def __init__(
        self,
        client: HttpClient,
        *,
        max_connections: int = MAX_CONNECTIONS,
        per_host: int = 2,
        parse_executor: Executor | None = None,
        fetch_executor: Executor | None = None,
        pace: float = 0.0,
    ) -> None:
        """Executors given here are shared by several runs, and never shut down by one.

        ``pace``: after writing each result, sleep ``pace`` times as long as that
        took.  A GUI in the same process needs the interpreter lock back within
        a few milliseconds; a store thread that wants it all the time makes the
        GUI thread wait a switch interval (1 ms) on every return from Qt.
        """
        self._client = client
        self._max_connections = max_connections
        self._limiter = HostLimiter(per_host)
        self._parse_executor = parse_executor
        self._fetch_executor = fetch_executor
        self._pace = pace
        self._prefetched: dict[int, Future[Response]] = {}

    def prefetch(self, feeds: Sequence[Feed], clock: Callable[[], datetime]) -> None:
        """Start downloading ``feeds`` for a later ``run`` (with a shared fetch executor only)."""
        if self._fetch_executor is None:
            return
        for feed in feeds:
            if feed.id not in self._prefetched:
                self._prefetched[feed.id] = self._fetch_executor.submit(self._fetch, feed, clock())

    def _fetch(self, feed: Feed, now: datetime) -> Response:
        usable = validators_usable(feed.validators_at, now)
        slot = self._limiter.slot(feed.url)
        if slot is not None:
            slot.acquire()
        try:
            return fetch_feed(
                self._client,
                feed.url,
                etag=feed.etag if usable else None,
                last_modified=feed.last_modified if usable else None,
            )
        finally:
            if slot is not None:
                slot.release()

    def run(
        self,
        store: Store,
        feeds: Sequence[Feed],
        clock: Callable[[], datetime],
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[RefreshResult]:
        """Refresh ``feeds``, writing to ``store`` from this thread; one result per feed."""
        results: list[RefreshResult] = []
        total = len(feeds)
        if not feeds:
            return results
        own_parser = self._parse_executor is None
        parser = self._parse_executor or default_parse_executor(total)
        own_fetcher = self._fetch_executor is None
        fetcher = self._fetch_executor or fetch_executor(total, self._max_connections)
        # Each future maps to what it is working on: a Feed while fetching,
        # a _Parsing while its body is being parsed.
        pending: dict[Future[Any], Feed | _Parsing] = {}
        try:
            for feed in feeds:
                fetching = self._prefetched.pop(feed.id, None)
                if fetching is None:
                    fetching = fetcher.submit(self._fetch, feed, clock())
                pending[fetching] = feed
            while pending:
                if cancel is not None and cancel.is_set():
                    for fut in pending:
                        fut.cancel()
                    break
                done, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                for fut in done:
                    stage = pending.pop(fut)
                    began = time.perf_counter()
                    result = self._handle(store, stage, fut, parser, pending, clock())
                    if result is not None:
                        results.append(result)
                        if progress is not None:
                            progress(result, len(results), total)
                    if self._pace:
                        time.sleep((time.perf_counter() - began) * self._pace)
        finally:
            if own_fetcher:
                fetcher.shutdown(wait=True, cancel_futures=True)
            if own_parser:
                parser.shutdown(wait=True, cancel_futures=True)
        return results

    def _handle(
        self,
        store: Store,
        stage: Feed | _Parsing,
        fut: Future[Any],
        parser: Executor,
        pending: dict[Future[Any], Feed | _Parsing],
        now: datetime,
    ) -> RefreshResult | None:
        """Act on one finished stage: a result when the feed is done, None when it moved on to parsing."""
        feed = stage.feed if isinstance(stage, _Parsing) else stage
        try:
            value = fut.result()
        except ReaderError as error:
            fields = decide.after_error(feed, now, error)
            store.update_feed(feed.id, **fields)
            log.info("feed %s: %s", feed.url, error)
            status = "gone" if fields.get("gone") else "error"
            return RefreshResult(feed.id, feed.url, status, error=str(fields["last_error"]))
        if isinstance(stage, _Parsing):
            return self._store_parsed(store, stage, value, now)
        response = value
        if response.status == 304:
            store.update_feed(feed.id, **decide.after_not_modified(feed, now))
            return RefreshResult(feed.id, feed.url, "not-modified")
        digest = body_hash(response.content)
        if digest == feed.body_hash and response.permanent_redirect is None:
            store.update_feed(feed.id, **self._success_fields(store, feed, response, digest, now, None))
            return RefreshResult(feed.id, feed.url, "unchanged")
        job = parser.submit(
            parse_feed,
            response.content,
            response.url,
            content_type=response.headers.get("content-type"),
            now=now,
        )
        pending[job] = _Parsing(feed, response, digest)
        return None

    def _store_parsed(
        self, store: Store, stage: _Parsing, parsed: ParsedFeed, now: datetime
    ) -> RefreshResult:
        feed = stage.feed
        changes = store.store_entries(feed.id, parsed.entries[:MAX_ENTRIES_PER_FETCH], now)
        fields = self._success_fields(store, feed, stage.response, stage.digest, now, parsed)
        store.update_feed(feed.id, **fields)
        return RefreshResult(feed.id, str(fields.get("url", feed.url)), "new", changes=changes)

    def _success_fields(
        self,
        store: Store,
        feed: Feed,
        response: Response,
        digest: str,
        now: datetime,
        parsed: ParsedFeed | None,
    ) -> dict[str, object]:
        fields = decide.after_success(
            feed,
            now,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            body_hash=digest,
            ttl_minutes=parsed.ttl_minutes if parsed else None,
        )
        if parsed is not None:
            if not feed.title and parsed.title:
                fields["title"] = parsed.title
            if parsed.site_url and parsed.site_url != feed.site_url:
                fields["site_url"] = parsed.site_url
            # A 301 is followed for good only once the new address parses,
            # and never onto another subscription.
            moved = response.permanent_redirect
            if moved and moved != feed.url and store.feed_by_url(moved) is None:
                fields["url"] = moved
        return fields
