"""Errors of the world, as the reader names them to the user.

Each carries a message fit to show on a feed or article as it is.  Our own
bugs are not ReaderErrors: they reach the crash handler and the log.
"""

from __future__ import annotations


class ReaderError(Exception):
    """Something outside the program went wrong; ``str()`` is for the user."""


class FetchError(ReaderError):
    """A download failed."""


class NetworkError(FetchError):
    """No answer: DNS, refused connection, reset, offline."""


class FetchTimeout(FetchError):
    """The server was too slow (connect, read, or the overall deadline)."""


class TLSError(FetchError):
    """The certificate could not be verified."""


class TooLarge(FetchError):
    """The body passed the size cap (counted after decompression)."""


class BlockedURL(FetchError):
    """A URL or redirect to a scheme other than http(s)."""


class TooManyRedirects(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, status: int, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        # Seconds from the response time, when the server said (429/503).
        self.retry_after = retry_after


class FeedError(ReaderError):
    """The body is not a feed we can read."""


class NotAFeed(FeedError):
    pass


class ExtractionError(ReaderError):
    """A page from which no article could be taken."""


class StorageError(ReaderError):
    """The database cannot be used (and nothing in it was changed)."""


class SchemaTooNew(StorageError):
    pass


class NotOurDatabase(StorageError):
    pass


class CorruptDatabase(StorageError):
    pass


class ReadOnlyStorage(StorageError):
    pass


class DiskFull(StorageError):
    pass


class NotFound(ReaderError):
    """No feed, article or folder with that id or URL."""


class AlreadySubscribed(ReaderError):
    pass
