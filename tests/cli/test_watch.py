"""`blueprint watch` end to end: the real command in a subprocess, a real server
on loopback, real files edited under it, and one real Chromium.

Nothing here measures time. Each step waits for an event (a line the command
prints, a version on the page's event stream, a page load in the browser);
WAIT only bounds how long a broken build may hang before it fails.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from blueprint.watch import EVENTS_PATH, RELOAD_SCRIPT, View, page
from tests.browser.cdp import Page, ProtocolError
from tests.browser.conftest import chromium  # noqa: F401 - the session's browser, a fixture

from ..conftest import ROOT

pytestmark = pytest.mark.slow  # a real server, real edits and a real Chromium

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
WAIT = 60  # seconds; a safety bound on any one wait, never an expectation

GOOD = ('blueprint "Branch visit"\nstep arrive "Arrive"\n  customer enter "Walks into the branch"\n'
        '  onstage greet "Lobby manager greets the customer"\n  enter -> greet\n')
RENAMED = GOOD.replace("Walks into the branch", "Walks in through the revolving door")
BROKEN = RENAMED.replace("  customer enter", "  custmer enter")
BANNER = re.compile(r'<details class="bpw-banner (?P<kind>[\w-]+)"[^>]*>'
                    r"<summary>(?P<headline>.*?)</summary><pre>(?P<report>.*?)</pre></details>", re.S)


class Watch:
    """A running `blueprint watch`, its output read as it comes."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen([BLUEPRINT, "watch", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: list[str] = []
        self._streams: list[Events] = []
        self._more = threading.Condition()
        self._ended = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self._more:
                self.lines.append(raw.decode("utf-8").rstrip("\n"))
                self._more.notify_all()
        with self._more:
            self._ended = True
            self._more.notify_all()

    def wait_for(self, condition: Callable[[list[str]], bool], what: str) -> None:
        with self._more:
            if not self._more.wait_for(lambda: condition(self.lines) or self._ended, WAIT):
                pytest.fail(f"gave up waiting for {what}; output so far: {self.lines}")
            if not condition(self.lines):
                pytest.fail(f"the command ended before {what}; output: {self.lines}")

    def wait_for_line(self, line: str) -> None:
        self.wait_for(lambda lines: line in lines, repr(line))

    @property
    def url(self) -> str:
        self.wait_for(lambda lines: any(" at http://" in line for line in lines), "the address")
        line = next(line for line in self.lines if " at http://" in line)
        return re.search(r"http://\S+/", line).group(0)

    @property
    def port(self) -> int:
        return int(re.search(r":(\d+)/$", self.url).group(1))

    def get(self, path: str = "/", host: str | None = None) -> tuple[int, dict[str, str], str]:
        request = urllib.request.Request(self.url.rstrip("/") + path, headers={"Host": host} if host else {})
        try:
            with urllib.request.urlopen(request, timeout=WAIT) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8")

    def page(self) -> str:
        status, headers, body = self.get()
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Cache-Control"] == "no-store"
        return body

    def events(self) -> Events:
        stream = Events(self.url.rstrip("/") + EVENTS_PATH)
        self._streams.append(stream)  # closed by stop(), should the test fail first
        return stream

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=WAIT)
        self._reader.join(timeout=WAIT)
        return code

    def stop(self) -> None:
        """End the command whatever state the test left it in: Ctrl-C first,
        a kill if that does not stop it."""
        for stream in self._streams:
            stream.close()
        if self.process.poll() is None:
            try:
                self.interrupt()
            except subprocess.TimeoutExpired:
                pass
        if self.process.poll() is None:  # only if the clean stop above failed
            self.process.kill()
            self.process.wait()


class Events:
    """The page's Server-Sent Events stream, read as the page's script reads it."""

    def __init__(self, url: str) -> None:
        self.response = urllib.request.urlopen(url, timeout=WAIT)
        assert self.response.headers["Content-Type"] == "text/event-stream; charset=utf-8"

    def next_version(self) -> int:
        event = None
        while line := self.response.readline():
            text = line.decode("utf-8").rstrip("\n")
            if text.startswith("event: "):
                event = text.removeprefix("event: ")
            elif text.startswith("data: ") and event == "version":
                return int(text.removeprefix("data: "))
            elif not text:
                event = None
        raise EOFError("the event stream ended")

    def ended(self) -> bool:
        while line := self.response.readline():
            if line.startswith(b"event: version"):
                return False
        return True

    def close(self) -> None:
        self.response.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "visit.bp").write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.fixture
def start_watch(request: pytest.FixtureRequest) -> Callable[..., Watch]:
    """Starts `blueprint watch` in a folder; each one started is stopped when
    the test ends, whether it passed or failed."""

    def start(cwd: Path, *args: str) -> Watch:
        running = Watch(cwd, *args)
        request.addfinalizer(running.stop)
        return running

    return start


@pytest.fixture
def watch(folder: Path, start_watch: Callable[..., Watch]) -> Watch:
    return start_watch(folder, "visit.bp", "--port", "0")


def save(folder: Path, text: str, name: str = "visit.bp") -> None:
    (folder / name).write_text(text, encoding="utf-8")


def banner(body: str) -> dict[str, str] | None:
    match = BANNER.search(body)
    return None if match is None else {key: html.unescape(value) for key, value in match.groupdict().items()}


def check_output(folder: Path, name: str = "visit.bp") -> str:
    """What `blueprint check` prints for the file as it is now."""
    done = subprocess.run([BLUEPRINT, "check", name], cwd=folder, capture_output=True, timeout=WAIT,
                          env={**os.environ, "NO_COLOR": "1"})
    return done.stdout.decode("utf-8").rstrip("\n")


def _hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def csp(body: str) -> dict[str, list[str]]:
    policy = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', body).group(1))
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


# --- serving and redrawing ---------------------------------------------------------


def test_serves_the_drawing_on_loopback_and_redraws_it_on_save(watch: Watch, folder: Path) -> None:
    assert watch.url.startswith("http://127.0.0.1:")
    watch.wait_for_line("visit.bp: drawn")
    body = watch.page()
    assert "Walks into the branch" in body and "<svg" in body
    assert banner(body) is None
    assert '<meta name="blueprint-watch" content="1">' in body

    events = watch.events()
    assert events.next_version() == 1
    save(folder, RENAMED)
    assert events.next_version() == 2
    body = watch.page()
    assert "Walks in through the revolving door" in body and "Walks into the branch" not in body
    assert '<meta name="blueprint-watch" content="2">' in body
    events.close()


def test_the_page_keeps_a_strict_policy_with_the_reload_script_allowed_by_hash(watch: Watch) -> None:
    body = watch.page()
    policy = csp(body)
    assert policy["default-src"] == ["'none'"]
    assert policy["connect-src"] == [f"{watch.url.rstrip('/')}{EVENTS_PATH}"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'self'" not in policy["script-src"]
    assert f"<script>{RELOAD_SCRIPT}</script>" in body
    # Every script and style block on the page is allowed by its hash, and nothing else is.
    scripts = re.findall(r"<script>(.*?)</script>", body, re.S)
    assert sorted(_hash(text) for text in scripts) == sorted(policy["script-src"])
    for style in re.findall(r"<style>(.*?)</style>", body, re.S):
        assert _hash(style.replace("<![CDATA[", "").replace("]]>", "")) in policy["style-src"]


def test_the_reload_script_is_only_in_watch_mode(folder: Path) -> None:
    done = subprocess.run([BLUEPRINT, "render", "visit.bp", "-f", "html", "-o", "-"], cwd=folder,
                          capture_output=True, timeout=WAIT)
    assert done.returncode == 0
    plain = done.stdout.decode("utf-8")
    assert "EventSource" not in plain and "blueprint-watch" not in plain and "connect-src" not in plain


def test_errors_keep_the_last_good_drawing_with_the_problems_over_it(watch: Watch, folder: Path) -> None:
    events = watch.events()
    assert events.next_version() == 1
    save(folder, RENAMED)
    assert events.next_version() == 2

    save(folder, BROKEN)
    assert events.next_version() == 3
    body = watch.page()
    shown = banner(body)
    assert shown is not None and shown["kind"] == "bpw-errors"
    assert shown["headline"] == "visit.bp has 1 error; the page keeps the last good drawing"
    assert shown["report"] == check_output(folder)  # as `blueprint check` prints it
    assert "error[BP104]" in shown["report"]
    assert "Walks in through the revolving door" in body  # the last good drawing stays
    watch.wait_for_line("visit.bp has 1 error; the page keeps the last good drawing")

    save(folder, RENAMED.replace("revolving door", "side door"))
    assert events.next_version() == 4
    body = watch.page()
    assert banner(body) is None
    assert "Walks in through the side door" in body
    events.close()


def test_a_file_with_errors_from_the_start_shows_only_the_problems(folder: Path,
                                                                  start_watch: Callable[..., Watch]) -> None:
    save(folder, BROKEN)
    running = start_watch(folder, "visit.bp", "--port", "0")
    body = running.page()
    shown = banner(body)
    assert shown is not None and shown["headline"] == "visit.bp has 1 error"
    assert "<svg" not in body and "Waiting for a drawing" in body
    events = running.events()
    assert events.next_version() == 1
    save(folder, GOOD)
    assert events.next_version() == 2
    assert "Walks into the branch" in running.page() and banner(running.page()) is None
    events.close()


def test_warnings_are_shown_folded_over_a_fresh_drawing(watch: Watch, folder: Path) -> None:
    events = watch.events()
    assert events.next_version() == 1
    save(folder, GOOD + '  support core "Core banking"\n')  # an unconnected action: a warning
    assert events.next_version() == 2
    body = watch.page()
    shown = banner(body)
    assert shown is not None and shown["kind"] == "bpw-warnings" and "warning[" in shown["report"]
    assert " open>" not in BANNER.search(body).group(0)
    assert "Core banking" in body
    events.close()


def test_problems_are_escaped_on_the_page(watch: Watch, folder: Path) -> None:
    events = watch.events()
    assert events.next_version() == 1
    hostile = "<img src=x onerror=alert(1)></pre><script>alert(2)</script>"
    save(folder, GOOD + f"  supprt x \"{hostile}\"\n")
    assert events.next_version() == 2
    body = watch.page()
    assert hostile not in body and "<img" not in body
    assert html.escape(hostile, quote=False) in body.replace("&#x27;", "'").replace("&quot;", '"')
    assert hostile in banner(body)["report"]
    events.close()


def test_a_deleted_then_recreated_file_and_a_half_written_save(watch: Watch, folder: Path) -> None:
    events = watch.events()
    assert events.next_version() == 1
    (folder / "visit.bp").unlink()
    assert events.next_version() == 2
    shown = banner(watch.page())
    assert shown["report"] == "cannot read visit.bp: No such file or directory"
    assert "Walks into the branch" in watch.page()

    # Recreated as an editor would after deleting it: first a truncated write.
    save(folder, RENAMED[: len(RENAMED) // 2])
    events.next_version()
    if "Walks in through" not in watch.page():  # the half-written file was seen: it shows as an error
        assert banner(watch.page())["kind"] == "bpw-errors" and "Walks into the branch" in watch.page()
    save(folder, RENAMED)
    while "Walks in through the revolving door" not in watch.page():
        events.next_version()
    assert banner(watch.page()) is None
    assert watch.process.poll() is None
    events.close()


def test_the_file_replaced_by_a_directory_and_an_unreadable_file(watch: Watch, folder: Path) -> None:
    events = watch.events()
    assert events.next_version() == 1
    (folder / "visit.bp").unlink()
    (folder / "visit.bp").mkdir()
    while "cannot read visit.bp" not in (banner(watch.page()) or {}).get("report", ""):
        events.next_version()
    (folder / "visit.bp").rmdir()
    (folder / "visit.bp").write_bytes(b"blueprint \"\xff\"\n")  # not UTF-8
    while "BP100" not in (banner(watch.page()) or {}).get("report", ""):
        events.next_version()
    assert "Walks into the branch" in watch.page()
    assert watch.process.poll() is None
    events.close()


# --- the server itself ----------------------------------------------------------------


def test_ctrl_c_stops_cleanly_and_closes_the_port(watch: Watch) -> None:
    port = watch.port
    watch.wait_for_line("visit.bp: drawn")
    events = watch.events()  # a page still listening must not hold the server up
    assert events.next_version() == 1
    assert watch.interrupt() == 0
    assert events.ended()
    events.close()
    assert watch.lines[-1] == "Stopped."
    assert not any("Traceback" in line or "KeyboardInterrupt" in line for line in watch.lines)
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=WAIT):
        pass


def test_a_termination_signal_stops_it_as_ctrl_c_does(watch: Watch) -> None:
    watch.wait_for_line("visit.bp: drawn")
    watch.process.send_signal(signal.SIGTERM)
    assert watch.process.wait(timeout=WAIT) == 0
    watch.wait_for_line("Stopped.")


def test_only_loopback_names_are_answered(watch: Watch) -> None:
    status, _, body = watch.get(host="attacker.example:80")
    assert status == 403 and "Branch visit" not in body
    status, _, _ = watch.get(host=f"localhost:{watch.port}")
    assert status == 200
    assert watch.get("/elsewhere")[0] == 404


def test_default_port_is_8000_or_the_next_free_one(folder: Path, start_watch: Callable[..., Watch]) -> None:
    with socket.socket() as holder:
        try:
            holder.bind(("127.0.0.1", 8000))
            holder.listen()
        except OSError:
            pass  # 8000 is taken already, which is the case under test as well
        running = start_watch(folder, "visit.bp")
        assert 8001 <= running.port < 8050
        assert running.page()


def test_a_taken_port_asked_for_is_a_usage_error(folder: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run([BLUEPRINT, "watch", "visit.bp", "--port", str(port)], cwd=folder,
                              capture_output=True, timeout=WAIT)
    assert done.returncode == 2
    assert done.stderr.decode() == (f"blueprint: error: port {port} is in use; choose another with --port, "
                                    "or --port 0 for any free one\n")


@pytest.mark.parametrize("argument, message", [
    ("missing.bp", "no such file: missing.bp"),
    (".", ". is a directory; watch one .bp file"),
])
def test_no_file_to_watch_is_a_usage_error(folder: Path, argument: str, message: str) -> None:
    done = subprocess.run([BLUEPRINT, "watch", argument, "--port", "0"], cwd=folder, capture_output=True,
                          timeout=WAIT)
    assert (done.returncode, done.stderr.decode()) == (2, f"blueprint: error: {message}\n")


def test_page_for_a_view_is_escaped_and_self_contained() -> None:
    view = View(version=3, drawing=None, problems="x.bp:1:1: <b>&</b>", broken=True, headline="x.bp <has> errors")
    body = page(view, "http://127.0.0.1:9").decode()
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in body and "x.bp &lt;has&gt; errors" in body
    assert csp(body)["connect-src"] == [f"http://127.0.0.1:9{EVENTS_PATH}"]
    assert "http" not in body.replace("http://127.0.0.1:9", "").replace("http-equiv", "")


def test_what_the_preview_says_of_each_state() -> None:
    from blueprint.report import preview as said

    assert said.drawn_headline("x.bp", 0) == "x.bp: drawn"
    assert said.drawn_headline("x.bp", 1) == "x.bp: 1 warning"
    assert said.drawn_headline("x.bp", 2) == "x.bp: 2 warnings"
    assert said.errors_headline("x.bp", 2, kept=False) == "x.bp has 2 errors"
    assert said.errors_headline("x.bp", 1, kept=True) == "x.bp has 1 error; the page keeps the last good drawing"
    assert said.unreadable_headline("x.bp", kept=False) == "x.bp cannot be read"
    assert said.undrawable_headline("x.bp", kept=True) == (
        "x.bp could not be drawn; the page keeps the last good drawing")
    assert said.cannot_read("x.bp", FileNotFoundError(2, "No such file or directory")) == (
        "cannot read x.bp: No such file or directory")


# --- the documented session ---------------------------------------------------------


def _watch_section() -> str:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    return text[text.index("\n## blueprint watch\n"):]


def test_the_documented_session(tmp_path: Path, start_watch: Callable[..., Watch]) -> None:
    section = _watch_section()
    sample = re.search(r"<!-- file: (\S+) -->\n```bp\n(.*?)```", section, re.S)
    name, text = sample.group(1), sample.group(2)
    (tmp_path / name).write_text(text, encoding="utf-8")
    sessions = re.findall(r"```text\n(.*?)```", section, re.S)[1:]
    command, *started = sessions[0].rstrip("\n").split("\n")
    assert command == f"$ blueprint watch {name}"
    running = start_watch(tmp_path, name)
    port = running.port
    shown = [line.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for line in started]
    running.wait_for(lambda lines: len(lines) >= len(shown), "the first lines")
    assert running.lines[: len(shown)] == shown
    # "Type `custmer` for `customer` on line N and save."
    broken = text.replace("  customer ", "  custmer ", 1)
    line = next(number for number, each in enumerate(broken.split("\n"), 1) if each.startswith("  custmer"))
    assert f"Type `custmer` for `customer` on line {line} and save." in " ".join(section.split())
    (tmp_path / name).write_text(broken, encoding="utf-8")
    expected = sessions[1].rstrip("\n").split("\n")
    running.wait_for(lambda lines: len(lines) >= len(shown) + len(expected), "the report")
    assert running.lines[len(shown):len(shown) + len(expected)] == expected
    # "Put the `o` back and save: the terminal prints `visit.bp: drawn`."
    (tmp_path / name).write_text(text, encoding="utf-8")
    running.wait_for(lambda lines: len(lines) > len(shown) + len(expected), "the redraw")
    assert running.lines[len(shown) + len(expected)] == f"{name}: drawn"
    assert "`visit.bp: drawn`" in section
    assert running.interrupt() == 0
    assert running.lines[-1] == "Stopped." and "`Stopped.`" in section


# --- in a real browser --------------------------------------------------------------


@pytest.fixture
def tab(chromium) -> Iterator[Page]:  # noqa: F811 - the imported fixture
    page = chromium.new_page()
    yield page
    page.close()


def _wait_for_document(tab: Page, ready: str, what: str, seen: int) -> None:
    """Wait for loads after the `seen`-th one until the page then shown makes
    the JS expression `ready` true. Each look follows a load event; a load
    event left over from an earlier page (the tab's first about:blank) only
    costs one look."""
    while True:
        tab.browser.wait_until(lambda: tab._loads > seen, what)
        seen = tab._loads
        try:
            if tab.evaluate(f"document.readyState === 'complete' && Boolean({ready})"):
                tab.settle()
                return
        except ProtocolError:
            pass  # the document went away under the question: the next load answers it


def card_label(tab: Page) -> str:
    return tab.evaluate("document.querySelector('svg [data-action=\"enter\"]').getAttribute('aria-label')")


def test_the_page_reloads_by_itself_after_a_save(watch: Watch, folder: Path, tab: Page) -> None:
    seen = tab._loads
    tab.send("Page.navigate", {"url": watch.url})
    _wait_for_document(tab, f"location.href === {json.dumps(watch.url)}", "the first load", seen)
    assert tab.evaluate("document.querySelector('svg title').textContent") == "Branch visit"
    assert tab.evaluate("document.querySelector('.bpw-banner') === null")
    # No need to wait for the script to connect: the first thing the stream
    # says is the version now, so a save made before it connects still reloads.
    tab.evaluate("window.before = true")

    seen = tab._loads
    save(folder, RENAMED)
    _wait_for_document(tab, "window.before === undefined", "the reload after the save", seen)
    assert card_label(tab) == "Walks in through the revolving door"

    tab.evaluate("window.before = true")
    seen = tab._loads
    save(folder, BROKEN)
    _wait_for_document(tab, "window.before === undefined", "the reload after a broken save", seen)
    assert tab.evaluate("document.querySelector('.bpw-banner[open] pre').textContent") == check_output(folder)
    assert card_label(tab) == "Walks in through the revolving door"
    assert tab.evaluate("getComputedStyle(document.querySelector('.bpw-banner')).position") == "fixed"
    assert tab.errors == []  # no policy violation, no script error
    assert all(url.startswith(watch.url) for url in tab.requests)


# --- nothing left running when a test fails ---------------------------------------

FAILING_ON_PURPOSE = '''
import json
from pathlib import Path

from {module} import folder, process_tree, start_watch, watch  # noqa: F401 - fixtures
from tests.browser.conftest import chromium  # noqa: F401 - a fixture


def test_fails_while_the_server_and_the_browser_run(watch, chromium):
    tab = chromium.new_page()
    tab.send("Page.navigate", {{"url": watch.url}})
    running = process_tree(watch.process.pid) + process_tree(chromium._process.pid)
    Path({record!r}).write_text(json.dumps(running))
    assert False, "failed on purpose, with everything running"
'''


def process_table() -> dict[int, tuple[int, str, int]]:
    """Every process of the system: its parent, state and start time (clock ticks after boot)."""
    table = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # it ended while being listed
        fields = text[text.rindex(")") + 2 :].split()
        table[int(stat.parent.name)] = (int(fields[1]), fields[0], int(fields[19]))
    return table


def process_tree(root: int) -> list[tuple[int, int]]:
    """The process `root` and all it started, each as (pid, start time): a
    pid with the same start time is the same process, never a reused pid."""
    table = process_table()
    tree, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        tree.append((pid, table[pid][2]))
        frontier += [child for child, (parent, _, _) in table.items() if parent == pid]
    return tree


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="lists processes through /proc")
def test_a_failing_test_leaves_neither_the_server_nor_the_browser_running(tmp_path: Path) -> None:
    # A test session of its own, whose one test fails with `blueprint watch`
    # serving and Chromium showing its page; once that session has ended,
    # none of their processes may still run.
    from tests.browser.cdp import find_chromium

    if find_chromium() is None:
        pytest.skip("chromium is not installed")
    record = tmp_path / "running.json"
    (tmp_path / "test_fails_on_purpose.py").write_text(FAILING_ON_PURPOSE.format(module=__name__, record=str(record)))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           str(tmp_path / "test_fails_on_purpose.py")], cwd=tmp_path, env=env, capture_output=True,
                          timeout=WAIT * 5)
    report = done.stdout.decode("utf-8", "replace")
    assert done.returncode == 1 and "1 failed" in report and "failed on purpose" in report, report
    running = json.loads(record.read_text())
    assert len(running) >= 3, running  # the server, the browser and the browser's own processes
    table = process_table()
    still = [(pid, table[pid][1]) for pid, started in running if pid in table and table[pid][2] == started
             and table[pid][1] != "Z"]  # a zombie has ended; only its parent's bookkeeping remains
    assert still == []
