"""Deterministic, realistic .bp blueprints of any size, for benchmarks.

A generated blueprint reads like a long retail-banking journey: four lanes,
steps of 3 to 6 actions grouped in phases, evidence on the steps where the
customer acts, about 1.3 flows per action (mostly hand-offs down the lanes of
a step and on to the next step, some deferred or two-way, a few long ones
back to an earlier step), fail points on about 10% of the actions and wait
points on about 10%. Labels are English sentences of realistic length, with
about one in eight in Chinese. The same size and seed always give the same
text, so figures from different runs compare like with like.
"""

from __future__ import annotations

import random

LANES = ("customer", "onstage", "backstage", "support")

PHASES = (
    "Discover", "Apply", "Verify identity", "Assess", "Decide", "Sign", "Disburse", "Service",
    "Change details", "Resolve a complaint", "Renew", "Close", "咨询", "申请", "审批", "放款",
)

STEP_LABELS = (
    "Compare the offers", "Start the application", "Prove who they are", "Upload the documents",
    "Book an appointment", "Meet the advisor", "Agree the terms", "Sign the contract",
    "Receive the funds", "Check the first statement", "Report a problem", "Change the address",
    "Ask for a payment holiday", "Renew the product", "Close the account", "Collect the card",
    "Confirm the transfer", "Track the request", "提交申请材料", "核实身份信息", "签署合同", "查询审批进度",
)

CUSTOMER = (
    ("Opens", "the mobile app and signs in with a fingerprint"),
    ("Fills in", "the application form with income and employment details"),
    ("Uploads", "a photo of the identity card and the last three payslips"),
    ("Calls", "the contact centre to ask how long the review will take"),
    ("Reads", "the offer letter and compares the rate with another bank"),
    ("Signs", "the contract on the tablet at the counter"),
    ("Waits for", "the confirmation text message"),
    ("Checks", "the balance in the app"),
    ("Brings", "the original documents to the branch"),
    ("Confirms", "the repayment date and the amount"),
    ("Answers", "the security questions"),
    ("Chooses", "a time slot for the appointment"),
)
ONSTAGE = (
    ("Advisor explains", "the fees and the early repayment terms"),
    ("Teller checks", "the identity card against the customer's face"),
    ("Chatbot asks", "for the reference number"),
    ("Agent confirms", "the request and gives a reference number"),
    ("App shows", "the progress of the application"),
    ("Advisor prints", "the contract and points to where to sign"),
    ("Relationship manager calls", "the customer with the decision"),
    ("Website displays", "the personalised offer"),
)
BACKSTAGE = (
    ("Credit officer reviews", "the file and the bureau report"),
    ("Operations clerk scans", "the signed contract into the archive"),
    ("Compliance analyst screens", "the name against the sanctions lists"),
    ("Underwriter asks", "for a second valuation"),
    ("Back office team matches", "the payment to the loan account"),
    ("Case handler writes", "the final response letter"),
)
SUPPORT = (
    ("Core banking system", "opens the account and books the first entry"),
    ("Credit bureau API", "returns the score and the open credit lines"),
    ("Document management system", "stores the scanned files"),
    ("Payment hub", "releases the funds through the clearing system"),
    ("CRM", "logs the contact and updates the case status"),
    ("Notification service", "sends the text message and the email"),
    ("Scoring engine", "computes the risk grade"),
)
CHINESE = {
    "customer": ("客户在手机银行提交贷款申请", "客户上传身份证和最近三个月的工资单", "客户到网点签署合同",
                 "客户致电客服中心询问审批进度", "客户确认还款日期和金额"),
    "onstage": ("理财经理解释费用和提前还款条款", "柜员核对身份证件", "客服专员确认请求并提供受理编号",
                "手机银行显示申请进度"),
    "backstage": ("信贷员审核材料和征信报告", "运营人员扫描已签署的合同", "合规人员进行制裁名单筛查"),
    "support": ("核心系统开立账户并记账", "征信接口返回评分", "短信平台发送通知", "影像系统保存扫描件"),
}
EVIDENCE = (
    "Offer page with the rate and a calculator", "Printed ticket and the call display",
    "Email with the reference number", "Contract pack with sign-here tabs", "Text message with the code",
    "Branch signage and the queue display", "Monthly statement in the app", "网点叫号屏和排队小票",
)
FAILS = (
    "The upload fails on large photos and the customer starts again",
    "The advisor quotes an old rate",
    "The customer is not told what happens next",
    "Documents are lost between the branch and the back office",
    "The batch job runs late and the funds arrive a day after the promise",
    "身份证照片不清晰，需要重新上传",
)
WAITS = (
    "Waits in the queue", "Waits for the call back", "Waits for the decision",
    "Waits for the money to arrive", "等待审批结果",
)
FLOW_LABELS = ("on approval", "if documents are missing", "end of day", "next morning", "每日批量", "by email")


def _label(rng: random.Random, lane: str) -> str:
    if rng.random() < 0.12:
        return rng.choice(CHINESE[lane])
    pool = {"customer": CUSTOMER, "onstage": ONSTAGE, "backstage": BACKSTAGE, "support": SUPPORT}[lane]
    verb, rest = rng.choice(pool)
    tail = rng.choice(("", "", "", " before the cut-off time", " for the second time", " while on the phone"))
    return f"{verb} {rest}{tail}"


def _step_lanes(rng: random.Random, size: int) -> list[str]:
    """Lanes of a step's actions, top to bottom; a customer step always has an
    onstage action, so no hand-off skips the line of visibility."""
    if rng.random() < 0.15:
        lanes = ["backstage", "support"] + [rng.choice(("backstage", "support")) for _ in range(size - 2)]
    else:
        lanes = ["customer", "onstage", rng.choice(("backstage", "support"))]
        lanes += [rng.choice(LANES) for _ in range(size - 3)]
    return sorted(lanes, key=LANES.index)


def generate(actions: int, seed: int = 1) -> str:
    """A blueprint with exactly `actions` actions."""
    rng = random.Random(seed * 1_000_003 + actions)
    out = [
        f'blueprint "Personal loan, end to end ({actions} actions)"',
        'description "From the first visit to the website to the last repayment, across every channel."',
        'segment "Salaried customers borrowing 5,000 to 50,000"',
        'owner "Retail lending"',
        "state current",
        "max-wait 30min",
        "",
    ]
    sizes: list[int] = []
    left = actions
    while left > 0:
        size = min(left, rng.randint(3, 6))
        if 0 < left - size < 3:
            size = left if left <= 6 else left - 3
        sizes.append(size)
        left -= size

    steps: list[list[tuple[str, str]]] = []  # per step: (action id, lane)
    phase_left = 0
    number = 0
    for index, size in enumerate(sizes):
        if phase_left == 0:
            phase_left = rng.randint(3, 8)
            out.append(f'phase "{rng.choice(PHASES)}"')
            out.append("")
        phase_left -= 1
        lanes = _step_lanes(rng, size)
        out.append(f'step st{index + 1} "{rng.choice(STEP_LABELS)}"')
        if "customer" in lanes:
            out.append(f'  evidence "{rng.choice(EVIDENCE)}"')
        members: list[tuple[str, str]] = []
        for lane in lanes:
            number += 1
            ident = f"{lane[0]}{number}"
            members.append((ident, lane))
            out.append(f'  {lane} {ident} "{_label(rng, lane)}"')
            roll = rng.random()
            if roll < 0.10:
                severity = rng.choice(("", " severity low", " severity medium", " severity high"))
                out.append(f'    fail "{rng.choice(FAILS)}"{severity}')
            elif roll < 0.20:
                low = rng.choice((2, 5, 10, 15))
                high = low + rng.choice((0, 5, 10, 15))
                span = f"{low}min" if high == low else f"{low}min..{high}min"
                out.append(f'    wait {span} "{rng.choice(WAITS)}"')
            elif roll < 0.25:
                out.append(f"    duration {rng.choice((1, 2, 3, 5))}min")
        # Hand-offs down the lanes of the step: chained, or written one per line.
        ids = [ident for ident, _lane in members]
        pairs = list(zip(ids, ids[1:]))
        if rng.random() < 0.5:
            out.append("  " + " -> ".join(ids))
        else:
            for source, target in pairs:
                arrow = "->"
                if source[0] == "c" and target[0] == "o" and rng.random() < 0.25:
                    arrow = "<->"
                elif target[0] in "bs" and rng.random() < 0.2:
                    arrow = "-->"
                label = f' "{rng.choice(FLOW_LABELS)}"' if rng.random() < 0.1 else ""
                out.append(f"  {source} {arrow} {target}{label}")
        # Some work fans out: the onstage action also starts a job further down.
        onstage = [ident for ident, lane in members if lane == "onstage"]
        further = [ident for ident, lane in members[2:] if lane in ("backstage", "support")]
        if onstage and len(further) > 1 and rng.random() < 0.6:
            out.append(f"  {onstage[0]} --> {further[-1]}")
        steps.append(members)
        out.append("")

    # Between steps: the next step, some deferred work and a few long loops
    # back, written at the end as a flow list (as people do for long files).
    flows: list[str] = []
    for index in range(len(steps) - 1):
        here, there = steps[index], steps[index + 1]
        source = _last_visible(here)
        target = there[0][0]
        if there[0][1] == "customer" and source[0] in "bs":
            # the onstage action: a flow never skips the line of visibility
            target = next((ident for ident, lane in there if lane == "onstage"), target)
        flows.append(f"{source} -> {target}")
        if rng.random() < 0.7:
            hidden = [ident for ident, lane in here if lane in ("backstage", "support")]
            later = [ident for ident, lane in there if lane in ("backstage", "support", "onstage")]
            if hidden and later:
                flows.append(f"{rng.choice(hidden)} --> {rng.choice(later)}")
        if rng.random() < 0.3:
            onstage = [ident for ident, lane in there if lane == "onstage"]
            staff = [ident for ident, lane in here if lane in ("onstage", "backstage")]
            if onstage and staff:
                flows.append(f"{rng.choice(staff)} <-> {onstage[0]}")
        if index >= 6 and rng.random() < 0.06:
            back = steps[index - rng.randint(3, min(index, 25))]
            source = rng.choice([ident for ident, lane in here if lane != "customer"] or [here[0][0]])
            target = rng.choice([ident for ident, lane in back if lane != "customer"] or [back[0][0]])
            flows.append(f'{source} -> {target} "{rng.choice(FLOW_LABELS)}"')
    if flows:
        out.append("# Between steps")
        out.extend(flows)
    return "\n".join(out) + "\n"


def _last_visible(members: list[tuple[str, str]]) -> str:
    """The action that hands the journey on: the lowest onstage one, else the last."""
    onstage = [ident for ident, lane in members if lane == "onstage"]
    return onstage[-1] if onstage else members[-1][0]


if __name__ == "__main__":
    import sys

    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
