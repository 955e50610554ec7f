"""Checks of a loaded story as a whole, made once its scenes are compiled: a start that fails
as soon as it is entered, and scenes from which no ending can ever be reached."""

from __future__ import annotations

from .expr import EvalError
from .model import Scene, Story
from .problems import Problems
from .state import check_draw


class _Entering:
    """The state a player has while a start scene's `set:` is evaluated: the start values,
    one visit, and random rolls that all give their low (or all their high) end."""

    def __init__(self, variables: dict, scene_id: str, high: bool):
        self.variables = variables
        self.visits = {scene_id: 1}
        self.high = high

    def draw(self, low: int, high: int) -> int:
        check_draw(low, high)
        return high if self.high else low


def check_starts(story: Story, problems: Problems) -> None:
    """A start (the story's, or a chapter's) whose `set:` fails on the start values would stop
    every playthrough before its first turn: an error at the failing expression."""
    starts = [(story.start, {}, f"the start scene '{story.start}'")]
    starts += [(c.start, c.values, f"chapter {c.number}'s start scene '{c.start}'") for c in story.chapters if c.start in story.scenes]
    defaults = story.initial_values()
    for scene_id, values, what in starts:
        scene = story.scenes[scene_id]
        for high in (False, True):
            failed = _entering_fails(scene, {**defaults, **values}, high)
            if failed:
                place, message = failed
                problems.error(place, "runtime-error", f"entering {what}: {message}", "every playthrough from there would stop at once")
                break


def _entering_fails(scene: Scene, variables: dict, high: bool):
    state = _Entering(variables, scene.id, high)
    for effect in scene.effects:  # all are evaluated on the state before any is assigned
        try:
            effect.expression.evaluate(state)
        except EvalError as exc:
            return effect.place, str(exc)
    return None


def check_ways_out(story: Story, reached: set[str], problems: Problems) -> None:
    """Scenes a player can reach but from which no path leads to an ending, conditions aside:
    once there, play goes round for ever. One warning per group of such scenes joined by
    their moves, at the first of them. Dead ends (no way on at all) have their own error."""
    comes_from: dict[str, list[str]] = {scene_id: [] for scene_id in story.scenes}
    for scene in story.scenes.values():
        for target in scene.targets:
            if target in comes_from:
                comes_from[target].append(scene.id)
    can_end = {scene.id for scene in story.scenes.values() if scene.ending}
    todo = list(can_end)
    while todo:
        for earlier in comes_from[todo.pop()]:
            if earlier not in can_end:
                can_end.add(earlier)
                todo.append(earlier)
    trapped = [s for s in story.scenes if s in reached and s not in can_end and story.scenes[s].targets]
    links = _links(story, set(trapped))
    grouped: set[str] = set()
    for first in trapped:
        if first in grouped:
            continue
        group = _joined(first, links)
        grouped |= group
        names = [s for s in trapped if s in group]
        shown = ", ".join(f"'{s}'" for s in names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
        problems.warning(
            story.scenes[first].place, "no-way-out",
            f"no ending can be reached from scene{'s' if len(names) > 1 else ''} {shown}: a player who gets there goes round for ever",
            "give one of them a choice or goto that leads on to an ending",
        )


def _links(story: Story, trapped: set[str]) -> dict[str, set[str]]:
    """Trapped scene -> the trapped scenes a move joins it to, either way."""
    links: dict[str, set[str]] = {}
    for scene_id in trapped:
        for target in story.scenes[scene_id].targets:
            if target in trapped:
                links.setdefault(scene_id, set()).add(target)
                links.setdefault(target, set()).add(scene_id)
    return links


def _joined(first: str, links: dict[str, set[str]]) -> set[str]:
    """The scenes linked to `first`, directly or through others."""
    group, todo = {first}, [first]
    while todo:
        for other in links.get(todo.pop(), ()):
            if other not in group:
                group.add(other)
                todo.append(other)
    return group
