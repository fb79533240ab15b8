"""The formatter: its canonical style, and that it never changes what a file means."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.api import check_text, format_text
from blueprint.format import UnsafeFormatError, meaning_of
from blueprint.parse.grammar import grammar_text
from blueprint.parse.whitespace import WHITESPACE as LANGUAGE_WHITESPACE
from blueprint.parse.whitespace import is_blank
from blueprint.vocabulary import ACTION_LANES, Lane, Line

from ..conftest import EXAMPLES

WHITESPACE = " \t\f\r\v\u00a0\u3000"


def fmt(text: str) -> str:
    result = format_text(text)
    assert result.ok, [d.message for d in result.diagnostics]
    return result.text


def assert_same_meaning(before: str, after: str) -> None:
    old, new = check_text(before), check_text(after)
    assert not new.errors
    assert meaning_of(new.blueprint) == meaning_of(old.blueprint)


# --- the style, one rule at a time ------------------------------------------------
def test_indentation_follows_nesting_and_tokens_get_single_spaces():
    messy = (
        '   blueprint    "Deposit"\n'
        '\tstate  current\n'
        '\n'
        '      step   deposit "Deposit"\n'
        'evidence "Slip"\n'
        'customer hand "Hands over cash"\n'
        '  wait   5min .. 10min   "Queue"\n'
        'onstage   count "Counts"\n'
        '        fail "Fake note"   severity high\n'
        '\t\tcost 1,200.50   CNY\n'
        'hand->count\n'
    )
    assert fmt(messy) == (
        'blueprint "Deposit"\n'
        'state current\n'
        '\n'
        'step deposit "Deposit"\n'
        '  evidence "Slip"\n'
        '  customer hand "Hands over cash"\n'
        '    wait 5min..10min "Queue"\n'
        '  onstage count "Counts"\n'
        '    fail "Fake note" severity high\n'
        '    cost 1,200.50 CNY\n'
        '  hand -> count\n'
    )


def test_every_token_is_kept_as_written():
    text = (
        'blueprint "A \\"quoted\\" \\\\ title # not a comment"\n'
        'version 1.0\n'
        'max-wait 1h30min\n'
        '\n'
        'step 付款 "付款"\n'
        '  customer 交-款 "交款"\n'
        '    fail "x" recover 核对 severity low\n'
        '    duration 0.5h\n'
        '  onstage 核对 "核对"\n'
        '  交-款 <-> 核对 "标签" --> 交-款\n'
    )
    assert fmt(text) == text


def test_a_chain_with_one_label_at_its_end_gets_it_after_the_first_arrow():
    # The older form: its label has always named the first arrow (BP306).
    text = (
        'blueprint "T"\n'
        '\n'
        'step s "S"\n'
        '  customer a "A"\n'
        '  onstage b "B"\n'
        '  backstage c "C"\n'
        '  support d "D"\n'
        '  onstage e "E"\n'
        '  a->b -->  c <-> d   "by \\"hand\\" # not a comment"  # the comment stays\n'
        '  b -> e "L1" -> c "L2"\n'
        '  e --> d -> b\n'
    )
    formatted = fmt(text)
    assert formatted.split("\n")[8:11] == [
        '  a -> b "by \\"hand\\" # not a comment" --> c <-> d  # the comment stays',
        '  b -> e "L1" -> c "L2"',
        "  e --> d -> b",
    ]
    assert_same_meaning(text, formatted)
    assert [d.code for d in check_text(text).diagnostics] == ["BP306"]
    assert check_text(formatted).diagnostics == ()


def test_comments_are_kept_reindented_and_trailing_ones_two_spaces_away():
    text = (
        "# About the file\n"
        'blueprint "T"   #  the title   \n'
        "\n"
        "        # Belongs to the step\n"
        'step s "S"\n'
        "# belongs to the action\n"
        'customer c "C"#tight\n'
        "      # belongs to the attribute\n"
        "wait 5min\n"
        'onstage o "O"\n'
        "c -> o\t# trailing, after a tab\t\n"
        "    # at the end of the file\n"
    )
    assert fmt(text) == (
        "# About the file\n"
        'blueprint "T"  #  the title\n'
        "\n"
        "# Belongs to the step\n"
        'step s "S"\n'
        "  # belongs to the action\n"
        '  customer c "C"  #tight\n'
        "    # belongs to the attribute\n"
        "    wait 5min\n"
        '  onstage o "O"\n'
        "  c -> o  # trailing, after a tab\n"
        "# at the end of the file\n"
    )


def test_blank_lines_one_before_each_step_and_phase_author_groups_kept():
    text = (
        "\n\n"
        'blueprint "T"\n'
        'phase "P"\n'
        "# first step\n"
        'step a "A"\n'
        '  customer c "C"\n'
        "\n \t\n\n"
        '  onstage o "O"\n'
        "  c -> o\n"
        "\n\n\n"
        'step b "B"\n'
        '  customer d "D"\n'
        "  o -> d\n"
        "\n\n"
    )
    assert fmt(text) == (
        'blueprint "T"\n'
        "\n"
        'phase "P"\n'
        "\n"
        "# first step\n"
        'step a "A"\n'
        '  customer c "C"\n'
        "\n"
        '  onstage o "O"\n'
        "  c -> o\n"
        "\n"
        'step b "B"\n'
        '  customer d "D"\n'
        "  o -> d\n"
    )


def test_flows_with_no_step_open_stand_at_column_zero():
    text = (
        'blueprint "T"\n'
        "c -> o\n"
        "\n"
        'step a "A"\n'
        '  customer c "C"\n'
        '  onstage o "O"\n'
        "  o -> c\n"
        "\n"
        'phase "Later"\n'
        "  o --> c\n"
        "\n"
        'step b "B"\n'
        '  customer d "D"\n'
        "  c --> o\n"
        "\n"
        "  # the flows between steps\n"
        "  o -> d\n"
        "  d <-> o\n"
    )
    assert fmt(text) == (
        'blueprint "T"\n'
        "c -> o\n"
        "\n"
        'step a "A"\n'
        '  customer c "C"\n'
        '  onstage o "O"\n'
        "  o -> c\n"
        "\n"
        'phase "Later"\n'
        "o --> c\n"
        "\n"
        'step b "B"\n'
        '  customer d "D"\n'
        "  c --> o\n"
        "\n"
        "# the flows between steps\n"
        "o -> d\n"
        "d <-> o\n"
    )


def test_crlf_becomes_lf_bom_is_dropped_and_the_last_line_gets_its_break():
    result = format_text('\ufeffblueprint "T"\r\nstep s "S"\r\n  customer c "C"')
    assert result.text == 'blueprint "T"\n\nstep s "S"\n  customer c "C"\n'
    assert result.changed


def test_unicode_spaces_the_grammar_ignores_are_spaces():
    assert fmt('blueprint\u3000"T"\nstep\u00a0s "S"\n\u3000\u3000customer c\f"C"\v\n') == (
        'blueprint "T"\n\nstep s "S"\n  customer c "C"\n'
    )


def test_an_empty_or_comment_only_file_is_refused_like_check_refuses_it():
    for text in ("", "# just a comment\n"):
        result = format_text(text)
        assert not result.ok and result.text is None
        assert [d.code for d in result.diagnostics] == ["BP206"]


def test_a_file_with_errors_is_not_formatted_and_keeps_the_check_diagnostics():
    text = 'blueprint "T"\nstep s "S"\n  custmer c "C"\n'
    result = format_text(text, name="bad.bp")
    assert not result.ok and not result.changed
    assert result.diagnostics == check_text(text, name="bad.bp").diagnostics


def test_warnings_do_not_stop_formatting():
    result = format_text('blueprint "T"\nstep s "S"\n  customer c "C"\n  support core "Core"\n')
    assert result.ok and result.diagnostics


def test_a_formatter_that_would_change_the_meaning_raises(monkeypatch):
    import blueprint.format

    monkeypatch.setattr(blueprint.format, "canonical_text", lambda text: text.replace('"C"', '"D"'))
    with pytest.raises(UnsafeFormatError):
        format_text('blueprint "T"\nstep s "S"\n  customer c "C"\n')


def test_every_kind_of_statement_in_the_grammar_has_a_level():
    from blueprint.format.layout import LEVELS, STEP_OR_ACTION
    from blueprint.parse.grammar import grammar_text

    grammar = grammar_text()
    alternatives = set(re.findall(r"\w+", grammar.split("?statement:", 1)[1].split("\n\n", 1)[0]))
    headers = set(re.findall(r"-> (\w+)", grammar.split("\nheader:", 1)[1].split("\n\n", 1)[0]))
    # A line of a step or an action takes its level from where it stands.
    assert not STEP_OR_ACTION & set(LEVELS)
    assert alternatives - {"header"} | headers == set(LEVELS) | STEP_OR_ACTION


# --- the examples ------------------------------------------------------------------
def comments(text: str) -> list[str]:
    """Comment texts in order, found without the formatter's help: a `#`
    outside a string, on the line of the (single-line) strings."""
    found = []
    for line in text.split("\n"):
        without_strings = re.sub(r'"(?:[^"\\]|\\.)*"', lambda m: "_" * len(m.group()), line)
        if "#" in without_strings:
            found.append(line[without_strings.index("#") :].rstrip(WHITESPACE))
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_keep_their_meaning_and_comments_and_format_idempotently(path):
    original = path.read_text(encoding="utf-8")
    once = fmt(original)
    assert fmt(once) == once
    assert_same_meaning(original, once)
    assert comments(once) == comments(original)


# --- generated blueprints ----------------------------------------------------------
MAX_EXAMPLES = 400
IDS = ["hand", "count", "post", "core", "a", "b_2", "atm-queue", "付款", "核对", "柜员", "x1", "客户经理", "step_1"]
SPACES = st.text(alphabet=" \t\u3000\u00a0\f\v", min_size=1, max_size=3)
LABEL_CHARS = st.sampled_from(list('abc XYZ#"\\,.;:()-–—…“”，。；：（）、付款银行\t') + ["  "])
COMMENT_TEXT = st.text(alphabet=list('abc #"\\付款。\t -'), max_size=20).map(lambda s: "#" + s)
DURATIONS = ["30s", "5min", "1h", "1h30min", "2d", "0.5h", "45min"]


def _string(draw) -> str:
    body = draw(st.lists(LABEL_CHARS, max_size=12).map("".join))
    return '"' + body.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _range(draw) -> list[str]:
    low, high = sorted(draw(st.lists(st.sampled_from(DURATIONS), min_size=2, max_size=2)), key=_seconds)
    return [low] if draw(st.booleans()) else [low, "..", high]


def _seconds(duration: str) -> float:
    from blueprint.model.durations import parse_duration

    return parse_duration(duration)


@st.composite
def blueprints(draw):
    """A valid blueprint as written by a careless hand: (text, comments in order)."""
    statements: list[list[str]] = [["blueprint", _string(draw)]]
    headers = {
        "description": lambda: [_string(draw)],
        "owner": lambda: [_string(draw)],
        "version": lambda: [draw(st.sampled_from(["1.0", '"2.1"', "3.0-rc1"]))],
        "state": lambda: [draw(st.sampled_from(["current", "future"]))],
        "lang": lambda: [draw(st.sampled_from(["en", "zh", "zh-Hans", "zh-Hant"]))],
        "max-wait": lambda: [draw(st.sampled_from(DURATIONS))],
    }
    for keyword in draw(st.lists(st.sampled_from(sorted(headers)), unique=True)):
        statements.append([keyword, *headers[keyword]()])
    for _ in range(draw(st.integers(0, 2))):
        statements.append(["segment", _string(draw)])
    for lane in draw(st.lists(st.sampled_from([lane.value for lane in Lane]), unique=True, max_size=2)):
        statements.append(["lane", lane, _string(draw)])
    for line in draw(st.lists(st.sampled_from([line.value for line in Line]), unique=True, max_size=2)):
        statements.append(["line", line, _string(draw)])
    statements.append(["channel", "微信", _string(draw)])
    roles = draw(st.lists(st.sampled_from(["agent", "clerk", "核心"]), unique=True, max_size=2))
    for role in roles:
        kind = [draw(st.sampled_from(["staff", "system", "partner", "customer"]))] if draw(st.booleans()) else []
        statements.append(["role", role, _string(draw), *kind])

    ids = draw(st.lists(st.sampled_from(IDS), min_size=2, max_size=9, unique=True))
    step_count = draw(st.integers(1, min(3, len(ids) // 2)))
    step_ids, action_ids = ids[:step_count], ids[step_count:]
    owners = sorted(draw(st.lists(st.integers(0, step_count - 1), min_size=len(action_ids), max_size=len(action_ids))))
    owners[: step_count] = range(step_count)  # every step gets at least one action

    drawn_flows: set[tuple[str, ...]] = set()

    def flow() -> list[str]:
        """A flow or a chain, each arrow perhaps labelled (a lone label at the
        end of a chain is the older form, which fmt rewrites); never a flow
        repeated (BP212) nor one to itself (BP210)."""
        chain = draw(st.lists(st.sampled_from(action_ids), min_size=2, max_size=4))
        words = [chain[0]]
        previous = chain[0]
        for end in chain[1:]:
            arrow = draw(st.sampled_from(["->", "-->", "<->"]))
            ends = (previous, end) if arrow != "<->" else tuple(sorted((previous, end)))
            if end == previous or (*ends, arrow) in drawn_flows:
                break
            drawn_flows.add((*ends, arrow))
            words += [arrow, end] + ([_string(draw)] if draw(st.booleans()) else [])
            previous = end
        return words if len(words) >= 3 else []

    if len(action_ids) > 1 and draw(st.booleans()):
        statements.append(flow())  # flows may come before the steps
    evidence_count = [0]
    for step_number, step_id in enumerate(step_ids):
        if draw(st.booleans()):
            statements.append(["phase", _string(draw)])
        statements.append(["step", step_id, _string(draw)])
        if draw(st.booleans()):
            value = draw(st.sampled_from(["12", "1,200", "-4.5"]))
            statements.append(["metric", _string(draw), value] + ([_string(draw)] if draw(st.booleans()) else []))
        if draw(st.booleans()):
            score = draw(st.sampled_from(["-2", "-1", "0", "+1", "2", "frustrated", "pleased"]))
            statements.append(["emotion", score] + ([_string(draw)] if draw(st.booleans()) else []))
        if draw(st.booleans()):
            kind, option = draw(st.sampled_from([("pain", "severity"), ("idea", "impact"), ("opportunity", "impact")]))
            rating = [option, draw(st.sampled_from(["low", "high"]))] if draw(st.booleans()) else []
            statements.append([kind, _string(draw), *rating])
        if draw(st.booleans()):  # the step's own control: before its first action, after evidence or not
            statements.append(["control", _string(draw)] + (["ref", _string(draw)] if draw(st.booleans()) else []))
        if draw(st.integers(0, 3)) == 0:
            statements.append(["via", draw(st.sampled_from(["phone", "微信"])), *([_string(draw)] if draw(st.booleans()) else [])])
        if draw(st.integers(0, 3)) == 0:
            statements.append(["key", *([_string(draw)] if draw(st.booleans()) else [])])
        for _ in range(draw(st.integers(0, 2))):
            evidence_count[0] += 1  # IDs are shared by steps, actions and evidence: number them
            ident = [draw(st.sampled_from(["slip", "单据"])) + str(evidence_count[0])] if draw(st.booleans()) else []
            statements.append(["evidence", *ident, _string(draw)])
        for action_id, owner in zip(action_ids, owners):
            if owner != step_number:
                continue
            lane = draw(st.sampled_from([lane.value for lane in ACTION_LANES]))
            statements.append([lane, action_id, _string(draw)])
            once: set[str] = set()
            attributes = ["fail", "wait", "duration", "cost", "note", "link", "control", "question", "confidence",
                          "key", "via"] + (["by"] if roles else [])
            for attribute in draw(st.lists(st.sampled_from(attributes), max_size=4)):
                if attribute in once:
                    continue
                if attribute in ("duration", "cost", "control", "question", "confidence", "by", "key", "via"):
                    once.add(attribute)  # one duration, cost, role; a control never repeated (BP220)
                if attribute == "fail":
                    options = draw(st.lists(st.sampled_from(["severity", "recover"]), unique=True))
                    words = ["fail", _string(draw)]
                    for option in options:
                        value = draw(st.sampled_from(["low", "medium", "high"] if option == "severity" else action_ids))
                        words += [option, value]
                    statements.append(words)
                elif attribute == "wait":
                    statements.append(["wait", *_range(draw)] + ([_string(draw)] if draw(st.booleans()) else []))
                elif attribute == "duration":
                    statements.append(["duration", *_range(draw)])
                elif attribute == "cost":
                    amount = draw(st.sampled_from(["25", "1,200", "1,200.50", "0.5"]))
                    statements.append(["cost", amount] + ([draw(st.sampled_from(["CNY", "USD"]))] if draw(st.booleans()) else []))
                elif attribute == "via":
                    statements.append(["via", draw(st.sampled_from(["app", "branch", "微信"])), _string(draw)])
                elif attribute == "key":
                    statements.append(["key", *([_string(draw)] if draw(st.booleans()) else [])])
                elif attribute == "by":
                    statements.append(["by", draw(st.sampled_from(roles))])
                elif attribute == "note":
                    statements.append(["note", _string(draw)])
                elif attribute == "confidence":
                    statements.append(["confidence", draw(st.sampled_from(["observed", "assumed", "proposed"]))])
                elif attribute == "question":
                    statements.append(["question", _string(draw)])
                elif attribute == "control":
                    statements.append(["control", _string(draw)] + (["ref", _string(draw)] if draw(st.booleans()) else []))
                else:
                    statements.append(["link", '"https://example.com/' + draw(st.sampled_from(["a", "b#c"])) + '"'])
        if len(action_ids) > 1 and draw(st.booleans()):
            statements.append(flow())
    if len(action_ids) > 1 and draw(st.booleans()):
        statements += [[""], flow(), flow()]  # a blank line, then flows between steps

    return _write(draw, [s for s in statements if s])


def _write(draw, statements: list[list[str]]) -> tuple[str, list[str]]:
    """Join the statements with random spacing, comments, blank lines and line ends."""
    lines: list[str] = []
    kept: list[str] = []

    def comment_line() -> None:
        comment = draw(COMMENT_TEXT)
        lines.append(draw(st.sampled_from(["", " ", "\t", "      "])) + comment)
        kept.append(comment.rstrip(WHITESPACE))

    for words in statements:
        for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 3)) == 0 else 0):
            lines.append(draw(st.sampled_from(["", " ", "\t \u3000"])))
        if draw(st.integers(0, 4)) == 0:
            comment_line()
        if words == [""]:
            lines.append("")
            continue
        text = draw(st.sampled_from(["", "  ", "    ", "\t", "\u3000"])) + words[0]
        for previous, word in zip(words, words[1:]):
            tight = previous in ("->", "-->", "<->", "..") or word in ("->", "-->", "<->", "..")
            text += (draw(st.sampled_from(["", " "])) if tight else draw(SPACES)) + word
        if draw(st.integers(0, 4)) == 0:
            comment = draw(COMMENT_TEXT)
            text += draw(st.sampled_from(["", " ", "\t", "   "])) + comment
            kept.append(comment.rstrip(WHITESPACE))
        text += draw(st.sampled_from(["", " ", "\t"]))
        lines.append(text)
    if draw(st.booleans()):
        comment_line()
    ending = draw(st.sampled_from(["\n", "\r\n", "mixed"]))
    text = ""
    for line in lines:
        text += line + (draw(st.sampled_from(["\n", "\r\n"])) if ending == "mixed" else ending)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text, kept


def assert_canonical_shape(text: str) -> None:
    lines = text.split("\n")
    assert text.endswith("\n") and lines[-1] == "" and lines[0] != ""
    assert "\r" not in text
    for line, following in zip(lines, lines[1:]):
        assert not (line == "" and following == ""), "two blank lines in a row"
        assert line == line.rstrip(WHITESPACE), f"trailing whitespace in {line!r}"
        indent = len(line) - len(line.lstrip(" "))
        assert indent in (0, 2, 4) and not line[indent:indent + 1].isspace(), repr(line)


@pytest.mark.slow  # many generated files
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(blueprints())
def test_formatting_generated_blueprints_keeps_meaning_and_comments_and_is_idempotent(generated):
    original, expected_comments = generated
    checked = check_text(original)
    assert not checked.errors, [d.message for d in checked.errors]  # the generator writes valid files

    result = format_text(original)
    assert result.ok
    formatted = result.text
    assert_same_meaning(original, formatted)
    assert comments(formatted) == expected_comments
    assert_canonical_shape(formatted)
    again = format_text(formatted)
    assert again.text == formatted and not again.changed


# --- one definition of a blank line -------------------------------------------------

# Characters str.isspace calls space, or that print as nothing: the line and
# record separators that str.splitlines also breaks at, among them.
SPACE_LIKE = sorted({*WHITESPACE, "\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e", "\x1f", "\u2000",
                     "\u200b", "\u205f", "\ufeff", "\x00", "\x7f"})
GOOD = 'blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'


def test_the_grammar_skips_exactly_the_whitespace_declared_once():
    [pattern] = re.findall(r"^%ignore /(.+)/$", grammar_text(), flags=re.M)
    skipped = {char for char in map(chr, range(0x3100)) if re.fullmatch(pattern, char)}
    assert skipped == set(LANGUAGE_WHITESPACE) == set(WHITESPACE)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e"])
def test_a_line_of_a_separator_is_not_blank_to_check_or_to_fmt(separator):
    # str.isspace and str.splitlines treat these as space or line breaks; the
    # grammar does not. Both commands now read the line as the grammar does.
    text = GOOD.replace("step s", f"{separator}\nstep s")
    [d] = check_text(text, "sep.bp").diagnostics
    assert (d.code, d.span.line, d.span.column) == ("BP101", 2, 1)
    assert d.message.startswith(f"found the invisible character U+{ord(separator):04X} (")
    formatted = format_text(text, "sep.bp")  # a finding, not UnsafeFormatError
    assert not formatted.ok and formatted.diagnostics == (d,)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 5), st.text(st.sampled_from(SPACE_LIKE), min_size=1, max_size=4)),
                min_size=1, max_size=4))
def test_lines_of_space_like_characters_are_blank_to_both_or_to_neither(inserted):
    lines, emptied = GOOD.split("\n"), GOOD.split("\n")
    for at, line in inserted:  # after the title: a byte order mark before it is allowed
        lines.insert(at, line)
        emptied.insert(at, "")
    text = "\n".join(lines)
    checked = check_text(text, "space.bp")
    formatted = format_text(text, "space.bp")  # never UnsafeFormatError
    assert formatted.ok == checked.ok
    assert checked.ok == all(is_blank(line) for _, line in inserted)
    if checked.ok:  # each blank line is formatted as an empty one would be
        assert formatted.text == fmt("\n".join(emptied))
