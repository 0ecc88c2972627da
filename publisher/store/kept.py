"""Connections to a remote store kept open between queries (HTTP keep-alive).

A new connection per query cost a TCP handshake and, on the store's side, a new connection to
serve; a server process sends thousands of small queries a second to the same store (the
parts of descriptions, labels). Each RemoteStore keeps its idle connections here and takes one
per query; a connection goes back only when its answer was read to the end (else the bytes
left on it would be read as the next answer) and the store did not say it closes it.

Failures are those of http.py's `send`, with the same words: a connection the store had closed
while it was idle (it may, at any time) is replaced and the query sent again at once, which is
safe since every request here is a read-only query.
"""

from __future__ import annotations

import functools
import http.client
import os
import threading
import time
import urllib.error
import urllib.request
from typing import Any

from publisher.store.http import DROPPED, RETRY_PAUSE, http_failure, transport_failure

IDLE = 32  # idle connections kept at most (a worker's threads rarely need more)
# What a connection the store closed while idle gives on its next use.
STALE = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


class _Answer(http.client.HTTPResponse):
    """A response that gives its connection back when closed, if it can carry another."""

    release: Any = None  # called with whether the connection may be used again

    def close(self) -> None:
        whole = self.isclosed()  # http.client closes it itself once the body is read through
        super().close()
        release, self.release = self.release, None
        if release is not None:
            release(whole and not self.will_close)


class Kept:
    """The idle connections to one store's host, shared by the threads of one process."""

    def __init__(self, host: str, port: int | None, scheme: str) -> None:
        self.host, self.port, self.scheme = host, port, scheme
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self.opened = 0  # connections made (the tests read it)

    def send(self, request: urllib.request.Request, wait: float, what: str) -> _Answer:
        """The store's answer to `request` (a query), each step waiting at most `wait` s;
        a status other than 2xx raises as `send` does, and so do transport failures."""
        retried = False  # a fresh connection the store refused or dropped is tried once more
        while True:
            connection, reused = self._take(wait)
            try:
                answer = self._exchange(connection, request)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                if reused and isinstance(error, STALE):
                    continue  # closed by the store while it was idle: a fresh one, at once
                if isinstance(error, DROPPED) and not retried:
                    retried = True
                    time.sleep(RETRY_PAUSE)
                    continue
                raise transport_failure(error, wait, what) from None
            if not 200 <= answer.status < 300:  # what urllib counts as an answer, too
                failure = urllib.error.HTTPError(
                    request.full_url, answer.status, answer.reason, answer.headers, answer
                )
                connection.close()  # what is left of the body is not read
                raise http_failure(failure, what) from None
            answer.release = functools.partial(self._give_back, connection)
            return answer

    def _exchange(
        self, connection: http.client.HTTPConnection, request: urllib.request.Request
    ) -> _Answer:
        headers = dict(request.header_items())
        connection.request(request.get_method(), request.selector, request.data, headers)
        answer = connection.getresponse()
        assert isinstance(answer, _Answer)
        return answer

    def _take(self, wait: float) -> tuple[http.client.HTTPConnection, bool]:
        with self._lock:
            if self._pid != os.getpid():  # a forked process: its parent's sockets are not its own
                self._idle, self._pid = [], os.getpid()
            connection = self._idle.pop() if self._idle else None
        if connection is not None and connection.sock is not None:
            connection.sock.settimeout(wait)
            connection.timeout = wait
            return connection, True
        kind = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
        fresh = kind(self.host, self.port, timeout=wait)
        self.opened += 1
        fresh.response_class = _Answer
        return fresh, False

    def _give_back(self, connection: http.client.HTTPConnection, reusable: bool) -> None:
        if reusable and connection.sock is not None:
            with self._lock:
                if len(self._idle) < IDLE and self._pid == os.getpid():
                    self._idle.append(connection)
                    return
        connection.close()

    def close(self) -> None:
        """Close every idle connection."""
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()
