"""One reader per data folder: a second launch hands its arguments to the first.

The first launch takes a ``QLockFile`` in the data folder and listens on a
local socket whose name is derived from that folder; a second launch on the
same folder finds the lock held, sends its arguments (a feed URL, a file) over
the socket and exits, so only one process ever writes the store.  Two
different data folders run side by side.  A lock left behind by a killed
process is stale (its PID is gone) and is taken over.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal, Slot

if TYPE_CHECKING:
    # QtNetwork is imported when the server starts or a message is sent: the
    # app starts listening after its first paint, and that import is start-up time.
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "instance.lock"
# A launch message is a handful of URLs or paths; anything longer is not ours.
MAX_MESSAGE_BYTES = 64 * 1024
_ACK = b"ok\n"


def server_name(data_dir: Path) -> str:
    """The local socket name for ``data_dir``: same folder, same name; per user.

    A hash keeps it short (Unix socket paths are limited to ~100 bytes) and
    free of characters a socket name cannot hold.
    """
    # Imported here: hashlib loads OpenSSL, and the first paint does not need it.
    import hashlib

    key = f"{data_dir.resolve()}\0{_user_key()}"
    return "newsreader-" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:20]


def _user_key() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid is not None else os.environ.get("USERNAME", "")


def absolute_arguments(args: Sequence[str], cwd: Path | None = None) -> list[str]:
    """Arguments with existing relative file paths made absolute.

    The running instance has its own working folder, so ``newsreader
    feeds.opml`` must travel as the full path.
    """
    base = cwd or Path.cwd()
    out = []
    for arg in args:
        candidate = base / arg
        if arg and not arg.startswith("-") and "://" not in arg and candidate.exists():
            out.append(str(candidate.resolve()))
        else:
            out.append(arg)
    return out


class SingleInstance(QObject):
    """The single-instance guard for one data folder.

    First launch: ``acquire()`` is True and ``received`` later carries the
    arguments of each further launch.  Second launch: ``acquire()`` is False;
    call ``send(args)`` and exit (0 when it was delivered).
    """

    received = Signal(list)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._name: str | None = None
        self._lock = QLockFile(str(data_dir / LOCK_FILE_NAME))
        # 0: never judge a lock stale by its age (a reader runs for days),
        # only by its owner's PID being gone.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self.locked = False

    @property
    def name(self) -> str:
        if self._name is None:
            self._name = server_name(self.data_dir)
        return self._name

    # -- first instance -------------------------------------------------------------------------

    def acquire(self, *, listen: bool = True) -> bool:
        """True when this process is the first on the data folder (and now listens).

        ``listen=False`` only takes the lock; call ``listen()`` later (the app
        does after its first paint; a second launch meanwhile retries).
        """
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("cannot create the data folder %s: %s", self.data_dir, error)
        if self._lock.tryLock(0):
            self.locked = True
            if listen:
                self.listen()
            return True
        lock_error = self._lock.error()
        if lock_error == QLockFile.LockError.LockFailedError:
            pid, host, app = self._lock.getLockInfo()
            log.info("the data folder is in use by %s (pid %s on %s)", app, pid, host)
            return False
        # No lock can be taken here (read-only or full folder).  If another
        # reader answers, it is the first; otherwise carry on unlocked and let
        # the store report the folder's state to the user.
        log.warning("cannot lock %s (%s)", self._lock.fileName(), lock_error.name)
        if self._probe():
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Start taking launch messages (once)."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        # Only this user may talk to us.
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket of the same name is left over from a crash.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning("single-instance server %s not listening: %s", self.name, server.errorString())
            return
        server.newConnection.connect(self._on_new_connection)
        self._server = server

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The reader is a child of the socket: both go when the client is done.
            _Connection(socket, self.received.emit)
            socket.disconnected.connect(socket.deleteLater)

    def release(self) -> None:
        """Stop listening and free the lock (at quit; a crash leaves a stale lock, which is fine)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self.locked:
            self._lock.unlock()
            self.locked = False

    # -- second instance ------------------------------------------------------------------------

    def send(self, args: Sequence[str], timeout_ms: int = 5000) -> bool:
        """Deliver ``args`` to the running instance; True once it confirmed.

        Retries until ``timeout_ms``: the first instance may hold the lock
        but not listen yet (it is still starting).  Blocking is fine here,
        this process has nothing else to do.
        """
        import json

        message = json.dumps({"args": absolute_arguments(args)}).encode() + b"\n"
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            if self._deliver(message, deadline):
                return True
            if time.monotonic() >= deadline:
                log.warning("the running instance did not answer on %s", self.name)
                return False
            time.sleep(0.05)

    def _deliver(self, message: bytes, deadline: float) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_ms_left(deadline)):
            return False
        socket.write(QByteArray(message))
        if not socket.waitForBytesWritten(_ms_left(deadline)):
            socket.abort()
            return False
        reply = b""
        while _ACK not in reply and socket.waitForReadyRead(_ms_left(deadline)):
            reply += bytes(socket.readAll().data())
        socket.abort()
        return _ACK in reply

    def _probe(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        answered = socket.waitForConnected(200)
        socket.abort()
        return answered


class _Connection(QObject):
    """Reads one launch message from a client, acknowledges it and hands it on."""

    def __init__(self, socket: QLocalSocket, deliver: Callable[[list[str]], None]) -> None:
        super().__init__(socket)
        self._socket = socket
        self._deliver = deliver
        self._buffer = bytearray()
        socket.readyRead.connect(self._on_ready_read)

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self._socket
        self._buffer += bytes(socket.readAll().data())
        if len(self._buffer) > MAX_MESSAGE_BYTES:
            log.warning("dropping an oversized launch message (%d bytes)", len(self._buffer))
            socket.abort()
            return
        if b"\n" not in self._buffer:
            return
        args = _decode(bytes(self._buffer).split(b"\n", 1)[0])
        self._buffer.clear()
        if args is None:
            log.warning("dropping a malformed launch message")
            socket.abort()
            return
        socket.write(QByteArray(_ACK))
        socket.flush()
        socket.disconnectFromServer()
        log.info("another launch handed over %d argument(s)", len(args))
        self._deliver(args)


def _ms_left(deadline: float) -> int:
    return max(1, int((deadline - time.monotonic()) * 1000))


def _decode(line: bytes) -> list[str] | None:
    import json

    try:
        data = json.loads(line)
    except ValueError:
        return None
    args = data.get("args") if isinstance(data, dict) else None
    if not isinstance(args, list) or not all(isinstance(arg, str) for arg in args):
        return None
    return args


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` above the others, restored if it was minimized.

    Window managers may only flash the task bar entry instead (focus-stealing
    prevention); that is their call.
    """
    # Imported here: the app takes its lock before anything touches Qt's namespace (94 enums to make).
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
