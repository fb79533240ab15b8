"""The language tag a drawing declares, so a screen reader picks the right voice.

A blueprint says `lang zh` for Chinese, but a bare `zh` leaves a screen
reader to guess the script (and often the voice: Mandarin or Cantonese, a
mainland or a Taiwan one). The drawing's text tells: characters that exist
only in the simplified or only in the traditional script are counted, and
the tag names the script that has more of them (simplified when neither
shows, as the notation's wording and fonts are simplified Chinese).
"""

from __future__ import annotations

from blueprint.scene import Scene

# Frequent characters whose simplified and traditional forms differ, the
# simplified form first. Enough to tell a page of either script apart; a
# character common to both scripts says nothing and is not listed.
_PAIRS = (
    "们們 个個 这這 说說 时時 过過 还還 对對 会會 来來 发發 后後 为為 银銀 账賬 现現 钱錢 务務 员員 处處 "
    "办辦 单單 号號 认認 证證 据據 间間 问問 题題 关關 门門 开開 长長 进進 运運 费費 贷貸 险險 汇匯 转轉 "
    "审審 额額 记記 录錄 电電 话話 网網 点點 给給 让讓 从從 动動 经經 应應 该該 与與 业業 产產 确確 条條 "
    "计計 划劃 报報 风風 质質 签簽 统統 数數 领領 预預 线線 馈饋 决決 复復 样樣 么麼 种種 无無 实實"
)
SIMPLIFIED = frozenset(pair[0] for pair in _PAIRS.split() if pair[0] != pair[1])
TRADITIONAL = frozenset(pair[1] for pair in _PAIRS.split() if pair[0] != pair[1])


def language_tag(scene: Scene) -> str:
    """The BCP 47 tag for the scene's text: `en`, or `zh-Hans` / `zh-Hant`."""
    if scene.lang != "zh":
        return scene.lang  # en, or zh-Hant: the file says which script it is written in
    text = "".join([scene.title, *(card.label for card in scene.cards), *(column.label for column in scene.columns)])
    simplified = sum(char in SIMPLIFIED for char in text)
    traditional = sum(char in TRADITIONAL for char in text)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


__all__ = ["language_tag"]
