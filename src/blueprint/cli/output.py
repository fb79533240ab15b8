"""Where rendered files go, and writing them so that nothing is ever lost.

Planning comes first and touches nothing: every destination is known, and
every clash found, before a single byte is written. A file is then written in
full to a temporary file beside its destination, flushed to disk, and only
then renamed onto it: a reader sees the old file or the new one, never a
half-written one, and an error leaves the destination as it was and no
temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from blueprint.cli.files import discover
from blueprint.render import FORMATS

STDOUT = "-"
SUFFIX_OF_FORMAT: dict[str, str] = {output_format: f".{output_format}" for output_format in FORMATS}
FORMAT_OF_SUFFIX: dict[str, str] = {
    **{suffix: output_format for output_format, suffix in SUFFIX_OF_FORMAT.items()},
    ".htm": "html",
    ".gv": "dot",
}
DEFAULT_FORMAT = "svg"


class OutputExistsError(FileExistsError):
    """The destination exists and replacing it was not allowed."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(errno.EEXIST, "already exists", str(path))


class OutputPlanError(ValueError):
    """The inputs and the output asked for do not fit together (a usage error)."""


@dataclass(frozen=True)
class Planned:
    """One input file and where its drawing goes (None: standard output)."""

    source: Path
    destination: Path | None


def choose_format(output_format: str | None, output: str | None) -> str:
    """The format asked for, else the one the output file's suffix names, else SVG."""
    implied = FORMAT_OF_SUFFIX.get(Path(output).suffix.lower()) if _names_a_file(output) else None
    if output_format and implied and implied != output_format:
        raise OutputPlanError(f"-o {output} looks like {implied}, but the format asked for is {output_format}")
    return output_format or implied or DEFAULT_FORMAT


def plan_outputs(paths: Sequence[str], output: str | None, output_format: str, name_suffix: str = "",
                 also_read: Sequence[Path] = ()) -> list[Planned]:
    """Each .bp file under `paths` with its destination.

    One file argument: `output` is the file to write (or a directory to write
    into, when it is one or ends with a slash); without it the drawing goes
    beside the input. Several inputs or a directory: `output` is a directory,
    and files found in a directory argument keep their subfolders under it,
    so two `deposit.bp` in different folders do not collide. A drawing's file
    is named after its input, with `name_suffix` added to the stem
    (deposit.bp -> deposit-changes.svg). Neither an input nor a file in
    `also_read` (read but not drawn) is ever a destination. Raises
    NoFilesError for a missing path and OutputPlanError for a clash.
    """
    suffix = name_suffix + SUFFIX_OF_FORMAT[output_format]
    found = _sources(paths)
    single = len(paths) == 1 and not Path(paths[0]).is_dir()
    if output == STDOUT:
        if not single:
            raise OutputPlanError("-o - writes one drawing to standard output; give a single input file")
        return [Planned(found[0][0], None)]
    into: Path | None = None
    if output is not None:
        target = Path(output)
        if single and _names_a_file(output):
            return _checked([Planned(found[0][0], target)], also_read)
        if not single and (target.exists() or target.suffix.lower() in FORMAT_OF_SUFFIX) and not target.is_dir():
            raise OutputPlanError(f"-o {output} must be a directory when rendering several files")
        into = target
    planned = []
    for source, relative in found:
        beside = source if into is None else into / relative
        planned.append(Planned(source, beside.with_name(beside.stem + suffix)))
    return _checked(planned, also_read)


def _names_a_file(output: str | None) -> bool:
    if output is None or output == STDOUT:
        return False
    return not (output.endswith(("/", os.sep)) or Path(output).is_dir())


def _sources(paths: Sequence[str]) -> list[tuple[Path, Path]]:
    """Every input once, with its path relative to the directory argument it
    was found in (its bare name for a file argument)."""
    found: dict[Path, tuple[Path, Path]] = {}
    for raw in paths:
        root = Path(raw)
        for source in discover([raw]):
            relative = source.relative_to(root) if root.is_dir() else Path(source.name)
            found.setdefault(source.resolve(), (source, relative))
    return list(found.values())


def _checked(planned: list[Planned], also_read: Sequence[Path]) -> list[Planned]:
    inputs = {item.source.resolve() for item in planned} | {path.resolve() for path in also_read}
    claimed: dict[Path, Path] = {}
    for item in planned:
        if item.destination is None:
            continue
        destination = item.destination.resolve()
        if destination in inputs:
            raise OutputPlanError(f"{item.destination} is an input; refusing to write a drawing over it")
        if destination in claimed:
            raise OutputPlanError(
                f"{claimed[destination]} and {item.source} would both be written to {item.destination}"
            )
        claimed[destination] = item.source
    return planned


def existing_destinations(planned: Sequence[Planned]) -> list[Path]:
    """Destinations that are already there: replaced only when the user says so."""
    return [item.destination for item in planned
            if item.destination is not None and (item.destination.exists() or item.destination.is_symlink())]


def _new_file_mode() -> int:
    # The umask can only be read by setting it; done once, at import, rather
    # than on every write while other threads may be creating files.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE = _new_file_mode()


class ReadOnlyError(PermissionError):
    """The file is there to be replaced, but its user may not write it."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(path))


def may_write(path: Path, status: os.stat_result) -> bool:
    """Whether the user may write the existing file `path`. Replacing a file
    needs only its folder to be writable, so this is asked first: a file with
    no write permission for anyone is read-only even to the superuser, for
    whom os.access always says yes, as it is to most editors."""
    return bool(status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def write_atomically(path: str | Path, data: bytes, overwrite: bool, mode: int | None = None,
                     owner: tuple[int, int] | None = None) -> None:
    """Write `data` to `path` in one step; refuse to replace an existing file
    unless `overwrite` is true (OutputExistsError). The file gets `mode`, else
    the permissions an ordinary new file would get, and `owner` (user and
    group), else the writer's, before it takes the path's place. OSError is
    the caller's (PermissionError when the owner cannot be kept).

    A symbolic link is written through, as most tools do: the file it points
    to is replaced, from a temporary file in that file's folder, and the link
    stays. A link that points nowhere counts as an existing file; replacing
    it creates the file it names."""
    path = Path(path)
    if not overwrite and (path.exists() or path.is_symlink()):
        raise OutputExistsError(path)
    path = Path(os.path.realpath(path))
    # Same directory as the destination: os.replace is atomic only within one
    # file system, and a rename across file systems would copy.
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        made = os.stat(temporary)
        if owner is not None and owner != (made.st_uid, made.st_gid):
            os.chown(temporary, *owner)  # before chmod: a change of owner clears set-id bits
        # mkstemp creates the file readable by its owner only.
        os.chmod(temporary, _NEW_FILE_MODE if mode is None else mode)
        if overwrite:
            os.replace(temporary, path)
        else:
            _rename_without_replacing(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_directory(path.parent)


def _rename_without_replacing(temporary: str, path: Path) -> None:
    # A hard link fails if the destination appeared since the check above, so
    # a file created meanwhile by someone else is not replaced either.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputExistsError(path) from None
    except OSError:
        # File systems without hard links: the check above is the best there is.
        if path.exists():
            raise OutputExistsError(path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory.
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
