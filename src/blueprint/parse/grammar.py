"""Loads grammar/blueprint.lark and builds the LALR parser once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from lark import Lark

GRAMMAR_FILE = "blueprint.lark"


def grammar_text() -> str:
    # In a wheel the grammar ships inside the package; in a source checkout
    # (editable install, tests) it is read from the top-level grammar/ folder.
    packaged = resources.files("blueprint").joinpath("grammar").joinpath(GRAMMAR_FILE)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[3] / "grammar" / GRAMMAR_FILE
    return checkout.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark(
        grammar_text(),
        parser="lalr",
        propagate_positions=True,
        maybe_placeholders=False,
        start=["start", "statement"],
    )
