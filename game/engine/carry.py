"""Carrying variable values into a story: a save read back, or a story reloaded while playing."""

from __future__ import annotations

from typing import Callable

from .expr import FLOAT, INT, MAX_NUMBER, MAX_TEXT, format_value, type_of
from .model import Story


def carry_values(values: dict, story: Story, notes: list[str], *, reset: Callable[[str, str], str],
                 clamped: Callable[[str, str, str], str], left_out: list[str] | None = None) -> dict:
    """`values` over the story's defaults. A variable the story does not declare is dropped (its
    name kept in `left_out`, when given); a value of another type is converted when nothing is
    lost (2 for 2.0) and reset otherwise; a value outside a measure's range is clamped. Each
    change is a note, worded by `reset(name, type)` and `clamped(name, was, now)`."""
    carried = story.initial_values()
    for name, value in values.items():
        variable = story.variables.get(name)
        if variable is None:
            if left_out is not None:
                left_out.append(name)
            continue
        typed = retyped(value, variable.type)
        if typed is None:
            notes.append(reset(name, variable.type))
            continue
        kept = variable.clamp(typed)
        if kept != typed:
            notes.append(clamped(name, format_value(typed), format_value(kept)))
        carried[name] = kept
    return carried


def retyped(value, kind: str):
    """`value` as a value of `kind` within the story language's range (expr.MAX_NUMBER,
    MAX_TEXT: nothing carried in can hold a value no story could reach), or None."""
    have = type_of(value)
    if have in (INT, FLOAT) and not -MAX_NUMBER <= value <= MAX_NUMBER:
        return None
    if have == "str" and (len(value) > MAX_TEXT or not encodable(value)):
        return None
    if have == kind:
        return value
    if kind == FLOAT and have == INT:
        return float(value)
    if kind == INT and have == FLOAT and value.is_integer():
        return int(value)
    return None


def encodable(text: str) -> bool:
    """Whether text can be written as UTF-8 (a lone surrogate, \\ud800 in JSON, cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
