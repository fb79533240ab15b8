"""Loads grammar/blueprint.lark and builds the LALR parser once per process.

Building the parse tables takes longer than parsing a typical file, so they
are cached on disk (Lark's own cache, keyed by the grammar, the options, the
Lark version and the Python version) in the user's cache folder (see
blueprint.usercache). When that folder cannot be written the parser is
simply built every time.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

from lark import Lark
from lark import __version__ as lark_version

from blueprint.parse.transform import Statements
from blueprint.usercache import cache_folder

GRAMMAR_FILE = "blueprint.lark"


def grammar_text() -> str:
    # In a wheel the grammar ships inside the package; in a source checkout
    # (editable install, tests) it is read from the top-level grammar/ folder.
    # Plain paths: importlib.resources costs about 2 ms of every start.
    package = Path(__file__).resolve().parents[1]
    packaged = package / "grammar" / GRAMMAR_FILE
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (package.parents[1] / "grammar" / GRAMMAR_FILE).read_text(encoding="utf-8")


def _cache_file(grammar: str) -> str | bool:
    """Where Lark keeps the built tables, or False when there is nowhere to keep them."""
    folder = cache_folder()
    if folder is None:
        return False
    key = hashlib.sha256(f"{grammar}\0{lark_version}\0{sys.version_info[:2]}".encode()).hexdigest()[:16]
    return os.path.join(folder, f"parser-{key}.lark")


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The parser. It hands back typed statements, not a tree: `start` gives a
    list of them, `statement` one. Call it inside
    `blueprint.parse.reading.reading(file)`, which says what the statements
    report under; `blueprint.parse.parse` does."""
    grammar = grammar_text()
    return Lark(
        grammar,
        parser="lalr",
        # Keywords stay among a rule's children so that a statement's span can start at its keyword.
        keep_all_tokens=True,
        maybe_placeholders=False,
        start=["start", "statement"],
        transformer=Statements(),
        cache=_cache_file(grammar),
    )
