"""Which values a scene's future can still read: the variables and visit counts that some
condition, effect or text on a path from the scene reads before it is set again.

The explorer keeps only these in a state (two states that differ in a value nothing will read
again behave the same from then on), which turns millions of playthroughs that differ only in
old history into far fewer states. Conditions are ignored here, so the answer can only be too
large, never too small.
"""

from __future__ import annotations

from .model import Effect, Scene, Story

VISIT = "@"  # visit counts are named "@scene_id"; no variable name starts with "@"


def compiled_in(scene: Scene) -> list:
    """Every compiled expression of a scene: text, paragraph and choice conditions, effects."""
    found = [p.condition for p in scene.paragraphs] + [e.expression for e in scene.effects]
    for paragraph in scene.paragraphs:
        found.extend(paragraph.text.expressions)
    for choice in scene.choices:
        found.append(choice.condition)
        found.extend(choice.text.expressions)
        found.extend(effect.expression for effect in choice.effects)
    return [c for c in found if c is not None]


def _read(compiled) -> set[str]:
    return set(compiled.reads) | {VISIT + scene for scene in compiled.visits}


def _shown(scene: Scene, text: bool) -> set[str]:
    """What showing the scene reads: its choice conditions and, with `text`, its text,
    paragraph conditions and choice texts."""
    found: set[str] = set()
    for choice in scene.choices:
        if choice.condition is not None:
            found |= _read(choice.condition)
    if not text:
        return found
    for paragraph in scene.paragraphs:
        if paragraph.condition is not None:
            found |= _read(paragraph.condition)
        for part in paragraph.text.expressions:
            found |= _read(part)
    for choice in scene.choices:
        for part in choice.text.expressions:
            found |= _read(part)
    return found


def _effects(effects: list[Effect]) -> tuple[set[str], set[str]]:
    """(read, set) by a block of effects: all are evaluated before any is assigned."""
    read: set[str] = set()
    for effect in effects:
        read |= _read(effect.expression)
    return read, {effect.variable for effect in effects}


def moves(scene: Scene) -> list[tuple[int, list[Effect], str]]:
    """(choice index or -1 for continue, the move's effects, target) for every way out."""
    if scene.choices:
        return [(choice.index, choice.effects, choice.goto) for choice in scene.choices]
    return [(-1, [], scene.goto)] if scene.goto else []


def live_values(story: Story, text: bool = True) -> dict[str, frozenset[str]]:
    """Per scene, what may still be read from the state a player has there (after entering
    it). Without `text`, only what decides where the story can go: choice conditions, and
    the effects that feed them."""
    shown = {scene_id: _shown(scene, text) for scene_id, scene in story.scenes.items()}
    entering = {scene_id: _effects(scene.effects) for scene_id, scene in story.scenes.items()}
    steps = {}
    for scene_id, scene in story.scenes.items():
        steps[scene_id] = [(_effects(effects), target) for _, effects, target in moves(scene)]
    live = {scene_id: set(found) for scene_id, found in shown.items()}
    changed = True
    while changed:
        changed = False
        for scene_id in reversed(list(story.scenes)):
            found = live[scene_id]
            before = len(found)
            for (move_read, move_set), target in steps[scene_id]:
                target_read, target_set = entering[target]
                after_move = target_read | (live[target] - target_set)
                found |= move_read | (after_move - move_set)
            if len(found) != before:
                changed = True
    return {scene_id: frozenset(found) for scene_id, found in live.items()}
