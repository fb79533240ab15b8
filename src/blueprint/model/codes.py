"""The codes the model builder reports: words the grammar accepts but the
language does not know (a lane, a line, a state), statements that stand
where they cannot, and a statement written in a form that is easy to misread
(BP306). Whether the blueprint then makes sense is the validator's to say
(blueprint.validate).
"""

from __future__ import annotations

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Level, Say, declare

UNKNOWN_LANE = declare(
    code="BP104",
    name="unknown-lane",
    level=Level.ERROR,
    summary="A lane name is not one of customer, onstage, backstage, support, preparation, management or evidence.",
    why="A blueprint has four action lanes, two optional ones below them (preparation, management) and the evidence row above them.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  custmer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
    says={
        "lane": Say(en="found the lane '{lane}'; expected {lanes}", zh="泳道“{lane}”不存在；应为{lanes}",
                    zh_hant="泳道「{lane}」不存在；應為{lanes}"),
    },
)

UNKNOWN_LINE = declare(
    code="BP105",
    name="unknown-line",
    level=Level.ERROR,
    summary="A line name is not one of interaction, visibility, internal, order-penetration or implementation.",
    why="A blueprint has three lines between its lanes, and two more above its optional lanes; `line` can only relabel them.",
    bad=EXAMPLE_HEAD + 'line visible "Customers cannot see below"\n' + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + 'line visibility "Customers cannot see below"\n' + EXAMPLE_STEP,
    says={
        "line": Say(en="found the line '{line}'; expected {lines}", zh="分界线“{line}”不存在；应为{lines}",
                    zh_hant="分界線「{line}」不存在；應為{lines}"),
    },
)

ATTRIBUTE_WITHOUT_ACTION = declare(
    code="BP106",
    name="attribute-without-action",
    level=Level.ERROR,
    summary="An attribute line (fail, wait, duration, cost, note, link) has no action before it in its step.",
    why="Attributes belong to the most recent action of the step; without one there is nothing to attach them to.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  wait 5min\n  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 5min\n',
    says={
        "in_step": Say(en="found '{keyword}' with no action in this step; it attaches to the action above it",
                       zh="“{keyword}”在这个步骤中前面没有行为；它属于上方的行为",
                       zh_hant="「{keyword}」在這個步驟中前面沒有行為；它屬於上方的行為"),
        "before_step": Say(en="found '{keyword}' with no action before the first step; it attaches to the action above it",
                           zh="“{keyword}”在第一个步骤之前，前面没有行为；它属于上方的行为",
                           zh_hant="「{keyword}」在第一個步驟之前，前面沒有行為；它屬於上方的行為"),
        "action_first": Say(en='write the action first, e.g. customer ID "Label", then indent this line under it',
                            zh='先写行为，如 customer ID "标签"，再把这一行缩进写在它下面',
                            zh_hant='先寫行為，如 customer ID "標籤"，再把這一行縮排寫在它下面'),
        # `key` and `via`, which a step may carry as well as an action.
        "before_any_step": Say(en="found '{keyword}' before the first step; it belongs to the step or action above it",
                               zh="“{keyword}”写在第一个步骤之前；它属于上方的步骤或行为",
                               zh_hant="「{keyword}」寫在第一個步驟之前；它屬於上方的步驟或行為"),
        "step_first": Say(en='open a step first: step ID "Label", then write {keyword} under it',
                          zh='先开一个步骤：step ID "标签"，再把 {keyword} 写在它下面',
                          zh_hant='先開一個步驟：step ID "標籤"，再把 {keyword} 寫在它下面'),
    },
)

UNKNOWN_VALUE = declare(
    code="BP107",
    name="unknown-value",
    level=Level.ERROR,
    summary="A keyword value (state, lang, severity) is not one the language knows.",
    why="These values select behaviour (default labels, practice rules, marker styles), so a typo must not pass silently.",
    bad=EXAMPLE_HEAD + "state futur\n" + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + "state future\n" + EXAMPLE_STEP,
    says={
        "value": Say(en="found '{value}' as {what}; expected {expected}", zh="{what}“{value}”不存在；应为{expected}",
                     zh_hant="{what}「{value}」不存在；應為{expected}"),
        "a_state": Say(en="a state", zh="状态", zh_hant="狀態"),
        "a_language": Say(en="a language", zh="语言", zh_hant="語言"),
        "a_severity": Say(en="a severity", zh="严重程度", zh_hant="嚴重程度"),
        "an_impact": Say(en="an impact", zh="影响程度", zh_hant="影響程度"),
        "a_confidence": Say(en="a confidence", zh="可信度", zh_hant="可信度"),
        "a_role_kind": Say(en="a role's kind", zh="角色类型", zh_hant="角色類型"),
        "an_emotion": Say(en="an emotion", zh="情绪", zh_hant="情緒"),
        "emotion_scale": Say(en="a score from -2 to +2 or one of {words}", zh="-2 到 +2 的分数，或{words}之一",
                             zh_hant="-2 到 +2 的分數，或{words}之一"),
        "languages": Say(en="en, zh (or zh-Hans) or zh-Hant", zh="en、zh（或 zh-Hans）或 zh-Hant",
                         zh_hant="en、zh（或 zh-Hans）或 zh-Hant"),
    },
)

MISPLACED_STATEMENT = declare(
    code="BP108",
    name="misplaced-statement",
    level=Level.ERROR,
    summary="A statement stands where it cannot: a header after the first phase or step, or an action or evidence outside a step.",
    why="Headers describe the whole blueprint and come first; actions and evidence belong to a step (a column in time).",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + "state future\n",
    good=EXAMPLE_HEAD + "state future\n" + EXAMPLE_STEP,
    says={
        "header": Say(en="found the header '{keyword}' after the first phase or step; headers describe the whole blueprint",
                      zh="文件头“{keyword}”写在第一个阶段或步骤之后；文件头描述整张蓝图",
                      zh_hant="檔頭「{keyword}」寫在第一個階段或步驟之後；檔頭描述整張藍圖"),
        "move_up": Say(en="move it up, next to the blueprint title", zh="把它移到上面，放在蓝图标题旁边",
                       zh_hant="把它移到上面，放在藍圖標題旁邊"),
        "title": Say(en="found the blueprint title after other statements; it must be the first statement",
                     zh="蓝图标题写在其他语句之后；它必须是第一条语句",
                     zh_hant="藍圖標題寫在其他敘述之後；它必須是第一條敘述"),
        "to_top": Say(en="move this line to the top of the file", zh="把这一行移到文件开头",
                      zh_hant="把這一行移到檔案開頭"),
        "outside": Say(en="found {what} before any step; actions and evidence belong to a step",
                       zh="{what}写在任何步骤之前；行为和有形展示都属于某个步骤",
                       zh_hant="{what}寫在任何步驟之前；行為和有形展示都屬於某個步驟"),
        "evidence": Say(en="evidence", zh="有形展示", zh_hant="有形展示"),
        "the_action": Say(en="the {lane} action", zh="{lane} 行为", zh_hant="{lane} 行為"),
        "open_step": Say(en='open a step first: step ID "Label"', zh='先开一个步骤：step ID "标签"',
                         zh_hant='先開一個步驟：step ID "標籤"'),
    },
)

BAD_AMOUNT = declare(
    code="BP110",
    name="bad-amount",
    level=Level.ERROR,
    summary="A cost amount is not a number.",
    why="Costs are added up across the blueprint, so they must be numbers (thousands separators are fine).",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 1,,2 CNY\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 1,200 CNY\n',
    says={
        "amount": Say(en="found the amount '{amount}'; expected a number such as 25, 1200.50 or 1,200.50",
                      zh="金额“{amount}”不是数字；应为如 25、1200.50 或 1,200.50 的数字",
                      zh_hant="金額「{amount}」不是數字；應為如 25、1200.50 或 1,200.50 的數字"),
        "thousands": Say(en="commas may only separate thousands", zh="逗号只能用来分隔千位",
                         zh_hant="逗號只能用來分隔千位"),
    },
)

RESERVED_WORD = declare(
    code="BP111",
    name="reserved-word",
    level=Level.ERROR,
    summary="An ID is a keyword of the language.",
    why="A keyword cannot start a flow line, so an action with that ID could never be connected.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer note "Writes a note"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer writes "Writes a note"\n',
    says={
        "keyword": Say(en="found the keyword '{word}' used as an ID; a flow could never name it",
                       zh="关键字“{word}”被用作 ID；连线无法引用它",
                       zh_hant="關鍵字「{word}」被用作 ID；連線無法引用它"),
        "another": Say(en="choose another ID, e.g. {word}_1", zh="换一个 ID，如 {word}_1", zh_hant="換一個 ID，如 {word}_1"),
    },
)

DURATION_TOO_LONG = declare(
    code="BP113",
    name="duration-too-long",
    level=Level.ERROR,
    summary="A duration (wait, duration or max-wait) is longer than a year (366d).",
    why="No step of a service takes a year: a longer duration is a slip of a digit or a unit, and would swamp "
        "every total it is added to.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 500d\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 5d\n',
    says={
        "long": Say(en="found the duration '{written}', longer than a year; durations go up to {days}d",
                    zh="时长“{written}”超过一年；时长最多 {days}d",
                    zh_hant="時長「{written}」超過一年；時長最多 {days}d"),
        "check": Say(en="check the number and the unit (s, min, h, d)", zh="检查数字和单位（s、min、h、d）",
                     zh_hant="檢查數字和單位（s、min、h、d）"),
    },
)

AMOUNT_TOO_LARGE = declare(
    code="BP114",
    name="amount-too-large",
    level=Level.ERROR,
    summary="A cost amount is larger than 1,000,000,000,000.",
    why="A cost is what one action costs; an amount beyond a trillion is a slip of digits, and amounts "
        "are added up, so they must stay exact.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 12,000,000,000,000 CNY\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 12 CNY\n',
    says={
        "large": Say(en="found the amount '{amount}'; a cost goes up to 1,000,000,000,000",
                     zh="金额“{amount}”过大；成本最多 1,000,000,000,000",
                     zh_hant="金額「{amount}」過大；成本最多 1,000,000,000,000"),
        "digits": Say(en="check the number of digits; write the cost of this one action",
                      zh="检查位数；只写这一个行为的成本", zh_hant="檢查位數；只寫這一個行為的成本"),
    },
)

AMBIGUOUS_CHAIN_LABEL = declare(
    code="BP306",
    name="ambiguous-chain-label",
    level=Level.WARNING,
    summary="A chain of arrows has one label, at the end of the line; it names the chain's first arrow.",
    why="In the older form `a -> b -> c \"label\"` the label belongs to `a -> b`, yet it reads as the label of "
        "`b -> c`, the arrow it stands next to. Write each label right after the arrow it names: "
        "`a -> b \"label\" -> c`; `blueprint fmt` rewrites the older form so, keeping its meaning.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n'
        '  backstage post "Teller posts the deposit"\n  hand -> count -> post "over the counter"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n'
         '  backstage post "Teller posts the deposit"\n  hand -> count "over the counter" -> post\n',
    says={
        "chain": Say(en="found a label at the end of a chain of {count} arrows; it names the first arrow ({first}), "
                        "not the last",
                     zh="{count} 个箭头串成的连线末尾有一个标签；它说明的是第一个箭头（{first}），而不是最后一个",
                     zh_hant="{count} 個箭頭串成的連線末尾有一個標籤；它說明的是第一個箭頭（{first}），而不是最後一個"),
        "move_label": Say(en="if it names {first}, move it right after {target} (blueprint fmt does this); if it names "
                             "{final}, end the chain at {last} and write {final} {label} on a line of its own",
                          zh="如果它说明 {first}，把它移到 {target} 之后（blueprint fmt 会这样做）；如果它说明 {final}，"
                             "让连线在 {last} 结束，另起一行写 {final} {label}",
                          zh_hant="如果它說明 {first}，把它移到 {target} 之後（blueprint fmt 會這樣做）；如果它說明 {final}，"
                                  "讓連線在 {last} 結束，另起一行寫 {final} {label}"),
    },
)

CODES = (UNKNOWN_LANE, UNKNOWN_LINE, ATTRIBUTE_WITHOUT_ACTION, UNKNOWN_VALUE, MISPLACED_STATEMENT, BAD_AMOUNT,
         RESERVED_WORD, DURATION_TOO_LONG, AMOUNT_TOO_LARGE, AMBIGUOUS_CHAIN_LABEL)

# --- what a practitioner adds to a phase, step or action (controls, emotion,
# metrics, research notes, confidence) ----------------------------------------

ANNOTATION_WITHOUT_STEP = declare(
    code="BP118",
    name="annotation-without-step",
    level=Level.ERROR,
    summary="A control, emotion, metric, research note or confidence line stands where it has nothing to attach to.",
    why="These lines say something about the phase, step or action above them: a control, emotion or research "
        "note needs a step, a metric a phase or a step, a confidence an action.",
    bad=EXAMPLE_HEAD + 'control "Identity check under AML rules"\n' + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  control "Identity check under AML rules"\n'
         '  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n',
    says={
        "misplaced": Say(en="found '{keyword}' {where}; it belongs to {belongs}, the nearest one above it",
                         zh="“{keyword}”{where}；它属于上方最近的{belongs}",
                         zh_hant="「{keyword}」{where}；它屬於上方最近的{belongs}"),
        "under_phase": Say(en="right under a phase", zh="直接写在阶段下面", zh_hant="直接寫在階段下面"),
        "before_step": Say(en="before the first step", zh="写在第一个步骤之前", zh_hant="寫在第一個步驟之前"),
        "step_or_action": Say(en="a step or an action", zh="步骤或行为", zh_hant="步驟或行為"),
        "a_step": Say(en="a step", zh="步骤", zh_hant="步驟"),
        "phase_or_step": Say(en="a phase or a step", zh="阶段或步骤", zh_hant="階段或步驟"),
        "open_step": Say(en='open a step first (step ID "Label"), then write this line under it or under one of its '
                            "actions",
                         zh='先开一个步骤（step ID "标签"），再把这一行写在它或它的某个行为下面',
                         zh_hant='先開一個步驟（step ID "標籤"），再把這一行寫在它或它的某個行為下面'),
    },
)

EMOTION_OUT_OF_RANGE = declare(
    code="BP221",
    name="emotion-out-of-range",
    level=Level.ERROR,
    summary="An emotion score is outside -2..+2.",
    why="The emotion curve has five levels, from -2 (frustrated) through 0 (neutral) to +2 (delighted); a score "
        "beyond them cannot be drawn, and is usually a slip of a 10-point or 100-point scale.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  emotion -5 "Queue out of the door"\n'
        '  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  emotion -2 "Queue out of the door"\n'
         '  customer hand "Hands over cash"\n    wait 20min\n',
    says={
        "score": Say(en="found the emotion score {score}; a score goes from -2 (frustrated) to +2 (delighted)",
                     zh="情绪分数 {score} 超出范围；分数从 -2（frustrated）到 +2（delighted）",
                     zh_hant="情緒分數 {score} 超出範圍；分數從 -2（frustrated）到 +2（delighted）"),
        "rescale": Say(en="rescale it: -2, -1, 0, +1 or +2, or a word: {words}",
                       zh="换算到这个范围：-2、-1、0、+1 或 +2，或用一个词：{words}",
                       zh_hant="換算到這個範圍：-2、-1、0、+1 或 +2，或用一個詞：{words}"),
    },
)

BAD_NUMBER = declare(
    code="BP119",
    name="bad-number",
    level=Level.ERROR,
    summary="A metric's value is not a number.",
    why="A metric is compared between states and blueprints, so its value must be a number; commas may only "
        "separate thousands.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Deposits per day" 1,,200\n'
        '  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Deposits per day" 1,200\n'
         '  customer hand "Hands over cash"\n',
    says={
        "number": Say(en="found the value '{value}'; expected a number such as 12, 1,200 or -4.5",
                      zh="数值“{value}”不是有效的数字；应为 12、1,200 或 -4.5 这样的数字",
                      zh_hant="數值「{value}」不是有效的數字；應為 12、1,200 或 -4.5 這樣的數字"),
        "thousands": Say(en="commas may only separate thousands; a number goes up to 1,000,000,000,000",
                         zh="逗号只能用作千位分隔符；数字最大为 1,000,000,000,000",
                         zh_hant="逗號只能用作千分位符號；數字最大為 1,000,000,000,000"),
    },
)

CODES += (ANNOTATION_WITHOUT_STEP, EMOTION_OUT_OF_RANGE, BAD_NUMBER)
