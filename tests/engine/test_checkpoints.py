"""Undo from checkpoints lands exactly where replaying the whole history from the start does, and
restore and transcript (which replay on the runner's own machine) leave the playthrough as it was."""

from __future__ import annotations

import random

import pytest

from game.engine import Phase, Runner, load_story
from game.engine import snapshot
from tests.support.random_stories import write_random_story

EVERY = 3  # checkpoints every 3 moves here, so short random playthroughs cross many


@pytest.fixture(autouse=True)
def frequent_checkpoints(monkeypatch):
    monkeypatch.setattr(snapshot, "EVERY", EVERY)


def full_replay(story, state):
    """The reference: a new runner that plays the whole history from the origin, move by move."""
    reference = Runner(story, state.rewound())
    for step in state.history:
        turn = reference.turn
        if step.choice < 0:
            reference.proceed()
        else:
            reference.choose(next(c.number for c in turn.choices if c.index == step.choice))
    return reference


def play_on(runner, rng) -> None:
    """A random move that does not end the story, or an undo when every move here would."""
    turn, scenes = runner.turn, runner.story.scenes
    if turn.phase is Phase.CONTINUING and not scenes[turn.scene.goto].ending:
        runner.proceed()
        return
    onward = [c for c in turn.choices if not scenes[turn.scene.choices[c.index].goto].ending]
    if turn.phase is Phase.CHOOSING and onward:
        runner.choose(rng.choice(onward).number)
    else:
        runner.undo()


def same_place(runner, reference) -> None:
    assert runner.state.to_json() == reference.state.to_json()
    assert runner.turn.paragraphs == reference.turn.paragraphs
    assert [c.text for c in runner.turn.choices] == [c.text for c in reference.turn.choices]


@pytest.mark.parametrize("seed", range(12))
def test_undo_from_checkpoints_matches_a_full_replay(tmp_path, seed):
    story = load_story(write_random_story(tmp_path / "story", seed, scenes=14)).story
    rng = random.Random(seed)
    runner = Runner(story, seed=seed)
    undos = 0
    for _ in range(200):
        if runner.can_undo and rng.random() < 0.06:
            for _ in range(rng.choice((1, 1, 2, 3, EVERY + 1))):  # now and then across a checkpoint
                runner.undo()
            undos += 1
            same_place(runner, full_replay(story, runner.state))
        else:
            play_on(runner, rng)
    assert undos > 0


def test_undo_after_a_long_playthrough_steps_back_one_move_at_a_time(tmp_path):
    story = load_story(write_random_story(tmp_path / "story", 5, scenes=14)).story
    runner, rng, states = Runner(story, seed=9), random.Random(1), [Runner(story, seed=9).state.to_json()]
    for _ in range(400):
        if len(runner.state.history) > 3 * EVERY + 5:
            break
        play_on(runner, rng)
        del states[len(runner.state.history):]
        states.append(runner.state.to_json())
    while len(states) > 1:
        states.pop()
        runner.undo()
        assert runner.state.to_json() == states[-1]
    assert not runner.can_undo and len(states) == 1


def test_restore_and_transcript_leave_the_playthrough_as_it_was(tmp_path):
    story = load_story(write_random_story(tmp_path / "story", 3, scenes=14)).story
    runner, rng = Runner(story, seed=4), random.Random(2)
    for _ in range(400):
        if len(runner.state.history) > 2 * EVERY + 3:
            break
        play_on(runner, rng)
    before, turn = runner.state.to_json(), runner.turn
    moments = runner.transcript()
    assert runner.state.to_json() == before and runner.turn is turn
    assert [m.step for m in moments[:-1]] == runner.state.history
    assert moments[-1].turn.paragraphs == turn.paragraphs
    other = Runner(story, seed=1)
    assert other.restore(full_replay(story, runner.state).state) == []
    same_place(other, runner)
    other.undo()
    runner.undo()
    same_place(other, runner)
