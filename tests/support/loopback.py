"""A scriptable HTTP(S) server on 127.0.0.1 for tests that need a real network peer.

Tests never touch the real network: they start a ``LoopbackServer``, tell it
what to answer on each path, point the code under test at ``server.url(path)``
and then check both the result and what the server saw (``hits``,
``requests``).  Each request is served in its own thread, so slow or endless
answers never block other requests; ``close()`` stops every pending answer.

Typical use (the ``loopback`` fixture in ``tests/support/fixtures.py`` does
the starting and stopping)::

    loopback.serve("/feed.xml", body, content_type="application/rss+xml", etag='"v1"')
    loopback.redirect("/old", "/feed.xml", status=301)
    loopback.serve("/slow", b"x" * 100, trickle=0.5)       # one byte every 0.5 s
    loopback.serve("/endless", endless=b"<item/>" * 1000)  # chunked, never ends
    loopback.serve("/bomb", big_bytes, gzip=True)           # Content-Encoding: gzip
    loopback.handle("/count", lambda req: Reply(body=str(req.hit).encode()))
    ...
    assert loopback.hits("/feed.xml") == 1
    assert loopback.unexpected == []        # nothing asked for an unrouted path

Paths are matched with their query string first, then without it.  An
unrouted path answers 404 and is recorded in ``unexpected``.

The sleeps in here (latency, trickling) are the server's behaviour, not the
test's: they wait on an event that ``close()`` sets, so shutdown is immediate.
"""

from __future__ import annotations

import gzip as gzip_module
import logging
import os
import ssl
import struct
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reply:
    """What the server answers on one path.

    ``delay``: seconds to wait before sending anything (latency, or a server
    that never answers when longer than the client's read timeout).
    ``trickle``: seconds between single body bytes after the headers are sent.
    ``endless``: a chunk sent again and again with chunked encoding until the
    client goes away (``body`` is ignored).
    ``gzip``: compress ``body`` and say so in Content-Encoding.
    ``etag`` / ``last_modified``: send them, and answer 304 when the request
    carries a matching If-None-Match / If-Modified-Since.
    """

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str | None = None
    gzip: bool = False
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    trickle: float | None = None
    endless: bytes | None = None


@dataclass(frozen=True)
class Request:
    """One request as the server saw it (header names lower-cased)."""

    method: str
    path: str
    headers: Mapping[str, str]
    hit: int  # 1 for the first request on this path


Handler = Callable[[Request], Reply]
_NOT_FOUND = Reply(404, b"not found", content_type="text/plain")


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 with a free port; HTTPS when given an SSL context."""

    def __init__(self, *, ssl_context: ssl.SSLContext | None = None) -> None:
        self._routes: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self.unexpected: list[str] = []
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _RequestHandler, self)
        if ssl_context is not None:
            # The handshake then happens in the request's own thread, so a client
            # that never completes it cannot stall the accept loop.
            self._httpd.socket = ssl_context.wrap_socket(
                self._httpd.socket, server_side=True, do_handshake_on_connect=False
            )
        self.scheme = "https" if ssl_context is not None else "http"
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="loopback-http", daemon=True
        )
        self._thread.start()

    # -- routing ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return urljoin(self.base_url + "/", path)

    def handle(self, path: str, handler: Handler) -> None:
        """Answer ``path`` with whatever ``handler`` returns for each request."""
        with self._lock:
            self._routes[path] = handler

    def serve(
        self,
        path: str,
        body: bytes = b"",
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        content_type: str | None = None,
        gzip: bool = False,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0.0,
        trickle: float | None = None,
        endless: bytes | None = None,
    ) -> None:
        """Answer ``path`` with the same ``Reply`` every time (see ``Reply`` for the options).

        To serve bytes that are already compressed (a gzip bomb), pass them as
        ``body`` with ``headers={"Content-Encoding": "gzip"}`` and ``gzip=False``.
        """
        fixed = Reply(
            status,
            body,
            dict(headers or {}),
            content_type,
            gzip,
            etag,
            last_modified,
            delay,
            trickle,
            endless,
        )
        self.handle(path, lambda _request: fixed)

    def serve_file(self, path: str, file: str | os.PathLike[str], content_type: str, **options: Any) -> None:
        """Answer ``path`` with a file's bytes; ``options`` as for ``serve``."""
        self.serve(path, Path(file).read_bytes(), content_type=content_type, **options)

    def redirect(self, path: str, location: str, *, status: int = 302) -> None:
        """Answer ``path`` with a redirect; a relative ``location`` stays relative on the wire."""
        self.serve(path, status=status, headers={"Location": location})

    # -- what happened ---------------------------------------------------------------------------

    def hits(self, path: str) -> int:
        with self._lock:
            return self._hits[path]

    @property
    def total_hits(self) -> int:
        with self._lock:
            return sum(self._hits.values())

    # -- lifetime --------------------------------------------------------------------------------

    def close(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- used by the request handler -------------------------------------------------------------

    def _route(
        self, method: str, raw_path: str, headers: Mapping[str, str]
    ) -> tuple[Request, Handler | None]:
        bare = urlsplit(raw_path).path
        with self._lock:
            key = raw_path if raw_path in self._routes else bare
            handler = self._routes.get(key)
            if handler is None:
                self.unexpected.append(raw_path)
            self._hits[key] += 1
            request = Request(method, raw_path, dict(headers), self._hits[key])
            self.requests.append(request)
        return request, handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], owner: LoopbackServer
    ) -> None:
        self.owner = owner
        super().__init__(address, handler)

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-answer is what several tests do on purpose.
        log.debug("loopback: error while answering %s", client_address, exc_info=True)


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        log.debug("loopback: " + format, *args)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        owner = self.server.owner
        headers = {name.lower(): value for name, value in self.headers.items()}
        request, handler = owner._route(self.command, self.path, headers)
        reply = handler(request) if handler is not None else _NOT_FOUND
        if reply.delay and owner.stopping.wait(reply.delay):
            return
        if _not_modified(reply, headers):
            self.send_response(304)
            self._validators(reply)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response_only(reply.status)
        if not any(name.lower() == "date" for name in reply.headers):
            self.send_header("Date", self.date_time_string())
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self._validators(reply)
        try:
            if reply.endless is not None:
                self._send_endless(reply, send_body)
            else:
                self._send_body(reply, send_body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            log.debug("loopback: client went away on %s", self.path)
            self.close_connection = True

    def _validators(self, reply: Reply) -> None:
        if reply.etag:
            self.send_header("ETag", reply.etag)
        if reply.last_modified:
            self.send_header("Last-Modified", reply.last_modified)

    def _send_body(self, reply: Reply, send_body: bool) -> None:
        body = gzip_module.compress(reply.body, compresslevel=6) if reply.gzip else reply.body
        if reply.gzip:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not send_body:
            return
        if reply.trickle is None:
            self.wfile.write(body)
            return
        self.wfile.flush()
        for index in range(len(body)):
            self.wfile.write(body[index : index + 1])
            self.wfile.flush()
            if self.server.owner.stopping.wait(reply.trickle):
                return

    def _send_endless(self, reply: Reply, send_body: bool) -> None:
        assert reply.endless
        self.send_header("Transfer-Encoding", "chunked")
        if reply.gzip:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.close_connection = True
        if not send_body:
            return
        for chunk in _endless_chunks(reply.endless, compress=reply.gzip):
            if self.server.owner.stopping.is_set():
                return
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()


def _endless_chunks(chunk: bytes, *, compress: bool) -> Iterator[bytes]:
    if not compress:
        while True:
            yield chunk
    encoder = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip framing
    block = chunk * max(1, (1 << 20) // len(chunk))
    while True:
        data = encoder.compress(block) + encoder.flush(zlib.Z_SYNC_FLUSH)
        if data:
            yield data


def _not_modified(reply: Reply, headers: Mapping[str, str]) -> bool:
    if reply.status != 200:
        return False
    if reply.etag and headers.get("if-none-match") == reply.etag:
        return True
    return bool(reply.last_modified and headers.get("if-modified-since") == reply.last_modified)


def gzip_bomb(inflated_size: int) -> bytes:
    """A gzip member of zeros that inflates to ``inflated_size`` bytes (about 1000:1).

    Each megabyte is compressed once after a full flush (which resets the
    compressor's history), so the same deflate bytes can be repeated: a
    300 MB bomb takes well under a second to build.
    """
    block = bytes(1 << 20)
    encoder = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    piece = encoder.compress(block) + encoder.flush(zlib.Z_FULL_FLUSH)
    whole, rest = divmod(inflated_size, len(block))
    parts = [piece] * whole
    crc = 0
    for _ in range(whole):
        crc = zlib.crc32(block, crc)
    parts.append(encoder.compress(bytes(rest)) + encoder.flush(zlib.Z_FINISH))
    crc = zlib.crc32(bytes(rest), crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc & 0xFFFFFFFF, inflated_size & 0xFFFFFFFF)
    return header + b"".join(parts) + trailer
