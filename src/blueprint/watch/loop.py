"""Running the preview: serve on a thread, poll the file on this one, tell the
terminal what changed, and stop cleanly on Ctrl-C or SIGTERM."""

from __future__ import annotations

import signal
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from blueprint.report import preview as preview_text
from blueprint.watch.preview import Preview, View
from blueprint.watch.server import HOST, PreviewServer

POLL_SECONDS = 0.2
STREAMS_CLOSE_SECONDS = 2.0  # on stop, how long open event streams get to end


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


def run(preview: Preview, server: PreviewServer, say: Callable[[str], None], report: Callable[[str], None],
        open_browser: bool = False) -> None:
    """Serve until Ctrl-C (or SIGTERM), polling the file; returns once the
    server has stopped and its socket is closed. `say` prints a line of
    progress, `report` the problems of the file."""
    url = f"http://{HOST}:{server.port}/"
    thread = threading.Thread(target=server.serve_forever, name="blueprint-watch-server", daemon=True)
    try:
        with _terminate_as_interrupt():
            thread.start()
            say(preview_text.serving(preview.name, url))
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
        _stop(preview, server, thread)
    say(preview_text.STOPPED)


def _stop(preview: Preview, server: PreviewServer, thread: threading.Thread) -> None:
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


def _tell(view: View, say: Callable[[str], None], report: Callable[[str], None]) -> None:
    if view.problems:
        report(view.problems)
    say(view.headline)
