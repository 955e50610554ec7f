"""A move is a _Move, transitions' Transition run without its per-call overhead. It must do
exactly what transitions' own Transition.execute does: the same callbacks in the same order,
the same refusals, and on stories the same states, turns and errors after every move."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from transitions import Machine, State, Transition

from game.engine import Phase, Runner, StoryRuntimeError, load_story
from game.engine import machine as story_machine
from tests.support.random_stories import write_random_story

ROOT = Path(__file__).resolve().parents[2]


def traced(transition_cls, final: bool):
    """A machine with a callback of every kind, each recording its name when called."""
    trace: list[str] = []

    def note(name, result=None):
        def callback(event):
            trace.append(f"{name}:{event.state.name}")
            return result
        return callback

    class Traced(Machine):
        pass

    Traced.transition_cls = transition_cls

    class Model:
        pass

    model = Model()
    states = [
        State("a", on_enter=[note("enter a")], on_exit=[note("exit a")]),
        State("b", on_enter=[note("enter b")], on_exit=[note("exit b")], final=final),
    ]
    machine = Traced(
        model=model, states=states, initial="a", auto_transitions=False, send_event=True,
        before_state_change=[note("machine before")], after_state_change=[note("machine after")],
        on_final=[note("final")],
    )
    machine.add_transition(
        "go", "a", "b", prepare=[note("prepare")], conditions=[note("condition", True)],
        unless=[note("unless", False)], before=[note("before")], after=[note("after")],
    )
    machine.add_transition("refused", "a", "b", prepare=[note("prepare")], conditions=[note("condition", False)],
                           before=[note("before")])
    machine.add_transition("stay", "a", None, before=[note("internal")])
    return machine, model, trace


@pytest.mark.parametrize("final", [False, True])
@pytest.mark.parametrize("trigger", ["go", "refused", "stay"])
def test_a_move_calls_what_transitions_calls_in_the_same_order(trigger, final):
    results = {}
    for cls in (Transition, story_machine._Move):
        machine, model, trace = traced(cls, final)
        moved = model.trigger(trigger)
        results[cls] = (moved, model.state, trace)
    assert results[story_machine._Move] == results[Transition]
    assert results[Transition][2], "the traced machine called nothing: the comparison would prove nothing"


def runner_pair(story, seed):
    """A runner whose moves are _Move, and one built with transitions' own Transition."""
    ours = Runner(story, seed=seed)
    original = story_machine._Machine.transition_cls
    story_machine._Machine.transition_cls = Transition
    try:
        reference = Runner(story, seed=seed)
    finally:
        story_machine._Machine.transition_cls = original
    return ours, reference


def transitions_of(runner):
    events = runner.machine.machine.events.values()
    return [t for event in events for listed in event.transitions.values() for t in listed]


def same(ours, reference):
    assert ours.state.to_json() == reference.state.to_json()
    a, b = ours.turn, reference.turn
    assert (a.scene.id, a.paragraphs, a.phase, [c.text for c in a.choices]) == \
        (b.scene.id, b.paragraphs, b.phase, [c.text for c in b.choices])


def play_both(ours, reference, rng, moves):
    for _ in range(moves):
        turn = ours.turn
        if turn.phase is Phase.ENDED or turn.phase is Phase.STUCK:
            ours.restart(seed=rng.randrange(1000))
            reference.restart(seed=ours.state.seed)
        elif turn.phase is Phase.CONTINUING:
            ours.proceed()
            reference.proceed()
        else:
            number = rng.randint(1, len(turn.choices))
            ours.choose(number)
            reference.choose(number)
        same(ours, reference)


@pytest.mark.parametrize("seed", range(10))
def test_random_stories_play_the_same_both_ways(tmp_path, seed):
    story = load_story(write_random_story(tmp_path / "story", seed, scenes=16)).story
    ours, reference = runner_pair(story, seed)
    assert {type(t) for t in transitions_of(ours)} == {story_machine._Move}
    assert {type(t) for t in transitions_of(reference)} == {Transition}
    play_both(ours, reference, random.Random(seed), 300)


def test_the_bundled_story_plays_the_same_both_ways():
    story = load_story(ROOT / "story").story
    ours, reference = runner_pair(story, 5)
    play_both(ours, reference, random.Random(5), 600)


def test_a_run_time_error_in_a_move_is_the_same_both_ways(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "story.yaml").write_text("title: T\nstart: a\nvariables:\n  x: 0\n", encoding="utf-8")
    (folder / "scenes.yaml").write_text(
        "scenes:\n"
        "  a:\n    text: A.\n    choices:\n      - text: Divide\n        set: {x: 1 // x}\n        goto: b\n"
        "      - text: Hidden\n        if: x > 0\n        goto: b\n"
        "  b:\n    text: B.\n    ending: {id: e, title: E}\n",
        encoding="utf-8",
    )
    story = load_story(folder).story
    messages = []
    for runner in runner_pair(story, 0):
        assert [c.text for c in runner.turn.choices] == ["Divide"]
        with pytest.raises(StoryRuntimeError) as caught:
            runner.choose(1)
        messages.append(str(caught.value))
        assert runner.state.scene == "a" and runner.state.history == []
    assert messages[0] == messages[1] and "division by zero" in messages[0]
