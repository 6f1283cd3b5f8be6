"""Pytest fixtures shared by the whole suite; registered in ``tests/conftest.py``
with ``pytest_plugins = ["tests.support.fixtures"]``.

- ``loopback``: a started ``LoopbackServer`` on 127.0.0.1 (closed after the test).
- ``tls_loopback``: the same over HTTPS with a throwaway self-signed
  certificate (skipped when the ``openssl`` command is missing).
- ``canary_file``: a file with a unique marker; tests that feed hostile input
  (XXE, ``file:`` URLs) assert the marker never shows up in any output.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.loopback import LoopbackServer
from tests.support.tls import make_self_signed_cert, openssl_available, server_context


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
