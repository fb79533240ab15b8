"""Starter files for `blueprint new`: a small, commented blueprint that shows
every construct of the language once and checks clean.

The starters live in `blueprint/scaffold/starters/starter-<lang>.bp.tmpl`; only the
file name, the title and the state are filled in.
"""

from __future__ import annotations

import re
from importlib import resources
from string import Template

from pydantic import BaseModel, ConfigDict

from blueprint.model.types import Language, State
from blueprint.vocabulary import DEFAULT_LANGUAGE, DEFAULT_STATE
from blueprint.words import WORDS

SUFFIX = ".bp"

# Characters that cannot stand in a one-line string or comment, or in a file name.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class ScaffoldError(ValueError):
    """A NAME that cannot name a starter file."""


class Starter(BaseModel):
    """A starter blueprint and the file name it is meant to be saved under."""

    model_config = ConfigDict(frozen=True)

    file_name: str
    text: str


def file_name_for(name: str) -> str:
    """`deposit` → `deposit.bp`; a name already ending in `.bp` is kept."""
    name = name.strip()
    if _CONTROL.search(name):
        raise ScaffoldError("NAME contains a control character; use letters, digits, - or _")
    if "/" in name or "\\" in name:
        raise ScaffoldError(f"NAME is a file name, not a path: {name}; choose the folder with -o DIR")
    stem = name.removesuffix(SUFFIX)
    if not stem.strip(" ."):
        raise ScaffoldError("NAME is empty; give the new blueprint a name, e.g. deposit")
    return stem + SUFFIX


def title_for(file_name: str, lang: Language) -> str:
    """A readable title from the file name: `cash-deposit.bp` → `Cash deposit`."""
    words = re.sub(r"[-_\s]+", " ", file_name.removesuffix(SUFFIX)).strip()
    if not words:
        return str(WORDS[lang]["new_service"])
    return words[0].upper() + words[1:]


def _quoted_body(text: str) -> str:
    # The language's only two escapes.
    return text.replace("\\", "\\\\").replace('"', '\\"')


def make_starter(name: str, lang: Language = DEFAULT_LANGUAGE, state: State = DEFAULT_STATE) -> Starter:
    """The starter blueprint for NAME in the language and state asked for."""
    file_name = file_name_for(name)
    template = resources.files("blueprint.scaffold").joinpath("starters", f"starter-{lang.value}.bp.tmpl")
    text = Template(template.read_text(encoding="utf-8")).substitute(
        file=file_name, title=_quoted_body(title_for(file_name, lang)), state=state.value
    )
    return Starter(file_name=file_name, text=text)
