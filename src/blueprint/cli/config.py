"""Which rules run and how strictly: `[tool.blueprint]` in pyproject.toml, then flags.

Only practice rules (BP3xx) can be switched; errors always apply, because a
blueprint with an error cannot be drawn.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from blueprint.catalogue import CODES
from blueprint.diagnostics import Level, message_language

FORMATS = ("text", "json", "github", "sarif")


class ConfigError(ValueError):
    """A setting that cannot be honoured; the CLI reports it as a usage error."""


class Settings(BaseModel):
    # Without a [tool.blueprint] table there is nothing to validate: the
    # validator is built only when a pyproject.toml has settings.
    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid", defer_build=True)

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    ignore: tuple[str, ...] = ()
    strict: bool = False
    format: str = "text"
    # The address of blueprint's documentation site; SARIF links the tool and
    # each rule to it (an absolute address: SARIF takes no relative ones).
    docs_url: str | None = Field(default=None, alias="docs-url")
    # The language of diagnostics and summary lines (en, zh or zh-Hans, zh-Hant);
    # unset, each file's own `lang`.
    messages: str | None = None
    # The project's root blueprint, relative to the file that names it; on
    # loading, relative to the current folder (see load_settings).
    root: str | None = None

    @field_validator("select", "extend_select", "ignore", mode="before")
    @classmethod
    def _codes(cls, value: object) -> object:
        """Codes in any case; `select = "BP3, BP201"` reads like the list it means."""
        if isinstance(value, str):
            value = [part for part in value.split(",")]
        if isinstance(value, (list, tuple)):
            return tuple(str(part).strip().upper() for part in value if str(part).strip())
        return value

    @field_validator("messages")
    @classmethod
    def _messages(cls, value: str | None) -> str | None:
        if value is None:
            return None
        language = message_language(value)
        if language is None:
            raise ValueError(f"'{value}' is not a language messages are written in; expected en, zh, zh-Hans or zh-Hant")
        return language

    @field_validator("docs_url")
    @classmethod
    def _docs_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(f"'{value}' is not the address of a site; give one like https://docs.example.org/blueprint/")
        # The rules page is joined on to it, so the address names a folder.
        return value if value.endswith("/") else value + "/"

    def enabled_codes(self) -> frozenset[str]:
        warnings = [code for code in CODES if code.level is Level.WARNING]
        errors = {code.code for code in CODES if code.level is Level.ERROR}
        for pattern in (*(self.select or ()), *self.extend_select, *self.ignore):
            _check_pattern(pattern)
        if self.select is None:
            chosen = {code.code for code in warnings if code.default_enabled}
        else:
            chosen = {code.code for code in warnings if _matches(code.code, self.select)}
        chosen |= {code.code for code in warnings if _matches(code.code, self.extend_select)}
        chosen -= {code.code for code in warnings if _matches(code.code, self.ignore)}
        return frozenset(chosen | errors)

    def merged(self, **overrides: object) -> Settings:
        """These settings with the given ones (None: not given) in their place."""
        changes = {key: value for key, value in overrides.items() if value is not None and value != getattr(self, key)}
        if not changes:
            return self
        try:
            return Settings(**{**self.model_dump(by_alias=False), **changes})
        except ValueError as error:  # an option's value; the same setting in pyproject.toml is checked on loading
            raise ConfigError(_first_error(error, prefix="--")) from error


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(pattern) for pattern in patterns)


def _check_pattern(pattern: str) -> None:
    matched = [code for code in CODES if code.code.startswith(pattern)]
    if not pattern or not matched:
        raise ConfigError(f"'{pattern}' matches no diagnostic code (codes look like BP302, or a prefix like BP3)")
    if all(code.level is Level.ERROR for code in matched):
        raise ConfigError(f"'{pattern}' names only errors; errors always apply, only BP3xx warnings can be selected or ignored")


# A project's own settings file, with the keys of [tool.blueprint] at its top level.
BLUEPRINT_TOML = "blueprint.toml"


def find_pyproject(start: Path) -> Path | None:
    """The nearest settings file above `start`: a blueprint.toml, else a pyproject.toml."""
    for folder in (start, *start.parents):
        for name in (BLUEPRINT_TOML, "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def load_settings(pyproject: Path | None) -> Settings:
    if pyproject is None:
        return Settings.model_construct()
    import tomllib  # a few ms of every start; only paid when there is a file to read

    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read {pyproject}: {error}") from error
    own_file = pyproject.name == BLUEPRINT_TOML
    table = data if own_file else data.get("tool", {}).get("blueprint", {})
    where = str(pyproject) if own_file else f"[tool.blueprint] in {pyproject}"
    if table == {}:
        return Settings.model_construct()
    try:
        settings = Settings(**table)
    except ValueError as error:
        raise ConfigError(f"{where}: {_first_error(error)}") from error
    if settings.root is not None:
        settings = settings.model_copy(update={"root": _root(pyproject, settings.root, where)})
    if settings.format not in FORMATS:
        raise ConfigError(f"[tool.blueprint] format = '{settings.format}'; expected one of {', '.join(FORMATS)}")
    settings.enabled_codes()  # reports bad codes now, not halfway through a run
    return settings


def _root(config: Path, root: str, where: str) -> str:
    """The root blueprint, named relative to the current folder as the files a command is given are."""
    path = config.parent / root
    if not root.endswith(".bp") or not path.is_file():
        raise ConfigError(f"{where}: root = '{root}' names no .bp file (looked for {path})")
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive: no relative name
        return path.as_posix()


def _first_error(error: ValueError, prefix: str = "") -> str:
    """The first problem pydantic found, named as the user wrote it: a setting
    (`docs-url`) or, with `prefix="--"`, an option (`--docs-url`)."""
    errors = getattr(error, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(part).replace("_", "-") for part in first.get("loc", ()))
        reason = first.get("ctx", {}).get("error") or first.get("msg")
        return f"{prefix}{where}: {reason}" if where else str(reason)
    return str(error)
