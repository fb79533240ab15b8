"""The words of the practitioner's marks: roles, channels, key steps and
decisions, in every language. Kept together so that each language's words
for them are added in one place."""

from __future__ import annotations

from blueprint.vocabulary import Language

PRACTICE_WORDS: dict[Language, dict[str, object]] = {
    Language.EN: {
        "role": "Role",
        "role_kinds": {"staff": "staff", "system": "system", "partner": "partner", "customer": "customer"},
        "roles_heading": "Roles",
        "highlight_role": "Highlight a role",
        "all_roles": "All roles",
        "key_step": "Key step",
        "key_steps": "Key steps",
        "legend_key": "Key step or moment of truth",
        "decision": "Decision",
        "branches": "branches",
        "legend_decision": "Decision; its branches are labelled",
        "channel": "Channel",
        "legend_channel": "Channel or place where the customer is received",
        "channels": {"branch": "Branch", "counter": "Counter", "lobby": "Lobby", "atm": "ATM", "phone": "Phone",
                     "app": "App", "web": "Web", "chat": "Chat", "email": "Email", "sms": "SMS", "letter": "Letter",
                     "video": "Video call", "home-visit": "Home visit"},
    },
    Language.ZH: {
        "role": "角色",
        "role_kinds": {"staff": "员工", "system": "系统", "partner": "合作方", "customer": "顾客"},
        "roles_heading": "角色",
        "highlight_role": "突出显示角色",
        "all_roles": "全部角色",
        "key_step": "关键作业环节",
        "key_steps": "关键作业环节",
        "legend_key": "关键作业环节（关键时刻）",
        "decision": "决策",
        "branches": "分支",
        "legend_decision": "决策点，各分支标有条件",
        "channel": "渠道",
        "legend_channel": "接待顾客的渠道或场所",
        "channels": {"branch": "网点", "counter": "柜台", "lobby": "大堂", "atm": "自助机", "phone": "电话",
                     "app": "手机银行", "web": "网上银行", "chat": "在线客服", "email": "电子邮件", "sms": "短信",
                     "letter": "信函", "video": "视频", "home-visit": "上门服务"},
    },
    # Taiwan's wording: 通路 for a channel, 分行 for a branch, 行動銀行 for the app.
    Language.ZH_HANT: {
        "role": "角色",
        "role_kinds": {"staff": "員工", "system": "系統", "partner": "合作夥伴", "customer": "顧客"},
        "roles_heading": "角色",
        "highlight_role": "醒目標示角色",
        "all_roles": "全部角色",
        "key_step": "關鍵作業環節",
        "key_steps": "關鍵作業環節",
        "legend_key": "關鍵作業環節（關鍵時刻）",
        "decision": "決策",
        "branches": "分支",
        "legend_decision": "決策點，各分支標有條件",
        "channel": "通路",
        "legend_channel": "接待顧客的通路或場所",
        "channels": {"branch": "分行", "counter": "櫃檯", "lobby": "大廳", "atm": "自動櫃員機", "phone": "電話",
                     "app": "行動銀行", "web": "網路銀行", "chat": "線上客服", "email": "電子郵件", "sms": "簡訊",
                     "letter": "信函", "video": "視訊", "home-visit": "到府服務"},
    },
}

# The names of the changed fields a comparison lists.
PRACTICE_CHANGE_FIELDS: dict[Language, dict[str, str]] = {
    Language.EN: {"by": "role", "role": "role", "key": "key step", "decision": "decision", "via": "channel",
                  "channel": "channel"},
    Language.ZH: {"by": "角色", "role": "角色", "key": "关键作业环节", "decision": "决策", "via": "渠道",
                  "channel": "渠道"},
    Language.ZH_HANT: {"by": "角色", "role": "角色", "key": "關鍵作業環節", "decision": "決策", "via": "通路",
                       "channel": "通路"},
}
