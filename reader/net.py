"""The one HTTP client of the app: every download goes through ``HttpClient.get``.

``requests`` gives timeouts per socket operation only: a server trickling one
byte a second keeps a plain ``requests.get`` busy for minutes, and
``.content`` inflates a gzip bomb in memory.  So the body is streamed with
``read1`` (returns as soon as any bytes arrive), the socket timeout is
shortened to what is left of an overall deadline before each read, and the
byte cap is counted after decompression.  Redirects are followed by hand so
each hop's scheme is checked and 301/308 chains can be reported.

Policy on where a redirect may lead: http(s) only, never ``file:``, ``data:``
or anything else.  Loopback and private addresses are allowed, on purpose:
this is a desktop app fetching for its own user, and feeds on localhost or the
home network are legitimate.  (Blocking them matters for servers that fetch
on behalf of others, which this is not.)
"""

from __future__ import annotations

import importlib.util
import logging
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, DecodeError, NameResolutionError, ReadTimeoutError

from reader import __version__
from reader.core.errors import (
    BlockedURL,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NetworkError,
    TLSError,
    TooLarge,
    TooManyRedirects,
)
from reader.core.urls import HTTP_SCHEMES, is_loopback_host

log = logging.getLogger(__name__)
_E = TypeVar("_E", bound=BaseException)

DEFAULT_USER_AGENT = f"Reader/{__version__} (+https://example.org/newsreader)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
_CHUNK = 64 * 1024
# urllib3 decodes br only when a brotli module is installed; never ask for
# what we could not read.
_ENCODINGS = "gzip, deflate" + (
    ", br" if importlib.util.find_spec("brotli") or importlib.util.find_spec("brotlicffi") else ""
)


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # final URL after redirects
    status: int  # 2xx or 304 (304 is returned, not raised)
    headers: Mapping[str, str]  # lower-cased names
    content: bytes  # decompressed body
    permanent_redirect: str | None = None  # the new URL when every redirect hop was 301/308


class HttpClient:
    """A thread-safe HTTP client with hard limits on time, size and redirects."""

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        connect_timeout: float = 10,
        read_timeout: float = 20,
        deadline: float = 60,
        max_bytes: int = 15 * 2**20,
        max_redirects: int = 10,
        pool_connections: int = 50,
        pool_per_host: int = 2,
    ) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._session = requests.Session()
        self._session.trust_env = True  # system proxy settings and no_proxy
        self._session.headers.update({"User-Agent": user_agent, "Accept-Encoding": _ENCODINGS})
        # pool_connections: how many hosts keep a pool; pool_per_host: kept
        # connections per host.  Extra parallel requests to one host still
        # proceed (pool_block=False), their connections are just not kept.
        adapter = HTTPAdapter(pool_connections=pool_connections, pool_maxsize=pool_per_host, max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
        deadline: float | None = None,
    ) -> Response:
        """GET ``url``; raises a ``FetchError`` subclass with a message fit for the user."""
        limit = self.max_bytes if max_bytes is None else max_bytes
        budget = self.deadline if deadline is None else deadline
        clock = _Deadline(budget)
        _require_http(url)
        current, permanent, hops = url, True, 0
        while True:
            raw = self._send(current, headers, clock)
            with raw:
                if raw.status_code in REDIRECT_STATUSES and "location" in raw.headers:
                    hops += 1
                    if hops > self.max_redirects:
                        raise TooManyRedirects(f"Too many redirects (more than {self.max_redirects})")
                    target = urljoin(current, self._session.get_redirect_target(raw) or "")
                    _require_http(target, redirect=True)
                    permanent = permanent and raw.status_code in PERMANENT_REDIRECTS
                    log.debug("redirect %s %s -> %s", raw.status_code, current, target)
                    current = target
                    continue
                lowered = {name.lower(): value for name, value in raw.headers.items()}
                if raw.status_code >= 400 or (raw.status_code >= 300 and raw.status_code != 304):
                    raise _status_error(raw.status_code, lowered)
                content = b"" if raw.status_code == 304 else _read_body(raw, limit, clock, self.read_timeout)
            return Response(
                url=current,
                status=raw.status_code,
                headers=lowered,
                content=content,
                permanent_redirect=current if hops and permanent else None,
            )

    def _send(self, url: str, headers: Mapping[str, str] | None, clock: _Deadline) -> requests.Response:
        remaining = clock.remaining()
        timeout = (min(self.connect_timeout, remaining), min(self.read_timeout, remaining))
        proxies = {"no_proxy": urlsplit(url).hostname or ""} if _is_loopback(url) else None
        try:
            return self._session.get(
                url,
                headers=dict(headers or {}),
                stream=True,
                allow_redirects=False,
                timeout=timeout,
                proxies=proxies,
            )
        except requests.exceptions.RequestException as exc:
            raise _map_error(exc, url, clock) from exc


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self._end - time.monotonic()
        if left <= 0:
            raise self.error()
        return left

    def passed(self) -> bool:
        return time.monotonic() >= self._end

    def error(self) -> FetchTimeout:
        return FetchTimeout(f"The server took too long to answer (over {_seconds(self.seconds)})")


def _read_body(raw: requests.Response, limit: int, clock: _Deadline, read_timeout: float) -> bytes:
    declared = raw.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    stream = raw.raw
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _shorten_socket_timeout(stream, min(read_timeout, clock.remaining()))
            # read1 returns what has arrived instead of waiting for a full chunk.
            data = stream.read1(_CHUNK, decode_content=True)
            if not data:
                break
            size += len(data)
            if size > limit:
                raise _too_large(limit)
            chunks.append(data)
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise _map_error(exc, raw.url, clock) from exc
    return b"".join(chunks)


def _shorten_socket_timeout(stream: urllib3.BaseHTTPResponse, seconds: float) -> None:
    # Each read then ends by the deadline even when the server stalls.
    connection = getattr(stream, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        sock.settimeout(max(0.01, seconds))


def _require_http(url: str, *, redirect: bool = False) -> None:
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), parts.hostname
    except ValueError:
        scheme, host = "", None
    if scheme not in HTTP_SCHEMES:
        where = "a redirect to" if redirect else "the address"
        shown = f"{scheme}:" if scheme else "no scheme"
        raise BlockedURL(f"Only http and https addresses can be fetched ({where} {shown})")
    if not host:
        raise BlockedURL(f"Not a valid web address: {url[:200]}")


def _is_loopback(url: str) -> bool:
    return is_loopback_host(urlsplit(url).hostname or "")


def _too_large(limit: int) -> TooLarge:
    return TooLarge(f"The download is too large (over {limit / 2**20:.0f} MB)")


def _seconds(value: float) -> str:
    return f"{value:g} s"


_STATUS_MESSAGES = {
    401: "Access denied: this feed needs a login (401)",
    403: "Access denied by the server (403)",
    404: "Not found on the server (404)",
    410: "Feed is gone (410): the site removed it",
    429: "Too many requests (429): the server asks us to slow down",
}


def _status_error(status: int, headers: Mapping[str, str]) -> HTTPStatusError:
    message = _STATUS_MESSAGES.get(status)
    if message is None:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Unexpected answer"
        message = f"Server error: {phrase} ({status})" if status >= 500 else f"{phrase} ({status})"
    retry_after = None
    if "retry-after" in headers:
        now = _parse_http_date(headers.get("date", "")) or datetime.now(UTC)
        retry_after = parse_retry_after(headers["retry-after"], now)
    return HTTPStatusError(status, message, retry_after)


def parse_retry_after(value: str, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After value (delay-seconds or HTTP-date), measured from ``now``."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = _parse_http_date(value)
    if when is None:
        return None
    return max(0.0, (when - now).total_seconds())


def _parse_http_date(value: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


def _map_error(exc: BaseException, url: str, clock: _Deadline) -> FetchError:
    host = urlsplit(url).hostname or url
    if clock.passed():
        return clock.error()
    verify = _find(exc, ssl.SSLCertVerificationError)
    if verify is not None:
        return TLSError(f"Certificate error: {verify.verify_message or verify.reason or verify} ({host})")
    tls = _find(exc, ssl.SSLError)
    if tls is not None:
        return TLSError(f"Certificate error: secure connection to {host} failed ({tls})")
    if _find(exc, NameResolutionError) is not None:
        return NetworkError(f"Could not find the server {host} (no such name, or offline)")
    if _find(exc, ConnectionRefusedError) is not None:
        return NetworkError(f"The server {host} refused the connection")
    # (urllib3's NewConnectionError subclasses ConnectTimeoutError: refusals are caught above.)
    if isinstance(exc, requests.exceptions.ConnectTimeout) or _find(exc, ConnectTimeoutError):
        return FetchTimeout(f"Could not connect to {host}: it did not answer in time")
    if isinstance(exc, requests.exceptions.Timeout | TimeoutError) or _find(exc, ReadTimeoutError):
        return FetchTimeout(f"The server {host} stopped answering (read timed out)")
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return TooManyRedirects("Too many redirects")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.InvalidSchema):
        return BlockedURL(f"Not a valid web address: {url[:200]}")
    if isinstance(exc, requests.exceptions.ContentDecodingError) or _find(exc, DecodeError):
        return NetworkError(f"The server {host} sent a body that could not be decompressed")
    return NetworkError(f"Network error talking to {host}: {_short(exc)}")


def _find(exc: BaseException, kind: type[_E]) -> _E | None:
    """The first exception of ``kind`` among ``exc``, its causes, contexts and wrapped arguments."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return item
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    return None


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"
