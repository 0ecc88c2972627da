"""The tests' own server starter (tests/liveserver.py) does not mistake another process for
the server it started: ports come from outside the kernel's ephemeral range, in a slice for
each pytest worker, and a port answered by a process that is not the server's is an error."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import liveserver
from tests.liveserver import LiveServer, free_port


def _ephemeral_low() -> int:
    return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])


def test_ports_are_below_the_ephemeral_range_and_free(monkeypatch):
    monkeypatch.setattr(liveserver, "_next_port", {})
    ports = [free_port() for _ in range(20)]
    assert len(set(ports)) == 20
    low = _ephemeral_low()
    assert all(low - 12 * liveserver.PORT_SLICE <= port < low for port in ports)
    for port in ports[:3]:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", port))


def test_each_pytest_worker_has_its_own_ports(monkeypatch):
    handed: dict[str, set[int]] = {}
    for worker in ("gw0", "gw1", "gw2"):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        monkeypatch.setattr(liveserver, "_next_port", {})
        handed[worker] = {free_port() for _ in range(50)}
    assert not handed["gw0"] & handed["gw1"]
    assert not handed["gw1"] & handed["gw2"]
    assert not handed["gw0"] & handed["gw2"]


def test_a_taken_port_is_skipped(monkeypatch):
    monkeypatch.setattr(liveserver, "_next_port", {})
    first = free_port()
    monkeypatch.setattr(liveserver, "_next_port", {})
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", first))
        holder.listen()
        assert free_port() != first


class _AlwaysOK(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class _Sleeper(LiveServer):
    """A "server" process that never listens: whatever answers its port is someone else."""

    def command(self) -> tuple[list[str], dict[str, str]]:
        return [sys.executable, "-c", "import time; time.sleep(60)"], {}


def test_a_port_answered_by_another_process_is_an_error(tmp_path):
    other = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _AlwaysOK)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        server = _Sleeper(tmp_path, None, port=other.server_address[1])
        with pytest.raises(AssertionError, match="a process other than the server's"):
            server.start(timeout=10)
        assert server.process is not None and server.process.poll() is not None  # stopped
    finally:
        other.shutdown()
        other.server_close()


def test_the_server_itself_is_recognised(tmp_path):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", free_port()))
        port = listener.getsockname()[1]
    # a child that listens (and answers 200) on the port, as a server would
    code = (
        "import http.server, sys\n"
        "class H(http.server.BaseHTTPRequestHandler):\n"
        "    def do_GET(self):\n"
        "        self.send_response(200); self.send_header('Content-Length', '0')\n"
        "        self.end_headers()\n"
        f"http.server.HTTPServer(('127.0.0.1', {port}), H).serve_forever()\n"
    )

    @dataclass
    class _Child(LiveServer):
        def command(self) -> tuple[list[str], dict[str, str]]:
            return [sys.executable, "-c", code], {}

    server = _Child(tmp_path, None, port=port).start(timeout=20)
    try:
        assert server._listener_is_ours() is True
    finally:
        server.stop()


def test_a_refused_connection_says_whether_the_server_runs(tmp_path):
    server = LiveServer(tmp_path, None)
    server.log.write_text("the last words of the server\n")
    server.process = subprocess.Popen([sys.executable, "-c", "pass"])
    server.process.wait()
    with pytest.raises(ConnectionRefusedError, match="exited with status 0") as refused:
        server.request("GET", "/")
    assert "the last words of the server" in str(refused.value)
