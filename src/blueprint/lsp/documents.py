"""The open documents' checks: debounced, run one at a time, stale ones dropped.

Every check runs on one worker thread, so the parser is never entered from
two threads, and the server's loop stays free to answer hovers and
completions while a long file is checked. A change waits a moment (the
debounce) before it is checked, so a burst of keystrokes is checked once; a
change that arrives meanwhile cancels the wait, and a check whose document
has moved on by the time it ends is dropped instead of published.

A document is checked with its details (blueprint.lsp.details), so a change
to a file one of them names, open in the editor or closed there, checks
that document again, its own version unchanged: a generation counts such
changes, and a check of an older one is dropped too.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from blueprint.api import CheckResult, LineCache, file_key
from blueprint.lsp.analysis import Analysis, ServerSettings, analyse, display_name
from blueprint.lsp.details import DetailReader, OpenTexts

log = logging.getLogger(__name__)

T = TypeVar("T")

# What the store needs of the server: the text and version of an open
# document (None once it is closed), and where finished checks go.
Reader = Callable[[str], "tuple[int | None, str] | None"]
Publisher = Callable[[Analysis], None]


class Documents:
    def __init__(self, read: Reader, publish: Publisher, settings: ServerSettings) -> None:
        self.read = read
        self.publish = publish
        self.settings = settings
        self.encoding = "utf-16"
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.Task] = {}
        # Checks under way, by document and version, shared by all who wait for one.
        self.in_flight: dict[tuple[str, int | None], asyncio.Future] = {}
        self.last_change: dict[str, float] = {}
        # What each document's last check read, line by line: the next check reads only what changed.
        self.line_caches: dict[str, LineCache] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blueprint-check")
        self.reader = DetailReader()  # used on the worker only
        self.keys: dict[str, str] = {}  # each open file's key, by URI
        self.generations: dict[str, int] = {}

    async def run(self, job: Callable[..., T], *args: object) -> T:
        """`job(*args)` on the worker thread, after any check already running there."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, job, *args)

    def changed(self, uri: str, delay: float | None = None) -> None:
        """Check `uri` again after the debounce (or `delay`), cancelling a wait still pending.

        The first change after a quiet spell is checked at once: only a
        change that follows another within the debounce waits for the burst
        to end, so a single edit is not kept waiting for nothing."""
        if uri not in self.keys and uri.startswith("file:"):
            self.keys[uri] = file_key(display_name(uri))
        now = time.monotonic()
        previous, self.last_change[uri] = self.last_change.get(uri), now
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if delay is None:
            burst = waiting is not None or (previous is not None and now - previous < self.settings.debounce)
            delay = self.settings.debounce if burst else 0
        task = asyncio.get_running_loop().create_task(self._check_later(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def edited(self, uri: str, delay: float | None = None) -> None:
        """`uri` was opened or changed in the editor: check it, and the documents it is a detail of."""
        self.changed(uri, delay)
        key = self.keys.get(uri)
        if key is not None:
            self.detail_changed(key)

    def file_changed(self, uri: str) -> None:
        """A file changed on disk: check again the documents it is a detail of (unless it is open)."""
        if uri.startswith("file:") and uri not in self.keys:
            self.detail_changed(file_key(display_name(uri)))

    def detail_changed(self, key: str) -> None:
        """The file of `key` changed (in the editor or on disk): check again every document it is a detail of."""
        for uri, analysis in list(self.analyses.items()):
            if key in analysis.details_read and self.keys.get(uri) != key:
                self.generations[uri] = self.generations.get(uri, 0) + 1
                self.changed(uri)

    def _forget(self, uri: str, task: asyncio.Task) -> None:
        if self.pending.get(uri) is task:
            del self.pending[uri]
        if not task.cancelled() and task.exception() is not None:
            log.error("checking %s failed", uri, exc_info=task.exception())

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        analysis = await self.current(uri)
        if analysis is not None and self._is_latest(analysis):
            self.publish(analysis)

    def _is_latest(self, analysis: Analysis) -> bool:
        document = self.read(analysis.uri)
        return (document is not None and document[0] == analysis.version
                and analysis.generation == self.generations.get(analysis.uri, 0))

    def _opened(self) -> OpenTexts:
        """What each open file holds now, by its key: what a check reads for a detail open in the editor."""
        opened = {}
        for uri, key in self.keys.items():
            document = self.read(uri)
            if document is not None:
                opened[key] = document
        return opened

    def _analyse(self, uri: str, version: int | None, text: str, generation: int, own: CheckResult | None,
                 lines: LineCache, opened: OpenTexts) -> Analysis:
        """The check, on the worker."""
        analysis = analyse(uri, version, text, self.settings, self.encoding, lines, self.reader, opened, own)
        analysis.generation = generation
        analysis.details_seen = {key: opened[key] for key in analysis.details_read if key in opened}
        return analysis

    async def current(self, uri: str) -> Analysis | None:
        """The check of the document as it stands now (made now if need be); None if it is not open."""
        document = self.read(uri)
        if document is None:
            return None
        version, text = document
        generation = self.generations.get(uri, 0)
        known = self.analyses.get(uri)
        same_text = known is not None and known.version == version and known.text == text
        if same_text and known.generation == generation:
            return known
        key = (uri, version, generation)
        running = self.in_flight.get(key)
        if running is None:
            lines = self.line_caches.setdefault(uri, LineCache())
            running = asyncio.ensure_future(self.run(self._analyse, uri, version, text, generation,
                                                     known.own if same_text else None, lines, self._opened()))
            self.in_flight[key] = running
            running.add_done_callback(lambda _: self.in_flight.pop(key, None))
        # Shielded: a waiter cancelled by a newer change leaves the check to the others.
        analysis = await asyncio.shield(running)
        if self._is_latest(analysis):
            self.analyses[uri] = analysis
            self._catch_up(analysis)
        return analysis

    def _catch_up(self, analysis: Analysis) -> None:
        """Check again a document whose details changed in the editor while it was checked
        (before this check, nothing said they were its details)."""
        for uri, key in self.keys.items():
            document = self.read(uri)
            if key in analysis.details_read and document is not None and document != analysis.details_seen.get(key):
                self.detail_changed(key)
                return

    def closed(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.analyses.pop(uri, None)
        self.line_caches.pop(uri, None)
        self.last_change.pop(uri, None)
        self.generations.pop(uri, None)
        key = self.keys.pop(uri, None)
        if key is not None:
            self.worker.submit(self.reader.closed, key)
            self.detail_changed(key)  # the documents it is a detail of read it from disk now

    def open_uris(self) -> list[str]:
        return list(self.last_change)

    def forget_all(self) -> None:
        """Drop every check (the settings changed); the next request checks again."""
        self.analyses.clear()
