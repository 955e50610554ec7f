"""The numbers a story can hold (-10^15..10^15) and YAML tags: anything else is refused where
it is written, and arithmetic that leaves the range stops play with a located story error."""

from __future__ import annotations

import pytest

from game.engine import Runner, StoryRuntimeError, load_story
from game.engine.expr import MAX_NUMBER, MAX_TEXT, ExprError, Scope, compile_expression, in_range
from tests.conftest import write_files

STORY = """
title: Numbers
start: a
variables:
  n: 0
  f: 0.5
  s: "x"
"""


def story_with(tmp_path, value: str, story: str = STORY):
    """A story whose first scene sets n to `value` (written into the YAML as it is)."""
    scenes = f"""
scenes:
  a:
    text: Hi.
    set:
      n: {value}
    goto: e
  e:
    text: End.
    ending: {{id: e, title: E}}
"""
    return write_files(tmp_path / "story", {"story.yaml": story, "scenes.yaml": scenes})


def problems(folder) -> list[str]:
    return [str(p) for p in load_story(folder, "story").problems.sorted()]


@pytest.mark.parametrize("value, message", [
    ("!!int abc", "'abc' is not a whole number"),
    ('!!int ""', "'' is not a whole number"),
    ("!!bool maybe", "'maybe' is not true or false"),
    ("!!float x", "'x' is not a number"),
    ("!!python/object/apply:os.system [ls]", "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not supported"),
    ("!!python/name:os.system x", "is not supported in a story"),
    ("!foo x", "YAML tag '!foo' is not supported"),
    ("!!binary aGk=", "YAML tag 'tag:yaml.org,2002:binary' is not supported"),
])
def test_a_tag_that_cannot_give_a_value_is_one_error_at_the_value(tmp_path, value, message):
    found = problems(story_with(tmp_path, value))
    assert len(found) == 1, found  # no follow-on "must be an expression" at the same place
    assert found[0].startswith("story/scenes.yaml:5:10: error: ") and message in found[0]


@pytest.mark.parametrize("value", [
    "1" * 5000,                 # past Python's 4,300-digit conversion limit
    "0x" + "f" * 5000,
    "!!int 0b" + "1" * 200,
    ":".join(["59"] * 40),      # YAML 1.1 base 60
    "1000000000000001",
    "-1000000000000001",
    ".inf", "-.inf", ".nan",
    "1.0e+400",
    "!!float 1e16",
])
def test_a_number_outside_the_range_is_refused_where_it_is_written(tmp_path, value):
    found = problems(story_with(tmp_path, value))
    assert len(found) == 1, found
    assert found[0].startswith("story/scenes.yaml:5:10: error: the number ")
    assert "outside the range a story can use (-1,000,000,000,000,000 to 1,000,000,000,000,000)" in found[0]


def test_the_ends_of_the_range_are_numbers_a_story_can_use(tmp_path):
    assert problems(story_with(tmp_path / "high", str(MAX_NUMBER))) == []
    assert problems(story_with(tmp_path / "low", str(-MAX_NUMBER))) == []


def test_a_variable_that_starts_out_of_range_is_refused_in_story_yaml(tmp_path):
    folder = story_with(tmp_path, "1", STORY.replace("n: 0", "n: 99999999999999999999"))
    found = problems(folder)
    assert len(found) == 1 and found[0].startswith("story/story.yaml:4:6: error: the number 99999999999999999999 is outside")


@pytest.mark.parametrize("source, message", [
    ("9" * 400 + " / 3", "the number 99999999999999999999... (400 digits) is larger than a story can use"),
    ("1" * 17, "is larger than a story can use"),
    ("9" * 30 + ".5", "is larger than a story can use"),
    ("1000000000000000 + 1", "a number grew too large"),
    ("1000000000000000 * 1000000000000000", "a number grew too large"),
    ("1000000000000000 / 0.001", "a number grew too large"),
    ("-1000000000000000 - 1", "a number grew too large"),
])
def test_constant_arithmetic_out_of_range_is_refused_at_load(source, message):
    with pytest.raises(ExprError) as caught:
        compile_expression(source, Scope({}))
    assert message in caught.value.message


class State:
    def __init__(self, **variables):
        self.variables = variables
        self.visits = {}


@pytest.mark.parametrize("source, values", [
    ("n * n", {"n": 10**8}),
    ("n + n", {"n": MAX_NUMBER}),
    ("n + n + n", {"n": -MAX_NUMBER // 2}),
    ("f * n", {"f": 1e10, "n": 10**6}),
    ("n / f", {"n": MAX_NUMBER, "f": 0.5}),
    ("n // f", {"n": MAX_NUMBER, "f": 1e-3}),
    ("n / f", {"n": MAX_NUMBER, "f": 1e-300}),  # a float would overflow to infinity
])
def test_run_time_arithmetic_that_leaves_the_range_is_a_clear_error(source, values):
    from game.engine.expr import EvalError
    compiled = compile_expression(source, Scope({"n": "int", "f": "float"}))
    with pytest.raises(EvalError, match="a number grew too large"):
        compiled.evaluate(State(**values))


def test_a_big_integer_meeting_a_float_is_an_error_not_an_overflow():
    from game.engine.expr import EvalError
    compiled = compile_expression("n * f", Scope({"n": "int", "f": "float"}))
    with pytest.raises(EvalError, match="too large"):  # a value no story could hold, as a save might bring
        compiled.evaluate(State(n=10**400, f=1.5))


def test_text_that_doubles_itself_in_a_loop_stops_at_the_cap(tmp_path):
    folder = write_files(tmp_path / "story", {"story.yaml": STORY, "scenes.yaml": """
        scenes:
          a:
            text: "{s}"
            choices:
              - text: Again
                goto: a
                set:
                  s: "s + s"
              - text: Stop
                goto: e
          e:
            text: End.
            ending: {id: e, title: E}
        """})
    runner = Runner(load_story(folder, "story").story)
    with pytest.raises(StoryRuntimeError) as caught:
        for _ in range(40):
            runner.choose(1)
    assert str(caught.value) == f"story/scenes.yaml:8:14: in scene 'a': joining text made it longer than {MAX_TEXT:,} characters, the longest a story can use"
    assert len(runner.state.variables["s"]) <= MAX_TEXT  # the failed move changed nothing


def test_in_range_is_the_story_language_range():
    assert in_range(MAX_NUMBER) and in_range(-MAX_NUMBER) and in_range(0.5) and in_range(True) and in_range("x" * MAX_TEXT)
    assert not any(in_range(v) for v in (MAX_NUMBER + 1, float("inf"), float("nan"), 1e16, "x" * (MAX_TEXT + 1), None, [1]))
