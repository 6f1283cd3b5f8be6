"""The offline switch: an HTTP client that makes no request while the user has the reader offline.

Every network use of the Library (refresh, full text, images, discovery)
goes through its one client, so gating the client is what makes "Offline"
true everywhere at once; the refusal is a NetworkError, which every caller
already reports as "could not reach".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from reader.core.errors import NetworkError
from reader.net import HttpClient, Response

log = logging.getLogger(__name__)


class OfflineError(NetworkError):
    """Refused because the reader is offline (not a failure of the network)."""


def offline_message() -> str:
    return QCoreApplication.translate("", "You are offline.")


class GatedClient(HttpClient):
    def __init__(self, offline: threading.Event) -> None:
        super().__init__()
        self.offline = offline
        # Requests that reached the network, for tests that prove none was made.
        self.requests = 0

    def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
        deadline: float | None = None,
    ) -> Response:
        if self.offline.is_set():
            log.debug("offline: refused %s", url)
            raise OfflineError(offline_message())
        self.requests += 1
        return super().get(url, headers=headers, max_bytes=max_bytes, deadline=deadline)
