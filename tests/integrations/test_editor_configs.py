"""The configurations for other editors (editors/neovim, editors/helix,
editors/emacs) and Markdown: they name the notation's words as the
vocabulary declares them, start `blueprint lsp`, and, where the editor is
installed, do what docs/editors.md says in the editor itself. Without Neovim or Emacs those
tests skip, except under CI (the CI variable set), where they fail: CI
installs both from .ci/apt-packages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from blueprint import vocabulary
from blueprint.vocabulary import ARROWS, OPTION_KEYWORDS, STATEMENT_KEYWORDS, Language, Lane, Line, Severity, State

ROOT = Path(__file__).resolve().parents[2]
EDITORS = ROOT / "editors"
DEPOSIT = ROOT / "examples" / "deposit.bp"


def _editor(name: str) -> str:
    executable = shutil.which(name)
    if executable is None:
        message = f"{name} is not installed (Debian: see .ci/apt-packages)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install it before the tests run")
        pytest.skip(message)
    return executable


# --- Emacs -------------------------------------------------------------------------

EMACS_MODE = EDITORS / "emacs" / "blueprint-mode.el"


def _elisp_list(name: str) -> tuple[str, ...]:
    text = EMACS_MODE.read_text(encoding="utf-8")
    match = re.search(rf"\(defconst {re.escape(name)}\s+'\(([^)]*)\)", text)
    assert match, f"{name} is not declared in {EMACS_MODE.name}"
    return tuple(re.findall(r'"([^"]*)"', match.group(1)))


def test_the_emacs_mode_names_the_vocabulary():
    assert _elisp_list("blueprint-statement-keywords") == STATEMENT_KEYWORDS
    assert _elisp_list("blueprint-option-keywords") == OPTION_KEYWORDS
    assert _elisp_list("blueprint-lanes") == vocabulary.names(Lane)
    assert _elisp_list("blueprint-lines") == vocabulary.names(Line)
    assert _elisp_list("blueprint-values") == (
        vocabulary.names(State) + vocabulary.names(Language) + vocabulary.names(Severity)
    )
    assert set(_elisp_list("blueprint-arrows")) == set(ARROWS)


EMACS_PROBE = """
(require 'blueprint-mode)
(find-file (car command-line-args-left))
(setq command-line-args-left nil)
(font-lock-ensure)
(defun blueprint-test-face (text)
  (goto-char (point-min))
  (search-forward text)
  (get-text-property (match-beginning 0) 'face))
(princ (format "mode %s\\n" major-mode))
(dolist (probe '("# Branch" "blueprint \\"" "max-wait" "\\"Branch cash deposit\\"" "customer arrive"
                 "arrive \\"" "step enter" "enter \\"" "severity" "medium" "recover" "-> triage" "20min"))
  (princ (format "%s\\t%s\\n" probe (blueprint-test-face probe))))
(when (require 'eglot nil t)
  (let ((entry (assoc 'blueprint-mode eglot-server-programs)))
    (princ (format "eglot %s\\n" (and entry (mapconcat #'identity (funcall (cdr entry) nil) " "))))))
"""


@pytest.mark.slow
def test_emacs_opens_a_bp_file_in_blueprint_mode_with_its_faces_and_eglot(tmp_path):
    emacs = _editor("emacs")
    probe = tmp_path / "probe.el"
    probe.write_text(EMACS_PROBE, encoding="utf-8")
    # --batch without -Q: Debian's site start-up makes elpa-eglot loadable.
    result = subprocess.run(
        [emacs, "--batch", "-L", str(EMACS_MODE.parent), "-l", str(probe), str(DEPOSIT)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )
    lines = result.stdout.splitlines()
    assert "mode blueprint-mode" in lines
    faces = dict(line.split("\t") for line in lines if "\t" in line)
    assert faces == {
        "# Branch": "font-lock-comment-delimiter-face",
        'blueprint "': "font-lock-keyword-face",
        "max-wait": "font-lock-keyword-face",
        '"Branch cash deposit"': "font-lock-string-face",
        "customer arrive": "font-lock-type-face",
        'arrive "': "font-lock-variable-name-face",
        "step enter": "font-lock-keyword-face",
        'enter "': "font-lock-function-name-face",
        "severity": "font-lock-builtin-face",
        "medium": "font-lock-constant-face",
        "recover": "font-lock-builtin-face",
        "-> triage": "font-lock-builtin-face",
        "20min": "font-lock-constant-face",
    }
    assert "eglot blueprint lsp" in lines


# --- Neovim ------------------------------------------------------------------------

NEOVIM = EDITORS / "neovim"


def test_the_neovim_plugin_starts_blueprint_lsp():
    plugin = (NEOVIM / "ftplugin" / "blueprint.lua").read_text(encoding="utf-8")
    assert 'vim.g.blueprint_lsp_cmd or { "blueprint", "lsp" }' in plugin
    assert 'vim.bo.commentstring = "# %s"' in plugin


def test_neovim_gives_a_bp_file_the_blueprint_filetype_and_its_options():
    nvim = _editor("nvim")
    report = 'lua io.stdout:write(table.concat({vim.bo.filetype, vim.bo.commentstring, vim.bo.shiftwidth, tostring(vim.bo.expandtab)}, "|") .. "\\n")'
    result = subprocess.run(
        [nvim, "--headless", "--clean", "--cmd", f"set rtp^={NEOVIM}", "--cmd", "let g:blueprint_lsp = v:false",
         "-c", report, "-c", "qa!", str(DEPOSIT)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "blueprint|# %s|2|true"


# --- Helix -------------------------------------------------------------------------


def test_the_helix_languages_file_declares_the_language_and_its_server():
    config = tomllib.loads((EDITORS / "helix" / "languages.toml").read_text(encoding="utf-8"))
    [language] = config["language"]
    assert language["name"] == "blueprint"
    assert language["file-types"] == ["bp"]
    assert language["comment-token"] == "#"
    assert language["language-servers"] == ["blueprint"]
    assert config["language-server"]["blueprint"] == {"command": "blueprint", "args": ["lsp"]}


# --- Markdown read with Pygments -----------------------------------------------------


def test_python_markdown_highlights_a_service_blueprint_fence_with_the_lexer():
    import markdown

    text = '```service-blueprint\nstep counter "Deposit"\n  customer hand "Hands over the cash" # note\n  hand -> count\n```\n'
    html = markdown.markdown(text, extensions=["fenced_code", "codehilite"])
    assert '<span class="k">step</span>' in html
    assert '<span class="nb">customer</span>' in html
    assert '<span class="nf">hand</span>' in html
    assert '<span class="o">-&gt;</span>' in html
    assert '<span class="c1"># note</span>' in html
