"""The runner every front end drives: read the current turn, choose, continue, undo, save state."""

from __future__ import annotations

import enum
import gc
import weakref
from typing import NamedTuple

from transitions import MachineError

from .analysis import inherited_stage
from .expr import FLOAT, INT, TYPE_NAMES, EvalError, format_value, type_of
from .loader import paused_gc
from .machine import PROCEED, StoryMachine, choice_trigger
from .model import Character, Ending, Scene, Story
from .problems import Place
from .snapshot import Checkpoints
from .state import GameState, Step


class Phase(enum.Enum):
    """What the runner is waiting for."""

    CHOOSING = "choosing"      # pick one of turn.choices
    CONTINUING = "continuing"  # the scene has no choices: proceed()
    ENDED = "ended"            # an ending was reached
    STUCK = "stuck"            # a story error: every choice here is hidden


class StoryRuntimeError(Exception):
    """The story failed while playing (for example a division by zero); names where."""

    def __init__(self, place: Place, message: str):
        super().__init__(f"{place}: {message}")
        self.place = place
        self.message = message


class RunnerError(Exception):
    """The front end asked for something the runner is not waiting for."""


class ChoiceView(NamedTuple):
    """A choice as offered: its number among the visible ones (from 1) and its rendered text."""

    number: int
    index: int
    text: str


class Turn(NamedTuple):
    """What to show now: text, choices, and what is on stage (asset names, see Story.asset_path).
    Immutable; a named tuple, because a replay makes one a move (a frozen dataclass costs four
    times as much to build: 1.1 against 0.25 µs)."""

    scene: Scene
    paragraphs: tuple[str, ...]
    choices: tuple[ChoiceView, ...]
    phase: Phase
    background: str | None = None
    music: str | None = None
    speaker: Character | None = None
    portrait: str | None = None
    discuss: tuple[str, ...] = ()  # the scene's discussion questions whose `if:` holds

    @property
    def ending(self) -> Ending | None:
        return self.scene.ending if self.phase is Phase.ENDED else None

    @property
    def sound(self) -> str | None:
        return self.scene.stage.sound

    @property
    def inspect(self):
        """What the player examines here (an inspection.Inspection), while the choices wait."""
        return self.scene.inspect if self.phase is Phase.CHOOSING else None


class Moment(NamedTuple):
    """One entry of a transcript."""

    turn: Turn
    variables: dict
    step: Step | None


class _Plan:
    """What of a scene's turn does not depend on the state, worked out with the machine:
    text with no {…} and no `if:`, the choices as shown for each set of conditional choices
    that hold (when no choice text has a {…}), the phase when it is fixed, the speaker."""

    __slots__ = ("scene", "text", "templates", "conditional", "views", "phase", "speaker", "portrait", "discuss")

    def __init__(self, story: Story, scene: Scene):
        self.scene = scene
        shown = all(p.condition is None for p in scene.paragraphs)
        fixed = shown and not any(p.text.parts for p in scene.paragraphs)
        self.text = tuple(p.text.source for p in scene.paragraphs) if fixed else None
        self.templates = tuple(p.text for p in scene.paragraphs) if shown and not fixed else None  # all shown, some {…}
        self.conditional = tuple((1 << n, c) for n, c in enumerate(scene.choices) if c.condition is not None)
        self.views = {} if not any(c.text.parts for c in scene.choices) else None
        if scene.ending:
            self.phase = Phase.ENDED
        elif not scene.choices:
            self.phase = Phase.CONTINUING
        else:
            self.phase = None  # choosing, or stuck when every choice is hidden
        speaker = story.characters.get(scene.stage.speaker) if scene.stage.speaker else None
        self.speaker = speaker
        self.portrait = scene.stage.portrait or (speaker.portrait if speaker else None)
        self.discuss = tuple(p.text for p in scene.discuss) if all(p.condition is None for p in scene.discuss) else None

    def shown(self, holding: int) -> tuple[ChoiceView, ...]:
        """The choices shown when the conditional ones whose bits are in `holding` hold."""
        visible = []
        for n, choice in enumerate(self.scene.choices):
            if choice.condition is None or holding & (1 << n):
                visible.append(ChoiceView(len(visible) + 1, choice.index, choice.text.source))
        views = self.views[holding] = tuple(visible)
        return views


class Runner:
    """Plays one story. Holds one GameState; never prints, never reads input."""

    def __init__(self, story: Story, state: GameState | None = None, *, seed: int = 0):
        self.story = story
        self._state: GameState | None = None
        self._turn: Turn | None = None
        self._stages: dict[str, dict] = {}
        self._checkpoints = Checkpoints()
        with paused_gc():
            me = weakref.ref(self)  # the machine must not keep its Runner alive: no cycle
            self.machine = StoryMachine(story, lambda: me()._state)
            self._plans = {scene.id: _Plan(story, scene) for scene in story.scenes.values()}
            _settle()  # before the collector is back on: its first allocation would start a scan
        if state is None:
            self.restart(seed=seed)
        else:
            self.restore(state)

    # --- state -------------------------------------------------------------------

    @property
    def state(self) -> GameState:
        return self._state

    def restart(self, *, seed: int = 0, scene: str | None = None, values: dict | None = None, chapter: int | None = None) -> None:
        """Begin a new playthrough at the start (or at `scene` with `values` over the defaults)."""
        variables = self.story.initial_values()
        variables.update(values or {})
        state = GameState.begin(scene or self.story.start, variables, seed, chapter)
        if scene and scene != self.story.start:
            state.stage = self._stage_before(scene)
        self._begin(state)

    def _stage_before(self, scene: str) -> dict:
        if scene not in self._stages:
            self._stages[scene] = inherited_stage(self.story, scene)
        return dict(self._stages[scene])

    def start_chapter(self, number: int, *, seed: int = 0, start: str | None = None) -> None:
        """Begin at a chapter's first scene with the values a player starting there has: the
        chapter's middle path, or one of its named starts."""
        chapter = self.story.chapter(number)
        if chapter is None:
            raise RunnerError(f"there is no chapter {number}; this story has {len(self.story.chapters)}")
        try:
            values = chapter.values_for(start)
        except KeyError:
            raise RunnerError(f"chapter {number} has no start '{start}'; {starts_listed(chapter)}") from None
        self.restart(seed=seed, scene=chapter.start, values=values, chapter=number)

    def restore(self, state: GameState) -> list[str]:
        """Continue from a saved state (already checked against this story by the save loader).
        If its history no longer replays on this story, undo starts from here; says so."""
        notes = []
        if state.history and not self._replays_to(state):
            state.mark_origin()
            state.history = []
            notes.append("the story has changed since this save, so undo starts from here")
        if not state.history:
            self._checkpoints.reset(state)
        self._checkpoints.history = state.history  # the replay's checkpoints are of these very moves
        self._state = state
        self.machine.jump(state.scene)
        self._turn = None
        return notes

    def _replays_to(self, state: GameState) -> bool:
        """Play the saved history from its origin on this runner's machine (no second machine),
        taking checkpoints on the way; whether it arrives where the save is."""
        replay = state.rewound()
        self._state, self._turn = replay, None
        self._checkpoints.reset(replay)
        try:
            self.machine.jump(replay.scene)
            for step in state.history:
                self._advance(step)
        except (RunnerError, StoryRuntimeError, ValueError):
            return False
        return replay.scene == state.scene and replay.variables == state.variables

    def _begin(self, state: GameState) -> None:
        """Enter the origin scene: transitions does not fire on_enter for an initial state."""
        self._state = state
        self._turn = None
        self._guarded(lambda: self.machine.enter(state.scene), state.scene)
        state.mark_origin()
        self._checkpoints.reset(state)

    # --- the current turn ---------------------------------------------------------------

    @property
    def turn(self) -> Turn:
        if self._turn is None:
            self._turn = self._guarded(self._make_turn, self._state.scene)
        return self._turn

    def _make_turn(self) -> Turn:
        state = self._state
        plan = self._plans[state.scene]
        scene = plan.scene
        if plan.text is not None:
            paragraphs = plan.text
        elif plan.templates is not None:
            paragraphs = tuple([template.render(state) for template in plan.templates])
        else:
            paragraphs = tuple([
                p.text.render(state) for p in scene.paragraphs if p.condition is None or _holds(p.condition, state, p.place)
            ])
        if plan.views is None:  # some choice's text has a {…} to render
            visible = []
            for choice in scene.choices:
                if choice.condition is None or _holds(choice.condition, state, choice.place):
                    visible.append(ChoiceView(len(visible) + 1, choice.index, choice.text.render(state)))
            choices = tuple(visible)
        else:
            shown = 0
            for bit, choice in plan.conditional:
                if _holds(choice.condition, state, choice.place):
                    shown |= bit
            choices = plan.views.get(shown) or plan.shown(shown)
        if plan.phase is not None:
            phase = plan.phase
        else:
            phase = Phase.CHOOSING if choices else Phase.STUCK
        stage = state.stage
        music = stage.get("music")
        discuss = plan.discuss
        if discuss is None:
            discuss = tuple([p.text for p in scene.discuss if p.condition is None or p.condition.evaluate(state)])
        return Turn(  # background, music, speaker, portrait, discuss (by position: a turn a move)
            scene, paragraphs, choices, phase, stage.get("background"), None if music == "none" else music,
            plan.speaker, plan.portrait, discuss,
        )

    # --- moves -------------------------------------------------------------------------

    def choose(self, number: int) -> None:
        """Pick the visible choice with this number (1 is the first shown)."""
        turn = self.turn
        if turn.phase is not Phase.CHOOSING:
            raise RunnerError(f"a choice was made but none is pending (the runner is {turn.phase.value})")
        if not 1 <= number <= len(turn.choices):
            raise RunnerError(f"there is no choice {number}; choose 1 to {len(turn.choices)}")
        view = turn.choices[number - 1]
        self._step(choice_trigger(view.index), Step(turn.scene.id, view.index, view.text))

    def proceed(self) -> None:
        """Continue from a scene that has no choices."""
        turn = self.turn
        if turn.phase is not Phase.CONTINUING:
            raise RunnerError(f"continue was asked for but the runner is {turn.phase.value}")
        self._step(PROCEED, Step(turn.scene.id, -1))

    def _step(self, trigger: str, step: Step) -> None:
        state = self._state
        try:
            moved = self._fire(trigger)
        except StoryRuntimeError:
            self._replay(state.history)  # put everything back exactly as it was before the step
            raise
        if not moved:
            raise RunnerError(f"the choice in scene '{step.scene}' is not available now")
        state.scene = self.machine.scene
        state.history.append(step)
        self._checkpoints.after_move(state)
        self._turn = None

    def _advance(self, step: Step, checkpoint: bool = True) -> None:
        """Make a move of a history being replayed; the move must still be offered."""
        state = self._state
        if not self._fire(_trigger(step)):
            raise RunnerError(f"the choice in scene '{step.scene}' is not available now")
        state.scene = self.machine.scene
        state.history.append(step)
        if checkpoint:
            self._checkpoints.after_move(state)

    # --- undo and replay -----------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._state.history)

    def undo(self) -> bool:
        """Step back one move (a choice or a continue). False when already at the start."""
        if not self._state.history:
            return False
        self._replay(self._state.history[:-1])
        return True

    def replay(self, steps: list[Step]) -> None:
        """Rebuild the state from its origin by playing `steps` (a history, or the start of one)."""
        self._replay(list(steps))

    def _replay(self, steps: list[Step]) -> None:
        """Rebuild the state from its origin by playing `steps` again (random draws included),
        from the latest checkpoint taken on the way to them."""
        snapshot = self._checkpoints.nearest(self._state, steps)
        if snapshot is None:
            state = self._state.rewound()
            self._checkpoints.reset(state)
        else:
            state = Checkpoints.state_at(snapshot, self._state, steps)
            self._checkpoints.drop_after(snapshot.moves)
            self._checkpoints.history = state.history
        self._state = state
        self.machine.jump(state.scene)
        for step in steps[len(state.history):]:
            self._fire(_trigger(step))
            state.scene = self.machine.scene
            state.history.append(step)
            self._checkpoints.after_move(state)
        self._turn = None

    def transcript(self) -> list[Moment]:
        """Every turn of this playthrough, the variables at that moment, and the move made
        from it (None for the current turn). Built by replaying from the origin on this
        runner's machine; the playthrough is put back as it was."""
        live, live_turn = self._state, self._turn
        replay = live.rewound()
        result = []
        self._state, self._turn = replay, None
        try:
            self.machine.jump(replay.scene)
            for step in live.history:
                result.append(Moment(self.turn, dict(replay.variables), step))
                self._advance(step, checkpoint=False)
                self._turn = None
            result.append(Moment(self.turn, dict(replay.variables), None))
        finally:
            self._state, self._turn = live, live_turn
            self.machine.jump(live.scene)
        return result

    # --- debugging -------------------------------------------------------------------------

    def go_to(self, scene_id: str) -> None:
        """Enter a scene directly, keeping the variables and visit counts as they are, with the
        background and music a player arriving there would have. Not a move: undo starts here."""
        if scene_id not in self.story.scenes:
            raise RunnerError(f"there is no scene '{scene_id}'")
        before = self._state
        state = GameState(scene_id, dict(before.variables), before.origin, dict(before.visits), before.seed,
                          before.draws, [], before.chapter, self._stage_before(scene_id))
        try:
            self._begin(state)
        except StoryRuntimeError:
            self._state, self._turn = before, None
            self.machine.jump(before.scene)
            raise

    def set_variable(self, name: str, value) -> None:
        """Give a declared variable a new value of its type now. Not a move: undo starts here."""
        variable = self.story.variables.get(name)
        if variable is None:
            raise RunnerError(f"there is no variable '{name}'")
        kind = type_of(value)
        if kind != variable.type and not (variable.type == FLOAT and kind == INT):
            raise RunnerError(f"'{name}' holds {TYPE_NAMES[variable.type]}, not {format_value(value)}")
        self._state.variables[name] = value
        self._state.history = []
        self._state.mark_origin()
        self._turn = None

    # --- errors -----------------------------------------------------------------------------

    def _guarded(self, action, scene_id: str):
        """Run `action`, turning evaluation failures into StoryRuntimeError with a place."""
        try:
            return action()
        except (EvalError, MachineError) as exc:
            raise self._failure(exc, scene_id) from None

    def _fire(self, trigger: str) -> bool:
        """Fire a trigger from the current scene, as _guarded would (without a closure a move)."""
        try:
            return self.machine.fire(trigger)
        except (EvalError, MachineError) as exc:
            raise self._failure(exc, self._state.scene) from None

    def _failure(self, exc: Exception, scene_id: str) -> Exception:
        """The error to raise for a failure while playing in scene `scene_id`."""
        if isinstance(exc, MachineError):
            return RunnerError(str(exc.value))
        scene_id = exc.scene or scene_id
        scene = self.story.scenes.get(scene_id)
        place = exc.place or (scene.place if scene else Place(self.story.root.name))
        return StoryRuntimeError(place, f"in scene '{scene_id}': {exc}")


def _settle() -> None:
    """The story and the machine are built with the cyclic collector paused, so all their
    objects are still young; the first young collection after that would scan every one of
    them in the middle of play (0.2 s at 5,000 scenes, on one of the first moves). They live as
    long as the story, so move them to the old generation at once: freeze() then unfreeze()
    does that without scanning anything (they are still collected by a full collection).
    Not when the process keeps objects frozen for its own reasons: unfreeze() would put those
    back too (loader.load_to_play does the same freeze then unfreeze, and keeps nothing frozen)."""
    if gc.get_freeze_count():
        return
    gc.freeze()
    gc.unfreeze()


def _holds(condition, state, place) -> bool:
    """A condition's value; a failure names where the condition is written."""
    try:
        return condition.evaluate(state)
    except EvalError as exc:
        exc.place = exc.place or place
        raise


def starts_listed(chapter) -> str:
    """The named starts of a chapter, for a message."""
    names = chapter.start_names
    return f"its starts are: {', '.join(names)}" if names else "it has no named starts"


def _trigger(step: Step) -> str:
    return PROCEED if step.choice < 0 else choice_trigger(step.choice)
