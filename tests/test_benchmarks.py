"""The benchmarks still run: a tiny size of each quick one, its report read back (no time is judged)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT


def test_the_overview_benchmark_reports_both_drawings() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "overview.py"), "--sizes", "30", "--repeat", "1"],
                         capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    header, row = run.stdout.splitlines()
    assert header.split() == ["actions", "overview", "full", "ratio"]
    size, overview, full, ratio = row.split()
    assert size == "30" and overview.endswith("ms") and full.endswith("ms") and float(ratio) >= 0
