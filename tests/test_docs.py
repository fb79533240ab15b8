"""The documentation cannot drift from the code.

- docs/rules.md is exactly what scripts/gen_rules_doc.py writes from the catalogue.
- Every ```bp block in docs/ and the README is a complete blueprint that checks
  with no errors and is in fmt's canonical layout (```bp-untidy marks the few
  valid ones that are not, on purpose); every ```bp-bad block reports an error
  (in the rule reference: reports its own code, which for a BP3xx rule is a
  warning).
- Every ```console block is run: `$ command` lines go through bash in a scratch
  folder, one folder per page, in page order, and what they print must be what
  the page shows. A fenced block right under `<!-- file: NAME -->` is written to
  NAME there first, so the pages' sample files are the files the commands read.
- Links between pages point at files and headings that exist.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from blueprint.api import check_text, format_text
from blueprint.catalogue import BY_CODE, CODES
from blueprint.cli.check import command as check_command
from blueprint.cli.config import FORMATS, Settings
from blueprint.diagnostics import Level
from blueprint.format import unified_diff
from blueprint.model.types import DEFAULT_LANE_LABELS, DEFAULT_LINE_LABELS

from .conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md")) + [ROOT / "README.md"]
ALL_CODES = frozenset(code.code for code in CODES)
# bp: a blueprint in the canonical layout; bp-bad: one with a mistake;
# bp-untidy: a valid one laid out otherwise on purpose (to show what fmt changes).
BLUEPRINT_INFO = ("bp", "bp-bad", "bp-untidy")

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^`\s]*)[^`]*$")
_FILE_MARKER = re.compile(r"^<!--\s*file:\s*(?P<name>[^\s>]+)\s*-->$")
_RULE_HEADING = re.compile(r"^## (?P<code>BP\d{3}) ")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    info: str
    text: str
    file: str | None  # from a <!-- file: NAME --> marker right above the fence
    rule: str | None  # the code whose section of the rule reference holds the block

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT).as_posix()}:{self.line}"


def fenced_blocks(page: Path) -> list[Block]:
    lines = page.read_text(encoding="utf-8").split("\n")
    blocks: list[Block] = []
    rule = None
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _RULE_HEADING.match(line)
        if heading:
            rule = heading.group("code")
        elif line.startswith("#"):
            rule = None
        opening = _FENCE.match(line)
        if not opening:
            index += 1
            continue
        fence = opening.group("fence")
        end = index + 1
        while end < len(lines) and not (lines[end].startswith(fence) and lines[end].strip(fence[0]) == ""):
            end += 1
        assert end < len(lines), f"{page.name}:{index + 1}: unclosed code block"
        previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        marker = _FILE_MARKER.match(previous.strip())
        blocks.append(
            Block(
                page=page,
                line=index + 1,
                info=opening.group("info"),
                text="\n".join(lines[index + 1 : end]) + "\n",
                file=marker.group("name") if marker else None,
                rule=rule if page.name == "rules.md" else None,
            )
        )
        index = end + 1
    return blocks


ALL_BLOCKS = [block for page in PAGES for block in fenced_blocks(page)]
GOOD = [b for b in ALL_BLOCKS if b.info == "bp"]
BAD = [b for b in ALL_BLOCKS if b.info == "bp-bad"]
UNTIDY = [b for b in ALL_BLOCKS if b.info == "bp-untidy"]


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the rule reference --------------------------------------------------------
def test_rules_doc_is_generated_from_the_catalogue():
    expected = _load_generator().render()
    actual = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is out of date: run python scripts/gen_rules_doc.py"


def test_rules_doc_generation_is_deterministic():
    generator = _load_generator()
    assert generator.render() == generator.render()


def test_rules_doc_has_a_section_for_every_code():
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for code in CODES:
        assert f"\n## {code.code} {code.name}\n" in text
        kinds = {b.info for b in fenced_blocks(DOCS / "rules.md") if b.rule == code.code}
        prose = code.bad.startswith("(")
        assert kinds == (set() if prose else {"bp", "bp-bad"}), code.code


# --- blueprint blocks ----------------------------------------------------------
def test_there_are_blueprint_blocks_and_no_misspelt_ones():
    assert len(GOOD) >= 40 and len(BAD) >= 20
    for block in ALL_BLOCKS:
        if block.info.lower().startswith("bp"):
            assert block.info in BLUEPRINT_INFO, f"{block.where}: unknown info string {block.info!r}"


@pytest.mark.parametrize("block", GOOD, ids=[b.where for b in GOOD])
def test_bp_block_checks_without_errors(block):
    result = check_text(block.text, name=block.where, enabled=ALL_CODES)
    assert result.errors == [], "\n".join(d.message for d in result.errors)
    if block.rule is not None:
        assert block.rule not in {d.code for d in result.diagnostics}, f"the good example reports {block.rule}"


@pytest.mark.parametrize("block", GOOD, ids=[b.where for b in GOOD])
def test_bp_block_is_in_the_canonical_layout(block):
    # A reader copies a sample into a project whose fmt hook must leave it alone.
    formatted = format_text(block.text)
    assert not formatted.changed, unified_diff(block.where, block.text, formatted.text)


@pytest.mark.parametrize("block", UNTIDY, ids=[b.where for b in UNTIDY])
def test_bp_untidy_block_is_valid_and_not_in_the_canonical_layout(block):
    assert check_text(block.text, name=block.where).errors == []
    assert format_text(block.text).changed, f"{block.where} is tidy: mark it bp"


@pytest.mark.parametrize("block", BAD, ids=[b.where for b in BAD])
def test_bp_bad_block_reports_the_mistake(block):
    result = check_text(block.text, name=block.where, enabled=ALL_CODES)
    if block.rule is not None:
        assert block.rule in {d.code for d in result.diagnostics}, f"the bad example does not report {block.rule}"
        if BY_CODE[block.rule].level is Level.WARNING:
            return
    assert result.errors, "a bp-bad block must show a mistake the checker reports as an error"


# --- console samples -------------------------------------------------------------
CONSOLE_PAGES = [page for page in PAGES if any(b.info == "console" for b in fenced_blocks(page))]
_MARK = "--- blueprint docs test: command {} ---"


def _commands(block: Block) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.text.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        else:
            assert pairs, f"{block.where}: a console block starts with a $ command"
            pairs[-1][1].append(line)
    return [(command, "\n".join(output)) for command, output in pairs]


def _run_session(block: Block, commands: list[str], cwd: Path) -> list[str]:
    """Run the commands in one bash, so that `echo $?` sees the previous status."""
    script = ["exec 2>&1"]
    for number, command in enumerate(commands):
        # Print the marker, then give the next command the previous one's status back.
        script += ["status=$?", f"echo '{_MARK.format(number)}'", "(exit $status)", command]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "80",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    pieces = re.split(r"^--- blueprint docs test: command \d+ ---\n", done.stdout, flags=re.M)
    assert pieces[0] == "" and len(pieces) == len(commands) + 1, done.stdout
    return [piece.rstrip("\n") for piece in pieces[1:]]


def _same_sarif(shown: str, actual: str) -> bool:
    """The page may cut the rules array; everything else must match (but the tool's version)."""
    shown_log, actual_log = json.loads(shown), json.loads(actual)
    shown_driver = shown_log["runs"][0]["tool"]["driver"]
    actual_driver = actual_log["runs"][0]["tool"]["driver"]
    actual_driver["rules"] = actual_driver["rules"][: len(shown_driver["rules"])]
    actual_driver["version"] = shown_driver["version"]
    return shown_log == actual_log


def page_samples(page: Path, workdir: Path) -> list[tuple[Block, str, str, str]]:
    """(block, command, shown, actual) for every command in the page's console blocks."""
    samples = []
    for block in fenced_blocks(page):
        if block.file is not None:
            (workdir / block.file).write_text(block.text, encoding="utf-8")
        if block.info != "console":
            continue
        pairs = _commands(block)
        outputs = _run_session(block, [command for command, _ in pairs], workdir)
        samples += [(block, command, shown, out) for (command, shown), out in zip(pairs, outputs)]
    return samples


@pytest.mark.slow  # runs every documented command
@pytest.mark.parametrize("page", CONSOLE_PAGES, ids=[p.name for p in CONSOLE_PAGES])
def test_console_samples_show_what_the_commands_print(page, tmp_path):
    samples = page_samples(page, tmp_path)
    assert samples
    for block, command, shown, actual in samples:
        if ("--format sarif" in command or "-f sarif" in command) and shown.startswith("{"):  # a whole log
            assert _same_sarif(shown, actual), f"{block.where}: $ {command}\n{actual}"
        else:
            assert shown == actual, f"{block.where}: $ {command}"


# --- coverage of the reference pages ---------------------------------------------
def test_language_reference_documents_every_keyword_and_default_label():
    grammar = (ROOT / "grammar" / "blueprint.lark").read_text(encoding="utf-8")
    keywords = set(re.findall(r'"([a-z][a-z-]*)"', grammar))
    text = (DOCS / "language.md").read_text(encoding="utf-8")
    assert keywords >= {"blueprint", "max-wait", "severity", "recover", "link"}
    for keyword in sorted(keywords):
        assert f"`{keyword}`" in text, keyword
    for arrow in ("->", "-->", "<->"):
        assert f"`{arrow}`" in text
    for unit in ("s", "min", "h", "d"):
        assert f"| `{unit}` |" in text
    for labels in (*DEFAULT_LANE_LABELS.values(), *DEFAULT_LINE_LABELS.values()):
        for label in labels.values():
            assert f" {label} |" in text, label


def test_cli_reference_documents_every_option_format_and_setting():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for param in check_command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                assert f"`{flag}" in text, flag
    for name in FORMATS:
        assert f"### {name}\n" in text, name
    for name, field in Settings.model_fields.items():
        assert f"| `{field.alias or name}` |" in text, name
    for status in ("0", "1", "2"):
        assert f"| {status} |" in text


# --- links -----------------------------------------------------------------------
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def _slug(heading: str) -> str:
    """Python-Markdown's default heading ID (what MkDocs uses)."""
    text = re.sub(r"`|\*\*|\[|\]\([^)]*\)", "", heading)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _anchors(page: Path) -> set[str]:
    anchors = set()
    inside = False
    for line in page.read_text(encoding="utf-8").split("\n"):
        if _FENCE.match(line):
            inside = not inside
        elif not inside and line.startswith("#"):
            anchors.add(_slug(line.lstrip("#").strip()))
    return anchors


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_relative_links_resolve(page):
    text = re.sub(r"^(`{3,}).*?^\1", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    for match in _LINK.finditer(text):
        target = match.group("target")
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.is_file() or (linked.is_dir() and not anchor), f"{page.name}: broken link {target}"
        if anchor:
            assert anchor in _anchors(linked), f"{page.name}: no heading for #{anchor} in {linked.name}"
