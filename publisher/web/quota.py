"""Fair shares of the query service: a budget of query seconds per client per minute, a limit
on each client's queries at once, and a bounded number of queries running in each server
process, so that one client's queries never take the service from others, and that pages,
descriptions and downloads never wait behind queries (plain Python, no Flask).

The accounting is in a small SQLite file shared by every process of the server (gunicorn's
workers): each query from outside is a row (client, start, seconds once done). A client over
its budget, or with too many queries running, is refused with 429 and the seconds until its
oldest cost leaves the window (as the Wikidata Query Service does); a process whose query slots
are all busy answers 503 at once instead of letting requests pile up behind it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from publisher.store.errors import RETRY_AFTER, QueryError

WINDOW = 60.0  # seconds over which a client's query time is counted


class OverBudget(QueryError):
    """The client has used its share of query time, or runs too many queries at once."""

    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NoSlot(QueryError):
    """Every query slot of this server process is busy."""

    status = 503
    retry_after = RETRY_AFTER


@dataclass(frozen=True)
class Shares:
    """`budget` seconds of query time per client per minute (0: no budget), `concurrent`
    queries per client at once, `slots` queries at once per process, `wait` seconds a query
    waits for a slot; `lease` is how long an unfinished row counts (a crashed process's)."""

    budget: float
    concurrent: int
    slots: int
    wait: float
    lease: float


class Quota:
    """The shares of one server process, over the accounting file at `path`."""

    def __init__(self, path: Path, shares: Shares) -> None:
        self.path, self.shares = path, shares
        self._slots = threading.BoundedSemaphore(max(shares.slots, 1))
        self._local = threading.local()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS queries "
                "(client TEXT NOT NULL, started REAL NOT NULL, seconds REAL)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS by_client ON queries (client, started)")

    def _connection(self) -> sqlite3.Connection:
        held = getattr(self._local, "db", None)
        if held is None:
            held = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            # Losing the last second of accounting in a power cut costs nothing; an fsync per
            # query would cost every query.
            held.execute("PRAGMA synchronous=NORMAL")
            self._local.db = held
        return held

    def begin(self, client: str) -> Ticket:
        """Admit one query of `client` within its shares (raises OverBudget or NoSlot); the
        ticket is ended when its answer has been sent, however long it streams."""
        row = self._admit(client)
        ticket = Ticket(self, row, time.monotonic())
        if not self._slots.acquire(timeout=self.shares.wait):
            ticket.end()
            raise NoSlot(
                "every query slot of this server is busy; try again shortly (pages and "
                "downloads are not affected)"
            )
        ticket.slot = True
        return ticket

    def _admit(self, client: str) -> int:
        now = time.time()
        shares = self.shares
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM queries WHERE started < ?", (now - WINDOW - shares.lease,))
            running = db.execute(
                "SELECT COUNT(*) FROM queries WHERE client = ? AND seconds IS NULL AND started > ?",
                (client, now - shares.lease),
            ).fetchone()[0]
            if running >= shares.concurrent:
                raise OverBudget(
                    f"this client already runs {running} queries at once, the most allowed; "
                    "wait for one to finish",
                    RETRY_AFTER,
                )
            if shares.budget > 0:
                # Summed by SQLite: a busy client has a row per query of the last minute.
                window = "WHERE client = ? AND seconds IS NOT NULL AND started + seconds > ?"
                used = db.execute(
                    f"SELECT COALESCE(SUM(seconds), 0) FROM queries {window}",
                    (client, now - WINDOW),
                ).fetchone()[0]
                if used >= shares.budget:
                    oldest_end = db.execute(
                        f"SELECT started + seconds FROM queries {window} ORDER BY started LIMIT 1",
                        (client, now - WINDOW),
                    ).fetchone()[0]
                    wait = max(1, int(oldest_end + WINDOW - now + 0.999))
                    raise OverBudget(
                        f"this client used {used:.0f} s of query time in the last "
                        f"{WINDOW:.0f} s, its share is {shares.budget:.0f} s; try again in "
                        f"{wait} s",
                        wait,
                    )
            cursor = db.execute(
                "INSERT INTO queries (client, started) VALUES (?, ?)", (client, now)
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return int(cursor.lastrowid or 0)

    def _release(self) -> None:
        self._slots.release()

    def _done(self, row: int, seconds: float) -> None:
        self._connection().execute(
            "UPDATE queries SET seconds = ? WHERE rowid = ?", (max(seconds, 0.001), row)
        )


class Ticket:
    """One admitted query: its row in the accounting and its slot, given back by `end`."""

    def __init__(self, quota: Quota, row: int, started: float) -> None:
        self.quota, self.row, self.started = quota, row, started
        self.slot = False
        self._ended = False

    def end(self) -> None:
        """Record the query's time and free its slot (once, whatever calls it first)."""
        if self._ended:
            return
        self._ended = True
        if self.slot:
            self.quota._release()
        self.quota._done(self.row, time.monotonic() - self.started)
