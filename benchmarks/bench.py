"""Benchmark blueprint on generated blueprints of growing size.

    python benchmarks/bench.py [--sizes 10,100,1000,5000] [--repeat N] [--json OUT]

For every size it writes a generated blueprint (see generate.py) to a
temporary folder and measures, each in a fresh Python process so that sizes
do not pollute each other:

* the stage times in-process: parse, model, validate, layout and SVG render
  (median of N runs after one warm-up, wall clock and CPU time);
* the peak memory of one whole in-process run from the file's bytes to the
  SVG text: the tracemalloc peak, and the process's max RSS (from
  resource.getrusage, in a process of its own without tracemalloc);
* what the targets are about, in N rounds that each take one sample of every
  size, so that the machine's drift touches all sizes alike and no slow
  minute makes the median (see _sample_in_rounds): the whole in-process run
  as `blueprint render` makes it (check_bytes, then render_result to SVG),
  and the cold start of the command line, `blueprint render FILE -o OUT.svg
  --force` and `blueprint check FILE`, with Python's bytecode kept as after
  pip install (see _user_environment); also `blueprint --help`;
* when the `dot` program is installed, Graphviz `dot -Tsvg` on our own DOT
  export of the same blueprint, for comparison.
* with --instructions, when valgrind is installed: the instructions one warm
  whole in-process run executes, counted by callgrind (the difference
  between a process making one run after its warm-up and one making two).
  Unlike time, the count does not depend on what else the machine is doing,
  so it shows how the work itself grows with the blueprint.

It also checks that `blueprint --help` and `blueprint check` import neither
jinja2 nor the layout nor the renderers (with python -X importtime), and
prints the targets in docs/performance.md with whether each is met.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
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

STAGES = ("parse", "model", "validate", "layout", "svg")
# A measurement that repeats a slow command stops early once it has used this
# many seconds (it always runs at least once); the runs made are reported.
BUDGET_SECONDS = 30.0
DOT_TIMEOUT = 30.0
# Modules that `blueprint --help` and `blueprint check` must not import.
HEAVY_MODULES = ("jinja2", "blueprint.layout", "blueprint.render", "graphviz")

TARGETS = {
    "cold_render_100": 0.35,  # s, `blueprint render` of 100 actions, fresh process
    "in_process_1000": 1.0,  # s, parse through SVG, 1,000 actions
    "growth_5000_over_1000": 5.0,  # times, total in-process time of 5,000 over 1,000 actions
    "rss_5000_mb": 200.0,  # MB, max RSS of the whole in-process pipeline at 5,000 actions
}


# --- workers: each runs in a fresh process ------------------------------------------------

def _pipeline_modules():
    from blueprint.layout import layout
    from blueprint.model.build import build
    from blueprint.parse.parser import parse
    from blueprint.render.svg import render_svg
    from blueprint.source import Source
    from blueprint.catalogue import DEFAULT_CODES
    from blueprint.validate import validate

    return Source, parse, build, validate, DEFAULT_CODES, layout, render_svg


def worker_stages(path: str, repeat: int, dot_path: str | None) -> dict:
    Source, parse, build, validate, codes, layout, render_svg = _pipeline_modules()
    text = Path(path).read_bytes().decode("utf-8")

    def run(first: bool) -> dict[str, tuple[float, float]]:
        times: dict[str, tuple[float, float]] = {}

        def timed(stage, function, *args):
            wall, cpu = time.perf_counter(), time.process_time()
            result = function(*args)
            times[stage] = (time.perf_counter() - wall, time.process_time() - cpu)
            return result

        parsed = timed("parse", parse, Source(name=path, text=text))
        blueprint, structural = timed("model", build, path, parsed.statements)
        findings = timed("validate", validate, blueprint, codes)
        scene = timed("layout", layout, blueprint)
        svg = timed("svg", render_svg, scene)
        if first:
            errors = [d for d in (*parsed.diagnostics, *structural, *findings) if d.level.value == "error"]
            if errors:
                raise SystemExit(f"{path}: the generated blueprint has errors: {errors[0].message}")
            facts.update({
                "actions": len(blueprint.actions()),
                "steps": len(blueprint.steps),
                "phases": len(blueprint.phases),
                "flows": len(blueprint.flows),
                "fail_points": len(blueprint.fail_points()),
                "wait_points": len(blueprint.wait_points()),
                "warnings": len(parsed.diagnostics) + len(structural) + len(findings),
                "bp_bytes": len(text.encode("utf-8")),
                "svg_bytes": len(svg.encode("utf-8")),
            })
            if dot_path:
                from blueprint.render.dot import render_dot

                Path(dot_path).write_text(render_dot(scene), encoding="utf-8")
        return times

    facts: dict = {}
    runs: list[dict[str, tuple[float, float]]] = []
    for number in range(repeat + 1):  # the first run warms up and is not counted
        gc.collect()  # each run starts without the previous run's garbage
        times = run(first=number == 0)
        if number:
            runs.append(times)
    result: dict = {"facts": facts, "runs": len(runs), "wall": {}, "cpu": {}}
    for stage in STAGES:
        result["wall"][stage] = statistics.median(r[stage][0] for r in runs)
        result["cpu"][stage] = statistics.median(r[stage][1] for r in runs)
    result["wall"]["total"] = statistics.median(sum(r[s][0] for s in STAGES) for r in runs)
    result["cpu"]["total"] = statistics.median(sum(r[s][1] for s in STAGES) for r in runs)
    return result


def worker_pipeline(path: str, runs: int) -> dict:
    """Wall and CPU seconds of `runs` whole in-process runs, as `blueprint
    render` does them (see _whole_pipeline), after one untimed warm-up run;
    nothing else is alive in the process, as in that command."""
    import jinja2  # noqa: F401  (imports are part of the process, not of the run)

    import blueprint.api  # noqa: F401

    _whole_pipeline(path)
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        gc.collect()  # each run starts without the previous run's garbage
        wall, cpu = time.perf_counter(), time.process_time()
        _whole_pipeline(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"wall": walls, "cpu": cpus}


def worker_repeat(path: str, runs: int) -> dict:
    """`runs` whole in-process runs after one warm-up run, untimed: callgrind counts them."""
    import blueprint.api  # noqa: F401

    for _ in range(runs + 1):
        _whole_pipeline(path)
    return {}


def _whole_pipeline(path: str) -> None:
    """What `blueprint render` does in-process: check the file's bytes, then draw it."""
    from blueprint.api import check_bytes, render_result

    result = check_bytes(path, Path(path).read_bytes())
    render_result(result, "svg")


def worker_memory(path: str, trace: bool) -> dict:
    _pipeline_modules()  # imports are part of the process, not of the run
    import blueprint.api  # noqa: F401
    import jinja2  # noqa: F401  (the SVG renderer imports it on first use)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        import tracemalloc

        tracemalloc.start()
        _whole_pipeline(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return {"tracemalloc_peak_mb": peak / 2**20}
    _whole_pipeline(path)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"rss_after_imports_mb": before / 1024, "max_rss_mb": after / 1024}


def _run_worker(*arguments: str) -> dict:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", *arguments],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"worker {' '.join(arguments)} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _instructions(path: str) -> int | None:
    """Instructions of one warm whole run of the blueprint at `path`, or None
    without valgrind. Hash randomisation is fixed so that the count repeats."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    counts = []
    for runs in (1, 2):
        done = subprocess.run(
            [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
             sys.executable, str(Path(__file__).resolve()), "--worker", "repeat", path, str(runs)],
            capture_output=True, text=True, env={**_user_environment(), "PYTHONHASHSEED": "0"})
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode != 0 or found is None:
            raise SystemExit(f"callgrind failed on {path}:\n{done.stderr[-2000:]}")
        counts.append(int(found.group(1)))
    return counts[1] - counts[0]


# --- commands in fresh processes ----------------------------------------------------------

def _user_environment() -> dict[str, str]:
    """The environment of a user's shell: Python may keep its bytecode.

    pip compiles a wheel's modules when it installs them, and Python writes
    the bytecode of an editable install on first use; a shell (a container,
    an IDE's terminal) that sets PYTHONDONTWRITEBYTECODE would otherwise make
    every timed run compile the whole package from source."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _sample_in_rounds(results: dict, scratch: str, sizes: list[int], repeat: int, blueprint: list[str]) -> None:
    """The figures the targets are about, in `repeat` rounds that each take
    one sample of every size: the whole in-process run (a fresh process per
    sample, after one warm-up run in it) and the cold starts of `blueprint
    render` and `blueprint check` (after one untimed run of each, which warms
    the disk cache and the bytecode, parse-table and template caches, as on
    any machine where the tool has run once).

    A shared virtual machine's speed drifts by a quarter or more over minutes.
    Samples spread over the whole benchmark give a median that a slow minute
    cannot make, and sampling the sizes in turn lets the drift touch all of
    them alike instead of skewing the ratio between them."""
    names = {size: f"generated-{size}" for size in sizes}
    commands = {
        size: {"cli_render": [*blueprint, "render", f"{names[size]}.bp", "-o", f"{names[size]}.svg", "--force"],
               "cli_check": [*blueprint, "check", f"{names[size]}.bp"]}
        for size in sizes
    }
    for size in sizes:
        for command in commands[size].values():
            _run_once(command, scratch)
    samples = {size: {key: ([], []) for key in ("pipeline", "cli_render", "cli_check")} for size in sizes}
    for _ in range(repeat):
        for size in sizes:
            got = _run_worker("pipeline", str(Path(scratch, f"{names[size]}.bp")), "1")
            samples[size]["pipeline"][0].extend(got["wall"])
            samples[size]["pipeline"][1].extend(got["cpu"])
            for key, command in commands[size].items():
                wall, cpu = _run_once(command, scratch)
                samples[size][key][0].append(wall)
                samples[size][key][1].append(cpu)
    for size in sizes:
        entry = results["sizes"][str(size)]
        walls, cpus = samples[size]["pipeline"]
        entry["stages"]["wall"]["pipeline"] = statistics.median(walls)
        entry["stages"]["cpu"]["pipeline"] = statistics.median(cpus)
        entry["stages"]["pipeline_samples"] = {"wall": walls, "cpu": cpus}
        for key in ("cli_render", "cli_check"):
            entry[key] = _summary(*samples[size][key])


def _timed_command(command: list[str], repeat: int, cwd: str, timeout: float | None = None) -> dict:
    """Median wall and CPU seconds of `command` over up to `repeat` fresh runs.

    Each run is a new process, so it pays for starting Python and importing;
    a first, untimed run warms the disk cache and the bytecode, parse-table
    and template caches, as on any machine where the tool has run once."""
    walls: list[float] = []
    cpus: list[float] = []
    spent = 0.0
    if timeout is None:
        _run_once(command, cwd)
    for _ in range(repeat):
        try:
            wall, cpu = _run_once(command, cwd, timeout)
        except subprocess.TimeoutExpired:
            return {"timed_out_after": timeout, "runs": len(walls)}
        walls.append(wall)
        cpus.append(cpu)
        spent += wall
        if spent > BUDGET_SECONDS:
            break
    return _summary(walls, cpus)


def _run_once(command: list[str], cwd: str, timeout: float | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, timeout=timeout, env=_user_environment())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # `check` exits 1 on findings; anything else is a failure
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode(errors='replace')}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _summary(walls: list[float], cpus: list[float]) -> dict:
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "runs": len(walls),
            "wall_min": min(walls), "wall_max": max(walls), "samples": walls}


def _blueprint_command() -> list[str]:
    beside = Path(sys.executable).with_name("blueprint")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("blueprint")
    if found:
        return [found]
    raise SystemExit("the `blueprint` command is not installed; run `pip install -e .` first")


def _imported_modules(arguments: list[str], cwd: str) -> list[str]:
    """Modules that `blueprint ARGUMENTS` imports, from python -X importtime."""
    program = "import sys; from blueprint.cli import main; sys.argv = ['blueprint', *sys.argv[1:]]; main()"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", program, *arguments],
                          cwd=cwd, capture_output=True, text=True)
    names = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.append(line.rsplit("|", 1)[1].strip())
    return names


def _heavy(names: list[str]) -> list[str]:
    return sorted({n for n in names if any(n == m or n.startswith(m + ".") for m in HEAVY_MODULES)})


# --- the machine ---------------------------------------------------------------------------

def machine() -> dict:
    info: dict = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "os": platform.platform(terse=True),
        "cores": os.cpu_count(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = round(int(line.split()[1]) / 2**20, 1)
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                info["os"] = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    try:
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    dot = shutil.which("dot")
    if dot:
        done = subprocess.run([dot, "-V"], capture_output=True, text=True)
        info["graphviz"] = (done.stderr or done.stdout).strip()
    for package in ("lark", "pydantic", "jinja2"):
        try:
            from importlib.metadata import version

            info[package] = version(package)
        except Exception:  # noqa: BLE001 — a missing version only leaves a blank
            pass
    return info


# --- the report ----------------------------------------------------------------------------

def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds >= 0.0095 else f"{seconds * 1000:.1f}"


def _s(result: dict) -> str:
    if "timed_out_after" in result:
        return f">{result['timed_out_after']:.0f}"
    return f"{result['wall']:.2f}"


def report(results: dict) -> str:
    m = results["machine"]
    out = [
        f"Machine: {m.get('cpu', '?')}, {m.get('cores')} cores, {m.get('ram_gb', '?')} GB RAM, {m.get('os')}; "
        f"Python {m['python']}; lark {m.get('lark', '?')}, pydantic {m.get('pydantic', '?')}",
        f"Load average at start {m.get('load_average')}, at end {results.get('load_average_end')}; "
        f"median of {results['repeat']} runs",
        "",
        "In-process stage times, ms (wall clock)",
        f"{'actions':>8} {'flows':>6} " + " ".join(f"{s:>9}" for s in STAGES) + f" {'total':>9}",
    ]
    for size, r in results["sizes"].items():
        st = r["stages"]
        out.append(f"{size:>8} {st['facts']['flows']:>6} "
                   + " ".join(f"{_ms(st['wall'][s]):>9}" for s in STAGES)
                   + f" {_ms(st['wall']['total']):>9}")
    out += ["", "The same runs in CPU time, ms (time the process spent running: "
                "less disturbed than wall clock by other load)",
            f"{'actions':>8} {'':>6} " + " ".join(f"{s:>9}" for s in STAGES) + f" {'total':>9}"]
    for size, r in results["sizes"].items():
        st = r["stages"]
        out.append(f"{size:>8} {'':>6} " + " ".join(f"{_ms(st['cpu'][s]):>9}" for s in STAGES)
                   + f" {_ms(st['cpu']['total']):>9}")
    out += ["", "Whole in-process run through the API (check_bytes, then render_result to SVG), "
                "as `blueprint render` runs it, ms (wall clock; CPU in brackets)"]
    for size, r in results["sizes"].items():
        st = r["stages"]
        out.append(f"{size:>8} {_ms(st['wall']['pipeline']):>9} ({_ms(st['cpu']['pipeline'])})")
    counted = {size: r["instructions"] for size, r in results["sizes"].items() if r.get("instructions")}
    if counted:
        out += ["", "Instructions of that run (callgrind), millions; and per action"]
        for size, count in counted.items():
            out.append(f"{size:>8} {count / 1e6:>9,.0f} {count / int(size) / 1e6:>9.2f}")
    out += ["", "Memory of one whole in-process run (file bytes to SVG text), MB",
            f"{'actions':>8} {'tracemalloc peak':>17} {'max RSS':>8} {'RSS after imports':>18}"]
    for size, r in results["sizes"].items():
        mem = r["memory"]
        out.append(f"{size:>8} {mem['tracemalloc_peak_mb']:>17.1f} {mem['max_rss_mb']:>8.1f} "
                   f"{mem['rss_after_imports_mb']:>18.1f}")
    out += ["", "Fresh processes, s (wall clock; CPU time in brackets)",
            f"{'actions':>8} {'render SVG':>16} {'check':>16} {'dot -Tsvg':>16} {'SVG KB':>8}"]
    for size, r in results["sizes"].items():
        cells = []
        for key in ("cli_render", "cli_check", "graphviz"):
            value = r.get(key)
            if value is None:
                cells.append(f"{'n/a':>16}")
            elif "timed_out_after" in value:
                cells.append(f"{_s(value):>16}")
            else:
                cells.append(f"{_s(value) + ' (' + format(value['cpu'], '.2f') + ')':>16}")
        out.append(f"{size:>8} " + " ".join(cells) + f" {r['stages']['facts']['svg_bytes'] / 1024:>8,.0f}")
    h = results["cli_help"]
    out.append(f"{'--help':>8} {_s(h) + ' (' + format(h['cpu'], '.2f') + ')':>16}")
    out += ["", "Lazy imports (modules that must wait until something is drawn)"]
    for command, heavy in results["lazy_imports"].items():
        out.append(f"  blueprint {command}: " + ("none of " + ", ".join(HEAVY_MODULES) if not heavy
                                                 else "IMPORTS " + ", ".join(heavy)))
    out += ["", "Targets"]
    if not results["targets"]:
        out.append("  (none: the targets are about 100, 1,000 and 5,000 actions)")
    for line in results["targets"]:
        out.append(f"  [{'met' if line['met'] else 'NOT MET'}] {line['what']}: {line['value']}")
    return "\n".join(out)


def targets(results: dict) -> list[dict]:
    sizes = results["sizes"]
    lines = []
    if "100" in sizes:
        value = sizes["100"]["cli_render"]["wall"]
        lines.append({"what": "100 actions, `blueprint render` to SVG from a cold start, under 0.35 s",
                      "value": f"{value:.2f} s", "met": value < TARGETS["cold_render_100"]})
    if "1000" in sizes:
        value = sizes["1000"]["stages"]["wall"]["pipeline"]
        lines.append({"what": "1,000 actions, parse through SVG in-process, under 1 s",
                      "value": f"{value:.2f} s", "met": value < TARGETS["in_process_1000"]})
    if "1000" in sizes and "5000" in sizes:
        # Medians, like the other targets. The ratio of the fastest samples is
        # shown beside them but is no better an estimate: a 0.3 s run meets a
        # quiet moment of a shared machine far more often than a 1.5 s one.
        ratio = sizes["5000"]["stages"]["wall"]["pipeline"] / sizes["1000"]["stages"]["wall"]["pipeline"]
        fastest = {size: min(sizes[size]["stages"]["pipeline_samples"]["wall"]) for size in ("1000", "5000")}
        lines.append({"what": "5,000 actions cost no more than about 5x the 1,000-action time",
                      "value": f"{ratio:.2f}x (fastest samples: {fastest['5000'] / fastest['1000']:.2f}x)",
                      "met": ratio <= TARGETS["growth_5000_over_1000"] * 1.1})
    if "5000" in sizes:
        value = sizes["5000"]["memory"]["max_rss_mb"]
        lines.append({"what": "5,000 actions, peak memory (max RSS) under 200 MB",
                      "value": f"{value:.0f} MB", "met": value < TARGETS["rss_5000_mb"]})
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000,5000", help="numbers of actions, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median); default 5")
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON to OUT")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of one in-process run with callgrind (slow)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        kind, *rest = args.worker
        if kind == "stages":
            print(json.dumps(worker_stages(rest[0], int(rest[1]), rest[2] if len(rest) > 2 else None)))
        elif kind == "pipeline":
            print(json.dumps(worker_pipeline(rest[0], int(rest[1]))))
        elif kind == "repeat":
            print(json.dumps(worker_repeat(rest[0], int(rest[1]))))
        else:
            print(json.dumps(worker_memory(rest[0], trace=kind == "trace")))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    repeat = max(1, args.repeat)
    blueprint = _blueprint_command()
    dot = shutil.which("dot")
    results: dict = {"machine": machine(), "repeat": repeat, "sizes": {}}
    dot_gave_up = False
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-") as scratch:
        for size in sorted(sizes):
            print(f"{size} actions …", file=sys.stderr, flush=True)
            source = Path(scratch, f"generated-{size}.bp")
            source.write_text(generate(size), encoding="utf-8")
            dot_file = Path(scratch, f"generated-{size}.dot")
            entry: dict = {}
            entry["stages"] = _run_worker("stages", str(source), str(repeat), str(dot_file) if dot else "")
            entry["memory"] = {**_run_worker("rss", str(source)), **_run_worker("trace", str(source))}
            if dot and dot_gave_up:
                # A larger graph would only time out too: say so without waiting for it.
                entry["graphviz"] = {"timed_out_after": DOT_TIMEOUT, "runs": 0, "skipped": True}
            elif dot:
                entry["graphviz"] = _timed_command([dot, "-Tsvg", dot_file.name, "-o", dot_file.name + ".svg"],
                                                   repeat, scratch, timeout=DOT_TIMEOUT)
                dot_gave_up = "timed_out_after" in entry["graphviz"]
            if args.instructions:
                entry["instructions"] = _instructions(str(source))
            results["sizes"][str(size)] = entry
        _sample_in_rounds(results, scratch, sorted(sizes), repeat, blueprint)
        results["cli_help"] = _timed_command([*blueprint, "--help"], repeat, scratch)
        first = Path(scratch, f"generated-{sizes[0]}.bp").name
        results["lazy_imports"] = {
            "--help": _heavy(_imported_modules(["--help"], scratch)),
            "check": _heavy(_imported_modules(["check", first], scratch)),
        }
    results["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = targets(results)
    print(report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
