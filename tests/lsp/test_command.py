"""`blueprint lsp` on the command line: a friendly refusal without its extra,
and nothing of it loaded by `blueprint --help`."""

from __future__ import annotations

import os
import subprocess
import sys

from blueprint.cli.shared import EXIT_USAGE

# Runs the command line in a fresh interpreter in which the named packages cannot be imported.
WITHOUT = """
import sys
for name in sys.argv[1].split(","):
    if name:
        sys.modules[name] = None  # `import name` now raises ImportError
from blueprint.cli import main
main(sys.argv[2:], prog_name="blueprint")
"""


def run(blocked: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT, blocked, *arguments], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=os.environ, timeout=120)


def test_without_pygls_the_command_says_what_to_install_and_exits_2():
    done = run("pygls", "lsp")
    assert done.returncode == EXIT_USAGE
    assert done.stdout == ""
    assert done.stderr == ("blueprint: error: the language server needs pygls, which is not installed; "
                           "install them with: pip install 'service-blueprint[lsp]'\n")


def test_without_either_package_both_are_named():
    done = run("pygls,lsprotocol", "lsp")
    assert done.returncode == EXIT_USAGE
    assert "needs pygls and lsprotocol, which are not installed" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_lists_the_command_without_loading_the_server():
    probe = "import sys\nfrom blueprint.cli import main\ntry:\n    main(['--help'], prog_name='blueprint')\n" \
            "except SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol') " \
            "or m.startswith('blueprint.lsp')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert "lsp  " in done.stdout and "Run the language server for editors" in done.stdout
    assert done.stdout.strip().endswith("[]")


def test_a_bad_project_setting_is_a_usage_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.blueprint]\nselect = ["XX9"]\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", WITHOUT, "", "lsp"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, cwd=tmp_path, timeout=120)
    assert done.returncode == EXIT_USAGE
    assert done.stderr.startswith("blueprint: error: ") and "XX9" in done.stderr


def test_the_server_takes_the_stdio_flag_editors_add_and_ends_when_the_editor_closes_the_pipe():
    done = run("", "lsp", "--stdio")  # standard input is empty: the editor has gone
    assert done.returncode == 0
    assert done.stdout == "" and "Traceback" not in done.stderr
