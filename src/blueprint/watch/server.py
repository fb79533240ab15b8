"""The preview's HTTP server: the page at `/` and its Server-Sent Events
stream at EVENTS_PATH, on 127.0.0.1 only, standard library only.

Requests must name the server as 127.0.0.1 or localhost (the Host header),
so a web page elsewhere cannot read the preview through DNS rebinding. The
event stream sends the version shown now, then each new one, with a comment
on an idle stream now and then so that readers that went away are noticed.
"""

from __future__ import annotations

import errno
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from blueprint.watch.page import EVENTS_PATH, page
from blueprint.watch.preview import Preview

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PORTS_TRIED = 50  # from DEFAULT_PORT on, when no port is given
KEEPALIVE_SECONDS = 15.0  # a comment on an idle event stream, so dead readers are noticed


class PortInUse(OSError):
    """The port asked for (or every port tried) is taken."""


class PreviewServer(ThreadingHTTPServer):
    """Serves one preview's page and its event stream on 127.0.0.1."""

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
    server: PreviewServer
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


def bind(preview: Preview, port: int | None) -> PreviewServer:
    """A server on 127.0.0.1: on `port` (0: any free one), or with None on the
    first free port from DEFAULT_PORT on. PortInUse when none is free."""
    candidates = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED)
    for candidate in candidates:
        try:
            return PreviewServer(candidate, preview)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
    if port is not None:
        raise PortInUse(errno.EADDRINUSE, f"port {port} is in use")
    raise PortInUse(errno.EADDRINUSE, f"ports {DEFAULT_PORT}-{DEFAULT_PORT + PORTS_TRIED - 1} are all in use")
