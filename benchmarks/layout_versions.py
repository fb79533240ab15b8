"""Compare the layout stage of several versions of blueprint on the generated blueprints.

    python benchmarks/layout_versions.py NAME=SRC NAME=SRC ... [--sizes 1000,5000] [--rounds 5]
                                         [--instructions]

Each SRC is the `src` folder of a checkout of blueprint (a git worktree of
an older commit, say), with the checkout's `grammar` folder beside it. The
first version named is the one the others are compared with.

Every sample is a fresh Python process that puts one version's `src` first
on its path, checks the generated blueprint of one size with that version's
API, lays it out once untimed, then times three layouts in CPU time and
reports their median: with Python's collector running (as
`blueprint.layout.layout` is called by itself) and paused (as `blueprint
render` runs it). The versions alternate sample by sample, in `--rounds`
rounds over every size and mode, so that a shared machine's drift touches
them all alike; the report gives each version's median over the rounds and
its ratio to the first.

With --instructions (valgrind needed; slow), it also counts the machine
instructions of one warm layout with the collector paused, as callgrind's
count for a process making two layouts less that of one making one. The
count does not depend on what else the machine is doing.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

MODES = ("running", "paused")
TIMED = 3  # layouts timed per sample; the sample is their median


def worker(src: str, path: str, mode: str, layouts: int) -> float:
    """The median CPU time of `layouts` warm layouts by the version in `src`."""
    sys.path.insert(0, src)
    from blueprint.api import check_bytes
    from blueprint.layout import layout

    blueprint = check_bytes(path, Path(path).read_bytes()).blueprint
    layout(blueprint)  # warm-up: caches and first-use imports
    if mode == "count":  # for callgrind: the layouts alone, no collection between them
        gc.collect()
        gc.disable()
        for _ in range(layouts):
            layout(blueprint)
        return 0.0
    times = []
    for _ in range(layouts):
        gc.collect()  # each layout starts without the previous one's garbage
        if mode == "paused":
            gc.disable()
        start = time.process_time()
        layout(blueprint)
        times.append(time.process_time() - start)
        gc.enable()
    return statistics.median(times) if times else 0.0


def _sample(src: str, path: str, mode: str, layouts: int = TIMED) -> float:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", src, path, mode, str(layouts)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{src} failed on {path}:\n{done.stderr[-2000:]}")
    return float(done.stdout)


def _instructions(src: str, path: str) -> int | None:
    """Instructions of one warm layout, collector paused, or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    counts = []
    for layouts in (1, 2):
        done = subprocess.run(
            [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
             str(Path(__file__).resolve()), "--worker", src, path, "count", str(layouts)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode != 0 or found is None:
            raise SystemExit(f"callgrind failed on {src}, {path}:\n{done.stderr[-2000:]}")
        counts.append(int(found.group(1)))
    return counts[1] - counts[0]


def compare(versions: dict[str, str], sizes: list[int], rounds: int, instructions: bool) -> dict:
    samples: dict[str, list[float]] = {}
    counts: dict[str, int | None] = {}
    with tempfile.TemporaryDirectory(prefix="blueprint-layout-") as scratch:
        paths = {size: Path(scratch, f"generated-{size}.bp") for size in sizes}
        for size, path in paths.items():
            path.write_text(generate(size), encoding="utf-8")
        for number in range(rounds):
            print(f"round {number + 1} of {rounds} …", file=sys.stderr, flush=True)
            for size in sizes:
                for mode in MODES:
                    for name, src in versions.items():
                        key = f"{size} {mode} {name}"
                        samples.setdefault(key, []).append(_sample(src, str(paths[size]), mode))
        if instructions:
            for size in sizes:
                for name, src in versions.items():
                    counts[f"{size} {name}"] = _instructions(src, str(paths[size]))
    return {"versions": versions, "sizes": sizes, "rounds": rounds, "samples": samples, "instructions": counts}


def report(results: dict) -> str:
    names = list(results["versions"])
    first = names[0]
    lines = ["| actions | collector | " + " | ".join(names) + " |",
             "| ---: | --- | " + " | ".join("---:" for _ in names) + " |"]
    for size in results["sizes"]:
        for mode in MODES:
            base = statistics.median(results["samples"][f"{size} {mode} {first}"])
            cells = []
            for name in names:
                value = statistics.median(results["samples"][f"{size} {mode} {name}"])
                cells.append(f"{value * 1000:,.0f} ms" + ("" if name == first else f" ({value / base:.2f}×)"))
            lines.append(f"| {size:,} | {mode} | " + " | ".join(cells) + " |")
    counts = results["instructions"]
    if counts:
        lines += ["", "| actions | " + " | ".join(names) + " |", "| ---: | " + " | ".join("---:" for _ in names) + " |"]
        for size in results["sizes"]:
            base = counts[f"{size} {first}"]
            cells = []
            for name in names:
                value = counts[f"{size} {name}"]
                if value is None or not base:
                    cells.append("n/a")
                    continue
                cells.append(f"{value / 1e6:,.0f} million" + ("" if name == first else f" ({value / base:.3f}×)"))
            lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("versions", nargs="*", metavar="NAME=SRC", help="a name and the src folder of a checkout")
    parser.add_argument("--sizes", default="1000,5000", help="numbers of actions, comma-separated")
    parser.add_argument("--rounds", type=int, default=5, help="samples of every version, size and mode; default 5")
    parser.add_argument("--instructions", action="store_true", help="also count instructions with callgrind (slow)")
    parser.add_argument("--json", metavar="OUT", help="also write every sample as JSON to OUT")
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        src, path, mode, layouts = args.worker
        print(worker(src, path, mode, int(layouts)))
        return
    versions = {}
    for given in args.versions:
        name, _, src = given.partition("=")
        if not src or not Path(src, "blueprint").is_dir():
            parser.error(f"{given!r}: give NAME=SRC, where SRC holds the blueprint package")
        versions[name] = str(Path(src).resolve())
    if len(versions) < 2:
        parser.error("name at least two versions")
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    results = compare(versions, sizes, max(1, args.rounds), args.instructions)
    print(report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
