"""Throwaway TLS certificates for loopback HTTPS tests, made with the ``openssl`` command.

The venv has no ``cryptography`` package, so the certificate comes from the
system's ``openssl`` (present on Linux and macOS CI images); tests that need
it are skipped when it is missing.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path


def openssl_available() -> bool:
    return shutil.which("openssl") is not None


def make_self_signed_cert(directory: Path, *, common_name: str = "127.0.0.1") -> tuple[Path, Path]:
    """Write a self-signed certificate and its key into ``directory``; return (cert, key) paths."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("the openssl command is needed to make a test certificate")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            f"/CN={common_name}",
            "-addext",
            f"subjectAltName=IP:{common_name}",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
