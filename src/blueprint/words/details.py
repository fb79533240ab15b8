"""The words of detail blueprints and of the site of a project, in every
language: the tag on a step or action that has a blueprint of its own, its
legend entry and link, and the words of the pages `render DIR` writes, its
index's figures included."""

from __future__ import annotations

from blueprint.vocabulary import Language

DETAIL_WORDS: dict[Language, dict[str, object]] = {
    Language.EN: {
        "detail": "Detail",
        "legend_detail": "Detailed in a blueprint of its own",
        "detail_open": "Open the detail: {title}",
        "site_title": "Blueprints",
        "site_up": "Up",
        "site_details": "Details",
        "site_index": "All blueprints",
        "site_other": "Blueprints in no tree",
        "site_tree_meta": "End to end, each detail counted in place of what it details · {files} on {levels}",
        "site_file_unit": ("blueprint", "blueprints"),
        "site_level_unit": ("level", "levels"),
        "site_wait": "Customer wait",
        "site_fails": "Fail points",
        "site_beyond": "Waits beyond the {limit} promise",
        "site_count": "{n}",
        "site_high": "{n} of high severity",
        "site_high_short": " ({n} high)",
        "site_wait_sep": ", ",
        "site_no_wait": "no wait point",
        "site_units": {"d": "d", "h": "h", "min": "min", "s": "s"},
        "site_range": "–",
    },
    Language.ZH: {
        "detail": "细化",
        "legend_detail": "另有细化蓝图",
        "detail_open": "打开细化蓝图：{title}",
        "site_title": "服务蓝图",
        "site_up": "上一层",
        "site_details": "细化蓝图",
        "site_index": "全部蓝图",
        "site_other": "未归入细化树的蓝图",
        "site_tree_meta": "端到端汇总，细化蓝图代替其所细化的步骤或行为计入 · {files}，{levels}",
        "site_file_unit": ("", "份蓝图"),
        "site_level_unit": ("", "层"),
        "site_wait": "顾客等候",
        "site_fails": "失误点",
        "site_beyond": "超出承诺时限{limit}的等待点",
        "site_count": "{n}个",
        "site_high": "其中严重程度高的{n}个",
        "site_high_short": "（高{n}个）",
        "site_wait_sep": "，共",
        "site_no_wait": "无等待点",
        "site_units": {"d": "天", "h": "小时", "min": "分钟", "s": "秒"},
        "site_range": "至",
    },
    Language.ZH_HANT: {
        "detail": "細化",
        "legend_detail": "另有細化藍圖",
        "detail_open": "開啟細化藍圖：{title}",
        "site_title": "服務藍圖",
        "site_up": "上一層",
        "site_details": "細化藍圖",
        "site_index": "全部藍圖",
        "site_other": "未歸入細化樹的藍圖",
        "site_tree_meta": "端到端彙總，細化藍圖代替其所細化的步驟或行為計入 · {files}，{levels}",
        "site_file_unit": ("", "份藍圖"),
        "site_level_unit": ("", "層"),
        "site_wait": "顧客等候",
        "site_fails": "失誤點",
        "site_beyond": "超出承諾時限{limit}的等待點",
        "site_count": "{n}個",
        "site_high": "其中嚴重程度高的{n}個",
        "site_high_short": "（高{n}個）",
        "site_wait_sep": "，共",
        "site_no_wait": "無等待點",
        "site_units": {"d": "天", "h": "小時", "min": "分鐘", "s": "秒"},
        "site_range": "至",
    },
}

# The name of a changed `detail` a comparison lists.
DETAIL_CHANGE_FIELDS: dict[Language, dict[str, str]] = {
    Language.EN: {"detail": "detail"},
    Language.ZH: {"detail": "细化蓝图"},
    Language.ZH_HANT: {"detail": "細化藍圖"},
}
