"""HTTP to a remote store: one request with a bounded wait, and its failures as StoreErrors."""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
import urllib.request
from email.message import Message
from typing import IO

from publisher import __version__
from publisher.store.errors import BadStoreAnswer, StoreError, StoreTimeout, StoreUnavailable

log = logging.getLogger(__name__)
USER_AGENT = f"publisher/{__version__}"
RETRY_PAUSE = 0.25
# The store refused the connection or dropped it unanswered (as while it restarts).
DROPPED = (ConnectionRefusedError, ConnectionResetError)


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


OPENER = urllib.request.build_opener(_NoRedirects)


def send(request: urllib.request.Request, wait: float, what: str) -> http.client.HTTPResponse:
    """Open `request` without following redirects, waiting at most `wait` seconds for each step.

    Everything sent here is idempotent (queries, and PUT or DELETE of a whole graph), so a
    request the store dropped unanswered is sent once more; one that timed out is not, since
    that would double the wait. Failures become StoreErrors.
    """
    for attempt in (1, 2):
        try:
            response: http.client.HTTPResponse = OPENER.open(request, timeout=wait)
            return response
        except urllib.error.HTTPError as error:
            raise http_failure(error, what) from None
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


def http_failure(error: urllib.error.HTTPError, what: str) -> StoreError:
    """The error for a store that answered with a status other than success."""
    code = error.code
    detail = f"{what}: {code} {error.reason}"
    if 300 <= code < 400:
        detail += f" to {error.headers.get('Location', '(no Location)')}"
    detail = " ".join([detail, _snippet(error)]).strip()
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
        f"the SPARQL store behind this service failed ({code} {error.reason})", detail, code
    )


def _snippet(error: urllib.error.HTTPError, limit: int = 300) -> str:
    """The start of an error body, on one line, for the log."""
    try:
        body = error.read(limit).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    finally:
        error.close()
    return " ".join(body.split())


def _describe(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "it closed the connection"
    if isinstance(reason, ConnectionResetError):
        return "connection reset"
    return str(reason) or type(reason).__name__
