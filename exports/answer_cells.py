"""Answers as CSV cells and back: a stable machine code per item type, and the label a reader sees."""

from __future__ import annotations

import math

from forms.model import AnswerValue, Form, Item

TRUE_CODE = "true"
FALSE_CODE = "false"
MULTI_SEPARATOR = "|"
# Yes/no labels are part of the data, like a scale's labels, not of the interface text.
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}
# What a yes/no answer may be written as when read back: our codes, what a spreadsheet saves them as
# (TRUE/FALSE), the Chinese words and 1/0. Listed in the message that refuses anything else.
TRUE_WORDS = ("TRUE", "true", "是", "1")
FALSE_WORDS = ("FALSE", "false", "否", "0")
BOOLEAN_WORDS = TRUE_WORDS + FALSE_WORDS


def encode_answer(value: AnswerValue) -> str:
    """The answer's code as written in the `answer` column: codes and text as they are, numbers as Python
    writes them (int or float kept apart), yes/no as true/false, picked codes joined with `|`."""
    if isinstance(value, bool):
        return TRUE_CODE if value else FALSE_CODE
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # "85.0" stays a float when read back, so a re-imported ballot hashes the same
    if isinstance(value, list):
        return MULTI_SEPARATOR.join(value)
    return "" if value is None else value


def decode_answer(item: Item, text: str) -> AnswerValue:
    """The answer value of `item` from its code; ValueError when the code cannot be an answer of that type."""
    kind = item.type
    if kind in ("rating", "choice", "text"):
        return text
    if kind in ("check", "veto"):
        word = text.strip()
        if word in TRUE_WORDS or word.lower() == TRUE_CODE:
            return True
        if word in FALSE_WORDS or word.lower() == FALSE_CODE:
            return False
        raise ValueError(text)
    if kind in ("score", "deduct"):
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(text)
        return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number
    if kind == "multi":
        return [code for code in text.split(MULTI_SEPARATOR) if code] if text else []
    raise ValueError(text)


def answer_label(form: Form, item: Item, value: AnswerValue, lang: str) -> str:
    """What the answer means to a reader: the level or choice label, 是/否, or the number or text itself."""
    if item.type == "rating" and isinstance(value, str):
        scale = form.scale_of(item)
        level = scale.level(value) if scale else None
        return level.label.get(lang) if level else value
    if item.type == "choice" and isinstance(value, str):
        choice = item.choice(value)
        return choice.label.get(lang) if choice else value
    if item.type == "multi" and isinstance(value, list):
        labels = [(choice.label.get(lang) if (choice := item.choice(code)) else code) for code in value]
        return ("、" if lang == "zh" else ", ").join(labels)
    if isinstance(value, bool):
        yes, no = YES_NO.get(lang, YES_NO["zh"])
        return yes if value else no
    if item.type == "text":
        return ""  # the text itself is the answer code; repeating it would double every comment
    return encode_answer(value)
