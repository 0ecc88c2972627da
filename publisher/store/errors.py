"""Why a query gets no answer: each error carries the HTTP status that says it."""

from __future__ import annotations

from publisher.errors import PublisherError

RETRY_AFTER = 5  # seconds a client is asked to wait after a 503


class QueryError(PublisherError):
    """A query the server will not answer; `status` is the HTTP status that says why."""

    status = 400


class QuerySyntaxError(QueryError):
    """The text is not SPARQL; the message holds the parser's line:column."""


class QueryRefused(QueryError):
    """Well-formed, but asks for something this server does not do (SERVICE, too long)."""


class UpdateRefused(QueryError):
    """An update: the service is read-only."""

    status = 403


class UnknownGraph(QueryError):
    """default-graph-uri or named-graph-uri names a graph the store does not hold."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped. Sent again it would be stopped again,
    so nothing invites a retry: no Retry-After (SPARQL 1.1 Protocol 2.1.4: a 503 from a service
    that refuses a query says nothing about an identical one)."""

    status = 503
    retry_after: int | None = None


# --- raised by the query workers (store/workers) ------------------------------------------


class QueryOverloaded(QueryTimeout):
    """Every worker stayed busy until the query's deadline: later it may well run."""

    retry_after = RETRY_AFTER


class StoreFailure(QueryError):
    """pyoxigraph itself failed (a panic) on a query: a bug in the store, not in the query."""

    status = 500


class QueryTooHeavy(QueryError):
    """No worker could evaluate the query (none could be started, or they keep failing): later
    one may."""

    status = 503
    retry_after: int | None = RETRY_AFTER


class QueryOutOfMemory(QueryTooHeavy):
    """The query needed more memory than a query may use and its worker was stopped. Like a
    time-out, sent again it would be stopped again: no Retry-After."""

    retry_after = None


# --- raised by a remote store (store/remote.py) ---------------------------------------------


class StoreError(QueryError):
    """The store failed. The message is for the public; `detail` (the store's own words) and
    `store_status` (its HTTP status, if it answered) are for the operator and the log."""

    status = 502

    def __init__(self, message: str, detail: str = "", store_status: int | None = None) -> None:
        super().__init__(message)
        self.detail = detail
        self.store_status = store_status


class StoreUnavailable(StoreError):
    """The store cannot be reached, or says it is busy: try again later."""

    status = 503
    retry_after = 5


class StoreTimeout(StoreError):
    """The store did not answer within the time the server waits for it."""

    status = 504


class BadStoreAnswer(StoreError):
    """The store answered with an error, a redirect or something that does not parse."""


class AnswerTooLarge(QueryError):
    """A single row of the answer is over the byte cap of an answer: nothing useful can be sent."""
