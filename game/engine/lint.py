"""`check`'s deeper warnings, on a story that loaded without errors: variables never read or
never set, conditions always true or always false and `set` effects that change nothing given
the values explore finds, asset files nothing uses, and
(through a function the caller passes, since the engine never imports pygame) scene text too
long for the window's pages. Every warning has PATH:LINE:COL and a hint.

Not here: `discuss` on a scene with no choice. The classroom opens a scene's discussion card
once its text is read, choice or not, and think-about-it notes follow a Continue as they follow
a choice (game/ui/screens/scene.py), so prompts at a discovery or an ending are meant."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from .assets import KINDS
from .expr import NUMERIC, EvalError
from .liveness import compiled_in
from .model import Scene, Story
from .problems import Place, Problem, WARNING

LINT_MAX_STATES = 20_000  # per search; past it the value ranges prove nothing and are not used
MAX_PAGES = 3  # the window turns pages; a scene longer than this is more than a player reads at once
MAX_SPAN = 400  # whole numbers tried per variable when a condition is evaluated over its range
MAX_CASES = 20_000
# Files the window takes from a story's assets folder by their fixed names (game/ui/screens:
# title.py, ending.py), and the interface sounds it takes from the game's own assets folder.
FIXED_ASSETS = frozenset({"music/title.ogg", "backgrounds/paper.png"})
INTERFACE_SOUNDS = frozenset({"sound/click.ogg", "sound/hover.ogg", "sound/back.ogg"})


def lint(story: Story, *, page_fit=None, max_pages: int = MAX_PAGES, game_assets: Path | None = None, ranges: dict | None = None) -> list[Problem]:
    """The deeper warnings. `page_fit(story)` yields (scene, pages the window needs for it);
    `ranges` (variable -> values) replaces the explore search, for tests."""
    found: list[Problem] = []
    found += variables_unused(story)
    if ranges is None:
        ranges = explored_values(story)
    if ranges is not None:
        found += constant_conditions(story, ranges)
        found += idle_effects(story, ranges)
    found += unused_assets(story, game_assets)
    if page_fit is not None:
        for scene, pages in page_fit(story):
            if pages > max_pages:
                found.append(_warning(scene.place, "text-too-long", f"the text of scene '{scene.id}' takes {pages} pages of the window at its default size (1280x720, default text size; at most {max_pages})",
                                      "split it into two scenes with a goto, or cut it"))
    return found


def _warning(place: Place, code: str, message: str, hint: str) -> Problem:
    return Problem(place, WARNING, code, message, hint)


# --- variables -------------------------------------------------------------------------------

def reads_by_variable(story: Story) -> dict[str, Scene]:
    """Each variable some text, condition, effect or prompt reads, with the first scene that
    does; a measure counts as read (the player sees it)."""
    found: dict[str, Scene] = {}
    for scene in story.scenes.values():
        compiled = compiled_in(scene) + [p.condition for p in scene.discuss if p.condition is not None]
        for item in compiled:
            for name in item.reads:
                found.setdefault(name, scene)
    return found


def decided_by_variable(story: Story) -> dict[str, Scene]:
    """Each variable some condition or effect reads (not only a text: a name shown in a text
    may be a constant on purpose), with the first scene that does."""
    found: dict[str, Scene] = {}
    for scene in story.scenes.values():
        compiled = [p.condition for p in scene.paragraphs] + [c.condition for c in scene.choices]
        compiled += [e.expression for e in _effects(scene)] + [p.condition for p in scene.discuss]
        for item in compiled:
            for name in item.reads if item is not None else ():
                found.setdefault(name, scene)
    return found


def variables_unused(story: Story) -> list[Problem]:
    read = reads_by_variable(story)
    decided = decided_by_variable(story)
    shown = {m.variable for m in story.measures}
    assigned = {e.variable for s in story.scenes.values() for e in _effects(s)} | {n for c in story.chapters for n in c.values}
    problems = []
    for name, variable in story.variables.items():
        if name not in read and name not in shown:
            problems.append(_warning(variable.place, "unused-variable", f"variable '{name}' is declared but nothing reads it",
                                     f"use it in an if:, as {{{name}}} in a text or as a measure, or remove it"))
        elif name in decided and name not in assigned:
            problems.append(_warning(variable.place, "never-set", f"variable '{name}' is read (first in scene '{decided[name].id}') but never set: it is always {variable.default!r}",
                                     "set it in a choice's or a scene's set:, or write the value itself where it is read"))
    return problems


def _effects(scene: Scene):
    yield from scene.effects
    for choice in scene.choices:
        yield from choice.effects


# --- values explore finds ------------------------------------------------------------------------

def explored_values(story: Story, max_states: int = LINT_MAX_STATES) -> dict[str, list] | None:
    """Every value each variable takes in the states explore finds from the story's start and
    from each chapter's start to the end of the story (a player can begin at either), plus its
    starting values; None when a search was cut short, so nothing is claimed. (Not explore's
    chapter-by-chapter searches: a chapter's declared start values are not every way into it.)"""
    from .explore import explore
    from .playtest import Start

    starts = [(Start(), False)] + [(Start(c.start, c.values, c.number), False) for c in story.chapters]
    values: dict[str, set] = {name: {variable.default} for name, variable in story.variables.items()}
    for chapter in story.chapters:
        for name, value in chapter.values.items():
            values[name].add(value)
    lows: dict[str, list] = {}
    for start, chapter_only in starts:
        report, _space = explore(story, start, max_states=max_states, chapter_only=chapter_only)
        if not report.complete or report.errors:
            return None
        for name, seen in report.ranges.items():
            if story.variables[name].type in NUMERIC and seen:
                lows.setdefault(name, []).extend(seen)
            else:
                values[name].update(seen)
    result = {}
    for name, variable in story.variables.items():
        if variable.type in NUMERIC:
            numbers = list(values[name]) + lows.get(name, [])
            result[name] = [min(numbers), max(numbers)]
        else:
            result[name] = sorted(values[name], key=repr)
    return result


def _candidates(story: Story, name: str, ranges: dict) -> list | None:
    """The values to try for a variable: every whole number of its range, or the values seen;
    None when there are too many to try (a float range, a wide span)."""
    variable, seen = story.variables[name], ranges.get(name)
    if seen is None:
        return None
    if variable.type not in NUMERIC:
        return list(seen) if len(seen) < 20 else None
    low, high = seen
    if low == high:
        return [low]
    if variable.type != "int" or high - low > MAX_SPAN:
        return None
    return list(range(int(low), int(high) + 1))


class _Values:
    """A state with only variables, for evaluating a condition or an effect over a range."""

    __slots__ = ("variables", "visits")

    def __init__(self, variables: dict):
        self.variables = variables
        self.visits: dict = {}

    def draw(self, low: int, high: int) -> int:
        raise EvalError("random")


def _outcomes(story: Story, compiled, ranges: dict, extra: tuple = (), effect=None):
    """Each case of the variables read (and `extra`) over their ranges, with what the condition
    (or effect: (old, new)) gives; None when it reads visits or randomness or too many cases."""
    if compiled.visits or "random(" in compiled.source:
        return None
    names = sorted(set(compiled.reads) | set(extra))
    choices = [_candidates(story, name, ranges) for name in names]
    if any(c is None for c in choices):
        return None
    total = 1
    for c in choices:
        total *= max(len(c), 1)
    if total > MAX_CASES:
        return None
    defaults = story.initial_values()
    results = []
    for case in itertools.product(*choices):
        values = _Values({**defaults, **dict(zip(names, case))})
        try:
            value = compiled.evaluate(values)
        except (EvalError, ArithmeticError, TypeError, ValueError):
            return None
        if effect is not None:
            variable = story.variables[effect]
            results.append((values.variables[effect], variable.clamp(value) if variable.low is not None else value))
        else:
            results.append(bool(value))
    return results


def constant_conditions(story: Story, ranges: dict) -> list[Problem]:
    problems = []
    for scene in story.scenes.values():
        items = [(choice.place, f"choice {choice.index + 1}'s condition", choice.condition) for choice in scene.choices if choice.condition]
        items += [(scene.place, f"a paragraph's condition", p.condition) for p in scene.paragraphs if p.condition]
        for place, what, condition in items:
            if condition.constant:
                continue  # `if: false` is a writer's own switch
            outcomes = _outcomes(story, condition, ranges)
            if not outcomes or len(set(outcomes)) != 1:
                continue
            always = "true" if outcomes[0] else "false"
            problems.append(_warning(place, f"always-{always}", f"in scene '{scene.id}', {what} '{condition.source}' is always {always} ({_ranges_text(story, condition.reads, ranges)} in every state explore reaches)",
                                     "remove the condition" if always == "true" else "nothing ever makes it true: change the condition, or the values that lead here"))
    return problems


def idle_effects(story: Story, ranges: dict) -> list[Problem]:
    read = reads_by_variable(story)
    problems = []
    for scene in story.scenes.values():
        for effect in _effects(scene):
            if effect.variable not in read:
                continue  # the unused-variable warning already says so
            outcomes = _outcomes(story, effect.expression, ranges, (effect.variable,), effect=effect.variable)
            if outcomes and all(old == new for old, new in outcomes):
                problems.append(_warning(effect.place, "idle-effect", f"in scene '{scene.id}', set {effect.variable}: {effect.expression.source} never changes anything ({_ranges_text(story, {effect.variable} | set(effect.expression.reads), ranges)} wherever explore reaches)",
                                         "remove it, or set another value"))
    return problems


def _ranges_text(story: Story, names, ranges: dict) -> str:
    parts = []
    for name in sorted(names):
        seen = ranges[name]
        if story.variables[name].type in NUMERIC:
            parts.append(f"{name} is {seen[0]}" if seen[0] == seen[1] else f"{name} is {seen[0]}..{seen[1]}")
        else:
            parts.append(f"{name} is {' or '.join(map(repr, seen))}")
    return ", ".join(parts)


# --- assets -------------------------------------------------------------------------

def used_assets(story: Story) -> set[str]:
    used = set(FIXED_ASSETS)
    for scene in story.scenes.values():
        stage = scene.stage
        used |= {name for name in (stage.background, stage.music, stage.sound, stage.portrait) if name}
        face = getattr(scene.inspect, "face", None)
        if face:
            used.add(face)
    used |= {c.portrait for c in story.characters.values() if c.portrait}
    return used


def unused_assets(story: Story, game_assets: Path | None = None) -> list[Problem]:
    """Files in the assets folder's backgrounds/, portraits/, music/ and sound/ that no scene,
    character or screen uses."""
    root = story.assets
    if root is None or not root.is_dir():
        return []
    used = used_assets(story)
    if game_assets is not None and root.resolve() == Path(game_assets).resolve():
        used |= INTERFACE_SOUNDS
    problems = []
    for kind, (folder, suffixes) in KINDS.items():
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.iterdir()):
            relative = f"{folder}/{path.name}"
            if path.suffix.lower() in suffixes and relative not in used:
                shown = Place(str(Path(_display_root(story)) / relative))
                problems.append(_warning(shown, "unused-asset", f"no scene or character uses {relative}",
                                         f"use it with {kind}: {path.stem}, or delete the file"))
    return problems


def _display_root(story: Story) -> str:
    """The assets folder as the other places show paths (beside the story's shown path)."""
    try:
        relative = os.path.relpath(story.assets, story.root)
    except ValueError:
        return str(story.assets)
    return os.path.normpath(os.path.join(_story_display(story), relative))


def _story_display(story: Story) -> str:
    """The story folder as shown in places: the display prefix of story.yaml's variables."""
    for variable in story.variables.values():
        return str(Path(variable.place.path).parent)
    return str(story.root)
