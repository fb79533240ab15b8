"""The findings about `detail` references across files (BP240-BP244, BP340,
BP341): declared here, beside the project stage that reports them.

Each concerns two files or more, so their examples are written in words: the
rule reference cannot show two files in one block, and tests/project checks
each with real files.
"""

from __future__ import annotations

from blueprint.diagnostics import Level, Say, declare

MISSING_DETAIL = declare(
    code="BP240",
    name="missing-detail",
    level=Level.ERROR,
    summary="A `detail` names a .bp file that does not exist.",
    why="The drawing would link to a page nobody wrote, and the project's figures would leave that part of the service out.",
    bad='(open-account.bp says `detail "identity-check.bp"` under a step, and there is no identity-check.bp beside it)',
    good='(identity-check.bp stands beside open-account.bp, or the `detail` names the file that does)',
    says={
        "missing": Say(en="the detail '{path}' does not exist (looked for {looked})",
                       zh="细化蓝图“{path}”不存在（查找的是 {looked}）",
                       zh_hant="細化藍圖「{path}」不存在（查找的是 {looked}）"),
        "relative": Say(en="a detail's path is relative to the file that names it",
                        zh="细化蓝图的路径相对于引用它的文件",
                        zh_hant="細化藍圖的路徑相對於引用它的檔案"),
    },
)

BAD_DETAIL_PATH = declare(
    code="BP241",
    name="bad-detail-path",
    level=Level.ERROR,
    summary="A `detail` path is not a relative path to a .bp file written with forward slashes.",
    why="A project moves between machines and systems: an absolute path, a drive letter, a backslash or an address breaks on the next one, and only a .bp file is a blueprint.",
    bad='(`detail "C:\\\\flows\\\\identity-check.bp"`, `detail "/srv/identity-check.bp"` or `detail "identity-check.txt"`)',
    good='(`detail "identity-check.bp"` or `detail "checks/identity-check.bp"`)',
    says={
        "not_bp": Say(en="the detail '{path}' is not a .bp file",
                      zh="细化蓝图“{path}”不是 .bp 文件",
                      zh_hant="細化藍圖「{path}」不是 .bp 檔案"),
        "form": Say(en="the detail '{path}' is not a relative path with forward slashes",
                    zh="细化蓝图“{path}”不是用正斜杠写的相对路径",
                    zh_hant="細化藍圖「{path}」不是用正斜線寫的相對路徑"),
        "write": Say(en='write it relative to this file, with forward slashes: detail "checks/identity-check.bp"',
                     zh='相对于本文件、用正斜杠书写：detail "checks/identity-check.bp"',
                     zh_hant='相對於本檔案、用正斜線書寫：detail "checks/identity-check.bp"'),
    },
)

DETAIL_CYCLE = declare(
    code="BP242",
    name="detail-cycle",
    level=Level.ERROR,
    summary="Details lead back to a blueprint they detail: a cycle of `detail` references.",
    why="A blueprint cannot be a part of itself; the tree of the service would have no bottom, and its figures no total.",
    bad="(open-account.bp details a step into kyc.bp, and kyc.bp details one of its steps into open-account.bp)",
    good="(kyc.bp details its steps into files further down, never back up the tree)",
    says={
        "cycle": Say(en="this detail closes a cycle: {chain}",
                     zh="此细化引用构成循环：{chain}",
                     zh_hant="此細化引用構成循環：{chain}"),
        "break": Say(en="a detail goes down the tree: remove the reference that leads back",
                     zh="细化只能向下：删除指回上层的引用",
                     zh_hant="細化只能向下：刪除指回上層的引用"),
    },
)

DETAIL_LANE_CONFLICT = declare(
    code="BP243",
    name="detail-lane-conflict",
    level=Level.ERROR,
    summary="A step or action behind the line of visibility (backstage, support) is detailed by a blueprint in which the customer acts.",
    why="What the customer does is drawn where the customer is; a detail that puts the customer into a backstage step says the parent hides an encounter.",
    bad="(the backstage action `score` says `detail \"risk-scoring.bp\"`, and risk-scoring.bp has a customer action)",
    good="(risk-scoring.bp has only onstage, backstage and support actions; or the customer's part moves up into the parent)",
    says={
        "conflict": Say(en="'{owner}' is {lanes}, but its detail '{path}' has customer actions ({actions})",
                        zh="“{owner}”位于{lanes}，但其细化蓝图“{path}”含有顾客行为（{actions}）",
                        zh_hant="「{owner}」位於{lanes}，但其細化藍圖「{path}」含有顧客行為（{actions}）"),
        "behind": Say(en="behind the line of visibility", zh="可视分界线之后", zh_hant="可視分界線之後"),
        "move": Say(en="draw the customer's part in this blueprint, or detail a step the customer takes part in",
                    zh="把顾客的部分画在本蓝图中，或细化顾客参与的步骤",
                    zh_hant="把顧客的部分畫在本藍圖中，或細化顧客參與的步驟"),
    },
)

DETAIL_WITH_ERRORS = declare(
    code="BP244",
    name="detail-with-errors",
    level=Level.ERROR,
    summary="The blueprint a `detail` names has errors of its own (reported in that file).",
    why="A detail that cannot be drawn leaves a dead link in the drawing and a hole in the project's figures.",
    bad="(identity-check.bp, which open-account.bp names as a detail, has an unknown lane)",
    good="(identity-check.bp checks clean)",
    says={
        "error": Say(en="the detail '{path}' has an error of its own, reported in that file",
                     zh="细化蓝图“{path}”自身有 1 个错误，已在该文件中报告",
                     zh_hant="細化藍圖「{path}」自身有 1 個錯誤，已在該檔案中報告"),
        "errors": Say(en="the detail '{path}' has {count} errors of its own, reported in that file",
                      zh="细化蓝图“{path}”自身有 {count} 个错误，已在该文件中报告",
                      zh_hant="細化藍圖「{path}」自身有 {count} 個錯誤，已在該檔案中報告"),
    },
)

DETAIL_WITHOUT_CUSTOMER = declare(
    code="BP340",
    name="detail-without-customer",
    level=Level.WARNING,
    summary="A step or action only the customer takes part in is detailed by a blueprint with no customer action at all.",
    why="Zooming into what the customer does should still show the customer; a detail without them usually belongs to another step.",
    bad="(the customer action `fill` says `detail \"form-check.bp\"`, and form-check.bp has only backstage actions)",
    good="(form-check.bp shows the customer filling in each part of the form, with what the bank does behind)",
    says={
        "no_customer": Say(en="'{owner}' is the customer's alone, but its detail '{path}' has no customer action",
                           zh="“{owner}”只有顾客参与，但其细化蓝图“{path}”没有顾客行为",
                           zh_hant="「{owner}」只有顧客參與，但其細化藍圖「{path}」沒有顧客行為"),
        "which": Say(en="detail the step the bank's work belongs to, or add the customer's actions to the detail",
                     zh="改为细化银行工作所属的步骤，或在细化蓝图中加入顾客行为",
                     zh_hant="改為細化銀行工作所屬的步驟，或在細化藍圖中加入顧客行為"),
    },
)

ORPHAN_BLUEPRINT = declare(
    code="BP341",
    name="orphan-blueprint",
    level=Level.WARNING,
    summary="The project names a root blueprint, and this file is not reached from it by `detail` references.",
    why="A blueprint nobody links to is missed by the reader of the overview and left out of the project's figures.",
    bad='(root = "open-account.bp" in [tool.blueprint], and card-issuing.bp is detailed by no file of the tree)',
    good='(a step of open-account.bp, or of a file it details, says `detail "card-issuing.bp"`)',
    says={
        "orphan": Say(en="this blueprint is not reached from the project's root {root}",
                      zh="从项目根蓝图 {root} 无法到达此蓝图",
                      zh_hant="從專案根藍圖 {root} 無法到達此藍圖"),
        "link": Say(en="name it with `detail` under the step it details, or remove it from the project",
                    zh="在它所细化的步骤下用 `detail` 引用它，或将它移出项目",
                    zh_hant="在它所細化的步驟下用 `detail` 引用它，或將它移出專案"),
    },
)

CODES = (MISSING_DETAIL, BAD_DETAIL_PATH, DETAIL_CYCLE, DETAIL_LANE_CONFLICT, DETAIL_WITH_ERRORS,
         DETAIL_WITHOUT_CUSTOMER, ORPHAN_BLUEPRINT)
