"""The user's cache folder, where blueprint keeps what it can always rebuild.

The parse tables and the compiled drawing templates take longer to build than
a typical file takes to check and draw, so a fresh `blueprint` process reads
them from here, as Python reads its bytecode from __pycache__. Everything kept
here is keyed by what it was built from; a folder that cannot be written only
means they are rebuilt every time.
"""

from __future__ import annotations

import os


def cache_folder() -> str | None:
    """`$XDG_CACHE_HOME/blueprint`, else `~/.cache/blueprint`, created if
    missing; None when it cannot be created or written."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "blueprint")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None
