"""Diagnostics for people: file:line:col, the code, the message, a caret under the place."""

from __future__ import annotations

import unicodedata

from blueprint.diagnostics import Diagnostic, Say, Text
from blueprint.source import Source

SNIPPET_WIDTH = 100  # display columns; very long lines are cut around the mark


def display_width(text: str) -> int:
    """Terminal columns: CJK and full-width characters take two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to about SNIPPET_WIDTH columns around [start, end)."""
    if display_width(line) <= SNIPPET_WIDTH:
        return line, start, end
    left = max(0, start - SNIPPET_WIDTH // 3)
    right = min(len(line), max(end, left + SNIPPET_WIDTH // 2) + 10)
    right = min(right, left + SNIPPET_WIDTH)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    cut = prefix + line[left:right] + suffix
    shift = left - len(prefix)
    return cut, start - shift, min(end, right) - shift


def location(diagnostic: Diagnostic) -> str:
    """file:line:column"""
    return f"{diagnostic.file}:{diagnostic.span.line}:{diagnostic.span.column}"


def headline(diagnostic: Diagnostic) -> str:
    """level[code]: message"""
    return f"{diagnostic.level.value}[{diagnostic.code}]: {diagnostic.message}"


def format_diagnostic(diagnostic: Diagnostic, source: Source | None, color: bool = False) -> str:
    span = diagnostic.span
    level = diagnostic.level.value
    head = f"{location(diagnostic)}: {headline(diagnostic)}"
    if color:
        tint = "\x1b[1;31m" if diagnostic.is_error else "\x1b[1;33m"
        head = f"\x1b[1m{diagnostic.file}:{span.line}:{span.column}:\x1b[0m {tint}{level}[{diagnostic.code}]\x1b[0m: {diagnostic.message}"
    lines = [head]
    text = source.line_text(span.line).replace("\t", " ") if source is not None else ""
    if text.strip():
        start = span.column - 1
        end = span.end_column - 1 if span.end_line == span.line else len(text)
        end = max(end, start + 1)
        shown, start, end = _window(text, min(start, len(text)), min(end, len(text) + 1))
        number = str(span.line)
        gutter = " " * len(number)
        pad = " " * display_width(shown[:start])
        carets = "^" * max(1, display_width(shown[start:end]))
        lines += [f"{gutter} |", f"{number} | {shown}", f"{gutter} | {pad}{carets}"]
        if diagnostic.hint:
            lines.append(f"{gutter} = hint: {diagnostic.hint}")
    elif diagnostic.hint:
        lines.append(f"  = hint: {diagnostic.hint}")
    return "\n".join(lines)


CLEAN = Say(en="{files} checked: no problems", zh="已检查 {files}：没有问题", zh_hant="已檢查 {files}：沒有問題")
FINDINGS = Say(en="{files} checked: {errors}, {warnings}", zh="已检查 {files}：{errors}，{warnings}",
               zh_hant="已檢查 {files}：{errors}，{warnings}")
FILES = (Say(en="{n} file", zh="{n} 个文件", zh_hant="{n} 個檔案"),
         Say(en="{n} files", zh="{n} 个文件", zh_hant="{n} 個檔案"))
ERRORS = (Say(en="{n} error", zh="{n} 个错误", zh_hant="{n} 個錯誤"),
          Say(en="{n} errors", zh="{n} 个错误", zh_hant="{n} 個錯誤"))
WARNINGS = (Say(en="{n} warning", zh="{n} 个警告", zh_hant="{n} 個警告"),
            Say(en="{n} warnings", zh="{n} 个警告", zh_hant="{n} 個警告"))


def counted(forms: tuple[Say, Say], count: int) -> Text:
    """`count` things, as a language counts them (one file, 2 files; 1 个文件)."""
    return forms[count != 1](n=count)


def summary(files: int, errors: int, warnings: int, language: str = "en") -> str:
    if not errors and not warnings:
        return CLEAN(files=counted(FILES, files)).worded(language)
    return FINDINGS(files=counted(FILES, files), errors=counted(ERRORS, errors),
                    warnings=counted(WARNINGS, warnings)).worded(language)
