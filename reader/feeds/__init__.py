"""Feeds: retrieve (conditional GET), parse, discover, OPML.  No Qt, no storage."""

from reader.feeds.discover import FeedCandidate, discover_feeds
from reader.feeds.opml import OpmlOutline, read_opml, write_opml
from reader.feeds.parse import parse_feed
from reader.feeds.retrieve import fetch_feed

__all__ = [
    "FeedCandidate",
    "OpmlOutline",
    "discover_feeds",
    "fetch_feed",
    "parse_feed",
    "read_opml",
    "write_opml",
]
