"""Fair shares of the query service: a budget of query seconds per client per minute, a limit
on each client's queries at once, and a bounded number of queries running in each server
process, so that one client's queries never take the service from others, and that pages,
descriptions and downloads never wait behind queries (plain Python, no Flask).

The accounting is in a small SQLite file shared by every process of the server (gunicorn's
workers): the queries running now, and each client's query seconds summed per second (class
`Quota` says why not a row per query). A client over its budget, or with too many queries
running, is refused with 429 and the seconds until its oldest cost leaves the window (as the Wikidata Query Service does); a process whose query slots
are all busy answers 503 at once instead of letting requests pile up behind it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


SETUP_WAIT = 10.0  # seconds a worker retries setting up the accounting file (Quota.__init__)


class Quota:
    """The shares of one server process, over the accounting file at `path`.

    The file holds the queries running now (a row each, removed when the query ends) and the
    query seconds each client used, summed per second in which its queries ended: admitting a
    query reads at most a minute's worth of rows for its client, however many queries every
    client sent in that minute (a row per query made each admission slower as traffic grew).
    """

    def __init__(self, path: Path, shares: Shares) -> None:
        self.path, self.shares = path, shares
        self._slots = threading.BoundedSemaphore(max(shares.slots, 1))
        self._local = threading.local()
        self._writing = threading.Lock()
        self._pruned = 0.0
        path.parent.mkdir(parents=True, exist_ok=True)
        # Workers start together on one file: SQLite refuses a journal mode change or a schema
        # change at once (no busy wait) while another connection holds the file, and a worker
        # failing here took the whole server down. The setup is the same for every worker and
        # runs again after a short pause, for a bounded time.
        deadline = time.monotonic() + SETUP_WAIT
        while True:
            try:
                self._set_up()
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _set_up(self) -> None:
        with self._connection() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("DROP TABLE IF EXISTS queries")  # a row per query, before the sums
            db.execute(
                "CREATE TABLE IF NOT EXISTS running (client TEXT NOT NULL, started REAL NOT NULL)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS running_by_client ON running (client)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS used (client TEXT NOT NULL, second INTEGER NOT NULL,"
                " seconds REAL NOT NULL, PRIMARY KEY (client, second)) WITHOUT ROWID"
            )
            db.execute("CREATE INDEX IF NOT EXISTS used_by_second ON used (second)")

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
        ticket = Ticket(self, client, row, time.monotonic())
        if not self._slots.acquire(timeout=self.shares.wait):
            ticket.end()
            raise NoSlot(
                "every query slot of this server is busy; try again shortly (pages and "
                "downloads are not affected)"
            )
        ticket.slot = True
        return ticket

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction on this thread's connection, taken at once (every process
        writes the same file), committed at the end, rolled back on any exception."""
        db = self._connection()
        # This process's threads take turns here rather than in SQLite, whose busy wait backs
        # off in sleeps of up to 100 ms: a query stopped at its time limit was answered that
        # much past it while other threads' queries held the file (the short soak: 2.26 s for a
        # 2 s limit). Other processes (gunicorn's workers) still meet SQLite's wait.
        with self._writing:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _admit(self, client: str) -> int:
        now = time.time()
        shares = self.shares
        with self._transaction() as db:
            if now - self._pruned > 1:
                # Other clients' old rows, once a second: their own reads skip them anyway.
                self._pruned = now
                db.execute("DELETE FROM used WHERE second < ?", (int(now - WINDOW) - 1,))
                db.execute("DELETE FROM running WHERE started < ?", (now - shares.lease,))
            running = db.execute(
                "SELECT COUNT(*) FROM running WHERE client = ? AND started > ?",
                (client, now - shares.lease),
            ).fetchone()[0]
            if running >= shares.concurrent:
                raise OverBudget(
                    f"this client already runs {running} queries at once, the most allowed; "
                    "wait for one to finish",
                    RETRY_AFTER,
                )
            if shares.budget > 0:
                # A second's sum counts while any of that second is within the window.
                used, oldest = db.execute(
                    "SELECT COALESCE(SUM(seconds), 0), MIN(second) FROM used "
                    "WHERE client = ? AND second >= ?",
                    (client, int(now - WINDOW)),
                ).fetchone()
                if used >= shares.budget:
                    wait = max(1, int(oldest + 1 + WINDOW - now + 0.999))
                    raise OverBudget(
                        f"this client used {used:.0f} s of query time in the last "
                        f"{WINDOW:.0f} s, its share is {shares.budget:.0f} s; try again in "
                        f"{wait} s",
                        wait,
                    )
            cursor = db.execute(
                "INSERT INTO running (client, started) VALUES (?, ?)", (client, now)
            )
        return int(cursor.lastrowid or 0)

    def _release(self) -> None:
        self._slots.release()

    def _done(self, client: str, row: int, seconds: float) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM running WHERE rowid = ?", (row,))
            db.execute(
                "INSERT INTO used (client, second, seconds) VALUES (?, ?, ?) "
                "ON CONFLICT (client, second) DO UPDATE SET seconds = seconds + excluded.seconds",
                (client, int(time.time()), max(seconds, 0.001)),
            )


class Ticket:
    """One admitted query: its row in the accounting and its slot, given back by `end`."""

    def __init__(self, quota: Quota, client: str, row: int, started: float) -> None:
        self.quota, self.client, self.row, self.started = quota, client, row, started
        self.slot = False
        self._ended = False

    def end(self) -> None:
        """Record the query's time and free its slot (once, whatever calls it first)."""
        if self._ended:
            return
        self._ended = True
        if self.slot:
            self.quota._release()
        self.quota._done(self.client, self.row, time.monotonic() - self.started)
