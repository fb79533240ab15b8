"""A small Chrome DevTools Protocol client over `--remote-debugging-pipe`.

Chromium reads commands from fd 3 and writes replies and events to fd 4, each
message one JSON object ended by a NUL byte. No port is opened, so nothing but
this process can talk to the browser. Every wait here ends on an event or a
reply, or on the pipe closing when the browser dies: none ends on a clock.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The flags the browser tests are run with, and no others (besides the
# profile directory and the debugging pipe).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)

# Fd numbers Chromium expects for the debugging pipe; the parent's ends are
# moved above them first so that setting them up in the child clobbers nothing.
_CHILD_READS = 3
_CHILD_WRITES = 4
_HIGH_FD = 10


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class BrowserGone(RuntimeError):
    """The browser closed its pipe: it crashed or was shut down."""


class ProtocolError(RuntimeError):
    """The browser answered a command with an error."""


@dataclass
class _Pending:
    done: threading.Event = field(default_factory=threading.Event)
    reply: dict[str, Any] | None = None


class Chromium:
    """One headless Chromium process; open pages with `new_page()`."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="blueprint-chromium-")
        to_child_read, self._to_child = _high_pipe()
        self._from_child, from_child_write = _high_pipe()

        def wire_pipe() -> None:
            os.dup2(to_child_read, _CHILD_READS)
            os.dup2(from_child_write, _CHILD_WRITES)

        self._process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile.name}",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # our own fds are non-inheritable anyway; 3 and 4 must survive
            preexec_fn=wire_pipe,
        )
        os.close(to_child_read)
        os.close(from_child_write)

        self._send_lock = threading.Lock()
        self._state = threading.Condition()
        self._next_id = 0
        self._pending: dict[int, _Pending] = {}
        self._listeners: dict[str, list[Callable[[str, dict[str, Any]], None]]] = {}
        self._gone = False
        self._reader = threading.Thread(target=self._read_loop, name="cdp-reader", daemon=True)
        self._reader.start()

    # -- wire ---------------------------------------------------------------

    def _read_loop(self) -> None:
        buffer = b""
        try:
            while chunk := os.read(self._from_child, 1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    self._dispatch(json.loads(raw))
        finally:
            with self._state:
                self._gone = True
                for pending in self._pending.values():
                    pending.done.set()
                self._state.notify_all()

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message:
            with self._state:
                pending = self._pending.pop(message["id"], None)
            if pending is not None:
                pending.reply = message
                pending.done.set()
            return
        session = message.get("sessionId", "")
        for listener in self._listeners.get(session, []):
            listener(message["method"], message.get("params", {}))
        with self._state:
            self._state.notify_all()

    def send(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> dict[str, Any]:
        """Run one command and return its result (blocks until the reply)."""
        pending = self.post(method, params, session)
        pending.done.wait()
        if pending.reply is None:
            raise BrowserGone(f"browser closed while waiting for {method}")
        if "error" in pending.reply:
            raise ProtocolError(f"{method}: {pending.reply['error']}")
        return pending.reply.get("result", {})

    def post(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> _Pending:
        """Send one command without waiting; usable from the reader thread."""
        with self._state:
            if self._gone:
                raise BrowserGone(f"browser is gone; cannot send {method}")
            self._next_id += 1
            message_id = self._next_id
            pending = self._pending[message_id] = _Pending()
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        with self._send_lock:
            view = memoryview(data)
            while view:
                view = view[os.write(self._to_child, view):]
        return pending

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Block until `condition()` holds; it is re-checked after every event."""
        with self._state:
            while not condition():
                if self._gone:
                    raise BrowserGone(f"browser closed while waiting for {what}")
                self._state.wait()

    # -- pages --------------------------------------------------------------

    def new_page(self, width: int = 1280, height: int = 860) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        self._listeners[session] = [page._on_event]
        page._enable(width, height)
        return page

    def close(self) -> None:
        """End the browser, whatever state a failing test left it in: asked
        to close, it ends itself and every process it started; one that can
        no longer be asked (its pipe broken) is killed."""
        try:
            asked = False
            if not self._gone:
                try:
                    self.post("Browser.close")
                    asked = True
                except (BrowserGone, OSError):
                    pass  # it went away meanwhile
            if not asked and self._process.poll() is None:
                self._process.kill()
            self._process.wait()
        finally:
            os.close(self._to_child)
            self._reader.join()
            os.close(self._from_child)
            self._profile.cleanup()


def _high_pipe() -> tuple[int, int]:
    read_end, write_end = os.pipe()
    high = (fcntl.fcntl(read_end, fcntl.F_DUPFD_CLOEXEC, _HIGH_FD),
            fcntl.fcntl(write_end, fcntl.F_DUPFD_CLOEXEC, _HIGH_FD))
    os.close(read_end)
    os.close(write_end)
    return high


# KeyboardEvent.code and the Windows virtual key code Chromium needs to act on a key.
_KEYS: dict[str, tuple[str, int]] = {
    "Escape": ("Escape", 27), "Tab": ("Tab", 9), "Enter": ("Enter", 13), " ": ("Space", 32),
    "ArrowLeft": ("ArrowLeft", 37), "ArrowUp": ("ArrowUp", 38), "ArrowRight": ("ArrowRight", 39),
    "ArrowDown": ("ArrowDown", 40), "+": ("Equal", 187), "=": ("Equal", 187), "-": ("Minus", 189),
    "0": ("Digit0", 48),
}


@dataclass(frozen=True)
class ConsoleEntry:
    source: str  # "console", "log" or "exception"
    level: str
    text: str


class Page:
    """One tab, with what it printed, requested and tried to show recorded."""

    def __init__(self, browser: Chromium, target: str, session: str) -> None:
        self.browser = browser
        self.target = target
        self.session = session
        self.console: list[ConsoleEntry] = []
        self.requests: list[str] = []
        self.dialogs: list[dict[str, Any]] = []
        self._loads = 0

    def _enable(self, width: int, height: int) -> None:
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.resize(width, height)

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def reset(self, width: int = 1280, height: int = 860) -> None:
        """Back to a blank page with default media and size, and forget what was recorded."""
        loads = self._loads
        self.send("Page.navigate", {"url": "about:blank"})
        self.browser.wait_until(lambda: self._loads > loads, "about:blank")
        self.send("Emulation.setEmulatedMedia", {"media": "", "features": []})
        self.resize(width, height)
        self.console.clear()
        self.requests.clear()
        self.dialogs.clear()

    def _on_event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Page.loadEventFired":
            self._loads += 1
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params)
            # An open dialog blocks the page, and every later command with it:
            # record it and dismiss it so the test can fail instead of hanging.
            self.browser.post("Page.handleJavaScriptDialog", {"accept": False}, self.session)
        elif method == "Network.requestWillBeSent":
            # A data: URL (the page's embedded fonts) is read from the page itself, not fetched.
            if not params["request"]["url"].startswith("data:"):
                self.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text", "")
            self.console.append(ConsoleEntry("exception", "error", text))
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params["args"])
            self.console.append(ConsoleEntry("console", params["type"], text))
        elif method == "Log.entryAdded":
            entry = params["entry"]
            self.console.append(ConsoleEntry("log", entry["level"], entry.get("text", "")))

    @property
    def errors(self) -> list[ConsoleEntry]:
        """Everything that went wrong: exceptions, console errors and warnings, CSP reports."""
        return [entry for entry in self.console if entry.level in {"error", "warning", "assert"}]

    def resize(self, width: int, height: int) -> None:
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def open(self, path: Path) -> None:
        """Load a local file and wait for its load event."""
        loads = self._loads
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self.browser.wait_until(lambda: self._loads > loads, f"load of {path.name}")
        self.settle()

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JS expression; promises are awaited; page errors raise."""
        result = self.send("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise ProtocolError(f"page threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def settle(self) -> None:
        """Wait for two animation frames, so that style and layout have caught up."""
        self.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")

    def mouse(self, kind: str, x: float, y: float, button: str = "none", clicks: int = 0,
              **extra: Any) -> None:
        self.send("Input.dispatchMouseEvent",
                  {"type": kind, "x": x, "y": y, "button": button, "clickCount": clicks, **extra})

    def drag(self, start: tuple[float, float], end: tuple[float, float], steps: int = 5) -> None:
        (x0, y0), (x1, y1) = start, end
        self.mouse("mouseMoved", x0, y0)
        self.mouse("mousePressed", x0, y0, "left", 1)
        for step in range(1, steps + 1):
            self.mouse("mouseMoved", x0 + (x1 - x0) * step / steps, y0 + (y1 - y0) * step / steps,
                       "left", buttons=1)
        self.mouse("mouseReleased", x1, y1, "left", 1)

    def wheel(self, x: float, y: float, delta_y: float, ctrl: bool = False) -> None:
        self.mouse("mouseWheel", x, y, deltaX=0, deltaY=delta_y, modifiers=2 if ctrl else 0)

    # Input commands return once the page has handled the event, so its
    # handlers have run; only pictures need to wait for a frame (settle).
    def hover(self, x: float, y: float) -> None:
        self.mouse("mouseMoved", x, y)

    def click(self, x: float, y: float) -> None:
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y, "left", 1)
        self.mouse("mouseReleased", x, y, "left", 1)

    def key(self, key: str, shift: bool = False) -> None:
        """Press and release one key, named as in KeyboardEvent.key."""
        code, key_code = _KEYS.get(key, (key, ord(key.upper()) if len(key) == 1 else 0))
        params = {"key": key, "code": code, "windowsVirtualKeyCode": key_code, "modifiers": 8 if shift else 0}
        self.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **params})
        if len(key) == 1 or key == "Enter":  # Enter types a carriage return, which activates buttons
            self.send("Input.dispatchKeyEvent", {"type": "char", "text": "\r" if key == "Enter" else key, **params})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **params})

    def emulate_media(self, *, color_scheme: str = "", media: str = "", reduced_motion: str = "") -> None:
        """Pretend the page is printed (media "print") or the user prefers a colour
        scheme or less motion; an empty value means the browser's own setting."""
        features = [{"name": "prefers-color-scheme", "value": color_scheme},
                    {"name": "prefers-reduced-motion", "value": reduced_motion}]
        self.send("Emulation.setEmulatedMedia", {"media": media, "features": features})
        if self._loads:
            self.settle()

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        self.settle()
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["captureBeyondViewport"] = True
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))
        return path

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
        self.browser._listeners.pop(self.session, None)
