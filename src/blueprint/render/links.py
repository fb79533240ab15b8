"""Which links a drawing may carry: absolute http(s) URLs with a host, and
nothing that could end an attribute or hide a control character."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# Characters XML 1.0 forbids even as references; a label carrying one would
# make the whole document unreadable, so they are dropped.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_link(url: str) -> str | None:
    """`url` if it is an absolute http(s) link with a host, else None."""
    if XML_ILLEGAL.search(url) or any(char.isspace() for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# A detail's path as `detail` names it: relative, forward slashes, a .bp file;
# not an address (`https:`), a drive (`C:`) or a path from the root.
_DETAIL_PATH = re.compile(r"(?![A-Za-z][A-Za-z0-9+.-]*:)(?!/)[^\\]+\.bp")


def detail_href(path: str, suffix: str) -> str | None:
    """The relative link to the page of the detail at `path` (`.bp` replaced
    by `suffix`, the rest percent-encoded), or None for a path of another form."""
    if XML_ILLEGAL.search(path) or "//" in path or not _DETAIL_PATH.fullmatch(path):
        return None
    return quote(path[: -len(".bp")] + suffix, safe="/")


__all__ = ["detail_href", "safe_link", "XML_ILLEGAL"]
