"""Whatever bytes arrive, the checker answers with diagnostics, never a traceback or a hang."""

from __future__ import annotations

import pytest

from blueprint.api import check_bytes
from blueprint.parse.decode import MAX_BYTES

GOOD = 'blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'


def codes(result):
    return [d.code for d in result.diagnostics]


def test_binary_file():
    result = check_bytes("image.bp", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [d] = result.diagnostics
    assert (d.code, d.span.line, d.message) == ("BP100", 3, "found a NUL byte: this looks like a binary file")
    assert result.blueprint is None


def test_invalid_utf8_points_at_the_byte():
    data = GOOD.encode() + b'  customer d "caf\xe9"\n'
    [d] = check_bytes("latin1.bp", data).diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BP100", 6, 18)


def test_bom_and_crlf_work():
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode()
    result = check_bytes("windows.bp", data)
    assert result.diagnostics == ()
    assert result.blueprint.steps[0].actions[0].label == "C"


def test_crlf_error_positions_and_snippets_ignore_the_carriage_return():
    data = 'blueprint "T"\r\nstep s "S"\r\n  custmer c "C"\r\n'.encode()
    [d] = check_bytes("crlf.bp", data).diagnostics
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("BP104", 3, 3, 10)


def test_file_over_the_limit_is_refused_cleanly():
    [d] = check_bytes("huge.bp", b"#" * (MAX_BYTES + 1)).diagnostics
    assert d.code == "BP112"
    assert d.message == "found more than 8 MiB; the checker reads files up to 8 MiB"


@pytest.mark.slow  # a 5 MB file
def test_five_megabyte_blueprint_is_checked():
    steps = []
    for i in range(12_000):
        steps.append(f'step s{i} "Step {i}"\n  customer c{i} "Customer action {i}"\n  onstage o{i} "Onstage {i}"\n  c{i} -> o{i}\n')
    data = ('blueprint "Large"\n' + "".join(steps)).encode()
    assert len(data) > 1_000_000
    result = check_bytes("large.bp", data + b"x" * 0)
    assert result.errors == []
    assert len(result.blueprint.steps) == 12_000


@pytest.mark.slow  # 5 MB of bad lines
def test_five_megabytes_of_garbage_lines_are_all_reported():
    data = ("@@@ not a statement\n" * 250_000).encode()
    assert len(data) >= 5_000_000
    result = check_bytes("garbage.bp", data)
    assert codes(result).count("BP101") == 250_000


def test_a_very_long_line():
    label = "x" * 1_000_000
    result = check_bytes("long.bp", f'blueprint "T"\nstep s "S"\n  customer c "{label}"\n'.encode())
    assert result.errors == []
    assert len(result.blueprint.steps[0].actions[0].label) == 1_000_000


def test_empty_and_whitespace_only_files():
    assert codes(check_bytes("empty.bp", b"")) == ["BP206"]
    assert codes(check_bytes("blank.bp", b"\n\n   \n\t\n")) == ["BP206"]


def test_control_characters_and_lone_carriage_returns():
    result = check_bytes("odd.bp", b'blueprint "T"\rstep s "S"\x0b\x0c\n\x1b[31m\n')
    assert result.diagnostics  # reported, not raised


# --- numbers too large to mean anything --------------------------------------------

ACTION = 'blueprint "T"\nstep s "S"\n  customer c "C"\n'


@pytest.mark.parametrize("line, code", [
    ("    wait " + "9" * 310 + "s..1s", "BP113"),  # a float's infinity: it used to crash the range check
    ("    wait 1s.." + "9" * 400 + "d", "BP113"),
    ("    duration " + "9" * 300 + "s", "BP113"),
    ("    wait 367d", "BP113"),
    ("    wait 366d1s", "BP113"),
    ("    cost " + "9" * 400, "BP114"),
    ("    cost 1,000,000,000,000.01 CNY", "BP114"),
])
def test_a_duration_or_amount_beyond_its_bound_is_an_error(line, code):
    result = check_bytes("huge.bp", (ACTION + line + "\n").encode())
    assert [(d.code, d.span.line) for d in result.diagnostics] == [(code, 4)]
    assert not result.ok


def test_a_max_wait_beyond_a_year_is_an_error():
    result = check_bytes("huge.bp", ('blueprint "T"\nmax-wait 1' + "0" * 320 + 'h\n' + ACTION[14:]).encode())
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("BP113", 2)]


def test_the_bounds_themselves_are_allowed():
    result = check_bytes("edge.bp", (ACTION + "    wait 1s..366d\n    cost 1,000,000,000,000 CNY\n").encode())
    assert result.diagnostics == ()
    [action] = result.blueprint.steps[0].actions
    assert action.waits[0].duration.max.seconds == 366 * 86400
    assert action.cost.amount == 10**12


def test_the_message_quotes_a_runaway_number_cut_short():
    [d] = check_bytes("huge.bp", (ACTION + "    wait " + "9" * 310 + "s\n").encode()).diagnostics
    assert d.message == ("found the duration '999999999999999999999999… (311 characters)', longer than a year; "
                         "durations go up to 366d")


def test_a_fraction_of_a_second_is_spelt_as_written_not_as_nothing():
    from blueprint.model.durations import format_seconds

    assert (format_seconds(0.1), format_seconds(0.5), format_seconds(0), format_seconds(5400)) == (
        "0.1s", "0.5s", "0min", "1h30min")


@pytest.mark.parametrize(
    ("line", "column", "fixed"),
    [
        ("  customer c “Hands over cash”", 14, 'customer c "Hands over cash"'),
        ("  customer c 「遞交現金」", 14, 'customer c "遞交現金"'),
        ("  customer c ‘Hands’", 14, 'customer c "Hands"'),
        ('  customer c "Hands”', 20, 'customer c "Hands"'),
        ("  customer c “Says ‘yes’ twice”", 14, 'customer c "Says ‘yes’ twice"'),
        ("  customer c ‘Says \"yes\"’", 14, 'customer c "Says \\"yes\\""'),
    ],
)
def test_curly_quotes_are_explained_with_the_fixed_line(line, column, fixed):
    text = f'blueprint "T"\nstep s "S"\n{line}\n  onstage o "O"\n  c -> o\n'
    [d] = check_bytes("curly.bp", text.encode()).diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BP122", 3, column)
    assert d.hint == f"write straight quotes: {fixed}"


def test_curly_quotes_inside_a_string_are_text():
    text = 'blueprint "T"\nstep s "S"\n  customer c "The customer’s “card” 「卡」"\n  onstage o "O"\n  c -> o\n'
    result = check_bytes("curly.bp", text.encode())
    assert result.diagnostics == ()
    assert result.blueprint.steps[0].actions[0].label == "The customer’s “card” 「卡」"


def test_a_line_with_curly_quotes_still_yields_its_statement():
    # The step and its action are read as meant, so nothing else is reported.
    text = 'blueprint “T”\nstep s 「S」\n  customer c "C"\n  onstage o "O"\n  c -> o\n'
    result = check_bytes("curly.bp", text.encode())
    assert codes(result) == ["BP122", "BP122"]
    assert result.blueprint.steps[0].label == "S"
