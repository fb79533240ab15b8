"""The words of detail blueprints and of the site of a project, in every
language: the tag on a step or action that has a blueprint of its own, its
legend entry and link, and the words of the pages `render DIR` writes."""

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
    },
    Language.ZH: {
        "detail": "细化",
        "legend_detail": "另有细化蓝图",
        "detail_open": "打开细化蓝图：{title}",
        "site_title": "服务蓝图",
        "site_up": "上一层",
        "site_details": "细化蓝图",
        "site_index": "全部蓝图",
    },
    Language.ZH_HANT: {
        "detail": "細化",
        "legend_detail": "另有細化藍圖",
        "detail_open": "開啟細化藍圖：{title}",
        "site_title": "服務藍圖",
        "site_up": "上一層",
        "site_details": "細化藍圖",
        "site_index": "全部藍圖",
    },
}

# The name of a changed `detail` a comparison lists.
DETAIL_CHANGE_FIELDS: dict[Language, dict[str, str]] = {
    Language.EN: {"detail": "detail"},
    Language.ZH: {"detail": "细化蓝图"},
    Language.ZH_HANT: {"detail": "細化藍圖"},
}
