"""Headless Chromium driven through the DevTools protocol, as small as the tests need.

One browser process per test session, one page; every console message, uncaught exception and
browser log entry (failed loads, CSP refusals) is kept, so that a test can assert there were none.
Only loopback pages are opened, and the browser's own network features are off.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websocket

FLAGS = (
    "--headless",
    "--no-sandbox",  # root in CI: the sandbox refuses to start as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--window-size=1280,1024",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)
LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


@dataclass
class Problem:
    """Something the page reported: a console error, an exception, a log entry."""

    kind: str
    text: str
    url: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.text} {self.url}".strip()


@dataclass
class Page:
    """One tab: navigate, evaluate, type, click, take screenshots."""

    socket: websocket.WebSocket
    problems: list[Problem] = field(default_factory=list)
    _next_id: int = 0
    _events: list[dict] = field(default_factory=list)

    def send(self, method: str, timeout: float = 60, **params) -> dict:
        self._next_id += 1
        ident = self._next_id
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._receive(deadline)
            if message.get("id") == ident:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})
        raise AssertionError(f"{method}: no answer in {timeout} s")

    def _receive(self, deadline: float) -> dict:
        self.socket.settimeout(max(0.1, deadline - time.monotonic()))
        message = json.loads(self.socket.recv())
        if "method" in message:
            self._note(message)
            self._events.append(message)
        return message

    def _note(self, event: dict) -> None:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            self.problems.append(Problem("console." + params["type"], text))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text", "")
            self.problems.append(Problem("exception", text, details.get("url", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            self.problems.append(
                Problem("log." + entry["source"], entry["text"], entry.get("url", ""))
            )

    def wait_for(self, method: str, timeout: float = 60) -> dict:
        """The next event `method` (one already received since the last wait counts)."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self._events):
                if event["method"] == method:
                    del self._events[: index + 1]
                    return event.get("params", {})
            if time.monotonic() >= deadline:
                raise AssertionError(f"no {method} in {timeout} s")
            self._receive(deadline)

    def open(self, url: str) -> int:
        """Load `url`, wait for its load event; the HTTP status of the main document."""
        self._events.clear()
        frame = self.send("Page.navigate", url=url)
        if frame.get("errorText"):
            raise AssertionError(f"{url}: {frame['errorText']}")
        return self._loaded()

    def _loaded(self) -> int:
        status = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            response = self.wait_for(
                "Network.responseReceived", timeout=deadline - time.monotonic()
            )
            if response.get("type") == "Document":
                status = response["response"]["status"]
                break
        self.wait_for("Page.loadEventFired")
        return status

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (DevTools runs it despite the CSP)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def type_into(self, selector: str, text: str) -> None:
        """Focus the element, select what it holds and type `text` over it, as a person pasting."""
        self.evaluate(
            f"(e => {{ e.focus(); e.select(); }})(document.querySelector({json.dumps(selector)}))"
        )
        self.send("Input.insertText", text=text)

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).scrollIntoView()")
        box = self.evaluate(
            f"(r => [r.x + r.width / 2, r.y + r.height / 2])"
            f"(document.querySelector({json.dumps(selector)}).getBoundingClientRect())"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )

    def submit_by_click(self, selector: str) -> int:
        """Click a submit button and wait for the page it loads; its HTTP status."""
        self._events.clear()
        self.click(selector)
        return self._loaded()

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(data["data"]))
        return path


class Browser:
    """A headless Chromium process with one page; close() always stops it."""

    def __init__(self, executable: str, profile: Path) -> None:
        # Its output goes to a file, not a pipe: a full pipe would stall the browser.
        self.log = profile / "chromium.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [executable, *FLAGS, f"--user-data-dir={profile / 'profile'}", "about:blank"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.page: Page | None = None
        try:
            endpoint = self._endpoint()
            port = re.search(r":(\d+)/", endpoint).group(1)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
                targets = json.load(answer)
            target = next(t for t in targets if t["type"] == "page")
            socket = websocket.create_connection(
                target["webSocketDebuggerUrl"], timeout=30, suppress_origin=True
            )
            self.page = Page(socket)
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.page.send(f"{domain}.enable")
        except BaseException:
            self.close()
            raise

    def _endpoint(self, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = LISTENING.search(self.log.read_text(errors="replace"))
            if match:
                return match.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(
            f"chromium did not start its DevTools endpoint:\n{self.log.read_text()}"
        )

    def close(self) -> None:
        if self.page is not None:
            with contextlib.suppress(OSError):
                self.page.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
