"""What embedding the fonts costs, per example: bytes and time.

    python benchmarks/fonts.py [--markdown]

For every example it renders SVG and HTML with the fonts embedded (the
default) and without (--fonts none) and prints the sizes, then the time
cutting the fonts takes in a fresh process with an empty cache folder (the
first drawing with these characters) and with the cache filled (every
drawing after it). The figures go into docs/performance.md, "Fonts".
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.bp"))
TIMED = ("import sys, time; from pathlib import Path; from blueprint.api import check_file, render_result; "
         "result = check_file(Path(sys.argv[1])); render_result(result, sys.argv[2], fonts='none'); "
         "start = time.perf_counter(); render_result(result, sys.argv[2], fonts='none'); "
         "bare = time.perf_counter() - start; start = time.perf_counter(); "
         "render_result(result, sys.argv[2]); print(time.perf_counter() - start - bare)")


def sizes(path: Path) -> list[int]:
    from blueprint.api import check_file, render_result

    result = check_file(path)
    return [len(render_result(result, output_format, fonts=fonts))
            for output_format in ("svg", "html") for fonts in ("none", "embed")]


def font_time(path: Path, output_format: str, cache: str) -> float:
    """Seconds embedding the fonts adds to one drawing, in a fresh process."""
    environment = {**os.environ, "XDG_CACHE_HOME": cache}
    done = subprocess.run([sys.executable, "-c", TIMED, str(path), output_format], env=environment,
                          capture_output=True, text=True, check=True)
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    print("| example | SVG, no fonts | SVG, fonts | HTML, no fonts | HTML, fonts | fonts added, first time | "
          "fonts added, cached |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for path in EXAMPLES:
        svg_bare, svg_fonts, html_bare, html_fonts = sizes(path)
        with tempfile.TemporaryDirectory() as cache:
            first = font_time(path, "svg", cache)
            cached = font_time(path, "svg", cache)
        print(f"| {path.stem} | {svg_bare / 1024:,.0f} KB | {svg_fonts / 1024:,.0f} KB | {html_bare / 1024:,.0f} KB"
              f" | {html_fonts / 1024:,.0f} KB | {first * 1000:,.0f} ms | {cached * 1000:,.0f} ms |")


if __name__ == "__main__":
    main()
