"""Models made without validation are exactly what validation would make.

See blueprint.model.types.Node for why the stages build their models with
`model_construct`; the property tests apply the same check to random files.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from blueprint.api import check_file, check_text
from blueprint.catalogue import CODES
from blueprint.cli.config import Settings, load_settings

from ..as_built import assert_same, assert_validates_as_built
from ..conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_every_example_checks_into_valid_models(path):
    assert_validates_as_built(check_file(path))


def test_a_long_generated_blueprint_checks_into_valid_models():
    result = check_text(generate(400), "generated.bp")
    assert result.ok
    assert_validates_as_built(result)


def test_the_catalogue_examples_check_into_valid_models():
    # The bad examples between them make findings of nearly every code.
    found = set()
    for code in CODES:
        for text in (code.bad, code.good):
            result = check_text(text, f"{code.code}.bp", {c.code for c in CODES})
            found |= {d.code for d in result.diagnostics}
            assert_validates_as_built(result)
    assert len(found) > len(CODES) * 3 // 4


def test_the_rule_catalogue_is_valid():
    for code in CODES:
        assert_validates_as_built(code)


def test_default_settings_are_what_validation_gives(tmp_path):
    assert_same(Settings.model_construct(), Settings(), "Settings")
    assert_same(load_settings(None), Settings(), "Settings")
    empty = tmp_path / "pyproject.toml"
    empty.write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert_same(load_settings(empty), Settings(), "Settings")


def test_drawing_a_clean_file_builds_no_validator(tmp_path):
    """The point of building unvalidated: no pydantic validator is built, so
    neither are the schemas nor the plugin lookup (importlib.metadata)."""
    source = tmp_path / "loan.bp"
    source.write_text(generate(60), encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        from blueprint.cli import main
        try:
            main(["render", {str(source)!r}, "-o", {str(tmp_path / "loan.svg")!r}], standalone_mode=False)
        finally:
            print("pydantic.plugin._loader" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.split()[-1] == "False"
    assert (tmp_path / "loan.svg").is_file()
