"""The shares of the query service on their own: a client's budget of query seconds, its
queries at once, and a process's query slots (the live tests are in test_fair_shares.py)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from publisher.web.quota import NoSlot, OverBudget, Quota, Shares


def _quota(path: Path, **changes: float) -> Quota:
    shares = {"budget": 2.0, "concurrent": 2, "slots": 2, "wait": 0.2, "lease": 60.0} | changes
    return Quota(path / "queries.sqlite", Shares(**shares))  # type: ignore[arg-type]


@pytest.mark.slow  # 2.4 s of queries held open: the budget is counted in seconds
def test_a_client_over_its_budget_gets_429_with_the_wait(tmp_path):
    quota = _quota(tmp_path)
    for _ in range(3):
        ticket = quota.begin("10.0.0.1")
        time.sleep(0.8)
        ticket.end()
    with pytest.raises(OverBudget, match="share is 2 s") as refused:
        quota.begin("10.0.0.1")
    assert refused.value.status == 429 and 55 <= refused.value.retry_after <= 61
    quota.begin("10.0.0.2").end()  # another client is not affected


@pytest.mark.slow  # a query held open past the 2 s share
def test_the_budget_is_shared_by_the_processes_of_a_server(tmp_path):
    first, second = _quota(tmp_path), _quota(tmp_path)  # two gunicorn workers, one file
    ticket = first.begin("10.0.0.1")
    time.sleep(2.1)
    ticket.end()
    with pytest.raises(OverBudget):
        second.begin("10.0.0.1")


def test_a_client_runs_only_so_many_queries_at_once(tmp_path):
    quota = _quota(tmp_path, budget=0, slots=10)
    held = [quota.begin("10.0.0.1") for _ in range(2)]
    with pytest.raises(OverBudget, match="at once"):
        quota.begin("10.0.0.1")
    held[0].end()
    quota.begin("10.0.0.1").end()


def test_a_busy_process_answers_at_once_instead_of_queueing(tmp_path):
    quota = _quota(tmp_path, budget=0, concurrent=100, slots=2, wait=0.2)
    held = [quota.begin(f"10.0.0.{n}") for n in range(2)]
    started = time.monotonic()
    with pytest.raises(NoSlot):
        quota.begin("10.0.0.9")
    assert time.monotonic() - started < 1
    held[0].end()
    quota.begin("10.0.0.9").end()


def test_a_ticket_ends_once(tmp_path):
    quota = _quota(tmp_path, budget=0, slots=1)
    ticket = quota.begin("10.0.0.1")
    ticket.end()
    ticket.end()  # a second end frees no second slot
    tickets = [quota.begin("10.0.0.1")]
    with pytest.raises(NoSlot):
        quota.begin("10.0.0.2")
    tickets[0].end()


def test_many_threads_share_one_accounting_file(tmp_path):
    quota = _quota(tmp_path, budget=0, concurrent=1000, slots=64)
    errors: list[BaseException] = []

    def client(n: int) -> None:
        try:
            for _ in range(20):
                quota.begin(f"10.0.{n}.1").end()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_a_busy_client_leaves_a_row_per_second_not_per_query(tmp_path):
    # Admission reads the client's rows of the last minute: with a row per query, a client
    # sending thousands made every admission slower, its own and everyone else's.
    quota = _quota(tmp_path, budget=1000, concurrent=10, slots=10)
    started = time.time()
    for _ in range(300):
        quota.begin("10.0.0.1").end()
    seconds = int(time.time()) - int(started) + 1
    db = sqlite3.connect(tmp_path / "queries.sqlite")
    assert db.execute("SELECT COUNT(*) FROM used").fetchone()[0] <= seconds
    assert db.execute("SELECT COUNT(*) FROM running").fetchone()[0] == 0


def test_a_query_of_a_process_that_died_stops_counting_after_the_lease(tmp_path):
    quota = _quota(tmp_path, budget=0, concurrent=1, lease=0.5)
    quota.begin("10.0.0.1")  # never ended, as when its worker is killed
    with pytest.raises(OverBudget, match="at once"):
        quota.begin("10.0.0.1")
    time.sleep(0.6)
    quota.begin("10.0.0.1").end()


def _start_quota(path: Path, together, answers) -> None:
    together.wait()
    try:
        _quota(path)
        answers.put("ok")
    except Exception as error:  # reported to the test, which names it
        answers.put(repr(error))


@pytest.mark.slow  # a hundred rounds of four processes
def test_workers_starting_together_all_set_up_the_accounting_file(tmp_path):
    """gunicorn's workers start at once on one file; SQLite refused some of them ("database
    is locked", with no wait) and a worker that failed there took the server down (CI)."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    failures = []
    for round_ in range(100):
        together, answers = fork.Barrier(4), fork.Queue()
        folder = tmp_path / str(round_)
        workers = [
            fork.Process(target=_start_quota, args=(folder, together, answers)) for _ in range(4)
        ]
        for worker in workers:
            worker.start()
        failures += [a for a in (answers.get(timeout=30) for _ in workers) if a != "ok"]
        for worker in workers:
            worker.join(timeout=30)
    assert failures == []
