"""A story that fails while playing says where: the scene, and the file, line and column of the
expression that failed. A failure as play begins is caught by `check`, or is a one-line story
error (exit 1); scenes with no way to an ending are a warning."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.engine import Runner, StoryRuntimeError, load_story
from game.engine.explore import explore
from game.engine.state import GameState
from tests.conftest import ROOT, write_files

STORY = """
title: Places
start: a
variables:
  n: 0
"""


def make(tmp_path, scenes: str):
    return write_files(tmp_path / "story", {"story.yaml": STORY, "scenes.yaml": scenes})


TWO_SCENES = """
scenes:
  a:
    text: First.
    choices:
      - text: On to b
        goto: b
  b:
    text: Second.
    set:
      n: "5 % n"
    ending: {id: e, title: E}
"""


def test_a_modulo_by_zero_in_scene_b_is_reported_at_b_and_its_expression(tmp_path):
    result = load_story(make(tmp_path, TWO_SCENES), "story")
    assert result.ok
    runner = Runner(result.story)
    with pytest.raises(StoryRuntimeError) as caught:
        runner.choose(1)
    assert str(caught.value) == "story/scenes.yaml:10:10: in scene 'b': modulo by zero"
    assert runner.state.scene == "a"  # the failed move changed nothing


def test_the_explorer_names_the_same_scene(tmp_path):
    report, _ = explore(load_story(make(tmp_path, TWO_SCENES), "story").story)
    assert [(f.scene.id, f.message) for f in report.errors] == [("b", "in scene 'b': choosing 'On to b': modulo by zero")]


def test_an_error_in_a_choice_set_is_at_that_expression(tmp_path):
    folder = make(tmp_path, """
        scenes:
          a:
            text: First.
            choices:
              - text: Divide
                goto: e
                set:
                  n: "n + 10 // n"
          e:
            text: End.
            ending: {id: e, title: E}
        """)
    runner = Runner(load_story(folder, "story").story)
    with pytest.raises(StoryRuntimeError) as caught:
        runner.choose(1)
    assert str(caught.value) == "story/scenes.yaml:8:14: in scene 'a': division by zero"


START_FAILS = """
scenes:
  a:
    text: First.
    set:
      n: "1 % n"
    goto: e
  e:
    text: End.
    ending: {id: e, title: E}
"""


def test_check_reports_a_start_whose_set_fails_on_the_start_values(tmp_path):
    result = load_story(make(tmp_path, START_FAILS), "story")
    assert [str(p) for p in result.problems] == [
        "story/scenes.yaml:5:10: error: entering the start scene 'a': modulo by zero (every playthrough from there would stop at once)"
    ]


def test_a_chapter_start_is_checked_with_the_chapter_values(tmp_path):
    story = STORY + "chapters:\n  - {title: One, start: a}\n  - {title: Two, start: b, values: {n: 0}}\n"
    folder = write_files(tmp_path / "story", {"story.yaml": story.replace("n: 0\n", "n: 1\n", 1), "scenes.yaml": """
        scenes:
          a:
            text: First.
            goto: b
          b:
            text: Second.
            set:
              n: "10 // n"
            goto: e
          e:
            text: End.
            ending: {id: e, title: E}
        """})
    found = [str(p) for p in load_story(folder, "story").problems]
    assert found == ["story/scenes.yaml:8:10: error: entering chapter 2's start scene 'b': division by zero (every playthrough from there would stop at once)"]


def test_a_start_that_fails_only_on_some_rolls_is_a_story_error_not_a_crash(tmp_path):
    folder = make(tmp_path, START_FAILS.replace('"1 % n"', '"10 // (random(0, 2) - 1)"'))
    assert load_story(folder).ok  # the lowest and highest rolls work; the middle one divides by zero
    middle = next(seed for seed in range(100) if GameState.begin("a", {}, seed).draw(0, 2) == 1)
    done = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--seed", str(middle), str(folder)],
                          input="q\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"face-value: story error: {folder}/scenes.yaml:5:10: in scene 'a': division by zero"]


def test_scenes_that_go_round_with_no_way_to_an_ending_are_a_warning(tmp_path):
    folder = make(tmp_path, """
        scenes:
          a:
            text: First.
            choices:
              - text: Queue
                goto: queue
              - text: Leave
                goto: e
          queue:
            text: You wait.
            goto: queue_more
          queue_more:
            text: You wait more.
            goto: queue
          e:
            text: End.
            ending: {id: e, title: E}
        """)
    result = load_story(folder, "story")
    assert result.ok
    assert [str(p) for p in result.problems] == [
        "story/scenes.yaml:9:3: warning: no ending can be reached from scenes 'queue', 'queue_more': a player who gets there goes round for ever"
        " (give one of them a choice or goto that leads on to an ending)"
    ]


def test_a_loop_with_a_way_out_is_not_a_warning(tmp_path):
    folder = make(tmp_path, """
        scenes:
          a:
            text: First.
            choices:
              - text: Again
                goto: a
              - text: Leave
                goto: e
          e:
            text: End.
            ending: {id: e, title: E}
        """)
    assert [str(p) for p in load_story(folder, "story").problems] == []


CONDITION_AND_TEXT = """
scenes:
  a:
    text: First.
    choices:
      - text: On to b
        goto: b
      - text: On to c
        goto: c
  b:
    text:
      - Second.
      - text: Never shown.
        if: "5 % n == 1"
    ending: {id: e, title: E}
  c:
    text: "Third: {10 // n} of them."
    choices:
      - text: Back
        goto: a
      - text: Stay
        goto: c
        if: "n // n == 1"
"""


@pytest.mark.parametrize("number, where", [(1, "story/scenes.yaml:13:13: in scene 'b'"), (2, "story/scenes.yaml:16:11: in scene 'c'")])
def test_an_error_in_a_paragraph_condition_or_in_text_is_at_that_line(tmp_path, number, where):
    """A failing `if:` of a paragraph names that `if:`; a failing {…} names the text it is in."""
    result = load_story(make(tmp_path, CONDITION_AND_TEXT), "story")
    assert result.ok, result.problems
    runner = Runner(result.story)
    with pytest.raises(StoryRuntimeError) as caught:
        runner.choose(number)
        runner.turn
    assert str(caught.value).startswith(where), str(caught.value)
