"""HttpClient's hard limits: size caps, gzip bombs, the overall deadline, TLS (catalog 4, 5, 27, 28)."""

from __future__ import annotations

import resource
import time

import pytest

from reader.core.errors import FetchTimeout, TLSError, TooLarge
from reader.net import HttpClient
from tests.support.loopback import gzip_bomb


def test_endless_body_stops_at_the_cap(loopback):
    loopback.serve("/endless", endless=b"<item><title>again</title></item>" * 100)
    with HttpClient() as http, pytest.raises(TooLarge, match="too large"):
        http.get(loopback.url("/endless"), max_bytes=2 * 2**20)


def test_declared_length_over_the_cap_is_refused_before_reading(loopback):
    loopback.serve("/big", b"x" * 50_000)
    with HttpClient(max_bytes=10_000) as http, pytest.raises(TooLarge):
        http.get(loopback.url("/big"))


def test_gzip_bomb_is_capped_after_decompression_with_bounded_memory(loopback):
    bomb = gzip_bomb(300 * 2**20)
    assert len(bomb) < 2 * 2**20  # small on the wire, so only the decompressed count can stop it
    loopback.serve("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with HttpClient(max_bytes=2**20) as http, pytest.raises(TooLarge):
        http.get(loopback.url("/bomb"))
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 64 * 1024


def test_endless_gzip_stream_is_capped(loopback):
    loopback.serve("/endless-gz", endless=b"<item/>" * 1000, gzip=True)
    with HttpClient(max_bytes=2**20) as http, pytest.raises(TooLarge):
        http.get(loopback.url("/endless-gz"))


def test_trickling_server_is_cut_at_the_deadline(loopback):
    loopback.serve("/trickle", b"<rss>" + b" " * 200 + b"</rss>", trickle=0.1)  # 21 s in all
    started = time.monotonic()
    with HttpClient(deadline=1.5) as http, pytest.raises(FetchTimeout, match=r"too long.*1\.5 s"):
        http.get(loopback.url("/trickle"))
    assert time.monotonic() - started < 2.5


def test_server_that_never_answers_is_cut_at_the_deadline(loopback):
    loopback.serve("/silent", b"late", delay=30)
    started = time.monotonic()
    with HttpClient(deadline=1.0, read_timeout=20) as http, pytest.raises(FetchTimeout):
        http.get(loopback.url("/silent"))
    assert time.monotonic() - started < 2.0


def test_deadline_per_call_overrides_the_default(loopback):
    loopback.serve("/trickle", b"x" * 100, trickle=0.1)
    started = time.monotonic()
    with HttpClient(deadline=60) as http, pytest.raises(FetchTimeout):
        http.get(loopback.url("/trickle"), deadline=0.5)
    assert time.monotonic() - started < 1.5


def test_read_timeout_applies_between_bytes(loopback):
    loopback.serve("/stall", b"x" * 10, trickle=5)
    http = HttpClient(read_timeout=0.5, deadline=30)
    with http, pytest.raises(FetchTimeout, match="stopped answering"):
        http.get(loopback.url("/stall"))


def test_self_signed_certificate_is_a_tls_error(tls_loopback):
    tls_loopback.serve("/feed", b"<rss/>")
    with HttpClient() as http, pytest.raises(TLSError, match=r"Certificate error.*self-signed"):
        http.get(tls_loopback.url("/feed"))
