"""Time the overview (`render --view overview`) against the full drawing, in-process.

    python benchmarks/overview.py [--sizes 1000,5000] [--repeat 5]

For each size, the generated blueprint (benchmarks/generate.py) is checked
once, then drawn as SVG alternately as its overview and as the full drawing,
`--repeat` times each after one untimed drawing of each; the report gives the
median CPU time of each and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from blueprint.api import check_text, render_overview, render_result  # noqa: E402


def _cpu(function, *args) -> float:
    start = time.process_time()
    function(*args)
    return time.process_time() - start


def measure(actions: int, repeat: int) -> tuple[float, float]:
    result = check_text(generate(actions), name=f"generated-{actions}.bp")
    render_overview(result, "svg")
    render_result(result, "svg")
    overview, full = [], []
    for _ in range(repeat):
        overview.append(_cpu(render_overview, result, "svg"))
        full.append(_cpu(render_result, result, "svg"))
    return statistics.median(overview), statistics.median(full)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="numbers of actions, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="timed drawings of each kind; default 5")
    options = parser.parse_args()
    print(f"{'actions':>8} {'overview':>10} {'full':>10} {'ratio':>7}")
    for size in (int(part) for part in options.sizes.split(",")):
        overview, full = measure(size, options.repeat)
        print(f"{size:>8} {overview * 1000:>8.0f}ms {full * 1000:>8.0f}ms {overview / full:>7.3f}")


if __name__ == "__main__":
    main()
