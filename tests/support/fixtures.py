"""Pytest fixtures shared by the whole suite; registered in ``tests/conftest.py``
with ``pytest_plugins = ["tests.support.fixtures"]``.

- ``loopback``: a started ``LoopbackServer`` on 127.0.0.1 (closed after the test).
- ``tls_loopback``: the same over HTTPS with a throwaway self-signed
  certificate (skipped when the ``openssl`` command is missing).
- ``canary_file``: a file with a unique marker; tests that feed hostile input
  (XXE, ``file:`` URLs) assert the marker never shows up in any output.
- ``no_real_network`` (automatic): a test that tries to resolve or connect to
  anything but the loopback fails, even where the code under test swallows
  the error (an image that failed to download, say).
"""

from __future__ import annotations

import ipaddress
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.loopback import LoopbackServer
from tests.support.tls import make_self_signed_cert, openssl_available, server_context

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _is_loopback(host: object) -> bool:
    if host is None or host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_real_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    attempts: list[str] = []
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if not _is_loopback(host):
            attempts.append(f"name lookup of {host}")
            raise socket.gaierror(socket.EAI_NONAME, f"tests resolve only the loopback, not {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    def refused(sock: socket.socket, address: Any) -> bool:
        if sock.family not in (socket.AF_INET, socket.AF_INET6) or _is_loopback(address[0]):
            return False
        attempts.append(f"connection to {address[0]}")
        return True

    def connect(sock: socket.socket, address: Any) -> None:
        if refused(sock, address):
            raise ConnectionRefusedError(f"tests connect only to the loopback, not {address[0]}")
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        if refused(sock, address):
            return 111  # ECONNREFUSED
        return real_connect_ex(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield
    assert not attempts, f"the test reached for the real network: {attempts}"


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


@pytest.fixture(scope="session")
def self_signed_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not openssl_available():
        pytest.skip("the openssl command is not installed")
    return make_self_signed_cert(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def tls_loopback(self_signed_cert: tuple[Path, Path]) -> Iterator[LoopbackServer]:
    with LoopbackServer(ssl_context=server_context(*self_signed_cert)) as server:
        yield server


@pytest.fixture
def canary_file(tmp_path: Path) -> Path:
    path = tmp_path / "canary.txt"
    path.write_text(f"CANARY-{uuid.uuid4().hex}", encoding="ascii")
    return path
