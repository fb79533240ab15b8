"""What `blueprint fmt` reports after a run: one line counting the files it
changed (or would change), left as they were, and could not format; and,
when asked to be brief, one line for each file it could not format. In
English, Simplified or Traditional Chinese (see blueprint.diagnostics.texts)."""

from __future__ import annotations

from blueprint.diagnostics import Say
from blueprint.report.diagnostics import ERRORS, FILES, counted

WOULD_REFORMAT = Say(en="{files} would be reformatted", zh="{files}会被重新排版", zh_hant="{files}會被重新排版")
REFORMATTED = Say(en="{files} reformatted", zh="{files}已重新排版", zh_hant="{files}已重新排版")
ALREADY = Say(en="{files} already formatted", zh="{files}已是标准格式", zh_hant="{files}已是標準格式")
UNCHANGED = Say(en="{files} left unchanged", zh="{files}未改动", zh_hant="{files}未改動")
FAILED = Say(en="{files} not formatted because of errors", zh="{files}因有错误未排版",
             zh_hant="{files}因有錯誤未排版")
NOT_FORMATTED = Say(en="{name}: not formatted: it has {errors} (blueprint check lists them)",
                    zh="{name}：未排版：有 {errors}（blueprint check 会列出）",
                    zh_hant="{name}：未排版：有 {errors}（blueprint check 會列出）")
_JOIN = {"en": ", ", "zh": "，", "zh-Hant": "，"}


def formatting_summary(changed: int, unchanged: int, failed: int, dry_run: bool, language: str = "en") -> str:
    parts = []
    if changed:
        parts.append((WOULD_REFORMAT if dry_run else REFORMATTED)(files=counted(FILES, changed)))
    if unchanged:
        parts.append((ALREADY if dry_run else UNCHANGED)(files=counted(FILES, unchanged)))
    if failed:
        parts.append(FAILED(files=counted(FILES, failed)))
    return _JOIN[language].join(part.worded(language) for part in parts)


def not_formatted(name: str, errors: int, language: str = "en") -> str:
    return NOT_FORMATTED(name=name, errors=counted(ERRORS, errors)).worded(language)
