"""Writing files atomically, and planning where rendered files go."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from blueprint.cli.files import NoFilesError
from blueprint.cli.output import (
    OutputExistsError,
    OutputPlanError,
    Planned,
    choose_format,
    existing_destinations,
    plan_outputs,
    write_atomically,
)


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# write_atomically


def test_writes_new_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "deposit.svg"
    write_atomically(target, b"<svg/>", overwrite=False)
    assert target.read_bytes() == b"<svg/>"
    assert listing(tmp_path) == ["deposit.svg"]


def test_new_file_gets_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "deposit.svg"
    write_atomically(target, b"x", overwrite=False)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_given_mode_is_the_files_before_it_takes_the_path(tmp_path, monkeypatch):
    """`blueprint fmt` keeps a private file private: it never stands in its
    place with an ordinary file's permissions, not even until a chmod."""
    target = tmp_path / "private.bp"
    target.write_bytes(b"old")
    target.chmod(0o600)
    modes_at_rename = []
    rename = os.replace

    def spying_rename(source, destination):
        modes_at_rename.append(os.stat(source).st_mode & 0o777)
        rename(source, destination)

    monkeypatch.setattr(os, "replace", spying_rename)
    write_atomically(target, b"new", overwrite=True, mode=0o600)
    assert modes_at_rename == [0o600]
    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"new", 0o600)


def test_refuses_to_replace_without_overwrite(tmp_path):
    target = tmp_path / "deposit.svg"
    target.write_bytes(b"old")
    with pytest.raises(OutputExistsError) as raised:
        write_atomically(target, b"new", overwrite=False)
    assert raised.value.filename == str(target)
    assert isinstance(raised.value, FileExistsError)
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["deposit.svg"]


def test_replaces_with_overwrite(tmp_path):
    target = tmp_path / "deposit.svg"
    target.write_bytes(b"old and longer than the new content")
    write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert listing(tmp_path) == ["deposit.svg"]


def test_failed_replace_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "deposit.svg"
    target.write_bytes(b"old")

    def broken_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["deposit.svg"]


def test_failed_new_file_leaves_nothing(tmp_path, monkeypatch):
    def broken_fsync(descriptor):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output"):
        write_atomically(tmp_path / "deposit.svg", b"new", overwrite=False)
    assert listing(tmp_path) == []


def test_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupted_link(source, destination):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "link", interrupted_link)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "deposit.svg", b"new", overwrite=False)
    assert listing(tmp_path) == []


def test_file_that_appears_meanwhile_is_not_replaced(tmp_path, monkeypatch):
    """Between the existence check and the rename someone else creates the file."""
    target = tmp_path / "deposit.svg"
    real_link = os.link

    def racing_link(source, destination):
        Path(destination).write_bytes(b"theirs")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(OutputExistsError):
        write_atomically(target, b"ours", overwrite=False)
    assert target.read_bytes() == b"theirs"
    assert listing(tmp_path) == ["deposit.svg"]


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "model.json").write_bytes(b"old")
    link = tmp_path / "model.json"
    link.symlink_to("real/model.json")
    with pytest.raises(OutputExistsError):
        write_atomically(link, b"new", overwrite=False)
    write_atomically(link, b"new", overwrite=True)
    assert link.is_symlink() and (tmp_path / "real" / "model.json").read_bytes() == b"new"
    assert listing(tmp_path / "real") == ["model.json"] and listing(tmp_path) == ["model.json", "real"]


def test_missing_folder_is_the_callers_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "deposit.svg", b"x", overwrite=False)
    assert listing(tmp_path) == []


# choose_format


@pytest.mark.parametrize(
    ("asked", "output", "expected"),
    [
        (None, None, "svg"),
        ("png", None, "png"),
        (None, "out.html", "html"),
        (None, "out.HTM", "html"),
        (None, "graph.gv", "dot"),
        (None, "out.txt", "svg"),
        (None, "-", "svg"),
        ("dot", "-", "dot"),
        ("png", "picture", "png"),
        ("png", "picture.png", "png"),
    ],
)
def test_format_from_flag_then_suffix_then_svg(asked, output, expected):
    assert choose_format(asked, output) == expected


def test_flag_and_suffix_that_disagree_are_refused():
    with pytest.raises(OutputPlanError, match="out.svg looks like svg, but the format asked for is png"):
        choose_format("png", "out.svg")


def test_suffix_of_a_directory_says_nothing(tmp_path):
    folder = tmp_path / "site.svg"
    folder.mkdir()
    assert choose_format("png", str(folder)) == "png"


# plan_outputs


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    for name in ("deposit.bp", "a/deposit.bp", "b/deposit.bp", "b/sub/loan.bp"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def plan(paths, output=None, output_format="svg") -> list[tuple[str, str | None]]:
    return [
        (item.source.as_posix(), None if item.destination is None else item.destination.as_posix())
        for item in plan_outputs(paths, output, output_format)
    ]


def test_single_file_beside_its_input(tree):
    assert plan(["a/deposit.bp"], output_format="png") == [("a/deposit.bp", "a/deposit.png")]


def test_single_file_to_a_named_file(tree):
    assert plan(["deposit.bp"], "out/picture.svg") == [("deposit.bp", "out/picture.svg")]


def test_single_file_into_an_existing_directory_or_a_trailing_slash(tree):
    (tree / "site").mkdir()
    assert plan(["deposit.bp"], "site") == [("deposit.bp", "site/deposit.svg")]
    assert plan(["deposit.bp"], "new/") == [("deposit.bp", "new/deposit.svg")]


def test_single_file_to_stdout(tree):
    assert plan_outputs(["deposit.bp"], "-", "svg") == [Planned(Path("deposit.bp"), None)]


def test_stdout_takes_a_single_file_only(tree):
    with pytest.raises(OutputPlanError, match="single input file"):
        plan_outputs(["a/deposit.bp", "deposit.bp"], "-", "svg")
    with pytest.raises(OutputPlanError, match="single input file"):
        plan_outputs(["b"], "-", "svg")


def test_directory_mirrors_its_subfolders(tree):
    assert plan(["b"], "out", "html") == [
        ("b/deposit.bp", "out/deposit.html"),
        ("b/sub/loan.bp", "out/sub/loan.html"),
    ]


def test_whole_tree_keeps_same_named_files_apart(tree):
    assert plan(["."], "out") == [
        ("a/deposit.bp", "out/a/deposit.svg"),
        ("b/deposit.bp", "out/b/deposit.svg"),
        ("b/sub/loan.bp", "out/b/sub/loan.svg"),
        ("deposit.bp", "out/deposit.svg"),
    ]


def test_several_files_without_output_go_beside_each(tree):
    assert plan(["a/deposit.bp", "b"]) == [
        ("a/deposit.bp", "a/deposit.svg"),
        ("b/deposit.bp", "b/deposit.svg"),
        ("b/sub/loan.bp", "b/sub/loan.svg"),
    ]


def test_file_given_twice_is_rendered_once(tree):
    assert plan(["b", "b/deposit.bp"], "out") == [
        ("b/deposit.bp", "out/deposit.svg"),
        ("b/sub/loan.bp", "out/sub/loan.svg"),
    ]


def test_two_files_that_would_land_on_one_output_are_refused(tree):
    with pytest.raises(OutputPlanError, match="a/deposit.bp and b/deposit.bp would both be written to out/deposit.svg"):
        plan_outputs(["a/deposit.bp", "b/deposit.bp"], "out", "svg")


def test_several_files_need_a_directory(tree):
    (tree / "taken.svg").write_text("", encoding="utf-8")
    with pytest.raises(OutputPlanError, match="must be a directory"):
        plan_outputs(["a", "b"], "taken.svg", "svg")
    with pytest.raises(OutputPlanError, match="must be a directory"):
        plan_outputs(["a", "b"], "new.svg", "svg")


def test_an_input_is_never_an_output(tree):
    with pytest.raises(OutputPlanError, match="deposit.bp is an input"):
        plan_outputs(["deposit.bp"], "deposit.bp", "svg")


def test_a_name_suffix_marks_every_destination_but_a_named_file(tree):
    """What `render --compare` asks for: deposit.bp is drawn as deposit-changes.svg."""

    def changes(paths, output=None):
        return [(item.source.as_posix(), item.destination.as_posix())
                for item in plan_outputs(paths, output, "svg", name_suffix="-changes")]

    assert changes(["a/deposit.bp"]) == [("a/deposit.bp", "a/deposit-changes.svg")]
    assert changes(["a/deposit.bp"], "out/") == [("a/deposit.bp", "out/deposit-changes.svg")]
    assert changes(["a/deposit.bp"], "out/picture.svg") == [("a/deposit.bp", "out/picture.svg")]
    assert changes(["b"], "out") == [("b/deposit.bp", "out/deposit-changes.svg"),
                                     ("b/sub/loan.bp", "out/sub/loan-changes.svg")]


def test_a_file_read_but_not_drawn_is_never_an_output(tree):
    with pytest.raises(OutputPlanError, match="deposit.bp is an input"):
        plan_outputs(["a/deposit.bp"], "deposit.bp", "svg", also_read=[Path("deposit.bp")])
    assert plan_outputs(["a/deposit.bp"], "deposit.svg", "svg", also_read=[Path("deposit.bp")]) == [
        Planned(Path("a/deposit.bp"), Path("deposit.svg"))]


def test_missing_input_is_reported(tree):
    with pytest.raises(NoFilesError, match="no such file or directory: nothing.bp"):
        plan_outputs(["nothing.bp"], None, "svg")


def test_existing_destinations_are_listed(tree):
    (tree / "a" / "deposit.svg").write_text("", encoding="utf-8")
    planned = plan_outputs(["a/deposit.bp", "b"], None, "svg")
    assert existing_destinations(planned) == [Path("a/deposit.svg")]
