"""Exhaustive reachability: every game state a player can reach, breadth first, and what that
proves — which endings can be reached (and the shortest way there), which scenes and choices
no state can use, where play soft-locks, and the range each variable actually takes.

A game state here is what decides what happens next: the scene, every variable, and the visit
counts that some condition, effect or text reads. Background and music are left out (they
change what is shown, never where the story goes). `random(a, b)` branches over every value.

Steps use the runner's own pieces — the compiled conditions and effects, `apply_effects` with
the same clamping, the same order (guard, the choice's effects, then entering the target:
visit count, then the scene's effects) — on a small probe instead of a transitions machine,
because a machine step costs ~30 µs. tests/engine/test_explore.py plays random stories with the
Runner and holds every state and move it makes to the ones found here.
"""

from __future__ import annotations

import time
from array import array
from dataclasses import dataclass, field
from operator import itemgetter

from .expr import NUMERIC, EvalError
from .liveness import VISIT, compiled_in, live_values, moves
from .loader import paused_gc
from .machine import apply_effects
from .model import Choice, Ending, Scene, Story
from .playtest import Start
from .problems import Place
from .state import Step, check_draw

DEFAULT_MAX_STATES = 250_000
MAX_BRANCHES = 10_000  # outcomes of one move's random rolls enumerated before giving up

OPEN, ENDING, STUCK, ERROR, EXIT = 0, 1, 2, 3, 4
PROCEED_MOVE = -1


class _Probe:
    """Stands in for GameState while a step is evaluated: variables, visit counts and a
    scripted random source that the explorer steers through every outcome."""

    __slots__ = ("variables", "visits", "script", "ranges", "used")

    def __init__(self):
        self.variables: dict = {}
        self.visits: dict = {}
        self.script: list[int] = []
        self.ranges: list[tuple[int, int]] = []
        self.used = 0

    def draw(self, low: int, high: int) -> int:
        check_draw(low, high)
        at = self.used
        self.used += 1
        if at < len(self.script):
            return self.script[at]
        self.script.append(low)
        self.ranges.append((low, high))
        return low


@dataclass(frozen=True)
class Draw:
    """One random roll on a path: random(low, high) gave value."""

    low: int
    high: int
    value: int


@dataclass
class Path:
    """The shortest way from the start to a state: the moves, and the random rolls it needs."""

    start: Start
    steps: list[Step]
    draws: list[Draw]
    scene: str
    variables: dict
    visits: dict

    def to_json(self) -> dict:
        return {
            "chapter": self.start.chapter,
            "steps": [step.to_json() for step in self.steps],
            "draws": [[d.low, d.high, d.value] for d in self.draws],
            "scene": self.scene,
            "variables": self.variables,
        }


@dataclass
class Finding:
    """Some reachable states share a problem at one scene; `path` leads to the nearest."""

    scene: Scene
    states: int
    path: Path
    message: str = ""

    def to_json(self) -> dict:
        return {"scene": self.scene.id, "place": str(self.scene.place), "states": self.states, "message": self.message, "path": self.path.to_json()}


@dataclass
class EndingReach:
    ending: Ending
    scenes: list[Scene]
    path: Path | None
    states: int = 0

    def to_json(self) -> dict:
        return {
            "id": self.ending.id, "title": self.ending.title, "reachable": self.path is not None,
            "scenes": [s.id for s in self.scenes], "places": [str(s.place) for s in self.scenes],
            "states": self.states, "path": self.path.to_json() if self.path else None,
        }


@dataclass
class Entry:
    """States that arrive at a scene with the same endings still open (see `entries`)."""

    endings: list[str]
    states: int
    example: Path

    def to_json(self) -> dict:
        return {"endings_open": self.endings, "states": self.states, "example": self.example.to_json()}


@dataclass
class ExploreReport:
    story: Story
    start: Start
    states: int = 0
    moves: int = 0
    seconds: float = 0.0
    complete: bool = True
    limits: list[str] = field(default_factory=list)
    depth: int = 0
    endings: dict[str, EndingReach] = field(default_factory=dict)
    exits: dict[str, Path] = field(default_factory=dict)
    unreachable_scenes: list[Scene] = field(default_factory=list)
    unused_choices: list[tuple[Scene, Choice]] = field(default_factory=list)
    stuck: list[Finding] = field(default_factory=list)
    traps: list[Finding] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    ranges: dict[str, list] = field(default_factory=dict)
    scene_states: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """No unreachable ending, no soft-lock, no runtime error (CI fails otherwise)."""
        return not (self.stuck or self.traps or self.errors or any(e.path is None for e in self.endings.values()))

    @property
    def states_per_second(self) -> float:
        return self.states / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict:
        return {
            "start": self.start.label, "ok": self.ok, "complete": self.complete, "limits": self.limits,
            "states": self.states, "moves": self.moves, "depth": self.depth, "seconds": round(self.seconds, 3),
            "states_per_second": round(self.states_per_second),
            "endings": [e.to_json() for e in self.endings.values()],
            "chapter_exits": {scene: path.to_json() for scene, path in self.exits.items()},
            "unreachable_scenes": [{"scene": s.id, "place": str(s.place)} for s in self.unreachable_scenes],
            "unused_choices": [
                {"scene": s.id, "choice": c.index + 1, "text": c.text.source, "place": str(c.place),
                 "condition": c.condition.source if c.condition else None}
                for s, c in self.unused_choices
            ],
            "stuck": [f.to_json() for f in self.stuck],
            "no_way_to_an_ending": [f.to_json() for f in self.traps],
            "errors": [f.to_json() for f in self.errors],
            "ranges": self.ranges,
            "states_by_scene": self.scene_states,
        }


class _Plan:
    """One scene made ready for the search: what a state there keeps, and its ways out."""

    __slots__ = ("scene", "terminal", "var_names", "visit_names", "width", "moves")

    def __init__(self, scene: Scene, layout: tuple[str, ...], terminal: int):
        self.scene = scene
        self.terminal = terminal
        self.var_names = tuple(n for n in layout if not n.startswith(VISIT))
        self.visit_names = tuple(n[1:] for n in layout if n.startswith(VISIT))
        self.width = len(self.var_names)
        self.moves: list[_Move] = []


class _Move:
    """A choice (or a continue) out of a scene. `pick` copies the kept values straight from
    the state when the move changes nothing (no effects, no visit count to add)."""

    __slots__ = ("index", "condition", "effects", "target", "simple", "pick", "same", "unkept", "values", "visit_names", "zeros")

    def __init__(self, index: int, condition, effects: list, target: str):
        self.index = index
        self.condition = condition
        self.effects = effects
        self.target = target
        self.simple = False
        self.pick = None
        self.same = False
        self.unkept: tuple = ()
        self.values = None
        self.visit_names: tuple = ()
        self.zeros: tuple = ()


class StateSpace:
    """The explored graph: states in breadth-first order, each one's first parent and the move
    from it, and every move as an edge (flat integer arrays: ~20 bytes a state and 4 an edge,
    plus the state's own tuple). A state is (scene, the values still live there...)."""

    def __init__(self, story: Story, start: Start, *, chapter_only: bool, max_states: int, exact: bool = False):
        self.story = story
        self.start = start
        self.chapter = start.chapter if chapter_only else None
        self.max_states = max_states
        self.bounded = {v.name: v for v in story.variables.values() if v.low is not None}
        self.defaults = story.initial_values()
        self.tracked = frozenset(_visits_read(story))
        self.plans = self._plans(exact)
        self.keys: list[tuple] = []
        self.index: dict[tuple, int] = {}
        self.parent = array("i")
        self.move = array("h")
        self.draws: dict[int, tuple] = {}
        self.kind = bytearray()
        self.partial = bytearray()
        self.offsets = array("I", [0])
        self.targets = array("I")
        self.roots: list[int] = []
        self.used_choices: set[tuple[str, int]] = set()
        self.errors: dict[str, tuple[int, Scene]] = {}
        self.limits: list[str] = []
        self.seen: dict[str, set] = {name: set() for name in story.variables}
        self.masks: list[int] = []  # goal bits each state can reach, once summarised
        self.probe = _Probe()

    def _plans(self, exact: bool) -> dict[str, _Plan]:
        story = self.story
        everything = frozenset(story.variables) | {VISIT + s for s in self.tracked}
        live = {s: everything for s in story.scenes} if exact else live_values(story, text=False)
        order = {name: at for at, name in enumerate([*story.variables, *(VISIT + s for s in story.scenes)])}
        plans = {}
        before = _visited_before(story)
        for scene_id, scene in story.scenes.items():
            # a scene that cannot come before this one has been visited 0 times: no need to keep it
            kept = [n for n in live[scene_id] if not n.startswith(VISIT) or n[1:] in before[scene_id]]
            layout = tuple(sorted(kept, key=order.__getitem__))
            terminal = ENDING if scene.ending else EXIT if self.chapter is not None and scene.chapter != self.chapter else OPEN
            plans[scene_id] = _Plan(scene, layout, terminal)
        for scene_id, plan in plans.items():
            conditions = {c.index: c.condition for c in plan.scene.choices}
            for index, effects, target in moves(plan.scene):
                move = _Move(index, conditions.get(index), effects, target)
                ahead = plans[target]
                move.values = _values_of(ahead.var_names)
                move.visit_names = ahead.visit_names
                move.zeros = (0,) * len(ahead.visit_names)
                move.simple = not effects and not ahead.scene.effects and target not in self.tracked
                here = (*plan.var_names, *(VISIT + v for v in plan.visit_names))
                there = (*ahead.var_names, *(VISIT + v for v in ahead.visit_names))
                if move.simple:
                    move.same = here == there
                    move.pick = _picker(here, there)
                else:
                    # a value set here and read nowhere later is in no state: count it in the
                    # ranges as it goes by (values still live are read off the states)
                    assigned = {e.variable for e in effects} | {e.variable for e in ahead.scene.effects}
                    move.unkept = tuple(n for n in story.variables if n in assigned and n not in ahead.var_names)
                plan.moves.append(move)
        return plans

    # --- states ------------------------------------------------------------------------

    def key(self, scene: str, variables: dict, visits: dict) -> tuple:
        plan = self.plans[scene]
        return (scene, *map(variables.__getitem__, plan.var_names), *[visits.get(v, 0) for v in plan.visit_names])

    def unpack(self, key: tuple) -> tuple[dict, dict]:
        """The state's variables (values no longer live at their defaults) and visit counts."""
        plan = self.plans[key[0]]
        variables = dict(self.defaults)
        width = plan.width + 1
        variables.update(zip(plan.var_names, key[1:width]))
        return variables, dict(zip(plan.visit_names, key[width:]))

    def add(self, key: tuple, parent: int, move: int, draws: tuple) -> int:
        """The state's id, adding it if new; -1 when the space is full."""
        found = self.index.get(key)
        if found is not None:
            return found
        if len(self.keys) >= self.max_states:
            return -1
        number = len(self.keys)
        self.index[key] = number
        self.keys.append(key)
        self.parent.append(parent)
        self.move.append(move)
        self.kind.append(OPEN)
        self.partial.append(0)
        if draws:
            self.draws[number] = draws
        return number

    # --- steps ---------------------------------------------------------------------------

    def arrive(self, variables: dict, visits: dict, effects: list, target: str, script: list, ranges: list) -> _Probe:
        """Make one move as the machine does: the move's effects, then entering the target
        (its visit count, then its effects). Random rolls follow `script`, then draw low."""
        probe = self.probe
        probe.variables = dict(variables)
        probe.script, probe.ranges, probe.used = script, ranges, 0
        apply_effects(effects, probe, self.bounded)
        if target in self.tracked:
            probe.visits = dict(visits)
            probe.visits[target] = probe.visits.get(target, 0) + 1
        else:
            probe.visits = visits  # read, never changed, by effects
        try:
            apply_effects(self.story.scenes[target].effects, probe, self.bounded)
        except EvalError as exc:
            exc.scene = exc.scene or target  # as StoryMachine.enter_scene names it
            raise
        del script[probe.used:], ranges[probe.used:]
        return probe

    def arrivals(self, variables: dict, visits: dict, effects: list, target: str):
        """Every (random rolls, probe after the move) a move can give; raises EvalError as the
        runner would."""
        script: list[int] = []
        ranges: list[tuple[int, int]] = []
        for _ in range(MAX_BRANCHES):
            probe = self.arrive(variables, visits, effects, target, script, ranges)
            yield tuple(Draw(low, high, value) for (low, high), value in zip(ranges, script)), probe
            if not _next_rolls(script, ranges):
                return
        self.limit(f"the random rolls of one move into scene '{target}' have more than {MAX_BRANCHES:,} outcomes; only the first were explored")

    def limit(self, message: str) -> None:
        if message not in self.limits:
            self.limits.append(message)

    def begin(self) -> None:
        variables = dict(self.defaults)
        variables.update(self.start.values or {})
        for name, value in variables.items():
            self.seen[name].add(value)
        scene = self.start.scene or self.story.start
        try:
            for rolls, probe in self.arrivals(variables, {}, [], scene):
                number = self.add(self.key(scene, probe.variables, probe.visits), -1, PROCEED_MOVE, rolls)
                if number >= 0 and number not in self.roots:
                    self.roots.append(number)
        except EvalError as exc:
            self.error(scene, -1, f"entering the start: {exc}")

    def error(self, scene_id: str, number: int, message: str) -> None:
        text = f"in scene '{scene_id}': {message}"
        if text not in self.errors:
            self.errors[text] = (number, self.story.scenes[scene_id])

    def expand(self, number: int) -> None:
        """Work out every move from state `number` and record its edges."""
        key = self.keys[number]
        plan = self.plans[key[0]]
        if plan.terminal:
            self.kind[number] = plan.terminal
        else:
            self._moves(number, key, plan)
        self.offsets.append(len(self.targets))

    def _moves(self, number: int, key: tuple, plan: _Plan) -> None:
        variables, visits = self.unpack(key)
        probe = self.probe
        probe.variables, probe.visits = variables, visits
        scene = plan.scene
        try:
            open_moves = [m for m in plan.moves if m.condition is None or m.condition.evaluate(probe)]
        except EvalError as exc:
            self.kind[number] = ERROR
            self.error(scene.id, number, str(exc))
            return
        if not open_moves:
            self.kind[number] = STUCK
            return
        targets, add = self.targets, self.add
        for move in open_moves:
            if move.index >= 0:
                self.used_choices.add((scene.id, move.index))
            if move.simple:
                found = add((move.target, *key[1:]) if move.same else (move.target, *move.pick(key)), number, move.index, ())
                if found < 0:
                    self.partial[number] = 1
                else:
                    targets.append(found)
                continue
            try:
                self._outcomes(number, variables, visits, move)
            except EvalError as exc:
                what = f"choosing '{scene.choices[move.index].text.source}': " if move.index >= 0 else ""
                self.error(exc.scene or scene.id, number, what + str(exc))

    def _outcomes(self, number: int, variables: dict, visits: dict, move: _Move) -> None:
        """Add the states a move with effects can lead to: one, or one per random outcome."""
        script: list[int] = []
        ranges: list[tuple[int, int]] = []
        target, values, visit_names, zeros = move.target, move.values, move.visit_names, move.zeros
        for _ in range(MAX_BRANCHES):
            after = self.arrive(variables, visits, move.effects, target, script, ranges)
            kept = after.variables
            for name in move.unkept:
                self.seen[name].add(kept[name])
            rolls = tuple(Draw(low, high, value) for (low, high), value in zip(ranges, script)) if script else ()
            found = self.add((target, *values(kept), *map(after.visits.get, visit_names, zeros)), number, move.index, rolls)
            if found < 0:
                self.partial[number] = 1
            else:
                self.targets.append(found)
            if not script or not _next_rolls(script, ranges):
                return
        self.limit(f"the random rolls of one move into scene '{target}' have more than {MAX_BRANCHES:,} outcomes; only the first were explored")

    def run(self) -> None:
        with paused_gc():  # millions of long-lived tuples and no cycles: see paused_gc
            self.begin()
            number = 0
            while number < len(self.keys):
                self.expand(number)
                number += 1
        if any(self.partial):
            self.limit(f"stopped at --max-states {self.max_states:,}: the states beyond those were not explored")

    # --- reading the graph -----------------------------------------------------------------

    def chain(self, number: int) -> list[int]:
        chain = []
        while number >= 0:
            chain.append(number)
            number = self.parent[number]
        chain.reverse()
        return chain

    def path_to(self, number: int) -> Path:
        """The shortest path to a state, replayed with every variable (not only the live ones)."""
        chain = self.chain(number)
        variables = dict(self.defaults)
        variables.update(self.start.values or {})
        first = self.start.scene or self.story.start
        draws = list(self.draws.get(chain[0], ()))
        probe = self.arrive(variables, {}, [], first, [d.value for d in draws], [(d.low, d.high) for d in draws])
        variables, visits = probe.variables, probe.visits
        steps = []
        for after in chain[1:]:
            scene = self.story.scenes[self.keys[self.parent[after]][0]]
            index = self.move[after]
            probe.variables, probe.visits = variables, visits
            text = scene.choices[index].text.render(probe) if index >= 0 else ""
            steps.append(Step(scene.id, index, text))
            rolls = self.draws.get(after, ())
            draws.extend(rolls)
            effects, target = (scene.choices[index].effects, scene.choices[index].goto) if index >= 0 else ([], scene.goto)
            probe = self.arrive(variables, visits, effects, target, [d.value for d in rolls], [(d.low, d.high) for d in rolls])
            variables, visits = probe.variables, probe.visits
        return Path(self.start, steps, draws, self.keys[number][0], variables, visits)

    def depth_of(self, number: int) -> int:
        return len(self.chain(number)) - 1

    def goal_masks(self, goals: dict[int, int]) -> list[int]:
        """For every state, the bit-or of the goals (state -> bits) it can lead to. Most moves
        go to states found later, so a pass from the last state back settles nearly all of
        them; passes repeat until nothing changes (moves back up a loop)."""
        masks = [0] * len(self.keys)
        for number, bits in goals.items():
            masks[number] = bits
        offsets, targets = self.offsets, self.targets
        changed = True
        while changed:
            changed = False
            for number in range(len(masks) - 1, -1, -1):
                start, end = offsets[number], offsets[number + 1]
                if start == end:
                    continue
                bits = masks[number]
                for target in targets[start:end]:
                    bits |= masks[target]
                if bits != masks[number]:
                    masks[number] = bits
                    changed = True
        return masks


def _next_rolls(script: list[int], ranges: list[tuple[int, int]]) -> bool:
    """Step the scripted rolls to the next combination (the last roll counts fastest); False
    when every combination has been tried."""
    at = len(script) - 1
    while at >= 0 and script[at] >= ranges[at][1]:
        at -= 1
    if at < 0:
        return False
    script[at] += 1
    del script[at + 1:], ranges[at + 1:]
    return True


def _picker(here: tuple[str, ...], there: tuple[str, ...]):
    """A fast function from a state's key (laid out as `here`) to the values of the next
    scene's layout `there`. A visit count kept there but not here is 0: the scene could not
    have been visited before this one."""
    if all(name in here for name in there):
        positions = [here.index(name) + 1 for name in there]
        if not positions:
            return lambda key: ()
        if len(positions) == 1:
            position = positions[0]
            return lambda key: (key[position],)
        return itemgetter(*positions)
    positions = [here.index(name) + 1 if name in here else 0 for name in there]
    return lambda key: tuple(key[p] if p else 0 for p in positions)


def _values_of(names: tuple[str, ...]):
    """A fast function from a variables dict to the tuple of `names`' values."""
    if not names:
        return lambda variables: ()
    if len(names) == 1:
        name = names[0]
        return lambda variables: (variables[name],)
    return itemgetter(*names)


def _visited_before(story: Story) -> dict[str, set[str]]:
    """Per scene, the scenes that can have been visited by the time a player is there: the
    scene itself and every scene with a way to it."""
    comes_from: dict[str, set[str]] = {scene_id: set() for scene_id in story.scenes}
    for scene in story.scenes.values():
        for target in scene.targets:
            comes_from[target].add(scene.id)
    result = {}
    for scene_id in story.scenes:
        seen, todo = {scene_id}, [scene_id]
        while todo:
            for earlier in comes_from[todo.pop()]:
                if earlier not in seen:
                    seen.add(earlier)
                    todo.append(earlier)
        result[scene_id] = seen
    return result


def _visits_read(story: Story) -> list[str]:
    """Scenes whose visit count anything in the story reads (in story order)."""
    read: set[str] = set()
    for scene in story.scenes.values():
        for compiled in compiled_in(scene):
            read |= compiled.visits
    return [scene_id for scene_id in story.scenes if scene_id in read]


# --- the report ------------------------------------------------------------------------------

LEAVES_CHAPTER, UNKNOWN, DOOMED = 1, 2, 4  # goal bits before the endings' bits


def explore(story: Story, start: Start | None = None, *, max_states: int = DEFAULT_MAX_STATES,
            chapter_only: bool = True, exact: bool = False) -> tuple[ExploreReport, StateSpace]:
    """Explore every state reachable from `start` (the story's start by default). A chapter
    start stops at the chapter's end unless chapter_only is False. `exact` keeps every value
    in every state instead of only the live ones (slower; the same findings)."""
    start = start or Start()
    space = StateSpace(story, start, chapter_only=chapter_only, max_states=max_states, exact=exact)
    began = time.perf_counter()
    space.run()
    seconds = time.perf_counter() - began
    report = ExploreReport(story, start, len(space.keys), len(space.targets), seconds)
    report.limits = list(space.limits)
    report.complete = not space.limits
    report.depth = space.depth_of(len(space.keys) - 1) if space.keys else 0
    _summarise(report, space)
    return report, space


def ending_bits(story: Story) -> dict[str, int]:
    return {ending_id: 1 << (number + 3) for number, ending_id in enumerate(story.endings)}


def _summarise(report: ExploreReport, space: StateSpace) -> None:
    story = space.story
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for number, key in enumerate(space.keys):
        scene = key[0]
        if scene not in first:
            first[scene] = number
        counts[scene] = counts.get(scene, 0) + 1
    report.scene_states = counts
    in_scope = [s for s in story.scenes.values() if space.chapter is None or s.chapter == space.chapter]
    report.unreachable_scenes = [s for s in in_scope if s.id not in first]
    report.unused_choices = [
        (s, c) for s in in_scope if s.id in first for c in s.choices if (s.id, c.index) not in space.used_choices
    ]
    for ending_id, ending in story.endings.items():
        scenes = [s for s in story.scenes.values() if s.ending and s.ending.id == ending_id]
        if space.chapter is not None and not any(s.chapter == space.chapter for s in scenes):
            continue
        reached = [first[s.id] for s in scenes if s.id in first]
        path = space.path_to(min(reached)) if reached else None
        report.endings[ending_id] = EndingReach(ending, scenes, path, sum(counts.get(s.id, 0) for s in scenes))
    if space.chapter is not None:
        for scene_id, number in first.items():
            if space.kind[number] == EXIT:
                report.exits[scene_id] = space.path_to(number)
    report.stuck = _findings(space, [n for n in range(len(space.keys)) if space.kind[n] == STUCK],
                             "every choice here is hidden")
    report.errors = [Finding(scene, 1, space.path_to(number) if number >= 0 else Path(space.start, [], [], scene.id, {}, {}), message)
                     for message, (number, scene) in space.errors.items()]
    report.ranges = _ranges(space)
    masks = space.goal_masks(goals(space))
    trapped = [n for n in range(len(space.keys)) if masks[n] == 0 and space.kind[n] == OPEN]
    report.traps = _loops(space, trapped)
    space.masks = masks


def goals(space: StateSpace) -> dict[int, int]:
    """States that count as getting somewhere: endings (their bit), chapter exits, and states
    whose moves were cut off by --max-states (they might lead anywhere)."""
    bits = ending_bits(space.story)
    result = {}
    for number in range(len(space.keys)):
        kind = space.kind[number]
        if kind == ENDING:
            result[number] = bits[space.story.scenes[space.keys[number][0]].ending.id]
        elif kind == EXIT:
            result[number] = LEAVES_CHAPTER
        elif kind in (STUCK, ERROR):
            result[number] = DOOMED  # reported as what it is, not again as a loop
        if space.partial[number]:
            result[number] = result.get(number, 0) | UNKNOWN
    return result


def _loops(space: StateSpace, trapped: list[int]) -> list[Finding]:
    """States from which no ending can be reached, grouped into the loops they go round
    (scenes joined by a move between two such states)."""
    group = {space.keys[n][0]: space.keys[n][0] for n in trapped}

    def root(scene: str) -> str:
        while group[scene] != scene:
            group[scene] = group[group[scene]]
            scene = group[scene]
        return scene

    trapped_set = set(trapped)
    for number in trapped:
        for target in space.targets[space.offsets[number]:space.offsets[number + 1]]:
            if target in trapped_set:
                group[root(space.keys[number][0])] = root(space.keys[target][0])
    members: dict[str, list[int]] = {}
    for number in trapped:
        members.setdefault(root(space.keys[number][0]), []).append(number)
    findings = []
    for numbers in members.values():
        scenes = list(dict.fromkeys(space.keys[n][0] for n in numbers))
        names = ", ".join(f"'{s}'" for s in scenes[:8]) + (f" and {len(scenes) - 8} more" if len(scenes) > 8 else "")
        message = f"no ending can be reached: the moves only go round scenes {names}"
        findings.append(Finding(space.story.scenes[scenes[0]], len(numbers), space.path_to(numbers[0]), message))
    return findings


def _findings(space: StateSpace, numbers: list[int], message: str) -> list[Finding]:
    by_scene: dict[str, list[int]] = {}
    for number in numbers:
        by_scene.setdefault(space.keys[number][0], []).append(number)
    return [Finding(space.story.scenes[scene], len(found), space.path_to(found[0]), message) for scene, found in by_scene.items()]


def _ranges(space: StateSpace) -> dict[str, list]:
    """Per variable, the values reached: [min, max] for numbers, the values seen otherwise."""
    seen = {name: set(values) for name, values in space.seen.items()}
    by_scene: dict[str, list[tuple]] = {}
    for key in space.keys:
        by_scene.setdefault(key[0], []).append(key)
    for scene_id, keys in by_scene.items():
        for position, name in enumerate(space.plans[scene_id].var_names, start=1):
            seen[name].update(map(itemgetter(position), keys))
    result = {}
    for name, values in seen.items():
        if space.story.variables[name].type in NUMERIC:
            result[name] = [min(values), max(values)]
        else:
            result[name] = sorted(values)[:20]
    return result


def entries(space: StateSpace, scene_id: str) -> list[Entry]:
    """The states reached at `scene_id`, grouped by which endings each can still reach."""
    bits = ending_bits(space.story)
    groups: dict[int, list[int]] = {}
    for number, key in enumerate(space.keys):
        if key[0] == scene_id:
            groups.setdefault(space.masks[number], []).append(number)
    result = []
    for mask, numbers in sorted(groups.items(), key=lambda item: -len(item[1])):
        open_endings = [ending for ending, bit in bits.items() if mask & bit]
        result.append(Entry(open_endings, len(numbers), space.path_to(numbers[0])))
    return result
