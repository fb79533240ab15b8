"""blueprint: service blueprints as code.

The public API lives in `blueprint.api`; this module stays tiny so that
`blueprint --help` does not pay for parsing or rendering imports.
"""

# The single source of the version: pyproject.toml reads it from here (hatch's
# version source), so no start-up pays for importlib.metadata.
__version__ = "0.1.0"
