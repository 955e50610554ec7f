"""The story as a `transitions` state machine: scenes are states, choices are guarded transitions."""

from __future__ import annotations

from functools import cache, partial
from typing import Callable

from transitions import Machine, MachineError, State, Transition
from transitions.core import EventData

from .expr import EvalError
from .model import Choice, Effect, Scene, Story

PROCEED = "proceed"


@cache
def choice_trigger(index: int) -> str:
    """Triggers are shared by position (choose_0, choose_1, ...), so their number stays small
    (and each is one string, made once, whose hash is already known when a move looks it up)."""
    return f"choose_{index}"


def apply_effects(effects: list[Effect], state, bounded: dict) -> None:
    """Evaluate every effect on the state as it is, then assign them all; measured variables
    (in `bounded`) are kept inside their range."""
    if not effects:
        return
    values = []
    for effect in effects:
        try:
            values.append((effect.variable, effect.expression.evaluate(state)))
        except EvalError as exc:
            exc.place = exc.place or effect.place  # the expression's own file:line:column
            raise
    for name, value in values:
        variable = bounded.get(name)
        state.variables[name] = variable.clamp(value) if variable else value


class _Cursor:
    """The Machine's model: only the current scene id (transitions keeps it in `scene`)."""

    scene: str = ""


class _SceneState(State):
    """A scene as a state of the machine. It knows its scene, so entering it needs no look-up
    by id; every state shares one on_enter and has no on_exit (no lists of its own to build,
    hold or read on each move)."""

    def __init__(self, scene: Scene, on_enter: tuple):
        super().__init__(scene.id)
        self.scene = scene
        self.on_enter = on_enter
        self.on_exit = ()


_NONE = ()  # the callbacks a transition does not have, shared by all of them


class _Move(Transition):
    """A choice or a continue: transitions' Transition, executed in the order Transition.execute
    runs it (prepare, conditions, the machine's and its own before callbacks, exit the source,
    set the model's state, enter the destination, final callbacks, after callbacks), through the
    extension point transitions gives for this (Machine.transition_cls, as its own nested and
    asyncio machines use). What it leaves out is only per-call overhead this machine never needs:
    the logging calls (eight or more a move), itertools.chain, and resolving callbacks given as names
    (every callback here is a compiled callable, never a string; a name would fail loudly).
    That halves a move (replaying 1,000 moves, paired: 13.3 -> 7.2 µs at 5,000 scenes, 8.8 -> 3.2
    µs at 100), which every restore and transcript pays a thousand times.
    tests/engine/test_lean_moves.py checks the order of every kind of callback against
    Transition.execute, and plays random stories and the bundled one both ways."""

    def execute(self, event_data) -> bool:
        machine = event_data.machine
        for func in self.prepare:
            func(event_data)
        for condition in self.conditions:
            if not condition.func(event_data) == condition.target:
                return False
        for func in machine.before_state_change:
            func(event_data)
        for func in self.before:
            func(event_data)
        if self.dest:  # None would be an internal transition (the story has none)
            self._change_state(event_data)
        for func in self.after:
            func(event_data)
        for func in machine.after_state_change:
            func(event_data)
        return True

    def _change_state(self, event_data) -> None:
        machine = event_data.machine
        states = machine.states
        for func in states[self.source].on_exit:
            func(event_data)
        dest = states[self.dest]
        setattr(event_data.model, machine.model_attribute, dest.value)
        event_data.state = dest
        for func in dest.on_enter:
            func(event_data)
        if dest.final:
            for func in machine.on_final:
                func(event_data)


class _Machine(Machine):
    """transitions' Machine, whose transitions are _Move."""

    transition_cls = _Move


class StoryMachine:
    """Wires a story into a transitions Machine. Callbacks are compiled callables only: no
    string from a story file ever reaches transitions' callback name resolution."""

    def __init__(self, story: Story, current_state: Callable[[], object]):
        self.story = story
        self.current_state = current_state
        self.bounded = {v.name: v for v in story.variables.values() if v.low is not None}
        self.cursor = _Cursor()
        on_enter = (self._on_enter,)
        states = [_SceneState(scene, on_enter) for scene in story.scenes.values()]
        self.machine = _Machine(
            model=self.cursor,
            states=states,
            initial=story.start,
            auto_transitions=False,
            send_event=True,
            model_attribute="scene",
            ignore_invalid_triggers=False,
        )
        for scene in story.scenes.values():
            for choice in scene.choices:
                self.machine.add_transition(
                    choice_trigger(choice.index), scene.id, choice.goto,
                    conditions=self._guard(choice), before=self._effects(choice), after=_NONE, prepare=_NONE,
                )
            if scene.goto:
                self.machine.add_transition(PROCEED, scene.id, scene.goto, before=_NONE, after=_NONE, prepare=_NONE)

    @property
    def scene(self) -> str:
        return self.cursor.scene

    def jump(self, scene_id: str) -> None:
        """Put the machine in a scene without entering it (restoring a saved state)."""
        self.machine.set_state(scene_id, model=self.cursor)

    def enter(self, scene_id: str) -> None:
        """Put the machine in a scene and enter it: transitions does not enter the initial state."""
        self.jump(scene_id)
        self.enter_scene()

    def fire(self, trigger: str) -> bool:
        """Fire a trigger; False when its guard refused. The event's transitions out of the
        current scene are executed (guard, effects, exit, state change, enter) as Event.trigger
        executes them; what this leaves out is only what the machine never has:
        an event queue, machine-wide prepare/finalize/exception callbacks and trigger arguments.
        That halves the cost of a move (10 -> 5 µs), which every replay pays a thousand times;
        each transition is a _Move (above), which halves what is left."""
        scene = self.cursor.scene
        event = self.machine.events.get(trigger)
        if event is None:
            return self.cursor.trigger(trigger)  # transitions says it knows no such event
        candidates = event.transitions.get(scene)
        if not candidates:
            raise MachineError(f"{self.machine.name}Can't trigger event {trigger} from state {scene}!")
        data = EventData(self.machine.states[scene], event, self.machine, self.cursor, (), {})
        for transition in candidates:
            data.transition = transition
            if transition.execute(data):
                data.result = True
                return True
        return False

    def enter_scene(self, scene: Scene | None = None) -> None:
        state = self.current_state()
        if scene is None:
            scene = self.story.scenes[self.cursor.scene]
        state.visits[scene.id] = state.visits.get(scene.id, 0) + 1
        stage = scene.stage
        if stage.background:
            state.stage["background"] = stage.background
        if stage.music:
            state.stage["music"] = stage.music
        try:
            apply_effects(scene.effects, state, self.bounded)
        except EvalError as exc:
            exc.scene = exc.scene or scene.id  # the scene entered, not the one the move left
            raise

    def _on_enter(self, event) -> None:
        self.enter_scene(event.state.scene)  # the state entered (transitions has just moved to it)

    def _guard(self, choice: Choice) -> list | None:
        if choice.condition is None:
            return None
        return [partial(_holds, choice.condition.evaluate, self.current_state)]  # two objects, not a closure's four

    def _effects(self, choice: Choice) -> tuple:
        if not choice.effects:
            return _NONE
        return (partial(_applies, choice.effects, self.current_state, self.bounded),)


def _holds(evaluate, current_state, event) -> bool:
    """A choice's guard, as transitions calls it (with the event)."""
    return evaluate(current_state())


def _applies(effects, current_state, bounded, event) -> None:
    """A choice's effects, as transitions calls them before the move."""
    apply_effects(effects, current_state(), bounded)
