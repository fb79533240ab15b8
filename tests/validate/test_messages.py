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
    # What a practitioner adds: controls, emotion, metrics, research notes, confidence.
    ('blueprint "T"\ncontrol "Dual control"\nstep s "S"\n  customer c "C"\n', "BP118",
     "“control”写在第一个步骤之前；它属于上方最近的步骤或行为",
     '先开一个步骤（step ID "标签"），再把这一行写在它或它的某个行为下面',
     "「control」寫在第一個步驟之前；它屬於上方最近的步驟或行為",
     '先開一個步驟（step ID "標籤"），再把這一行寫在它或它的某個行為下面'),
    ('blueprint "T"\nphase "P"\n  emotion -1\nstep s "S"\n  customer c "C"\n', "BP118",
     "“emotion”直接写在阶段下面；它属于上方最近的步骤",
     '先开一个步骤（step ID "标签"），再把这一行写在它或它的某个行为下面',
     "「emotion」直接寫在階段下面；它屬於上方最近的步驟",
     '先開一個步驟（step ID "標籤"），再把這一行寫在它或它的某個行為下面'),
    ('blueprint "T"\nstep s "S"\n  metric "Volume" 1,,2\n  customer c "C"\n', "BP119",
     "数值“1,,2”不是有效的数字；应为 12、1,200 或 -4.5 这样的数字", "逗号只能用作千位分隔符；数字最大为 1,000,000,000,000",
     "數值「1,,2」不是有效的數字；應為 12、1,200 或 -4.5 這樣的數字", "逗號只能用作千分位符號；數字最大為 1,000,000,000,000"),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n    control "Dual control"\n    control "dual control"\n', "BP220",
     "行为“c”上再次出现控制措施“dual control”；第 4 行已有这一条",
     "只保留一行；如果两条都适用，写明它们的区别（例如各自依据的规定）",
     "行為「c」上再次出現控制措施「dual control」；第 4 行已有這一條",
     "只保留一行；如果兩條都適用，寫明它們的差別（例如各自依據的規定）"),
    ('blueprint "T"\nstep s "S"\n  emotion 5\n  customer c "C"\n', "BP221",
     "情绪分数 5 超出范围；分数从 -2（frustrated）到 +2（delighted）",
     "换算到这个范围：-2、-1、0、+1 或 +2，或用一个词：frustrated、annoyed、neutral、pleased、delighted",
     "情緒分數 5 超出範圍；分數從 -2（frustrated）到 +2（delighted）",
     "換算到這個範圍：-2、-1、0、+1 或 +2，或用一個詞：frustrated、annoyed、neutral、pleased、delighted"),
    ('blueprint "T"\nstep s "S"\n  metric "Volume"\n  customer c "C"\n', "BP222",
     "步骤“s”上的指标“Volume”没有数值",
     '在名称后面写上数值，如 metric "Volume" 12 "%"；如果还有待测量，就把它写成一条 question',
     "步驟「s」上的指標「Volume」沒有數值",
     '在名稱後面寫上數值，如 metric "Volume" 12 "%"；如果還有待量測，就把它寫成一條 question'),
    ('blueprint "T"\nphase "P"\n  metric "Volume" 3\n  metric "Volume" 4\nstep s "S"\n  customer c "C"\n', "BP223",
     "阶段“P”上再次出现指标“Volume”；第 3 行已有这个指标", "只保留一行；不同的度量要用不同的名称（例如注明统计周期）",
     "階段「P」上再次出現指標「Volume」；第 3 行已有這個指標", "只保留一行；不同的衡量指標要用不同的名稱（例如註明統計週期）"),
    ('blueprint "T"\nstep s "S"\n  question "Why?"\n  question "Why?"\n  customer c "C"\n', "BP224",
     "步骤“s”上再次出现待研究问题“Why?”；第 3 行已有这一条", "只保留一行",
     "步驟「s」上再次出現待研究問題「Why?」；第 3 行已有這一條", "只保留一行"),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n    pain "Slow" severity high\n    pain "slow"\n', "BP224",
     "行为“c”上再次出现痛点“slow”；第 4 行已有这一条", "只保留一行，取两者中较高的严重程度或影响程度",
     "行為「c」上再次出現痛點「slow」；第 4 行已有這一條", "只保留一行，取兩者中較高的嚴重程度或影響程度"),
    ('blueprint "T"\nstep s "S"\n  emotion frustrated\n  customer c "C"\n', "BP310",
     "顾客在步骤“s”感到沮丧，但这个步骤没有记录痛点、失误点或等待",
     '写明让顾客不满的原因：在步骤下写 pain "…" severity high，或在行为上写 fail 或 wait',
     "顧客在步驟「s」感到沮喪，但這個步驟沒有記錄痛點、失誤點或等候",
     '寫明讓顧客不滿的原因：在步驟下寫 pain "…" severity high，或在行為上寫 fail 或 wait'),
    ('blueprint "T"\nstep s "S"\n  emotion nuetral\n  customer c "C"\n', "BP107",
     "情绪“nuetral”不存在；应为-2 到 +2 的分数，或frustrated、annoyed、neutral、pleased、delighted之一",
     "是否想写“neutral”？",
     "情緒「nuetral」不存在；應為-2 到 +2 的分數，或frustrated、annoyed、neutral、pleased、delighted之一",
     "是否想寫「neutral」？"),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n    idea "Faster" impact hgh\n', "BP107",
     "影响程度“hgh”不存在；应为low、medium或high", "是否想写“high”？",
     "影響程度「hgh」不存在；應為low、medium或high", "是否想寫「high」？"),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n    confidence asumed\n', "BP107",
     "可信度“asumed”不存在；应为observed、assumed或proposed", "是否想写“assumed”？",
     "可信度「asumed」不存在；應為observed、assumed或proposed", "是否想寫「assumed」？"),
    ('blueprint "T"\nstep s "S"\n  emotion 1\n  emotion 2\n  customer c "C"\n', "BP211",
     "步骤“s”第二次出现“emotion”；第 3 行已经设置过", "只保留一行：一个步骤只有一个情绪；其余的写进情绪后面的说明",
     "步驟「s」第二次出現「emotion」；第 3 行已經設定過", "只保留一行：一個步驟只有一個情緒；其餘的寫進情緒後面的說明"),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n    confidence assumed\n    confidence observed\n', "BP211",
     "行为“c”第二次出现“confidence”；第 4 行已经设置过", "只保留一行",
     "行為「c」第二次出現「confidence」；第 4 行已經設定過", "只保留一行"),
    # Roles, channels, key steps and decisions.
    ('blueprint "T"\nrole clerk "Clerk" staff\nstep s "S"\n  customer c "C"\n  onstage o "O"\n    by clrek\n  c -> o\n',
     "BP213", "行为“o”的角色“clrek”未声明，没有这个 ID 的角色", "是否想写“clerk”？",
     "行為「o」的角色「clrek」未宣告，沒有這個 ID 的角色", "是否想寫「clerk」？"),
    ('blueprint "T"\nrole clerk "Clerk" staff\nrole core "Core" system\nstep s "S"\n  customer c "C"\n'
     '  onstage o "O"\n    by clerk\n  c -> o\n', "BP307",
     "角色“core”（Core）已声明，但没有任何行为由它执行", "在它执行的行为下写“by core”，或删除这个角色",
     "角色「core」（Core）已宣告，但沒有任何行為由它執行", "在它執行的行為下寫「by core」，或刪除這個角色"),
    ('blueprint "T"\nrole clerk "Clerk" staff\nstep s "S"\n  customer c "C"\n    by clerk\n  onstage o "O"\n  c -> o\n',
     "BP309", "员工角色“clerk”在顾客行为泳道执行“c”", "把行为移到执行者所在的泳道，或改用正确的角色",
     "員工角色「clerk」在顧客行為泳道執行「c」", "把行為移到執行者所在的泳道，或改用正確的角色"),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n    decision "Open?"\n  onstage y "Y"\n'
     '  c -> o\n  o -> y "yes"\n', "BP215",
     "行为“o”是决策点，但只有一条连线从它出发，通往“y”", '为每个去向写一条带标签的连线，如 o -> OTHER_ACTION "拒绝"',
     "行為「o」是決策點，但只有一條連線從它出發，通往「y」", '為每個去向寫一條帶標籤的連線，如 o -> OTHER_ACTION "拒絕"'),
    ('blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n    decision\n  onstage y "Y"\n'
     '  onstage n "N"\n  c -> o\n  o -> y "yes"\n  o -> n\n', "BP216",
     "决策的分支 o -> n 没有标签", '写明流程何时走这条分支：o -> n "…"',
     "決策的分支 o -> n 沒有標籤", '寫明流程何時走這條分支：o -> n "…"'),
    ('blueprint "T"\nchannel wechat "WeChat"\nstep s "S"\n  via wechta\n  customer c "C"\n  onstage o "O"\n'
     '  c -> o\n', "BP214", "渠道“wechta”既不是内置渠道，也没有声明", "是否想写“wechat”？",
     "通路「wechta」既不是內建通路，也沒有宣告", "是否想寫「wechat」？"),
    ('blueprint "T"\nstep s "S"\n  via app\n  customer c "C"\n  onstage o "O"\n  c -> o\nstep t "T"\n'
     '  customer d "D"\n    via branch\n  o -> d\n', "BP308",
     "顾客在同一阶段内从“app”（c）换到“branch”（d），没有写明原因", '写明顾客为何必须换渠道：via branch "原因"，或者不换渠道',
     "顧客在同一階段內從「app」（c）換到「branch」（d），沒有寫明原因", '寫明顧客為何必須換通路：via branch "原因"，或者不換通路'),
    ('blueprint "T"\nkey "First"\nstep s "S"\n  customer c "C"\n', "BP106",
     "“key”写在第一个步骤之前；它属于上方的步骤或行为", '先开一个步骤：step ID "标签"，再把 key 写在它下面',
     "「key」寫在第一個步驟之前；它屬於上方的步驟或行為", '先開一個步驟：step ID "標籤"，再把 key 寫在它下面'),
    ('blueprint "T"\nstep s "S"\n  key "First"\n  key\n  customer c "C"\n  onstage o "O"\n  c -> o\n', "BP211",
     "步骤“s”第二次出现“key”；第 3 行已经设置过", "只保留一行",
     "步驟「s」第二次出現「key」；第 3 行已經設定過", "只保留一行"),
    ('blueprint "T"\nrole clerk "Clerk" boss\nstep s "S"\n  customer c "C"\n    by clerk\n', "BP107",
     "角色类型“boss”不存在；应为staff、system、partner或customer", None,
     "角色類型「boss」不存在；應為staff、system、partner或customer", None),
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
