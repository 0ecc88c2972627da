"""HTTP to a remote store: one request with a bounded wait, and its failures as StoreErrors.

Connections to the store are kept open between requests, up to one per thread of the worker
(a query's answer from a store on loopback costs a new TCP connection's setup and
teardown otherwise, about a tenth of a short query's time). A connection is used again only
once the answer it carried was read to its end; one cut short is closed. A proxy named by the
environment for the store's address is honoured as before, through urllib, without keeping
connections.
"""

from __future__ import annotations

import atexit
import functools
import http.client
import logging
import os
import threading
import time
import urllib.error
import urllib.request
from email.message import Message
from typing import IO
from urllib.parse import urlsplit

from publisher import __version__
from publisher.store.errors import BadStoreAnswer, StoreError, StoreTimeout, StoreUnavailable

log = logging.getLogger(__name__)
USER_AGENT = f"publisher/{__version__}"
RETRY_PAUSE = 0.25
# The store refused the connection or dropped it unanswered (as while it restarts).
DROPPED = (ConnectionRefusedError, ConnectionResetError)
# A kept connection the store has closed meanwhile (its idle time-out, a restart) fails so on
# its next request; the request is then sent again at once on a new connection.
STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)

Origin = tuple[str, str, int]  # scheme, host, port


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would send the query (and a load, its data) wherever the store's answer says.
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> None:
        return None  # urllib then raises the 3xx as an HTTPError, reported below


class _Connections:
    """The idle connections of this process to each store, used last in, first out (the one
    used last is the least likely to have been closed by the store meanwhile)."""

    KEEP = 8  # per store: as many as a worker has threads (deploy/gunicorn.conf.py)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: dict[Origin, list[http.client.HTTPConnection]] = {}

    def idle(self, origin: Origin) -> list[http.client.HTTPConnection]:
        with self._lock:
            return list(self._idle.get(origin, ()))

    def take(self, origin: Origin, wait: float) -> tuple[http.client.HTTPConnection, bool]:
        """An idle connection to `origin` (True: it was used before), or a new one."""
        with self._lock:
            idle = self._idle.get(origin)
            connection = idle.pop() if idle else None
        if connection is not None and connection.sock is not None:
            connection.timeout = wait
            connection.sock.settimeout(wait)
            return connection, True
        scheme, host, port = origin
        kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        connection = kind(host, port, timeout=wait)
        connection.response_class = _Answer
        return connection, False

    def give_back(self, origin: Origin, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            idle = self._idle.setdefault(origin, [])
            if len(idle) < self.KEEP:
                idle.append(connection)
                return
        connection.close()

    def close_all(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, {}
        for connections in idle.values():
            for connection in connections:
                connection.close()

    def after_fork(self) -> None:
        """In a forked process: none of the parent's connections (two processes reading one
        socket would read each other's answers; closing the child's descriptors leaves the
        parent's open), and a new lock (another thread may have held it at the fork)."""
        self._lock = threading.Lock()
        self.close_all()


@functools.cache
def environment_proxies() -> dict[str, str]:
    """The proxies the environment names, read once (as urllib's openers do): reading the
    environment took a tenth of a millisecond per query."""
    return urllib.request.getproxies()


CONNECTIONS = _Connections()
os.register_at_fork(after_in_child=CONNECTIONS.after_fork)
atexit.register(CONNECTIONS.close_all)


class _Answer(http.client.HTTPResponse):
    """A store's answer that gives its connection back when it is closed after its end."""

    origin: Origin | None = None
    connection: http.client.HTTPConnection | None = None

    def close(self) -> None:
        whole = self.isclosed() and not self.will_close  # http.client let go of it at the end
        super().close()
        connection, self.connection = self.connection, None
        if connection is None or self.origin is None:
            return
        if whole:
            CONNECTIONS.give_back(self.origin, connection)
        else:
            connection.close()  # unread bytes of this answer would be read as the next one's


def send(request: urllib.request.Request, wait: float, what: str) -> http.client.HTTPResponse:
    """Send `request` without following redirects, waiting at most `wait` seconds for each step.

    Everything sent here is idempotent (queries, and PUT or DELETE of a whole graph), so a
    request the store dropped unanswered is sent once more; one that timed out is not, since
    that would double the wait. Failures become StoreErrors.
    """
    parts = urlsplit(request.full_url)
    host = parts.hostname or ""
    proxies = environment_proxies()
    if parts.scheme in proxies and not urllib.request.proxy_bypass(host):
        proxy = urllib.request.ProxyHandler(proxies)
        return _send_by_urllib(
            urllib.request.build_opener(_NoRedirects, proxy), request, wait, what
        )
    origin = (parts.scheme, host, parts.port or (443 if parts.scheme == "https" else 80))
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    headers = {name.title(): value for name, value in request.header_items()}
    if request.data is not None:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")  # as urllib
    attempt = 1
    while True:
        connection, used = CONNECTIONS.take(origin, wait)
        try:
            connection.request(request.get_method(), target, request.data, headers)
            response = connection.getresponse()
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            if used and isinstance(error, STALE):
                continue  # a kept connection the store had closed: a new one, at once
            if isinstance(error, DROPPED) and attempt == 1:
                attempt = 2
                time.sleep(RETRY_PAUSE)
                continue
            raise transport_failure(error, wait, what) from None
        assert isinstance(response, _Answer)
        response.origin, response.connection = origin, connection
        if not 200 <= response.status < 300:
            try:
                raise http_failure(
                    response.status, response.reason, response.headers, response, what
                )
            finally:
                response.close()
        return response


def _send_by_urllib(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, wait: float, what: str
) -> http.client.HTTPResponse:
    for attempt in (1, 2):
        try:
            response: http.client.HTTPResponse = opener.open(request, timeout=wait)
            return response
        except urllib.error.HTTPError as error:
            try:
                raise http_failure(error.code, error.reason, error.headers, error, what) from None
            finally:
                error.close()
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, DROPPED) and attempt == 1:
                time.sleep(RETRY_PAUSE)
                continue
            raise transport_failure(reason, wait, what) from None
    raise AssertionError("unreachable")


def transport_failure(reason: object, wait: float, what: str) -> StoreError:
    """The error for a store that did not answer: it timed out (504), dropped the connection
    (502) or cannot be reached (503)."""
    detail = f"{what}: {_describe(reason)}"
    log.warning("%s", detail)
    if isinstance(reason, TimeoutError):
        return StoreTimeout(
            f"the SPARQL store behind this service did not answer within {wait:g} s", detail
        )
    if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
        return BadStoreAnswer(
            "the SPARQL store behind this service closed the connection without answering",
            detail,
        )
    return StoreUnavailable(
        f"the SPARQL store behind this service cannot be reached ({_describe(reason)}); "
        "try again shortly",
        detail,
    )


def http_failure(
    code: int, reason: str, headers: Message, body: IO[bytes], what: str
) -> StoreError:
    """The error for a store that answered `code` (not a success), with the start of its
    `body` in the detail."""
    detail = f"{what}: {code} {reason}"
    if 300 <= code < 400:
        detail += f" to {headers.get('Location', '(no Location)')}"
    detail = " ".join([detail, _snippet(body)]).strip()
    # A refused query is the client's business (the caller says why); the rest is the operator's.
    log.log(logging.INFO if code == 400 else logging.WARNING, "%s", detail)
    if 300 <= code < 400:
        return BadStoreAnswer(
            f"the SPARQL store behind this service redirected the request ({code}); redirects "
            "are not followed, so the STORE setting must name the endpoint itself",
            detail,
            code,
        )
    if code in (429, 503):
        return StoreUnavailable(
            f"the SPARQL store behind this service is busy ({code}); try again shortly",
            detail,
            code,
        )
    if code == 504:
        return StoreTimeout("the SPARQL store behind this service timed out (504)", detail, code)
    return BadStoreAnswer(
        f"the SPARQL store behind this service failed ({code} {reason})", detail, code
    )


def _snippet(body: IO[bytes], limit: int = 300) -> str:
    """The start of an error body, on one line, for the log."""
    try:
        text = body.read(limit).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    return " ".join(text.split())


def _describe(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "it closed the connection"
    if isinstance(reason, ConnectionResetError):
        return "connection reset"
    return str(reason) or type(reason).__name__
