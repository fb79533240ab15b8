"""The shared Jinja2 setup: strict, escaping, and compiled templates kept in the
user's cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, UndefinedError

from blueprint.render import templating

# The macro reads a variable of the template, so it holds the render context.
SOURCE = "{% macro shout(word) %}{{ word | upper }}{{ mark }}{% endmacro %}{{ shout(thing.name) }} <{{ thing.name }}>"


class Thing:
    def __init__(self, name: str) -> None:
        self.name = name


def fresh_environment() -> Environment:
    return templating.environment(DictLoader({"page.txt": SOURCE}))


def cache_files(folder: Path) -> list[Path]:
    return sorted((folder / "blueprint").glob("template-*.cache"))


def test_a_compiled_template_is_kept_and_read_back_without_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = fresh_environment().get_template("page.txt")
    assert len(cache_files(tmp_path)) == 1

    again = fresh_environment()
    monkeypatch.setattr(again, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    second = again.get_template("page.txt")
    variables = {"mark": "!", "thing": Thing("a<b")}
    assert second.render(**variables) == first.render(**variables) == "A&lt;B! <a&lt;b>"


@pytest.mark.parametrize("damage", [b"", b"garbage", None], ids=["empty", "garbage", "truncated"])
def test_a_damaged_cache_entry_is_compiled_again_and_replaced(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh_environment().get_template("page.txt")
    [entry] = cache_files(tmp_path)
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2] if damage is None else damage)

    template = fresh_environment().get_template("page.txt")
    assert template.render(mark="!", thing=Thing("x")) == "X! <x>"
    assert entry.read_bytes() == good


def test_without_a_writable_cache_folder_templates_still_render(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    template = fresh_environment().get_template("page.txt")
    assert template.render(mark="!", thing=Thing("x")) == "X! <x>"


def test_the_environment_is_strict_and_escapes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    template = fresh_environment().get_template("page.txt")
    with pytest.raises(UndefinedError):
        template.render(mark="!")
    assert "&lt;script&gt;" in template.render(mark="!", thing=Thing("<script>"))
