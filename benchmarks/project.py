"""Benchmark a project of many files: checking blueprints that detail one
another against checking the same blueprints as unrelated files.

    python benchmarks/project.py [--files 200] [--actions 60] [--repeat 7] [--json OUT]

It writes two folders of `--files` generated blueprints (see generate.py),
the same text in both but for the `detail` lines: in the project folder the
files form a tree (file 0 the root, each file detailed by a step of the file
above it, four details a file, on steps where the customer acts so that no
reference is a finding), in the other the files name no detail. Then it runs
`blueprint check FOLDER` on each, alternately, `--repeat` times each, in
fresh processes as a user runs it, and reports the medians and their ratio:
what following the references costs. The target is a ratio of at most 1.5.
Both checks must come out clean (exit status 0), or the figures are void.
It also checks each folder in one process, file by file, and reports the CPU
seconds of checking the files and of following the references apart: the
second is the project stage's own cost, which the load of a shared machine
hardly blurs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

CHILDREN = 4  # details per file
TARGET_RATIO = 1.5
_STEP = re.compile(r'^step \S+ "')


def _customer_steps(text: str) -> list[int]:
    """The line numbers of the steps with a customer action, in order."""
    lines = text.split("\n")
    found, current = [], None
    for number, line in enumerate(lines):
        if _STEP.match(line):
            current = number
        elif current is not None and line.startswith("  customer ") and (not found or found[-1] != current):
            found.append(current)
    return found


def with_details(text: str, children: list[str]) -> str:
    """`text` with a `detail` line under one customer step for each child."""
    lines = text.split("\n")
    steps = _customer_steps(text)
    if len(steps) < len(children):
        raise ValueError(f"{len(steps)} customer steps for {len(children)} details: generate more actions")
    for step, child in sorted(zip(steps, children), reverse=True):
        lines.insert(step + 1, f'  detail "{child}"')
    return "\n".join(lines)


def write_folders(root: Path, files: int, actions: int) -> tuple[Path, Path]:
    project, unrelated = root / "project", root / "unrelated"
    project.mkdir()
    unrelated.mkdir()
    for index in range(files):
        text = generate(actions, seed=index + 1)
        name = f"b{index:03d}.bp"
        children = [f"b{child:03d}.bp" for child in range(index * CHILDREN + 1, index * CHILDREN + CHILDREN + 1)
                    if child < files]
        (unrelated / name).write_text(text, encoding="utf-8")
        (project / name).write_text(with_details(text, children), encoding="utf-8")
    return project, unrelated


def _check(folder: Path) -> float:
    started = time.perf_counter()
    # The installed command, as a user runs it (the interpreter's own, so the benchmark's copy of blueprint).
    command = [str(Path(sys.executable).parent / "blueprint"), "check", "--no-config", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"blueprint check {folder.name} exited {done.returncode}:\n{done.stdout[-2000:]}{done.stderr}")
    return elapsed


# One process checks every file of a folder one by one, then follows the
# references across them, and prints the CPU time of each part: the machine's
# load, which makes wall-clock samples vary by half, hardly touches it.
_IN_PROCESS = """
import sys, time
from blueprint.catalogue import DEFAULT_CODES
from blueprint.cli.check import check_files, with_details
from blueprint.cli.files import discover
names = [str(path) for path in discover([sys.argv[1]])]
started = time.process_time()
checked = check_files(names, DEFAULT_CODES, workers=1)
files = time.process_time()
results = with_details(checked, DEFAULT_CODES, None, None)
assert len(results) == len(names) and not any(r.errors for r in results)
print(files - started, time.process_time() - files)
"""


def _cpu(folder: Path) -> tuple[float, float]:
    """CPU seconds to check the folder's files one by one, and to follow their references."""
    done = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(folder)], capture_output=True, text=True,
                          check=True)
    checking, references = done.stdout.split()
    return float(checking), float(references)


def measure(files: int, actions: int, repeat: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as temporary:
        project, unrelated = write_folders(Path(temporary), files, actions)
        _check(project), _check(unrelated)  # warm the disk cache and the compiled bytecode alike
        times: dict[str, list[float]] = {"project": [], "unrelated": []}
        cpu: dict[str, list[tuple[float, float]]] = {"project": [], "unrelated": []}
        for _ in range(repeat):  # alternately, so that the machine's drift touches both alike
            times["unrelated"].append(_check(unrelated))
            times["project"].append(_check(project))
            cpu["unrelated"].append(_cpu(unrelated))
            cpu["project"].append(_cpu(project))
    medians = {kind: statistics.median(samples) for kind, samples in times.items()}
    cpu_medians = {kind: [statistics.median(sample[part] for sample in samples) for part in (0, 1)]
                   for kind, samples in cpu.items()}
    cpu_total = {kind: sum(parts) for kind, parts in cpu_medians.items()}
    return {
        "files": files,
        "actions_per_file": actions,
        "details_per_file": CHILDREN,
        "repeat": repeat,
        "median_seconds": {kind: round(value, 3) for kind, value in medians.items()},
        "samples_seconds": {kind: [round(value, 3) for value in samples] for kind, samples in times.items()},
        "ratio": round(medians["project"] / medians["unrelated"], 3),
        "cpu_seconds_in_process": {kind: {"checking": round(parts[0], 3), "references": round(parts[1], 4)}
                                   for kind, parts in cpu_medians.items()},
        "cpu_ratio": round(cpu_total["project"] / cpu_total["unrelated"], 3),
        "target_ratio": TARGET_RATIO,
        "machine": {"python": platform.python_version(), "system": platform.platform(),
                    "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--actions", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments = parser.parse_args()
    figures = measure(arguments.files, arguments.actions, arguments.repeat)
    medians = figures["median_seconds"]
    print(f"{arguments.files} files of {arguments.actions} actions, `blueprint check FOLDER`, "
          f"median of {arguments.repeat}:")
    print(f"  unrelated files: {medians['unrelated']:.3f} s")  # type: ignore[index]
    print(f"  a project with details: {medians['project']:.3f} s")  # type: ignore[index]
    met = "met" if figures["ratio"] <= TARGET_RATIO else "NOT met"  # type: ignore[operator]
    print(f"  ratio {figures['ratio']:.3f} (target at most {TARGET_RATIO}: {met})")
    cpu = figures["cpu_seconds_in_process"]
    print("  in one process, CPU seconds checking the files + following the references:")
    for kind in ("unrelated", "project"):
        print(f"    {kind}: {cpu[kind]['checking']:.3f} + {cpu[kind]['references']:.4f}")  # type: ignore[index]
    print(f"  CPU ratio {figures['cpu_ratio']:.3f}")
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
