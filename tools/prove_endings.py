"""Exhaustive search of a story through the engine's Runner: every chapter-3 starting state that
real play reaches, the endings still open from each, and any state where play gets stuck.

    .venv/bin/python tools/prove_endings.py [story_dir] [--chapter 3] [--json]

It plays the story itself (Runner.choose / Runner.proceed), never a second interpreter. Which
choices a player is offered depends only on the variables that choice conditions read (and the
variables that effects feed into them) and on the visit counts those conditions read, so two
states that agree on those stand at the same choices forever after: the search merges them.
Variables read only by text (the Privacy bar, say, when only paragraphs read it) change what a
player reads, never where they can go, and are left out of a state's key.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import Phase, Runner, load_story  # noqa: E402
from game.engine.state import GameState  # noqa: E402

VISITED = re.compile(r"visited\('([a-z0-9_]+)'\)")


@dataclass
class Proof:
    """What the search found."""

    entry_states: list[dict] = field(default_factory=list)   # the deciding variables at the chapter's start
    open_endings: list[frozenset] = field(default_factory=list)  # endings still reachable, per entry state
    early_endings: Counter = field(default_factory=Counter)   # endings reached before the chapter
    stuck: list[str] = field(default_factory=list)            # scenes where play could not go on
    deciding: list[str] = field(default_factory=list)         # the variables a state's key keeps
    states: int = 0

    @property
    def endings_anywhere(self) -> set:
        return set(self.early_endings).union(*self.open_endings)


def deciding_variables(story, scenes=None) -> tuple[set, set]:
    """The variables and visit counts that can change which choices are offered in `scenes`
    (default: all): read by a choice condition there, or by an effect anywhere on a variable
    that is (to a fixed point)."""
    chosen = story.scenes.values() if scenes is None else [story.scenes[s] for s in scenes]
    variables: set = set()
    visits: set = set()
    for scene in chosen:
        for choice in scene.choices:
            if choice.condition is not None:
                variables |= choice.condition.reads
                visits.update(VISITED.findall(choice.condition.source))
    effects = [e for scene in story.scenes.values() for e in scene.effects + [x for c in scene.choices for x in c.effects]]
    changed = True
    while changed:
        changed = False
        for effect in effects:
            if effect.variable in variables:
                new = effect.expression.reads - variables
                scenes_read = set(VISITED.findall(effect.expression.source)) - visits
                if new or scenes_read:
                    variables |= new
                    visits |= scenes_read
                    changed = True
    return variables & set(story.variables), visits


def goes_back(story) -> bool:
    """Whether any scene leads to a scene of an earlier chapter."""
    return any(
        story.scenes[target].chapter < scene.chapter
        for scene in story.scenes.values() for target in scene.targets
        if scene.chapter is not None and story.scenes[target].chapter is not None
    )


class Search:
    """Breadth-first over states, with the Runner doing every move."""

    def __init__(self, story):
        self.story = story
        self.runner = Runner(story, seed=0)
        variables, visits = deciding_variables(story)
        self.variables = sorted(variables)
        # From a chapter on, only what that chapter and later ones read can matter (unless some
        # scene leads back to an earlier chapter: then everything does, everywhere).
        self.ahead: dict = {}
        numbers = sorted({s.chapter for s in story.scenes.values() if s.chapter is not None})
        for number in numbers:
            if goes_back(story):
                self.ahead[number] = (sorted(variables), sorted(visits))
            else:
                later = [sid for sid, sc in story.scenes.items() if sc.chapter is not None and sc.chapter >= number]
                ahead_vars, ahead_visits = deciding_variables(story, later)
                self.ahead[number] = (sorted(ahead_vars), sorted(ahead_visits))

    def deciding(self, state: GameState) -> dict:
        names, _ = self.ahead.get(self.story.scenes[state.scene].chapter, (self.variables, []))
        return {name: state.variables[name] for name in names}

    def key(self, state: GameState):
        names, visits = self.ahead.get(self.story.scenes[state.scene].chapter, (self.variables, []))
        return (
            state.scene,
            tuple(state.variables[name] for name in names),
            tuple(state.visits.get(s, 0) for s in visits),
        )

    def moves(self, state: GameState):
        """(outcome, next_state): outcome is 'ended', 'stuck' or None for a state to go on from."""
        self.runner.restore(_copy(state))
        turn = self.runner.turn
        if turn.phase is Phase.ENDED:
            return [("ended", turn.scene.ending.id)]
        if turn.phase is Phase.STUCK:
            return [("stuck", turn.scene.id)]
        numbers = [None] if turn.phase is Phase.CONTINUING else [c.number for c in turn.choices]
        result = []
        for number in numbers:
            self.runner.restore(_copy(state))
            self.runner.proceed() if number is None else self.runner.choose(number)
            after = self.runner.state
            after.history = []
            result.append((None, after))
        return result

    def entries(self, chapter: int, proof: Proof) -> list[GameState]:
        """Every distinct state in which real play from the start first stands at `chapter`."""
        start = self.story.chapter(chapter).start
        self.runner.restart(seed=0)
        frontier = [_copy(self.runner.state)]
        seen = {self.key(frontier[0])}
        found: dict = {}
        while frontier:
            next_frontier = []
            for state in frontier:
                for outcome, after in self.moves(state):
                    if outcome == "ended":
                        proof.early_endings[after] += 1
                        continue
                    if outcome == "stuck":
                        proof.stuck.append(after)
                        continue
                    if after.scene == start:
                        found.setdefault(self.key(after), after)
                        continue
                    key = self.key(after)
                    if key not in seen:
                        seen.add(key)
                        next_frontier.append(after)
            frontier = next_frontier
        proof.states += len(seen)
        return list(found.values())

    def open_from(self, state: GameState, memo: dict, proof: Proof) -> frozenset:
        """Endings reachable from `state` (iterative depth-first, memoised by state key)."""
        root = self.key(state)
        if root in memo:
            return memo[root]
        stack = [(root, state, None)]
        pending: dict = {}
        while stack:
            key, current, children = stack.pop()
            if key in memo:
                continue
            if children is None:
                children = []
                endings = set()
                for outcome, after in self.moves(current):
                    if outcome == "ended":
                        endings.add(after)
                    elif outcome == "stuck":
                        proof.stuck.append(after)
                    else:
                        children.append((self.key(after), after))
                pending[key] = endings
                stack.append((key, current, children))
                for child_key, child in children:
                    if child_key not in memo and child_key not in pending:
                        stack.append((child_key, child, None))
                continue
            endings = pending.pop(key)
            for child_key, _ in children:
                endings |= memo.get(child_key, frozenset())  # a child still pending is a loop back
            memo[key] = frozenset(endings)
        return memo[root]


def _copy(state: GameState) -> GameState:
    return replace(state, variables=dict(state.variables), visits=dict(state.visits), history=[], stage=dict(state.stage))


def prove(story, chapter: int = 3) -> Proof:
    """Search the whole story: the entry states of `chapter` and the endings open from each."""
    search = Search(story)
    proof = Proof(deciding=search.variables)
    memo: dict = {}
    entries = search.entries(chapter, proof)
    proof.entry_states = [search.deciding(s) for s in entries]
    proof.deciding = sorted(proof.entry_states[0]) if entries else []
    proof.open_endings = [search.open_from(s, memo, proof) for s in entries]
    proof.states += len(memo)
    return proof


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", default=str(Path(__file__).resolve().parent.parent / "story"))
    parser.add_argument("--chapter", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    loaded = load_story(Path(args.story), "story")
    if not loaded.ok:
        print(f"{args.story}: the story has errors; run face-value check", file=sys.stderr)
        return 1
    story = loaded.story
    proof = prove(story, args.chapter)
    total = len(story.endings)
    sizes = Counter(len(s) for s in proof.open_endings)
    report = {
        "endings": total,
        "deciding_variables": proof.deciding,
        "entry_states": len(proof.entry_states),
        "open_endings_per_entry_state": dict(sorted(sizes.items())),
        "most_open": max(sizes) if sizes else 0,
        "endings_reached": sorted(proof.endings_anywhere),
        "endings_never_reached": sorted(set(story.endings) - proof.endings_anywhere),
        "early_endings": dict(proof.early_endings),
        "entry_states_open_per_ending": {
            ending: sum(1 for s in proof.open_endings if ending in s) for ending in sorted(story.endings)
        },
        "stuck": sorted(set(proof.stuck)),
        "states_searched": proof.states,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, value in report.items():
            print(f"{name}: {value}")
    return 0 if not proof.stuck and report["most_open"] * 2 <= total else 1


if __name__ == "__main__":
    sys.exit(main())
