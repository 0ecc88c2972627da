"""Headless Chromium driven over the DevTools protocol: load a page, collect its console
errors and every request it makes, read values from the rendered page, take a screenshot.

Chromium runs as a process of its own on a loopback debugging port with a throw-away profile,
background networking off, and is always stopped (`with Browser(...) as browser`).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

import websocket

from tests.remote.servers import free_port, stop

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
)  # fmt: skip
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def chromium() -> str | None:
    """The Chromium binary (Debian's `chromium`, or `chromium-browser`), if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Visit:
    """What loading one page did."""

    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    loaded: bool = False  # its load event came

    @property
    def external(self) -> list[str]:
        """Requests to anything but loopback (data: and about: are not requests out)."""
        return [
            u for u in self.requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss", "ftp")
            and urlsplit(u).hostname not in LOOPBACK
        ]  # fmt: skip


class Browser:
    """One headless Chromium with one page, controlled through its DevTools websocket."""

    def __init__(
        self, profile: Path, width: int = 1280, height: int = 900, shots: Path | None = None
    ) -> None:
        self.profile, self.width, self.height = profile, width, height
        self.shots = shots or profile  # where screenshot() puts a bare file name
        self.process: subprocess.Popen | None = None
        self.socket: websocket.WebSocket | None = None
        self.next_id = 0
        self.current: Visit | None = None  # the page loaded last
        self.port = 0  # the DevTools port of the browser
        self.tab_id: str | None = None  # set on a tab opened by new_tab()

    def __enter__(self) -> Self:
        if self.socket is not None:
            return self  # a tab of a running browser (new_tab)
        port = self.port = free_port()
        binary = chromium()
        assert binary, "no chromium"
        # Output goes to a file, not a pipe: a full pipe would stall the browser.
        with open(self.profile / "chromium.log", "wb") as log:
            self.process = subprocess.Popen(
                [binary, *FLAGS, f"--user-data-dir={self.profile}",
                 f"--remote-debugging-port={port}", "--remote-allow-origins=*",
                 f"--window-size={self.width},{self.height}", "about:blank"],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        try:
            target = self._page_target(port)
            self.socket = websocket.create_connection(target, timeout=30, suppress_origin=True)
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable")
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self.socket is not None:
            self.socket.close()
        if self.tab_id is not None:
            self._devtools(f"close/{self.tab_id}")
        if self.process is not None:
            stop(self.process)

    def new_tab(self) -> Browser:
        """Another tab of this browser, as a person opens one: the same profile (its storage,
        cookies and cache), blank; closed by `with browser.new_tab() as tab`."""
        target = json.loads(self._devtools("new?about:blank"))
        tab = Browser(self.profile, self.width, self.height, self.shots)
        tab.port, tab.tab_id = self.port, target["id"]
        tab.socket = websocket.create_connection(
            target["webSocketDebuggerUrl"], timeout=30, suppress_origin=True
        )
        for domain in ("Page", "Runtime", "Log", "Network"):
            tab.call(f"{domain}.enable")
        tab.call("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height,
                 deviceScaleFactor=1, mobile=False)  # fmt: skip
        return tab

    def _devtools(self, path: str) -> str:
        """A request to the browser's DevTools HTTP interface (PUT, as Chromium wants)."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/{path}", method="PUT")
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.read().decode()

    def _page_target(self, port: int, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError((self.profile / "chromium.log").read_text(errors="replace"))
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    pages = [t for t in json.load(r) if t.get("type") == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"chromium's DevTools did not answer within {timeout} s")

    def call(self, method: str, visit: Visit | None = None, **params) -> dict:
        """Send one command and wait for its answer, recording the events that come first."""
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._record(message, visit or self.current)

    def visit(self, url: str, timeout: float = 30) -> Visit:
        """Load `url` and wait for its load event and a quiet network. What the page does
        afterwards (console errors of scripts, requests) is recorded on the visit too, until
        the next page is loaded."""
        visit = self.current = Visit(url)
        self.call("Page.navigate", visit, url=url)
        return self._loaded(visit, timeout)

    def navigate_by(self, action, timeout: float = 30) -> Visit:
        """Run `action` (a click, a key) that loads another page, and wait for that page."""
        visit = self.current = Visit("")
        action(visit)
        return self._loaded(visit, timeout)

    def type(self, text: str, visit: Visit | None = None) -> None:
        """Type `text` where the focus is, as a person typing (one input event)."""
        self.call("Input.insertText", visit, text=text)

    def key(self, key: str, code: str, keycode: int, modifiers: int = 0, visit=None) -> None:
        """Press and release one key (modifiers: 2 Ctrl, 8 Shift)."""
        for kind in ("rawKeyDown", "keyUp"):
            self.call(
                "Input.dispatchKeyEvent", visit, type=kind, key=key, code=code,
                windowsVirtualKeyCode=keycode, nativeVirtualKeyCode=keycode, modifiers=modifiers,
            )  # fmt: skip

    def click(self, selector: str, visit: Visit | None = None) -> None:
        """A real mouse click in the middle of the element."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).scrollIntoView()")
        x, y = self.evaluate(
            f"(r => [r.x + r.width / 2, r.y + r.height / 2])"
            f"(document.querySelector({json.dumps(selector)}).getBoundingClientRect())"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent", visit, type=kind, x=x, y=y, button="left", clickCount=1
            )

    def wait_until(self, expression: str, timeout: float = 10) -> object:
        """The value of `expression` once it is true (checked every 0.1 s)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"{expression} stayed false for {timeout} s")

    def _loaded(self, visit: Visit, timeout: float) -> Visit:
        url = visit.url or "the page"
        deadline = time.monotonic() + timeout
        self.socket.settimeout(0.5)
        try:
            while time.monotonic() < deadline:
                try:
                    message = json.loads(self.socket.recv())
                except websocket.WebSocketTimeoutException:
                    if visit.loaded:
                        break  # loaded, and half a second without any event
                    continue
                self._record(message, visit)
            else:
                raise AssertionError(f"{url} did not finish loading within {timeout} s")
        finally:
            self.socket.settimeout(30)
        return visit

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (DevTools runs it, not the page);
        a promise is awaited, so `fetch(...)` and async functions give their value."""
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, name: str, full: bool = False) -> Path:
        """The window, or the whole page (up to 6000 pixels down), as a PNG named `name` in
        the folder of screenshots; its path."""
        path = self.shots / name
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        height = min(size["height"], 6000) if full else self.height
        clip = {"x": 0, "y": 0, "width": self.width, "height": height, "scale": 1}
        shot = self.call(
            "Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    @staticmethod
    def _record(message: dict, visit: Visit | None) -> None:
        if visit is None:
            return
        method, params = message.get("method"), message.get("params", {})
        if method == "Page.loadEventFired":
            visit.loaded = True
        elif method == "Network.requestWillBeSent":
            visit.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            visit.errors.append(" ".join(str(a.get("value", a)) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            visit.errors.append(json.dumps(params.get("exceptionDetails", {}))[:500])
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            visit.errors.append(
                f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}"
            )
