"""The state of the live preview: the watched file, the view of it the page
shows, and the event streams waiting for the next view.

A view is drawn through blueprint.api, and what it says comes from
blueprint.report. While the file cannot be drawn (missing, unreadable, or
with errors) the view keeps the last good drawing and carries the problems,
as `blueprint check` prints them: nothing the file holds stops the preview.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from blueprint.api import check_bytes, render_overview, render_result
from blueprint.report import preview as preview_text
from blueprint.report import render_report
from blueprint.watch.polling import PolledFile


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
    """The watched file and the view of it; safe to use from every thread
    (polling from one of them)."""

    def __init__(self, path: Path, name: str, theme: str, enabled: frozenset[str], view: str = "full",
                 scenario: str | None = None) -> None:
        self.path = path
        self.name = name
        self.theme = theme
        self.enabled = enabled
        self.drawing_view = view  # as `blueprint render --view`
        self.scenario = scenario  # as `blueprint render --scenario`: one the file stops declaring is a problem
        self._file = PolledFile(path)
        self._changed = threading.Condition()
        self._closed = False
        self._streams = 0  # event streams open now
        self._view = View(version=0, drawing=None, problems=None, broken=True, headline="")

    @property
    def view(self) -> View:
        with self._changed:
            return self._view

    def start(self) -> View:
        """Read and draw the file as it is now (read again by a later poll if
        it was being written meanwhile)."""
        return self._show(self._file.read_now())

    def poll(self) -> View | None:
        """Look at the file once. Returns the new view when it changed (and has
        held still since the previous poll), else None."""
        data = self._file.poll()
        return None if data is None else self._show(data)

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

    # -- drawing ------------------------------------------------------------------

    def _show(self, data: bytes | OSError) -> View:
        view = self._build(data)
        with self._changed:
            self._view = view
            self._changed.notify_all()
        return view

    def _build(self, data: bytes | OSError) -> View:
        version = self._view.version + 1
        last = self._view.drawing
        kept = last is not None
        if isinstance(data, OSError):
            return View(version=version, drawing=last, problems=preview_text.cannot_read(self.name, data),
                        broken=True, headline=preview_text.unreadable_headline(self.name, kept))
        result = check_bytes(self.name, data, self.enabled)
        problems = render_report([result], "text") if result.diagnostics else None
        if not result.ok:
            return View(version=version, drawing=last, problems=problems, broken=True,
                        headline=preview_text.errors_headline(self.name, len(result.errors), kept))
        try:
            draw = render_overview if self.drawing_view == "overview" else render_result
            drawing = draw(result, "html", self.theme, "embed", self.scenario)
        except Exception as error:  # a drawing bug must not end the preview; say what it was
            return View(version=version, drawing=last, problems=preview_text.could_not_draw(self.name, error),
                        broken=True, headline=preview_text.undrawable_headline(self.name, kept))
        return View(version=version, drawing=drawing, problems=problems, broken=False,
                    headline=preview_text.drawn_headline(self.name, len(result.warnings)))
