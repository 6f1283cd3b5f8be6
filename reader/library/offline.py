"""Keeping articles readable offline: their clean full text and their images, fetched in parallel.

Pages and images download on a bounded pool of threads; every write happens on
the calling thread, which owns the store.  An article counts as done when its
text and all its images are stored (or refused), so progress and a ``kill -9``
never report an article as kept before it is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from reader.core.errors import ExtractionError, ReaderError
from reader.core.models import CleanArticle
from reader.core.urls import is_http_url
from reader.extract import extract_article
from reader.library.images import MAX_ARTICLE_IMAGE_BYTES, fetch_image, image_urls
from reader.net import HttpClient
from reader.storage import Store

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 10 * 2**20
# "New" articles of a keep-offline feed: those that arrived this recently.
NEW_ARTICLE_AGE = timedelta(days=14)
# A page that failed is tried again after this long (not at every refresh).
RETRY_AFTER = timedelta(days=1)
# Articles handled in one run; the next run takes the rest.
MAX_ARTICLES_PER_RUN = 500
DEFAULT_WORKERS = 4

# (article id, articles done, articles in all)
OfflineProgress = Callable[[int, int, int], None]


@dataclass(frozen=True, slots=True)
class OfflineResult:
    stored: tuple[int, ...] = ()
    failed: tuple[tuple[int, str], ...] = ()
    images: int = 0
    cancelled: bool = False


def offline_window(now: datetime) -> tuple[datetime, datetime]:
    """(arrived since, failed before): which articles a run considers at ``now``."""
    return now - NEW_ARTICLE_AGE, now - RETRY_AFTER


def fetch_clean(client: HttpClient, url: str, feed_html: str | None) -> CleanArticle:
    if not is_http_url(url):
        raise ExtractionError(f"Only http and https pages can be read: {url}")
    response = client.get(url, max_bytes=MAX_PAGE_BYTES)
    return extract_article(
        response.content, response.url, content_type=response.headers.get("content-type"), feed_html=feed_html
    )


@dataclass
class _Article:
    article_id: int
    waiting: set[str] = field(default_factory=set)
    budget: int = MAX_ARTICLE_IMAGE_BYTES


class OfflineSaver:
    def __init__(self, client: HttpClient, *, workers: int = DEFAULT_WORKERS) -> None:
        self._client = client
        self._workers = workers

    def run(
        self,
        store: Store,
        articles: Sequence[tuple[int, str, str | None]],
        clock: Callable[[], datetime],
        *,
        progress: OfflineProgress | None = None,
        cancel: threading.Event | None = None,
    ) -> OfflineResult:
        """Fetch and store the page and images of each (id, url, feed html); writes on this thread."""
        if not articles:
            return OfflineResult()
        stored: list[int] = []
        failed: list[tuple[int, str]] = []
        images = 0
        total = len(articles)
        # What each future works on: a page (an _Article) or an image (its URL).
        pending: dict[Future[Any], _Article | str] = {}
        # Image URL -> the articles waiting for it (one download serves them all).
        wanted: dict[str, list[_Article]] = {}
        cancelled = False

        def finish(item: _Article) -> None:
            stored.append(item.article_id)
            if progress is not None:
                progress(item.article_id, len(stored) + len(failed), total)

        pool = ThreadPoolExecutor(self._workers, thread_name_prefix="offline")
        try:
            for article_id, url, feed_html in articles:
                job = pool.submit(fetch_clean, self._client, url, feed_html)
                pending[job] = _Article(article_id)
            while pending:
                if cancel is not None and cancel.is_set():
                    cancelled = True
                    break
                done, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                for fut in done:
                    stage = pending.pop(fut)
                    if isinstance(stage, _Article):
                        try:
                            clean: CleanArticle = fut.result()
                        except ReaderError as error:
                            store.record_page_failure(stage.article_id, str(error), now=clock())
                            failed.append((stage.article_id, str(error)))
                            log.info("article %d not kept offline: %s", stage.article_id, error)
                            if progress is not None:
                                progress(stage.article_id, len(stored) + len(failed), total)
                            continue
                        store.save_clean(stage.article_id, clean, now=clock())
                        shown = image_urls(clean.html)
                        store.link_images(stage.article_id, shown)
                        for image_url in store.missing_images(shown):
                            stage.waiting.add(image_url)
                            if image_url not in wanted:
                                pending[pool.submit(fetch_image, self._client, image_url)] = image_url
                            wanted.setdefault(image_url, []).append(stage)
                        if not stage.waiting:
                            finish(stage)
                        continue
                    image = fut.result()
                    for owner in wanted.pop(stage, []):
                        owner.waiting.discard(stage)
                        if image is not None and len(image[1]) <= owner.budget:
                            owner.budget -= len(image[1])
                            if not store.has_image(stage):
                                store.save_image(
                                    stage, image[1], image[2], article_id=owner.article_id, now=clock()
                                )
                                images += 1
                        if not owner.waiting:
                            finish(owner)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return OfflineResult(tuple(stored), tuple(failed), images, cancelled)
