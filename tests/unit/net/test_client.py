"""HttpClient against a loopback server: results, redirects, status errors (catalog 20-26)."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime

import pytest

from reader.core.errors import BlockedURL, HTTPStatusError, NetworkError, TooManyRedirects
from reader.net import HttpClient, parse_retry_after
from tests.support.loopback import LoopbackServer, Reply


@pytest.fixture
def client():
    with HttpClient(deadline=10) as http:
        yield http


def test_get_returns_body_final_url_and_lowercase_headers(loopback, client):
    loopback.serve("/feed.xml", b"<rss/>", content_type="application/rss+xml", headers={"X-Thing": "1"})
    response = client.get(loopback.url("/feed.xml"))
    assert response.status == 200
    assert response.content == b"<rss/>"
    assert response.url == loopback.url("/feed.xml")
    assert response.headers["content-type"] == "application/rss+xml"
    assert response.headers["x-thing"] == "1"
    assert response.permanent_redirect is None


def test_sends_a_descriptive_user_agent_and_accepts_gzip(loopback, client):
    loopback.serve("/", b"ok")
    client.get(loopback.url("/"))
    sent = loopback.requests[0].headers
    assert sent["user-agent"].startswith("Reader/")
    assert "+http" in sent["user-agent"]
    assert "gzip" in sent["accept-encoding"]


def test_gzip_body_is_decompressed(loopback, client):
    loopback.serve("/gz", b"hello " * 1000, gzip=True)
    assert client.get(loopback.url("/gz")).content == b"hello " * 1000


def test_corrupt_gzip_is_a_network_error(loopback, client):
    loopback.serve("/bad", b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
    with pytest.raises(NetworkError, match="decompress"):
        client.get(loopback.url("/bad"))


def test_not_modified_is_returned_not_raised(loopback, client):
    loopback.serve("/feed", b"body", etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    first = client.get(loopback.url("/feed"))
    again = client.get(loopback.url("/feed"), headers={"If-None-Match": first.headers["etag"]})
    assert again.status == 304
    assert again.content == b""


@pytest.mark.parametrize(
    ("chain", "permanent"),
    [
        ((301,), True),
        ((308,), True),
        ((301, 308), True),
        ((302,), False),
        ((307,), False),
        ((301, 302), False),
        ((302, 301), False),
    ],
)
def test_permanent_redirect_only_when_every_hop_is_permanent(loopback, client, chain, permanent):
    for index, status in enumerate(chain):
        loopback.redirect(f"/hop{index}", f"/hop{index + 1}", status=status)
    loopback.serve(f"/hop{len(chain)}", b"<rss/>")
    response = client.get(loopback.url("/hop0"))
    final = loopback.url(f"/hop{len(chain)}")
    assert response.url == final
    assert response.permanent_redirect == (final if permanent else None)
    assert loopback.unexpected == []


def test_redirect_loop_stops_after_ten_hops(loopback, client):
    loopback.handle("/loop", lambda req: Reply(302, headers={"Location": f"/loop?{req.hit}"}))
    with pytest.raises(TooManyRedirects, match="redirects"):
        client.get(loopback.url("/loop"))
    assert loopback.hits("/loop") == 11  # the first request and ten redirects followed


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "data:,x"]
)
def test_redirect_to_a_non_http_scheme_is_blocked(loopback, client, target):
    loopback.redirect("/go", target)
    with pytest.raises(BlockedURL, match="Only http and https"):
        client.get(loopback.url("/go"))
    assert loopback.total_hits == 1


def test_redirect_to_file_never_reads_the_file(loopback, client, canary_file):
    loopback.redirect("/go", canary_file.as_uri())
    with pytest.raises(BlockedURL) as caught:
        client.get(loopback.url("/go"))
    assert canary_file.read_text() not in str(caught.value)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/", "about:blank", "http://", "feed.xml"]
)
def test_non_http_address_is_refused_without_a_request(client, url):
    with pytest.raises(BlockedURL):
        client.get(url)


def test_redirect_to_another_loopback_host_is_followed(loopback, client):
    # Policy: local feeds are legitimate on a desktop, so private targets are allowed.
    with LoopbackServer() as other:
        other.serve("/feed", b"local")
        loopback.redirect("/go", other.url("/feed"))
        assert client.get(loopback.url("/go")).content == b"local"
        assert other.hits("/feed") == 1


def test_gone_is_a_status_error_with_a_clear_message(loopback, client):
    loopback.serve("/gone", b"", status=410)
    with pytest.raises(HTTPStatusError, match="gone") as caught:
        client.get(loopback.url("/gone"))
    assert caught.value.status == 410
    assert caught.value.retry_after is None


def test_too_many_requests_carries_retry_after_seconds(loopback, client):
    loopback.serve("/slow-down", b"", status=429, headers={"Retry-After": "120"})
    with pytest.raises(HTTPStatusError) as caught:
        client.get(loopback.url("/slow-down"))
    assert caught.value.status == 429
    assert caught.value.retry_after == 120


def test_unavailable_carries_retry_after_http_date(loopback, client):
    headers = {"Retry-After": "Wed, 21 Oct 2015 07:30:00 GMT", "Date": "Wed, 21 Oct 2015 07:28:00 GMT"}
    loopback.serve("/down", b"", status=503, headers=headers)
    with pytest.raises(HTTPStatusError, match="Server error") as caught:
        client.get(loopback.url("/down"))
    assert caught.value.status == 503
    assert caught.value.retry_after == 120


def test_not_found_and_server_error_messages(loopback, client):
    loopback.serve("/err", b"", status=500)
    with pytest.raises(HTTPStatusError, match=r"Server error.*500"):
        client.get(loopback.url("/err"))
    with pytest.raises(HTTPStatusError, match="404"):
        client.get(loopback.url("/missing"))


def test_parse_retry_after():
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("90", now) == 90
    assert parse_retry_after("Wed, 01 May 2024 12:10:00 GMT", now) == 600
    assert parse_retry_after("Wed, 01 May 2024 11:00:00 GMT", now) == 0  # already passed
    assert parse_retry_after("soon", now) is None


def test_connection_refused_is_a_network_error(client):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(NetworkError, match="refused"):
        client.get(f"http://127.0.0.1:{port}/feed")


def test_parallel_fetches_from_many_threads(loopback):
    loopback.handle("/n", lambda req: Reply(body=b"x" * 5000))
    results: list[int] = []
    lock = threading.Lock()

    def fetch_some(http: HttpClient) -> None:
        for _ in range(5):
            size = len(http.get(loopback.url("/n")).content)
            with lock:
                results.append(size)

    with HttpClient(pool_per_host=2) as http:
        threads = [threading.Thread(target=fetch_some, args=(http,)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert results == [5000] * 40
