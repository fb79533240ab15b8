"""Parsing again after an edit gives what parsing the whole text gives, and
reads again only the lines that changed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from blueprint.parse.incremental import LineCache, parse_again
from blueprint.parse.parser import parse
from blueprint.source import Source

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.bp"))


def edited(text: str, rng: random.Random) -> str:
    """`text` with one edit of the kinds typing makes: a character typed or deleted, a line split or joined, a paste."""
    at = rng.randrange(len(text) + 1)
    kind = rng.randrange(5)
    if kind == 0:
        return text[:at] + rng.choice('abc "->.\\#“😀步\t') + text[at:]
    if kind == 1:
        return text[:at] + text[at + 1:]
    if kind == 2:
        return text[:at] + "\n" + text[at:]
    if kind == 3:
        return text.replace("\n", "", 1) if rng.random() < 0.5 else text[:at] + text[at:].replace("\n", " ", 1)
    start = rng.randrange(len(text) + 1)
    return text[:at] + text[start:start + rng.randrange(80)] + text[at:]


def same(cached, whole) -> None:
    assert cached.statements == whole.statements
    assert cached.diagnostics == whole.diagnostics


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_edited_at_random_parses_as_the_whole_does(path):
    rng = random.Random(path.stem)
    text = path.read_text(encoding="utf-8")
    cache = LineCache()
    for _ in range(60):
        source = Source(name=path.name, text=text)
        same(parse_again(source, cache), parse(source))
        text = edited(text, rng)


def test_unchanged_lines_are_not_read_again():
    text = EXAMPLES[0].read_text(encoding="utf-8")
    cache = LineCache()
    first = parse_again(Source(name="a.bp", text=text), cache)
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("customer"))
    lines[number] = lines[number].replace('"', '"Now ', 1)
    again = parse_again(Source(name="a.bp", text="\n".join(lines)), cache)
    changed = [i for i, (a, b) in enumerate(zip(first.statements, again.statements)) if a is not b]
    assert len(changed) == 1 and again.statements[changed[0]].span.line == number + 1
    assert again.statements[changed[0]].label.startswith("Now ")


def test_a_cache_of_another_file_is_not_used():
    cache = LineCache()
    parse_again(Source(name="a.bp", text='blueprint "A"\n'), cache)
    found = parse_again(Source(name="b.bp", text='blueprint "A"\nstep s "S\n'), cache)
    assert [(d.code, d.file) for d in found.diagnostics] == [("BP102", "b.bp")]
