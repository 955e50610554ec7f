"""Debugging a playthrough: values typed by a writer, scene lookup with did-you-mean, and the
whole state described as rows that both front ends show."""

from __future__ import annotations

from dataclasses import dataclass

from .checker import did_you_mean
from .expr import BOOL, FLOAT, INT, MAX_NUMBER, MAX_TEXT, STR, TYPE_NAMES, format_value, in_range
from .model import Story, Variable
from .state import GameState

def parse_value(variable: Variable, raw: str):
    """A value typed for `variable` (`--set`, the debug overlay), checked against its type and
    range; raises ValueError with one line saying what would fit."""
    text = raw.strip()
    kind = variable.type
    try:
        if kind == BOOL:
            value = {"true": True, "false": False}[text.lower()]
        elif kind == INT:
            value = int(text)
        elif kind == FLOAT:
            value = float(text)
        else:
            value = raw
    except (KeyError, ValueError):
        raise ValueError(f"{variable.name} holds {TYPE_NAMES[kind]}, and '{raw}' is not one") from None
    if not in_range(value):
        raise ValueError(f"{variable.name} cannot hold '{text[:40]}': a story's numbers lie within -{MAX_NUMBER:,} to {MAX_NUMBER:,}, its text within {MAX_TEXT:,} characters")
    if variable.clamp(value) != value:
        raise ValueError(f"{variable.name}={format_value(value)} is outside {format_value(variable.low)}..{format_value(variable.high)}")
    return value


def parse_assignments(story: Story, pairs: list[str]) -> dict:
    """`name=value` pairs, each typed by its variable's declaration; ValueError with one line."""
    values = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ValueError(f"'{pair}' is not name=value")
        values[name] = parse_value(find_variable(story, name), raw)
    return values


def find_variable(story: Story, name: str) -> Variable:
    variable = story.variables.get(name)
    if variable is None:
        hint = did_you_mean(name, story.variables)
        raise ValueError(f"there is no variable '{name}'" + (f" ({hint})" if hint else ""))
    return variable


def find_scene(story: Story, name: str) -> str:
    """The scene id `name`, or ValueError with did-you-mean."""
    if name in story.scenes:
        return name
    hint = did_you_mean(name, story.scenes)
    raise ValueError(f"there is no scene '{name}'" + (f" ({hint})" if hint else ""))


def matching_scenes(story: Story, typed: str) -> list[str]:
    """Scene ids containing every word typed (in any order), story order kept."""
    words = typed.lower().split()
    return [scene_id for scene_id in story.scenes if all(word in scene_id for word in words)]


@dataclass(frozen=True)
class VariableRow:
    """One variable as the debug views show it."""

    name: str
    value: str
    kind: str       # "whole number 0..100", "true/false", ...
    changed: bool   # differs from its starting value


def variable_rows(story: Story, state: GameState) -> list[VariableRow]:
    rows = []
    for name, variable in story.variables.items():
        value = state.variables.get(name, variable.default)
        kind = TYPE_NAMES[variable.type]
        if variable.low is not None:
            kind += f" {format_value(variable.low)}..{format_value(variable.high)}"
        shown = repr(value) if variable.type == STR else format_value(value)
        rows.append(VariableRow(name, shown, kind, value != variable.default))
    return rows


def describe(story: Story, state: GameState) -> list[str]:
    """The state as lines of text: scene id and file:line, every variable, the visit counts."""
    scene = story.scenes[state.scene]
    lines = [f"scene {scene.id} ({scene.place})" + (f", chapter {scene.chapter}" if scene.chapter else "")]
    rows = variable_rows(story, state)
    width = max((len(row.name) for row in rows), default=0)
    lines += [f"  {row.name:<{width}} = {row.value}{'  *' if row.changed else ''}" for row in rows]
    visits = ", ".join(f"{scene_id} {count}" for scene_id, count in state.visits.items())
    lines.append(f"visits: {visits or 'none'}")
    lines.append(f"moves: {len(state.history)}, random draws: {state.draws}, seed {state.seed}")
    return lines
