"""Blueprints where flows crowd: each step has 2 to 12 flows between its own
actions and as many on to the next step, in English and in Chinese.

The examples show where readability breaks in real drawings; these push the
same situations further than any example does, so that the routing is judged
on the busy steps a wall-sized blueprint will have. Deterministic: the same
call always gives the same text.
"""

from __future__ import annotations

import random

FLOW_COUNTS = (2, 4, 6, 8, 10, 12)

WORDS = {
    "en": {
        "title": "Busy step with {n} flows",
        "step": ("Review the application together", "Agree the decision", "Tell the customer"),
        "lanes": {
            "customer": ("Sends the missing payslip", "Asks how long it will take", "Reads the decision"),
            "onstage": ("Advisor confirms the request", "App shows the progress", "Advisor explains the terms",
                        "Chatbot asks for the reference"),
            "backstage": ("Credit officer reviews the file", "Appraiser values the flat",
                          "Verifier checks the income", "Legal checks the title", "Team agrees the decision",
                          "Clerk scans the contract"),
            "support": ("Credit bureau report", "Case system shared by the team"),
        },
        "labels": ("sends the file", "asks again", "decision posted", "adds to the queue", "upload request",
                   "status", "final offer"),
    },
    "zh": {
        "title": "一步里有{n}条流程线",
        "step": ("共同审核申请", "商定审批结果", "通知客户"),
        "lanes": {
            "customer": ("补交缺少的工资单", "询问还要等多久", "查看审批结果"),
            "onstage": ("客户经理确认申请", "手机银行显示进度", "客户经理解释条款", "智能客服询问编号"),
            "backstage": ("信贷员审查材料", "评估师评估房产", "核查员核实收入", "法务审查产权", "小组商定审批结果",
                          "柜员扫描合同"),
            "support": ("征信报告", "团队共享的案件系统"),
        },
        "labels": ("转交材料", "再次询问", "发布结果", "加入队列", "请求上传", "进度", "最终方案"),
    },
}


def stress_blueprint(flows: int, lang: str) -> str:
    """Three steps; each holds `flows` flows between its own actions, and the
    first two send as many on to the next step."""
    words = WORDS[lang]
    rng = random.Random(f"{lang}{flows}")
    size = 3 + flows // 3
    out = [f'blueprint "{words["title"].format(n=flows)}"']
    if lang == "zh":
        out.append("lang zh")
    steps: list[list[str]] = []
    for number, label in enumerate(words["step"], 1):
        out.append(f'\nstep s{number} "{label}"')
        ids = []
        for position, lane in enumerate(_lanes(size)):
            action = f"s{number}a{position + 1}"
            names = words["lanes"][lane]
            out.append(f'  {lane} {action} "{names[(position + number) % len(names)]}"')
            ids.append(action)
        pairs = _pairs(ids, ids, flows, rng)
        if steps:
            pairs = _pairs(steps[-1], ids, flows, rng) + pairs
        out += [_flow(a, b, rng, words["labels"]) for a, b in pairs]
        steps.append(ids)
    return "\n".join(out) + "\n"


def _lanes(size: int) -> list[str]:
    onstage = 2 if size >= 5 else 1
    return ["customer"] + ["onstage"] * onstage + ["backstage"] * (size - 2 - onstage) + ["support"]


def _pairs(sources: list[str], targets: list[str], count: int, rng: random.Random) -> list[tuple[str, str]]:
    candidates = [(a, b) for a in sources for b in targets if a != b]
    rng.shuffle(candidates)
    chosen: list[tuple[str, str]] = []
    for a, b in candidates:
        if (b, a) not in chosen:
            chosen.append((a, b))
        if len(chosen) == count:
            break
    return chosen


def _flow(source: str, target: str, rng: random.Random, labels: tuple[str, ...]) -> str:
    arrow = rng.choice(("->", "->", "->", "-->", "<->"))
    label = f' "{rng.choice(labels)}"' if rng.random() < 0.3 else ""
    return f"  {source} {arrow} {target}{label}"


def stress_set() -> list[tuple[str, str]]:
    """(name, text) of every stress blueprint."""
    return [(f"stress-{flows}-{lang}", stress_blueprint(flows, lang)) for lang in ("en", "zh")
            for flows in FLOW_COUNTS]
