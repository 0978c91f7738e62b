"""Texts of the self-assessment year: unfinished answers, result states, finalising, the roster template."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "selfyear.typed_too_long": (
        "输入过长（{length} 个字符），请精简后再填。",
        "The entry is too long ({length} characters); please shorten it.",
    ),
    "selfyear.typed_left": (
        "还有 {count} 个条目的输入无效（第一个：{item}），请改正后再提交。",
        "{count} items hold an entry that is not valid (first: {item}); correct them before submitting.",
    ),
    "selfyear.typed_invalid": ("“{text}”不是本项可填的值。", "“{text}” is not a value this item takes."),
    "selfyear.open.missing": ("必答，尚未作答", "required, not answered yet"),
    "selfyear.saving": ("保存中…", "Saving…"),
    "selfyear.leave_unfinished": (
        "有 {count} 项已保存但尚未完成（△ 标记处），提交前请补充。",
        "{count} items are saved but unfinished (marked △); complete them before submitting.",
    ),
    "selfyear.open.line": ("· {item}：{reason}", "· {item}: {reason}"),
    "selfyear.open.more": ("……另有 {count} 项", "… and {count} more"),
}
