"""Golden playthroughs: fixture stories with plan files, played plainly, across a save and
load in the middle, and with a JSON round trip of the state after every step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from game.engine import Phase, Runner, SaveStore, load_story
from game.engine.saves import _state_from_json
from tests.conftest import FIXTURES

PLANS = sorted(FIXTURES.glob("plans/*.yaml"))


def load_plan(path: Path):
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = load_story(FIXTURES / "stories" / plan["story"])
    assert result.ok, [str(p) for p in result.problems]
    return result.story, plan


def check_turn(runner: Runner, expected: dict, where: str) -> None:
    turn = runner.turn
    assert list(turn.paragraphs) == expected["text"], where
    assert [c.text for c in turn.choices] == expected.get("choices", []), where


def move(runner: Runner, expected: dict) -> None:
    if expected.get("continue"):
        runner.proceed()
    else:
        runner.choose(expected["choose"])


def finish(runner: Runner, plan: dict) -> None:
    assert runner.turn.phase is Phase.ENDED
    assert runner.turn.ending.id == plan["ending"]


@pytest.mark.parametrize("plan_path", PLANS, ids=lambda p: p.stem)
def test_plan_plays_as_written(plan_path):
    story, plan = load_plan(plan_path)
    runner = Runner(story, seed=plan["seed"])
    for number, expected in enumerate(plan["steps"]):
        check_turn(runner, expected, f"step {number}")
        if number < len(plan["steps"]) - 1:
            move(runner, expected)
    finish(runner, plan)


@pytest.mark.parametrize("plan_path", PLANS, ids=lambda p: p.stem)
def test_plan_survives_save_and_load_in_the_middle(plan_path, tmp_path):
    story, plan = load_plan(plan_path)
    store = SaveStore(tmp_path / "saves", story)
    runner = Runner(story, seed=plan["seed"])
    middle = len(plan["steps"]) // 2
    for number, expected in enumerate(plan["steps"]):
        if number == middle:
            store.write("3", runner.state, {"note": "middle"})
            runner = Runner(story, seed=999)  # a different game in between
            runner.restore(store.read("3").state)
        check_turn(runner, expected, f"step {number}")
        if number < len(plan["steps"]) - 1:
            move(runner, expected)
    finish(runner, plan)


@pytest.mark.parametrize("plan_path", PLANS, ids=lambda p: p.stem)
def test_plan_survives_a_json_round_trip_after_every_step(plan_path):
    story, plan = load_plan(plan_path)
    runner = Runner(story, seed=plan["seed"])
    for number, expected in enumerate(plan["steps"]):
        text = json.dumps(runner.state.to_json())
        runner = Runner(story)
        runner.restore(_state_from_json(json.loads(text), story, []))
        check_turn(runner, expected, f"step {number}")
        if number < len(plan["steps"]) - 1:
            move(runner, expected)
    finish(runner, plan)


@pytest.mark.parametrize("plan_path", PLANS, ids=lambda p: p.stem)
def test_undo_walks_a_plan_back_to_the_start(plan_path):
    story, plan = load_plan(plan_path)
    runner = Runner(story, seed=plan["seed"])
    for expected in plan["steps"][:-1]:
        move(runner, expected)
    for number in reversed(range(len(plan["steps"]) - 1)):
        assert runner.undo()
        check_turn(runner, plan["steps"][number], f"after undo to step {number}")
    assert not runner.undo()
    assert runner.state.variables == story.initial_values()
    assert runner.state.visits == {story.start: 1}
    assert runner.state.history == []


def test_seeded_rolls_repeat_and_undo_does_not_reroll():
    story = load_story(FIXTURES / "stories" / "dice").story
    first = Runner(story, seed=42)
    first.choose(1)
    roll = first.state.variables["roll"]
    again = Runner(story, seed=42)
    again.choose(1)
    assert again.state.variables["roll"] == roll
    assert first.turn.paragraphs == (f"The scanner rolls a {roll}.",)
    first.undo()
    first.choose(1)
    assert first.state.variables["roll"] == roll
    rolls = set()
    for seed in range(40):
        runner = Runner(story, seed=seed)
        runner.choose(1)
        rolls.add(runner.state.variables["roll"])
    assert rolls == {1, 2, 3, 4, 5, 6}
