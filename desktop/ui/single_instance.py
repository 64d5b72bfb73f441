"""One running window per library: a second `palimpsest FILE` hands its files to the first.

Two processes would otherwise both write the same SQLite file and show different
pictures of it. The first instance listens on a local socket named after the
library folder; a later one sends it its command line and exits.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

TIMEOUT_MS = 2000


def server_name(library_dir: Path) -> str:
    """The socket name for one user's window on one library folder."""
    key = f"{getpass.getuser()}:{Path(library_dir).resolve()}".encode("utf-8", "surrogatepass")
    return "palimpsest-" + hashlib.sha256(key).hexdigest()[:24]


class SingleInstance(QObject):
    """Claims the library for this process, or hands a request to the process that has it.

    Signals:
        request_received(object): another `palimpsest` asked this one to open something:
            a dict with "files" (list of paths) and "compare_only" (bool).
    """

    request_received = Signal(object)

    def __init__(self, library_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(library_dir)
        self._server: QLocalServer | None = None

    def claim(self, request: dict[str, Any]) -> bool:
        """True if this process is now the library's window; False if `request` went to the one that is."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if socket.waitForConnected(TIMEOUT_MS):
            socket.write(json.dumps(request).encode("utf-8") + b"\n")
            socket.flush()
            socket.waitForBytesWritten(TIMEOUT_MS)
            socket.disconnectFromServer()
            return False
        QLocalServer.removeServer(self._name)  # a stale socket from a crashed run
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.warning("cannot listen for other instances: %s", server.errorString())
            return True  # run anyway; SQLite still serialises the writes
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening (the process is about to end)."""
        if self._server is not None:
            self._server.close()
            self._server = None

    @Slot()
    def _on_server_new_connection(self) -> None:
        if self._server is None:
            return
        socket = self._server.nextPendingConnection()
        if socket is not None:
            socket.readyRead.connect(self._on_socket_ready_read)

    @Slot()
    def _on_socket_ready_read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or not socket.canReadLine():
            return  # the request ends with a newline; wait for the rest
        line = bytes(socket.readLine().data())
        socket.disconnectFromServer()
        socket.deleteLater()
        try:
            request = json.loads(line.decode("utf-8"))
        except ValueError:
            log.warning("ignored a malformed request from another instance")
            return
        if isinstance(request, dict):
            self.request_received.emit(request)
