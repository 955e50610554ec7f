"""Changes and values said in words, for the terminal's plain mode and the window's self-voicing
(a screen reader says "+10" as "plus ten" at best): "Lane's trust up 10, now 60"."""

from __future__ import annotations


def number(value) -> str:
    """A value as a person says it: 60, 2.5 (never 60.0)."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def change(label: str, before, after) -> str:
    """One measure's change: 'Trust up 10, now 60', 'Privacy down 5, now 45'."""
    delta = after - before
    return f"{label} {'up' if delta > 0 else 'down'} {number(abs(delta))}, now {number(after)}"


def changes(measures, before: dict, after: dict) -> list[str]:
    """The changes of every measure whose value moved, in the story's order."""
    return [change(m.label, before[m.variable], after[m.variable]) for m in measures
            if isinstance(before.get(m.variable), (int, float)) and before[m.variable] != after[m.variable]]
