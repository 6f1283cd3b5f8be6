"""Conditional GET of a feed (the library decides when stored validators are too old to send)."""

from __future__ import annotations

from reader.net import HttpClient, Response

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)


def fetch_feed(client: HttpClient, url: str, *, etag: str | None, last_modified: str | None) -> Response:
    """GET ``url`` with If-None-Match / If-Modified-Since; a 304 comes back as a Response, not an error."""
    headers = {"Accept": FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return client.get(url, headers=headers)
