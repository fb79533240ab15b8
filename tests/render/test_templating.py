"""The shared Jinja2 setup: compiled templates kept in the user's cache folder,
and a render that leaves nothing for the cyclic garbage collector."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, UndefinedError

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.render import templating
from blueprint.render.svg import render_svg

ROOT = Path(__file__).resolve().parents[2]
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
    assert templating.render(second, **variables) == templating.render(first, **variables) == "A&lt;B! <a&lt;b>"


@pytest.mark.parametrize("damage", [b"", b"garbage", None], ids=["empty", "garbage", "truncated"])
def test_a_damaged_cache_entry_is_compiled_again_and_replaced(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh_environment().get_template("page.txt")
    [entry] = cache_files(tmp_path)
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2] if damage is None else damage)

    template = fresh_environment().get_template("page.txt")
    assert templating.render(template, mark="!", thing=Thing("x")) == "X! <x>"
    assert entry.read_bytes() == good


def test_without_a_writable_cache_folder_templates_still_render(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    template = fresh_environment().get_template("page.txt")
    assert templating.render(template, mark="!", thing=Thing("x")) == "X! <x>"


def test_the_environment_is_strict_and_escapes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    template = fresh_environment().get_template("page.txt")
    with pytest.raises(UndefinedError):
        templating.render(template, mark="!")
    assert "&lt;script&gt;" in templating.render(template, mark="!", thing=Thing("<script>"))


def test_rendering_keeps_nothing_alive_for_the_garbage_collector():
    # A template with macros leaves its context in a reference cycle; the
    # variables passed in must still be freed as soon as rendering is over.
    thing = Thing("x")
    alive = weakref.ref(thing)
    template = fresh_environment().get_template("page.txt")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        templating.render(template, mark="!", thing=thing)
        del thing
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()


def test_a_drawn_scene_is_freed_without_the_garbage_collector():
    scene = layout(check_file(ROOT / "examples" / "deposit.bp").blueprint)
    alive = weakref.ref(scene)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        render_svg(scene)
        del scene
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()
