"""The language's whitespace, declared once: what the grammar skips between
tokens (its %ignore pattern), and so what a blank line holds. The checker and
the formatter both read a line as blank by this definition, never by
str.isspace, which also counts line and record separators (U+2028, U+2029,
U+0085, U+001C to U+001E) that the grammar does not skip."""

from __future__ import annotations

WHITESPACE = " \t\f\r\v\u00a0\u3000"


def is_blank(line: str) -> bool:
    """Whether a line (without its line feed) holds nothing but whitespace."""
    return not line.strip(WHITESPACE)
