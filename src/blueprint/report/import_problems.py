"""Import problems for people: each at its JSON path, with the .bp line it
would have become and a hint, then what happened to the import."""

from __future__ import annotations

from collections.abc import Sequence

from blueprint.exchange.problems import ImportProblem


def format_problems(name: str, problems: Sequence[ImportProblem]) -> str:
    blocks = []
    for problem in problems:
        lines = [f"{name}: error: {problem.path}: {problem.message}"]
        if problem.bp_line is not None:
            lines.append(f"  = as .bp: {problem.bp_line.strip()}")
        if problem.hint:
            lines.append(f"  = hint: {problem.hint}")
        blocks.append("\n".join(lines))
    count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
    blocks.append(f"{name}: not imported ({count}); nothing was written")
    return "\n\n".join(blocks)
