"""`blueprint watch`: a live preview of one .bp file in the browser.

The HTML drawing is served on 127.0.0.1 and redrawn on every save. Only the
standard library is used:

- The file is polled every POLL_SECONDS (size, modification time, inode). A
  change is read once the file has held still for one poll, so a save caught
  half-written is not shown; the file is read again if it changed while being
  read. Content that differs from the last read bumps the version.
- The page is the normal HTML rendering with three things added: a <meta>
  naming the version it shows, a banner with the problems when there are
  any, and a small script. The script listens on a Server-Sent Events stream
  (EVENTS_PATH) and reloads the page when the server's version differs from
  its own. Its Content-Security-Policy stays as strict as the normal page's:
  the script and the banner's style are allowed by their SHA-256 hashes, and
  the one URL the page may connect to is the event stream.
- While the file cannot be drawn (missing, unreadable, or with errors) the
  page keeps the last good drawing and shows the problems over it, escaped,
  as `blueprint check` prints them. Nothing the file holds stops the server.
- Requests must name the server as 127.0.0.1 or localhost (the Host header),
  so a web page elsewhere cannot read the preview through DNS rebinding.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import html
import re
import signal
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from blueprint.api import check_bytes, render_result

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PORTS_TRIED = 50  # from DEFAULT_PORT on, when no port is given
POLL_SECONDS = 0.2
KEEPALIVE_SECONDS = 15.0  # a comment on an idle event stream, so dead readers are noticed
STREAMS_CLOSE_SECONDS = 2.0  # on stop, how long open event streams get to end
EVENTS_PATH = "/__blueprint__/events"

# The one script watch mode adds. It reads the version the page shows from the
# <meta name="blueprint-watch">, reloads as soon as the server announces
# another, and keeps the scroll position across the reload.
RELOAD_SCRIPT = """\
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="blueprint-watch"]');
  if (!meta || !window.EventSource) return;
  var shown = meta.getAttribute("content");
  var KEY = "blueprint-watch-scroll";
  try {
    var saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
    sessionStorage.removeItem(KEY);
    if (saved) window.scrollTo(saved[0], saved[1]);
  } catch (error) { /* storage may be off; the page then opens at the top */ }
  var events = new EventSource("%s");
  events.addEventListener("version", function (event) {
    if (event.data === shown) return;
    events.close();
    try {
      sessionStorage.setItem(KEY, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (error) { /* see above */ }
    window.location.reload();
  });
})();
""" % EVENTS_PATH

BANNER_CSS = """\
.bpw-banner{position:fixed;z-index:1000;top:8px;left:8px;right:8px;max-height:45vh;overflow:auto;\
margin:0;padding:8px 12px;border:1px solid #c62828;border-left-width:6px;border-radius:6px;\
background:#fff5f5;color:#1f2933;box-shadow:0 6px 20px rgba(0,0,0,.25);\
font:13px/1.45 "Liberation Sans",Arial,Helvetica,"Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.bpw-banner.bpw-warnings{border-color:#b26a00;background:#fffaf0}
.bpw-banner summary{cursor:pointer;font-weight:bold}
.bpw-banner pre{margin:8px 0 0;white-space:pre-wrap;overflow-wrap:anywhere;\
font:12.5px/1.4 "Liberation Mono","DejaVu Sans Mono",Menlo,Consolas,monospace}
.bpw-empty{margin:30vh 0 0;text-align:center;color:#52606d}
"""

_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# --- what the page shows -------------------------------------------------------


@dataclass(frozen=True)
class View:
    """One state of the preview. `drawing` is the last good HTML page (None
    until the file has been drawn once); `problems` is the check report when
    there is anything to report; `broken` says the file as it is now could not
    be drawn, so `drawing` is an older one."""

    version: int
    drawing: bytes | None
    problems: str | None
    broken: bool
    headline: str


class Preview:
    """The watched file and the view of it; safe to use from every thread."""

    def __init__(self, path: Path, name: str, theme: str, enabled: frozenset[str]) -> None:
        self.path = path
        self.name = name
        self.theme = theme
        self.enabled = enabled
        self._changed = threading.Condition()
        self._closed = False
        self._streams = 0  # event streams open now
        self._view = View(version=0, drawing=None, problems=None, broken=True, headline="")
        self._seen: tuple | None = None  # the file's signature at the last poll
        self._settled = True  # the signature held still and the file was read since
        self._content: bytes | None = None  # the SHA-256 of what was last read; None: it could not be read

    @property
    def view(self) -> View:
        with self._changed:
            return self._view

    def start(self) -> View:
        """Read and draw the file as it is now (read again by a later poll if
        it was being written meanwhile)."""
        self._seen = self._signature()
        self._settled = True
        view = self._load(force=True)
        assert view is not None  # a forced load always draws
        return view

    def poll(self) -> View | None:
        """Look at the file once. Returns the new view when it changed (and has
        held still since the previous poll), else None."""
        signature = self._signature()
        if signature != self._seen:
            self._seen, self._settled = signature, False
            return None
        if self._settled:
            return None
        self._settled = True
        return self._load()

    def wait(self, shown: int | None, timeout: float) -> int | None:
        """Block until the version differs from `shown` (or `timeout` passes):
        the version then, or None once the preview is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._view.version != shown, timeout)
            return None if self._closed else self._view.version

    def close(self, timeout: float) -> None:
        """Wake every event stream and give them up to `timeout` seconds to end."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
            self._changed.wait_for(lambda: self._streams == 0, timeout)

    @contextmanager
    def stream(self) -> Iterator[None]:
        """Count an event stream as open while inside."""
        with self._changed:
            self._streams += 1
        try:
            yield
        finally:
            with self._changed:
                self._streams -= 1
                self._changed.notify_all()

    # -- reading and drawing ----------------------------------------------------

    def _signature(self) -> tuple:
        try:
            stat = self.path.stat()
        except OSError as error:
            return ("unreadable", error.errno)
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_dev)

    def _load(self, force: bool = False) -> View | None:
        try:
            data: bytes | OSError = self.path.read_bytes()
        except OSError as error:
            data = error
        if self._signature() != self._seen:
            # Written to while being read: read it again once it holds still.
            self._seen, self._settled = self._signature(), False
            if not force:
                return None
        content = hashlib.sha256(data).digest() if isinstance(data, bytes) else None
        if not force and content == self._content:
            return None  # touched, saved unchanged, or still unreadable: nothing to redraw
        self._content = content
        view = self._build(data)
        with self._changed:
            self._view = view
            self._changed.notify_all()
        return view

    def _build(self, data: bytes | OSError) -> View:
        version = self._view.version + 1
        last = self._view.drawing
        keeps = "; the page keeps the last good drawing" if last is not None else ""
        if isinstance(data, OSError):
            reason = data.strerror or str(data)
            return View(version=version, drawing=last, problems=f"cannot read {self.name}: {reason}", broken=True,
                        headline=f"{self.name} cannot be read{keeps}")
        from blueprint.report import render_report

        result = check_bytes(self.name, data, self.enabled)
        problems = render_report([result], "text") if result.diagnostics else None
        if not result.ok:
            count = len(result.errors)
            return View(version=version, drawing=last, problems=problems, broken=True,
                        headline=f"{self.name} has {count} error{'' if count == 1 else 's'}{keeps}")
        try:
            drawing = render_result(result, "html", self.theme)
        except Exception as error:  # a drawing bug must not end the preview; say what it was
            return View(version=version, drawing=last, problems=f"could not draw {self.name}: {error}",
                        broken=True, headline=f"{self.name} could not be drawn{keeps}")
        count = len(result.warnings)
        headline = f"{self.name}: {count} warning{'' if count == 1 else 's'}" if count else f"{self.name}: drawn"
        return View(version=version, drawing=drawing, problems=problems, broken=False, headline=headline)


# --- the page ----------------------------------------------------------------------


def page(view: View, origin: str) -> bytes:
    """The page for `view`, served from `origin` (e.g. http://127.0.0.1:8000):
    the drawing (or a placeholder) with the banner and the reload script."""
    events = origin + EVENTS_PATH
    extra_head = (f'<meta name="blueprint-watch" content="{view.version}">\n'
                  f"<style>{BANNER_CSS}</style>\n")
    extra_body = f"{_banner(view)}<script>{RELOAD_SCRIPT}</script>\n"
    if view.drawing is None:
        policy = "; ".join(("default-src 'none'", f"style-src {_hash(BANNER_CSS)}",
                            f"script-src {_hash(RELOAD_SCRIPT)}", f"connect-src {events}",
                            "base-uri 'none'", "form-action 'none'"))
        waiting = html.escape(view.headline or "")
        return (
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{waiting}</title>\n{extra_head}</head>\n<body>\n"
            f'<p class="bpw-empty">Waiting for a drawing of this file.</p>\n{extra_body}</body>\n</html>\n'
        ).encode("utf-8")
    text = view.drawing.decode("utf-8")
    match = _CSP_META.search(text)
    if match is None or "</head>" not in text or "</body>" not in text:
        raise ValueError("the HTML page is not laid out as the watcher expects")
    policy = _with_watch_sources(html.unescape(match.group("policy")), events)
    text = text[:match.start()] + f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">' \
        + text[match.end():]
    head_end = text.index("</head>")
    text = text[:head_end] + extra_head + text[head_end:]
    body_end = text.rindex("</body>")
    return (text[:body_end] + extra_body + text[body_end:]).encode("utf-8")


def _with_watch_sources(policy: str, events: str) -> str:
    """The page's policy plus the banner's style, the reload script and the
    event stream, each allowed by name and nothing more."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    added = {"style-src": _hash(BANNER_CSS), "script-src": _hash(RELOAD_SCRIPT)}
    out = []
    for directive in directives:
        name = directive.split()[0]
        out.append(f"{directive} {added.pop(name)}" if name in added else directive)
    out += [f"{name} {source}" for name, source in added.items()]
    out.append(f"connect-src {events}")
    return "; ".join(out)


def _banner(view: View) -> str:
    if not view.problems:
        return ""
    kind = "bpw-errors" if view.broken else "bpw-warnings"
    opened = " open" if view.broken else ""
    role = "alert" if view.broken else "status"
    return (f'<details class="bpw-banner {kind}" role="{role}"{opened}>'
            f"<summary>{html.escape(view.headline)}</summary>"
            f"<pre>{html.escape(view.problems)}</pre></details>\n")


# --- the server -------------------------------------------------------------------


class PortInUse(OSError):
    """The port asked for (or every port tried) is taken."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # Handlers end on their own (event streams are woken on stop); an idle
    # connection a browser opened ahead of time must not hold up the exit.
    block_on_close = False

    def __init__(self, port: int, preview: Preview) -> None:
        super().__init__((HOST, port), _Handler)
        self.preview = preview
        self.port = self.server_address[1]
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "blueprint-watch"
    sys_version = ""
    timeout = 30  # a connection that sends no request is dropped

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows what changed, not every request

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        host = self.headers.get("Host", "")
        if host not in self.server.hosts:
            self._send(403, "text/plain; charset=utf-8", b"blueprint watch answers only 127.0.0.1 and localhost\n",
                       head)
            return
        path = self.path.split("?", 1)[0]
        if path == "/":
            try:
                body = page(self.server.preview.view, f"http://{host}")
            except ValueError as error:
                self._send(500, "text/plain; charset=utf-8", f"{error}\n".encode(), head)
                return
            self._send(200, "text/html; charset=utf-8", body, head)
        elif path == EVENTS_PATH and not head:
            self._events()
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found\n", head)

    def _send(self, status: int, content_type: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        if not head:
            self._write(body)

    def _events(self) -> None:
        """The version now, then each new one, until the client goes or the server stops."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        preview = self.server.preview
        sent: int | None = None
        with preview.stream():
            if not self._write(b"retry: 500\n\n"):
                return
            while True:
                version = preview.wait(sent, KEEPALIVE_SECONDS)
                if version is None:
                    return
                message = b": idle\n\n" if version == sent else f"event: version\ndata: {version}\n\n".encode()
                if not self._write(message):
                    return
                sent = version

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return False
        return True

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the browser went away mid-request: nothing to tell anyone


def bind(preview: Preview, port: int | None) -> _Server:
    """A server on 127.0.0.1: on `port` (0: any free one), or with None on the
    first free port from DEFAULT_PORT on. PortInUse when none is free."""
    candidates = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED)
    for candidate in candidates:
        try:
            return _Server(candidate, preview)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
    if port is not None:
        raise PortInUse(errno.EADDRINUSE, f"port {port} is in use")
    raise PortInUse(errno.EADDRINUSE, f"ports {DEFAULT_PORT}-{DEFAULT_PORT + PORTS_TRIED - 1} are all in use")


# --- running ---------------------------------------------------------------------


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM stops the preview as Ctrl-C does."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(preview: Preview, server: _Server, say: Callable[[str], None], report: Callable[[str], None],
        open_browser: bool = False) -> None:
    """Serve until Ctrl-C (or SIGTERM), polling the file; returns once the
    server has stopped and its socket is closed."""
    url = f"http://{HOST}:{server.port}/"
    thread = threading.Thread(target=server.serve_forever, name="blueprint-watch-server", daemon=True)
    try:
        with _terminate_as_interrupt():
            thread.start()
            say(f"Serving {preview.name} at {url} (Ctrl-C to stop)")
            _tell(preview.view, say, report)
            if open_browser:
                webbrowser.open(url)
            stop = threading.Event()
            while not stop.wait(POLL_SECONDS):
                view = preview.poll()
                if view is not None:
                    _tell(view, say, report)
    except KeyboardInterrupt:
        pass
    finally:
        # A second Ctrl-C must not cut the clean-up short.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            preview.close(timeout=STREAMS_CLOSE_SECONDS)
            if thread.is_alive():
                server.shutdown()
            server.server_close()
            thread.join()
        finally:
            signal.signal(signal.SIGINT, previous)
    say("Stopped.")


def _tell(view: View, say: Callable[[str], None], report: Callable[[str], None]) -> None:
    if view.problems:
        report(view.problems)
    say(view.headline)


__all__ = ["Preview", "View", "PortInUse", "bind", "page", "run", "DEFAULT_PORT", "EVENTS_PATH"]
