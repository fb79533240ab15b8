"""blueprint: service blueprints as code.

The public API lives in `blueprint.api`; this module stays tiny so that
`blueprint --help` does not pay for parsing or rendering imports.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("service-blueprint")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"
