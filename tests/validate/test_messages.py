"""Diagnostics in every language messages are written in (English, Simplified
and Traditional Chinese): every code says all it says in each, the pinned
cases read the same in each but for the words, and the CLI speaks the
file's language unless told otherwise.

A code declares its texts beside its declaration, `declare(..., says={...})`
(see blueprint.diagnostics.texts); a code without them, a text missing a
language, or a finding worded in plain English fails here.
"""

from __future__ import annotations

import re
from string import Formatter

import pytest

from blueprint.api import check_text
from blueprint.catalogue import CODES
from blueprint.diagnostics import MESSAGE_LANGUAGES, Say
from blueprint.report import diagnostics as report_diagnostics
from blueprint.report import formatting as report_formatting
from blueprint.report.diagnostics import summary
from blueprint.report.formatting import formatting_summary

from .test_diagnostics import ALL, CASES

CHINESE = ("zh", "zh-Hant")
CJK = re.compile(r"[\u3400-\u9fff]")


def blanks(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in Formatter().parse(text) if name is not None)


def every_say():
    for code in CODES:
        for name, say in code.says.items():
            yield f"{code.code}.{name}", say
    for module in (report_diagnostics, report_formatting):
        for name, value in vars(module).items():
            for say in value if isinstance(value, tuple) else (value,):
                if isinstance(say, Say):
                    yield f"{module.__name__}.{name}", say


@pytest.mark.parametrize("code", CODES, ids=lambda code: code.code)
def test_every_code_declares_what_it_says(code):
    assert code.says, f"{code.code} declares no texts: add says={{...}} to its declaration"


@pytest.mark.parametrize(("where", "say"), list(every_say()), ids=lambda value: value if isinstance(value, str) else "")
def test_every_text_is_written_in_every_language_with_the_same_blanks(where, say):
    assert len(say) == len(MESSAGE_LANGUAGES)
    for text in say:
        assert text.strip(), where
    assert blanks(say.zh) == blanks(say.en) == blanks(say.zh_hant), where
    assert CJK.search(say.zh) or not CJK.search(say.en), where  # a Chinese text is not an English one copied


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("text, code, line, column, message, hint", CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_every_pinned_case_is_worded_in_every_language(language, text, code, line, column, message, hint):
    [found] = [d for d in check_text(text, "t.bp", ALL).diagnostics if d.code == code]
    worded = found.localized(language)
    # The same finding: code, level and place never change with the language.
    assert (worded.code, worded.level, worded.span) == (found.code, found.level, found.span)
    assert (found.message, found.hint) == (message, hint)
    assert CJK.search(worded.message), f"{code}: the message is not worded in {language}: {worded.message}"
    assert (worded.hint is None) == (hint is None)
    if hint is not None:
        assert worded.hint != hint or not CJK.search(hint), f"{code}: the hint is not worded in {language}"
    assert "{" not in worded.message.replace("{{", "")


# (input, code, Simplified message, Simplified hint, Traditional message, Traditional hint)
WORDED = [
    ('blueprint "T"\nstep s "S"\n  custmer c "C"\n', "BP104",
     "泳道“custmer”不存在；应为customer、onstage、backstage、support、preparation、management或evidence",
     "是否想写“customer”？",
     "泳道「custmer」不存在；應為customer、onstage、backstage、support、preparation、management或evidence",
     "是否想寫「customer」？"),
    ('blueprint "T"\nstep s 「S」\n  customer c "C"\n', "BP122",
     '字符串的引号处是弯引号 「；字符串写在直引号 "…" 之间', '改用直引号：step s "S"',
     '字串的引號處是彎引號 「；字串寫在直引號 "…" 之間', '改用直引號：step s "S"'),
    ('blueprint "T"\nstep s "S"\n  customer c "C" @\n', "BP101",
     "发现字符“@”；应为行尾", None, "發現字元「@」；應為行尾", None),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n    fail "x" sevrity high\n', "BP101",
     "发现“sevrity”；应为recover、severity或行尾", "是否想写“severity”？",
     "發現「sevrity」；應為recover、severity或行尾", "是否想寫「severity」？"),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n    wait 20minutes\n', "BP103",
     "“20minutes”中的单位“minutes”不对；应为s、min、h或d", "写作 20min",
     "「20minutes」中的單位「minutes」不對；應為s、min、h或d", "寫作 20min"),
    ('blueprint "T"\nlang fr\nstep s "S"\n  customer c "C"\n', "BP107",
     "语言“fr”不存在；应为en、zh（或 zh-Hans）或 zh-Hant", None,
     "語言「fr」不存在；應為en、zh（或 zh-Hans）或 zh-Hant", None),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage c "O"\n', "BP201",
     "ID“c”重复；第 3 行的行为已经用了它", "步骤、行为和有形展示共用 ID；把其中一个改名",
     "ID「c」重複；第 3 行的行為已經用了它", "步驟、行為和有形展示共用 ID；把其中一個改名"),
    ('blueprint "T"\nstep s "S"\n  customer hand "C"\n  onstage count "O"\n  hand -> cuont\n', "BP202",
     "连线的终点“cuont”不是任何行为的 ID", "是否想写“count”？",
     "連線的終點「cuont」不是任何行為的 ID", "是否想寫「count」？"),
    ('blueprint "T"\nmax-wait 15min\nstep s "S"\n  customer c "C"\n    wait 20min..45min\n', "BP302",
     "等待最长可达 45min（W1）；蓝图承诺最多 15min（max-wait）", "缩短等待，或有意保留它以显示未兑现的承诺",
     "等候最長可達 45min（W1）；藍圖承諾最多 15min（max-wait）", "縮短等候，或有意保留它以顯示未兌現的承諾"),
]


@pytest.mark.parametrize("text, code, zh, zh_hint, hant, hant_hint", WORDED, ids=[w[1] for w in WORDED])
def test_messages_are_pinned_in_chinese(text, code, zh, zh_hint, hant, hant_hint):
    [found] = [d for d in check_text(text, "t.bp", ALL).diagnostics if d.code == code]
    assert (found.localized("zh").message, found.localized("zh").hint) == (zh, zh_hint)
    assert (found.localized("zh-Hant").message, found.localized("zh-Hant").hint) == (hant, hant_hint)


def test_summary_lines_in_every_language():
    assert [summary(1, 0, 0, language) for language in MESSAGE_LANGUAGES] == [
        "1 file checked: no problems", "已检查 1 个文件：没有问题", "已檢查 1 個檔案：沒有問題"]
    assert [summary(2, 1, 3, language) for language in MESSAGE_LANGUAGES] == [
        "2 files checked: 1 error, 3 warnings", "已检查 2 个文件：1 个错误，3 个警告", "已檢查 2 個檔案：1 個錯誤，3 個警告"]
    assert [formatting_summary(1, 2, 0, True, language) for language in MESSAGE_LANGUAGES] == [
        "1 file would be reformatted, 2 files already formatted", "1 个文件会被重新排版，2 个文件已是标准格式",
        "1 個檔案會被重新排版，2 個檔案已是標準格式"]
