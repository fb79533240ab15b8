"""Latency of the language server, as an editor feels it.

    python benchmarks/lsp_latency.py [--sizes 100,1000,5000] [--repeat N] [--debounce MS] [--pause MS] [--json OUT]

Starts `blueprint lsp` as an editor does (a separate process over stdio) and,
for a generated blueprint of every size (see generate.py):

* diagnostics after a change: the time from sending a one-character edit
  (a letter of an action's label, typed in and out in turn) to receiving the
  diagnostics published for that version. It includes the server's debounce
  (30 ms unless --debounce says otherwise), the whole check and the trip
  over the pipe both ways;
* completion: the time to answer a completion request after an arrow in a
  flow (every action ID is offered);
* hover: the time to answer a hover over an action's ID;
* the CPU time of the check behind the diagnostics, in this process: the
  server's own check of the document after the same edit (reading again
  only the changed line). A busy machine stretches the times above, which
  are wall-clock; it stretches CPU time far less.

Each is the median and the 90th percentile of N samples (default 20) after
one untimed warm-up. The figures are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

SERVER = [sys.executable, "-c", "import sys; from blueprint.cli import main; main(['lsp'], prog_name='blueprint')"]


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("latency-benchmark", "1")
        self.arrivals: dict[tuple[str, int], float] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.arrivals[(params.uri, params.version)] = time.perf_counter()


async def _arrival(client: Client, uri: str, version: int) -> float:
    while (uri, version) not in client.arrivals:
        await asyncio.sleep(0.0005)
    return client.arrivals[(uri, version)]


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered) * 1000, 1),
            "p90_ms": round(ordered[max(0, int(len(ordered) * 0.9) - 1)] * 1000, 1),
            "min_ms": round(ordered[0] * 1000, 1), "samples": len(ordered)}


def _places(text: str) -> tuple[int, int, int, int]:
    """The line and column of a label letter to edit, and of an action ID to hover."""
    lines = text.split("\n")
    edit_line = next(i for i, line in enumerate(lines) if line.startswith("  customer "))
    edit_column = lines[edit_line].index('"') + 1
    hover_line = next(i for i, line in enumerate(lines) if line.startswith("  onstage "))
    return edit_line, edit_column, hover_line, len("  onstage ") + 1


async def _diagnostics_after_change(client: Client, uri: str, text: str, repeat: int, pause: float) -> list[float]:
    edit_line, edit_column, _, _ = _places(text)
    samples = []
    for version in range(2, repeat + 3):
        await asyncio.sleep(pause)
        typed = version % 2 == 0  # type a letter in, then take it out again
        start = types.Position(line=edit_line, character=edit_column)
        end = start if typed else types.Position(line=edit_line, character=edit_column + 1)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end),
                                                                    text="x" if typed else "")]))
        arrived = await _arrival(client, uri, version)
        if version > 2:
            samples.append(arrived - sent)
    return samples


async def _timed(request, repeat: int) -> list[float]:
    samples = []
    for index in range(repeat + 1):
        started = time.perf_counter()
        await request()
        if index:
            samples.append(time.perf_counter() - started)
    return samples


async def measure(size: int, repeat: int, debounce_ms: float, pause: float) -> dict[str, object]:
    client = Client()
    await client.start_io(*SERVER)
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"debounceMs": debounce_ms}))
    client.initialized(types.InitializedParams())
    text = generate(size)
    uri = f"file:///benchmark/generated-{size}.bp"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="blueprint", version=1, text=text)))
    await _arrival(client, uri, 1)
    figures: dict[str, object] = {"size": size, "lines": text.count("\n")}
    figures["diagnostics_after_change"] = _summary(await _diagnostics_after_change(client, uri, text, repeat, pause))
    # Completion after `-> ` on a new last line of the document, which is checked first.
    last = text.count("\n") + (repeat + 3)
    version = repeat + 3
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=last, character=0), end=types.Position(line=last, character=0)),
            text="\nfirst -> ")]))
    await _arrival(client, uri, version)
    lines = text.split("\n")
    document = types.TextDocumentIdentifier(uri=uri)
    end_line = len(lines)  # the line `first -> ` (the text ends with a line break)
    completion = types.CompletionParams(text_document=document, position=types.Position(line=end_line, character=9))
    figures["completion"] = _summary(await _timed(lambda: client.text_document_completion_async(completion), repeat))
    _, _, hover_line, hover_column = _places(text)
    hover = types.HoverParams(text_document=document, position=types.Position(line=hover_line, character=hover_column))
    figures["hover"] = _summary(await _timed(lambda: client.text_document_hover_async(hover), repeat))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return figures


def check_cpu(size: int, repeat: int) -> dict[str, float]:
    """CPU time of the server's check of a document after a one-letter edit."""
    from blueprint.lsp.analysis import ServerSettings, analyse
    from blueprint.parse.incremental import LineCache

    text = generate(size)
    edit_line, edit_column, _, _ = _places(text)
    lines = text.split("\n")
    cache, settings = LineCache(), ServerSettings()
    analyse("file:///benchmark.bp", 1, text, settings, lines=cache)
    samples = []
    for version in range(2, repeat + 3):
        line = lines[edit_line]
        typed = version % 2 == 0  # type a letter in, then take it out again
        lines[edit_line] = line[:edit_column] + ("x" if typed else "") + line[edit_column + (0 if typed else 1):]
        edited = "\n".join(lines)
        started = time.process_time()
        analyse("file:///benchmark.bp", version, edited, settings, lines=cache)
        if version > 2:
            samples.append(time.process_time() - started)
    return _summary(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--debounce", type=float, default=30, help="the server's debounce in ms (default 30)")
    parser.add_argument("--pause", type=float, default=200, help="ms between one edit's diagnostics and the next edit")
    parser.add_argument("--json", dest="json_path")
    options = parser.parse_args()
    report = {"machine": {"python": platform.python_version(), "system": platform.platform(),
                          "cores": os.cpu_count(), "load": os.getloadavg()},
              "debounce_ms": options.debounce, "pause_ms": options.pause, "sizes": []}
    print(f"debounce {options.debounce:g} ms, pause {options.pause:g} ms, {options.repeat} samples each "
          "(median / 90th percentile)")
    print(f"{'actions':>8} {'lines':>6}  {'diagnostics after a change':>27}  {'completion':>18}  {'hover':>18}"
          f"  {'check, CPU':>18}")
    for size in (int(part) for part in options.sizes.split(",")):
        figures = asyncio.run(measure(size, options.repeat, options.debounce, options.pause / 1000))
        figures["check_cpu"] = check_cpu(size, options.repeat)
        report["sizes"].append(figures)
        cells = [f"{figures[key]['median_ms']:>8} / {figures[key]['p90_ms']:<6}"
                 for key in ("diagnostics_after_change", "completion", "hover", "check_cpu")]
        print(f"{size:>8} {figures['lines']:>6}  {cells[0]:>27}  {cells[1]:>18}  {cells[2]:>18}  {cells[3]:>18}")
    report["machine"]["load_after"] = os.getloadavg()
    if options.json_path:
        Path(options.json_path).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
