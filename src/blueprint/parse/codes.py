"""The codes the parse stage reports: a file that cannot be read, a line that is not a statement.

BP101 and BP103 are also reported by the model builder, for words the
grammar accepts but the language does not know; BP211 is also reported by
the validator, for an action's duration or cost given twice (see
blueprint.validate.repeats). Each code is declared once, here, beside the
lowest stage that reports it.
"""

from __future__ import annotations

from blueprint.diagnostics import EXAMPLE_HEAD, Level, Say, declare

UNREADABLE_FILE = declare(
    code="BP100",
    name="unreadable-file",
    level=Level.ERROR,
    summary="The file is not UTF-8 text.",
    why="A .bp file is plain UTF-8 text; binary files or other encodings cannot be read reliably.",
    bad="(a file saved as GBK, or a binary file renamed to .bp)",
    good="(the same file saved as UTF-8)",
    says={
        "nul": Say(en="found a NUL byte: this looks like a binary file",
                   zh="发现 NUL 字节：这看起来是二进制文件",
                   zh_hant="發現 NUL 位元組：這看起來是二進位檔案"),
        "byte": Say(en="found a byte (0x{byte}) that is not UTF-8",
                    zh="发现不是 UTF-8 的字节（0x{byte}）",
                    zh_hant="發現不是 UTF-8 的位元組（0x{byte}）"),
        "save": Say(en="save the file as UTF-8 text (most editors offer this under 'Save with encoding')",
                    zh="把文件另存为 UTF-8 文本（多数编辑器的“以编码保存”提供此选项）",
                    zh_hant="把檔案另存為 UTF-8 文字（多數編輯器的「以編碼儲存」提供此選項）"),
    },
)

UNEXPECTED_TOKEN = declare(
    code="BP101",
    name="unexpected-token",
    level=Level.ERROR,
    summary="A line is not a statement the language knows, or has something unexpected in it.",
    why="Each line holds one statement; the message says what was found and which statements or values fit there.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash" "twice"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash twice"\n',
    says={
        "character": Say(en="found the character '{char}'; expected {expected}",
                         zh="发现字符“{char}”；应为{expected}",
                         zh_hant="發現字元「{char}」；應為{expected}"),
        "invisible": Say(en="found the invisible character {char}; expected {expected}",
                         zh="发现不可见字符 {char}；应为{expected}",
                         zh_hant="發現不可見字元 {char}；應為{expected}"),
        "start": Say(en="found {found} at the start of a line; it does not start a statement",
                     zh="行首是{found}；它不能开始一条语句",
                     zh_hant="行首是{found}；它不能開始一條敘述"),
        "token": Say(en="found {found}; expected {expected}",
                     zh="发现{found}；应为{expected}",
                     zh_hant="發現{found}；應為{expected}"),
        "neither": Say(en="found '{word}' at the start of a line; it is neither a keyword nor a lane",
                       zh="行首是“{word}”；它既不是关键字也不是泳道",
                       zh_hant="行首是「{word}」；它既不是關鍵字也不是泳道"),
        "statement": Say(
            en="a line starts with a keyword (blueprint, phase, step, evidence, fail, wait, duration, cost, note, "
               "link, …), a lane (customer, onstage, backstage, support) or a flow (a -> b)",
            zh="一行以关键字（blueprint、phase、step、evidence、fail、wait、duration、cost、note、link……）、"
               "泳道（customer、onstage、backstage、support）或连线（a -> b）开头",
            zh_hant="一行以關鍵字（blueprint、phase、step、evidence、fail、wait、duration、cost、note、link……）、"
                    "泳道（customer、onstage、backstage、support）或連線（a -> b）開頭"),
        "invisible_hint": Say(
            en="delete it: between words, and on a blank line, only spaces and tabs count as space; "
               "some editors show this character as a line break, others not at all",
            zh="删除它：词与词之间和空行里只有空格和制表符算作空白；有些编辑器把这个字符显示成换行，有些完全不显示",
            zh_hant="刪除它：詞與詞之間和空行裡只有空格和定位字元算作空白；有些編輯器把這個字元顯示成換行，有些完全不顯示"),
        "one_per_line": Say(en="one statement per line: join the strings, or start a new line",
                            zh="每行一条语句：把字符串合并，或另起一行",
                            zh_hant="每行一條敘述：把字串合併，或另起一行"),
        "label_after": Say(en='a label follows the target of the arrow it names: a -> b "label"',
                           zh='标签写在它所说明的箭头的目标之后：a -> b "标签"',
                           zh_hant='標籤寫在它所說明的箭頭的目標之後：a -> b "標籤"'),
        # What was found, and what fits there.
        "the_string": Say(en="the string {token}", zh="字符串 {token}", zh_hant="字串 {token}"),
        "the_arrow": Say(en="the arrow {token}", zh="箭头 {token}", zh_hant="箭頭 {token}"),
        "the_word": Say(en="'{token}'", zh="“{token}”", zh_hant="「{token}」"),
        "STRING": Say(en='a quoted string ("…")', zh='带引号的字符串（"…"）', zh_hant='帶引號的字串（"…"）'),
        "NAME": Say(en="an ID", zh="ID", zh_hant="ID"),
        "NUMWORD": Say(en="a duration such as 5min or 1h30min", zh="时长，如 5min 或 1h30min",
                       zh_hant="時長，如 5min 或 1h30min"),
        "AMOUNT": Say(en="an amount such as 25 or 1,200.50", zh="金额，如 25 或 1,200.50",
                      zh_hant="金額，如 25 或 1,200.50"),
        "VERSION": Say(en="a version number", zh="版本号", zh_hant="版本號"),
        "ARROW": Say(en="an arrow (->, --> or <->)", zh="箭头（->、--> 或 <->）", zh_hant="箭頭（->、--> 或 <->）"),
        "SCORE": Say(en="a score from -2 to +2", zh="-2 到 +2 的分数", zh_hant="-2 到 +2 的分數"),
        "VALUE": Say(en="a number such as 12, 1,200 or 4.5", zh="数字，如 12、1,200 或 4.5",
                     zh_hant="數字，如 12、1,200 或 4.5"),
        "nothing": Say(en="nothing more", zh="没有更多内容", zh_hant="沒有更多內容"),
    },
)

UNTERMINATED_STRING = declare(
    code="BP102",
    name="unterminated-string",
    level=Level.ERROR,
    summary='A string has no closing quote on its line.',
    why="Strings cannot span lines; a missing quote would swallow the rest of the statement.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit\n  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
    says={
        "carriage_return": Say(
            en="found a carriage return (U+000D) inside a string; a string ends on the line it starts, "
               "and some editors show a lone carriage return as a line break",
            zh="字符串中有回车符（U+000D）；字符串在开始的那一行结束，而有些编辑器把单独的回车符显示成换行",
            zh_hant="字串中有歸位字元（U+000D）；字串在開始的那一行結束，而有些編輯器把單獨的歸位字元顯示成換行"),
        "carriage_return_hint": Say(en="delete the carriage return, or join the two lines of the string",
                                    zh="删除回车符，或把字符串的两行合成一行",
                                    zh_hant="刪除歸位字元，或把字串的兩行合成一行"),
        "open": Say(en="found a string with no closing quote; a string ends on the line it starts",
                    zh="字符串缺少右引号；字符串在开始的那一行结束",
                    zh_hant="字串缺少右引號；字串在開始的那一行結束"),
        "close_it": Say(en='add the closing " (write a quote inside a string as \\")',
                        zh='补上右引号 "（字符串中的引号写作 \\"）',
                        zh_hant='補上右引號 "（字串中的引號寫作 \\"）'),
    },
)

BAD_DURATION = declare(
    code="BP103",
    name="bad-duration",
    level=Level.ERROR,
    summary="A duration is not written as a number with a unit (s, min, h, d).",
    why="Durations drive wait-point checks and totals, so their units must be unambiguous.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20minutes\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20min\n',
    says={
        "space": Say(en="found the duration '{written}' with a space inside; a duration is a number with its unit attached",
                     zh="时长“{written}”中间有空格；时长是数字紧接着单位",
                     zh_hant="時長「{written}」中間有空格；時長是數字緊接著單位"),
        "unit": Say(en="found the unit '{unit}' in '{written}'; expected {units}",
                    zh="“{written}”中的单位“{unit}”不对；应为{units}",
                    zh_hant="「{written}」中的單位「{unit}」不對；應為{units}"),
        "no_unit": Say(en="found the number '{written}' with no unit", zh="数字“{written}”没有单位",
                       zh_hant="數字「{written}」沒有單位"),
        "twice": Say(en="found the unit '{unit}' twice in '{written}'", zh="“{written}”中单位“{unit}”出现了两次",
                     zh_hant="「{written}」中單位「{unit}」出現了兩次"),
        "not_duration": Say(en="found '{written}', which is not a duration", zh="“{written}”不是时长",
                            zh_hant="「{written}」不是時長"),
        "examples": Say(en="write e.g. 30s, 5min, 2h, 1d or 1h30min", zh="写作如 30s、5min、2h、1d 或 1h30min",
                        zh_hant="寫作如 30s、5min、2h、1d 或 1h30min"),
        "write": Say(en="write {fixed}", zh="写作 {fixed}", zh_hant="寫作 {fixed}"),
        "add_unit": Say(en="add a unit: {fixed}", zh="加上单位：{fixed}", zh_hant="加上單位：{fixed}"),
        "once": Say(en="write each unit once, e.g. 1h30min", zh="每个单位只写一次，如 1h30min",
                    zh_hant="每個單位只寫一次，如 1h30min"),
    },
)

BAD_ESCAPE = declare(
    code="BP109",
    name="bad-escape",
    level=Level.ERROR,
    summary='A string uses a backslash escape other than \\" or \\\\.',
    why="Only quotes and backslashes need escaping; anything else is probably a mistake (a Windows path, say).",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Scans C:\\new\\slip"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Scans C:\\\\new\\\\slip"\n',
    says={
        "escape": Say(en='found the escape \\{char} in a string; only \\" and \\\\ are escapes',
                      zh='字符串中有转义 \\{char}；只有 \\" 和 \\\\ 是转义',
                      zh_hant='字串中有跳脫字元 \\{char}；只有 \\" 和 \\\\ 是跳脫字元'),
        "backslash": Say(en="write a backslash as \\\\", zh="反斜杠写作 \\\\", zh_hant="反斜線寫作 \\\\"),
    },
)

FILE_TOO_LARGE = declare(
    code="BP112",
    name="file-too-large",
    level=Level.ERROR,
    summary="The file is larger than the checker reads (8 MiB).",
    why="A blueprint that size is almost certainly not a blueprint; the limit keeps the checker fast and safe.",
    bad="(a 9 MiB file)",
    good="(split the service into several blueprints)",
    says={
        "large": Say(en="found more than 8 MiB; the checker reads files up to 8 MiB",
                     zh="文件超过 8 MiB；检查器最多读取 8 MiB 的文件",
                     zh_hant="檔案超過 8 MiB；檢查器最多讀取 8 MiB 的檔案"),
        "split": Say(en="split the service into several blueprints", zh="把这项服务拆成几张蓝图",
                     zh_hant="把這項服務拆成幾張藍圖"),
    },
)

# Raised here for a fail point's `severity` or `recover` given twice; the
# documentation shows the case a writer meets most, an action's duration.
REPEATED_ATTRIBUTE = declare(
    code="BP211",
    name="repeated-attribute",
    level=Level.ERROR,
    summary="An action has a second `duration` or `cost`.",
    why="An action takes one time and one cost; a second line would silently replace the first.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    duration 2min\n    duration 5min\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    duration 2min..5min\n',
    says={
        "in_fail": Say(en="found a second '{key}' in this fail point; it already has {key} {value}",
                       zh="这个失误点第二次出现“{key}”；它已有 {key} {value}",
                       zh_hant="這個失誤點第二次出現「{key}」；它已有 {key} {value}"),
        "keep_one": Say(en="keep one", zh="只保留一个", zh_hant="只保留一個"),
        "in_action": Say(en="found a second '{keyword}' for the action '{action}'; it was already set on line {line}",
                         zh="行为“{action}”第二次出现“{keyword}”；第 {line} 行已经设置过",
                         zh_hant="行為「{action}」第二次出現「{keyword}」；第 {line} 行已經設定過"),
        "keep_line": Say(en="keep one line", zh="只保留一行", zh_hant="只保留一行"),
        "in_step": Say(en="found a second '{keyword}' for the step '{step}'; it was already set on line {line}",
                       zh="步骤“{step}”第二次出现“{keyword}”；第 {line} 行已经设置过",
                       zh_hant="步驟「{step}」第二次出現「{keyword}」；第 {line} 行已經設定過"),
        "in_flow": Say(en="found a second '{keyword}' for the flow line on line {flow}; it was already set on line {line}",
                       zh="第 {flow} 行的流程第二次出现“{keyword}”；第 {line} 行已经设置过",
                       zh_hant="第 {flow} 行的流程第二次出現「{keyword}」；第 {line} 行已經設定過"),
        "one_emotion": Say(en="keep one line: a step has one emotion; say the rest in its note",
                           zh="只保留一行：一个步骤只有一个情绪；其余的写进情绪后面的说明",
                           zh_hant="只保留一行：一個步驟只有一個情緒；其餘的寫進情緒後面的說明"),
        "keep_range": Say(en="keep one line; a range such as 2min..5min covers both",
                          zh="只保留一行；像 2min..5min 这样的范围可以涵盖两者",
                          zh_hant="只保留一行；像 2min..5min 這樣的範圍可以涵蓋兩者"),
    },
)

CURLY_QUOTES = declare(
    code="BP122",
    name="curly-quotes",
    level=Level.ERROR,
    summary="A string is written between curly quotes (“ ” ‘ ’ 「 」) instead of straight ones.",
    why="A string opens and closes with the straight quote `\"`; word processors and Chinese input methods "
        "often type curly ones instead. Inside a string curly quotes are ordinary text.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand “Hands over cash”\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
    says={
        "curly": Say(en="found the curly quote {quote} where a string's quote belongs; "
                        'a string is written between straight quotes "…"',
                     zh='字符串的引号处是弯引号 {quote}；字符串写在直引号 "…" 之间',
                     zh_hant='字串的引號處是彎引號 {quote}；字串寫在直引號 "…" 之間'),
        "straight": Say(en="write straight quotes: {line}", zh="改用直引号：{line}", zh_hant="改用直引號：{line}"),
    },
)

CODES = (UNREADABLE_FILE, UNEXPECTED_TOKEN, UNTERMINATED_STRING, BAD_DURATION, BAD_ESCAPE, FILE_TOO_LARGE,
         REPEATED_ATTRIBUTE, CURLY_QUOTES)
