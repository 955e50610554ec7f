"""Live reload: carry a playthrough over to an edited version of its story, keeping the player
where they were (same scene and variables), or as close to it as the edited story allows."""

from __future__ import annotations

from dataclasses import dataclass, field

from .carry import carry_values
from .model import Story
from .runner import Runner, RunnerError, StoryRuntimeError
from .state import GameState, Origin


@dataclass
class Carried:
    """A state mapped onto an edited story. `state` is None when none of the scenes the player
    passed through exists any more: the playthrough begins again at the story's start."""

    state: GameState | None
    notes: list[str] = field(default_factory=list)
    fell_back_from: str | None = None  # the scene the player was in, when it was removed


def carry_over(state: GameState, old: Story, new: Story) -> Carried:
    """Map `state` (a playthrough of `old`) onto `new`; `state` itself is left untouched.

    The scene is kept when it still exists. Otherwise the player goes back to the nearest
    earlier scene of their history that still exists, with the variables they had there
    (replayed on `old`, where that history was made). Variables added since take their
    defaults, removed ones are dropped, values are retyped or clamped to the new declarations
    (with a note when a value had to change), and visit counts of removed scenes are dropped."""
    notes: list[str] = []
    fell_back_from = None
    if state.scene not in new.scenes:
        fell_back_from = state.scene
        state = _nearest_earlier(state, old, new)
        if state is None:
            notes.append(f"scene '{fell_back_from}' and every scene before it are gone, so the story begins again")
            return Carried(None, notes, fell_back_from)
        notes.append(f"scene '{fell_back_from}' is gone; back to '{state.scene}', the nearest earlier scene")
    carried = GameState(
        scene=state.scene,
        variables=carry_variables(state.variables, new, notes),
        origin=_origin(state.origin, new),
        visits={scene: count for scene, count in state.visits.items() if scene in new.scenes},
        seed=state.seed,
        draws=state.draws,
        history=list(state.history),
        chapter=state.chapter if state.chapter is None or new.chapter(state.chapter) else None,
        stage=dict(state.stage),
    )
    if carried.origin is None:
        carried.mark_origin()
        carried.history = []
    return Carried(carried, notes, fell_back_from)


def carry_variables(values: dict, story: Story, notes: list[str]) -> dict:
    """`values` over the new story's defaults (carry.carry_values): new variables take their
    defaults, removed ones are dropped, each other change with a note."""
    return carry_values(
        values, story, notes,
        reset=lambda name, kind: f"'{name}' was reset to its starting value (its type changed)",
        clamped=lambda name, was, now: f"'{name}' was {was}, now {now} (its range changed)",
    )


def _origin(origin: Origin, story: Story) -> Origin | None:
    """The origin mapped onto `story`, or None when its scene is gone (undo then starts from the
    carried state)."""
    if origin.scene not in story.scenes:
        return None
    return Origin(
        origin.scene, carry_variables(origin.variables, story, []),
        {scene: count for scene, count in origin.visits.items() if scene in story.scenes},
        origin.draws, dict(origin.stage),
    )


def _nearest_earlier(state: GameState, old: Story, new: Story) -> GameState | None:
    """The state as it was when the player was last in a scene that `new` still has."""
    for moves in range(len(state.history) - 1, -1, -1):
        if state.history[moves].scene in new.scenes:
            return _replayed(state, old, moves)
    if state.origin.scene in new.scenes:
        return state.rewound()
    return None


def _replayed(state: GameState, old: Story, moves: int) -> GameState:
    """`state` after only the first `moves` moves of its history, replayed on `old`."""
    try:
        runner = Runner(old, state.rewound())
        runner.replay(state.history[:moves])
        return runner.state
    except (RunnerError, StoryRuntimeError, ValueError):
        # The history did not replay on the story it was made in: keep the values as they are.
        earlier = _copy(state)
        earlier.scene = state.history[moves].scene
        earlier.history = earlier.history[:moves]
        return earlier


def _copy(state: GameState) -> GameState:
    return GameState(
        state.scene, dict(state.variables), state.origin, dict(state.visits), state.seed, state.draws,
        list(state.history), state.chapter, dict(state.stage),
    )


@dataclass
class Reloaded:
    """A runner on the edited story, and what the player should be told."""

    runner: Runner
    notes: list[str]
    fell_back_from: str | None = None


def reload_runner(runner: Runner, story: Story) -> Reloaded:
    """A new Runner that plays `story` from where `runner` is now. When the edited story no
    longer replays the history (an effect of a past choice changed), undo starts from here."""
    carried = carry_over(runner.state, runner.story, story)
    state, notes = carried.state, list(carried.notes)
    if state is None:
        return Reloaded(Runner(story, seed=runner.state.seed), notes, carried.fell_back_from)
    reloaded = Runner(story, state.rewound())  # one machine: it checks the history and plays on
    if state.history and _replays(reloaded, state):
        return Reloaded(reloaded, notes, carried.fell_back_from)
    if state.history:
        notes.append("the story before this scene changed, so undo starts from here")
        state.mark_origin()
        state.history = []
    reloaded.restore(state)
    return Reloaded(reloaded, notes, carried.fell_back_from)


def _replays(runner: Runner, state: GameState) -> bool:
    """Whether `state`'s history, played from its origin, still arrives at the same scene with
    the same values (it does not when an effect of a past choice was edited)."""
    try:
        runner.replay(state.history)
    except (RunnerError, StoryRuntimeError, ValueError):
        return False
    return runner.state.scene == state.scene and runner.state.variables == state.variables
