"""The GUI's refresh: pools shared by its batches, downloads started a batch early, niced threads."""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from reader.core.threads import BACKGROUND_NICENESS, lower_thread_priority
from reader.library import Library
from reader.library.refresh import Refresher, fetch_executor
from tests.support.loopback import LoopbackServer
from tests.unit.library.test_refresh import RSS, feed_bytes, subscribe


def test_batches_share_the_pools_and_a_prefetched_feed_is_downloaded_once(
    library: Library, loopback: LoopbackServer
) -> None:
    paths = [f"/f{i}.xml" for i in range(4)]
    for path in paths:
        loopback.serve(path, feed_bytes("feedrs-rss_2.0_bbc.xml"), content_type=RSS)
    ids = [subscribe(library, loopback.url(path)) for path in paths]
    fetch = fetch_executor(len(ids), background=True)
    parse = ThreadPoolExecutor(1)
    try:
        refresher = Refresher(library.client, fetch_executor=fetch, parse_executor=parse, pace=0.5)
        library.prefetch(ids[2:], refresher)
        first = library.refresh(ids[:2], refresher=refresher)
        second = library.refresh(ids[2:], refresher=refresher)
        # The runs left the shared pools running for the next batch.
        assert fetch.submit(lambda: 1).result() == 1
    finally:
        fetch.shutdown()
        parse.shutdown()

    assert [r.status for r in first + second] == ["new"] * 4
    assert [loopback.hits(path) for path in paths] == [1, 1, 1, 1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_lowering_a_threads_priority_leaves_the_rest_of_the_process_alone() -> None:
    seen: list[int] = []

    def work() -> None:
        lower_thread_priority()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()

    assert seen == [max(before, BACKGROUND_NICENESS)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
