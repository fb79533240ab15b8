"""Reading one raw line of a .bp file: blank, a comment, or a statement.

The grammar ignores comments, so the parse tree cannot give them back. The
language has one statement per line, so each line is read on its own: the
statement is parsed with a parser that keeps every token (keywords and `..`
included), and whatever follows its last token is the trailing comment. A
`#` inside a string is part of the string's token, never a comment.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from pydantic import BaseModel, ConfigDict

from blueprint.parse.grammar import grammar_text
from blueprint.parse.whitespace import WHITESPACE, is_blank


class UnreadableLine(ValueError):
    """A line that does not parse as one statement; checked input never has one."""


class LineKind(str, Enum):
    BLANK = "blank"
    COMMENT = "comment"
    STATEMENT = "statement"


class RawLine(BaseModel):
    """One line as the formatter sees it."""

    model_config = ConfigDict(frozen=True)

    kind: LineKind
    rule: str | None = None  # the grammar rule of a statement: "step", "flow", "wait", …
    tokens: tuple[str, ...] = ()  # every token of the statement, exactly as written
    comment: str | None = None  # from the `#` on, without trailing whitespace


@lru_cache(maxsize=1)
def _token_parser() -> Lark:
    # The checker's parser turns each statement into a typed object as it
    # parses; the formatter needs the plain tree with every token as written.
    return Lark(grammar_text(), parser="lalr", keep_all_tokens=True, maybe_placeholders=False, start="statement")


def _tokens(tree: Tree) -> list[Token]:
    return sorted(tree.scan_values(lambda value: isinstance(value, Token)), key=lambda token: token.start_pos)


def read_line(line: str) -> RawLine:
    """Classify one line (without its line break) and split a statement into tokens."""
    if is_blank(line):
        return RawLine(kind=LineKind.BLANK)
    content = line.strip(WHITESPACE)
    if content.startswith("#"):
        return RawLine(kind=LineKind.COMMENT, comment=content)
    try:
        tree = _token_parser().parse(line)
    except UnexpectedInput as error:
        raise UnreadableLine(f"not a statement: {line!r}") from error
    tokens = _tokens(tree)
    rest = line[tokens[-1].end_pos :]
    # Only whitespace and a comment can follow the statement's last token.
    hash_at = rest.find("#")
    comment = rest[hash_at:].rstrip(WHITESPACE) if hash_at >= 0 else None
    return RawLine(kind=LineKind.STATEMENT, rule=str(tree.data), tokens=tuple(map(str, tokens)), comment=comment)
