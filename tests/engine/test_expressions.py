"""The expression language: what it computes, what it refuses, and that it never reaches eval."""

from __future__ import annotations

import pytest

from game.engine.expr import EvalError, ExprError, Scope, compile_expression
from game.engine.template import split_template


class State:
    def __init__(self, **variables):
        self.variables = variables
        self.visits = {"market": 2}
        self.draws = 0

    def draw(self, low, high):
        return low


SCOPE = Scope({"score": "int", "trust": "int", "ratio": "float", "name": "str", "met": "bool"},
              frozenset({"market", "ward"}), allow_random=True)
STATE = State(score=7, trust=40, ratio=0.5, name="Lin", met=True)


@pytest.mark.parametrize("source, value", [
    ("1 + 2 * 3", 7),
    ("(1 + 2) * 3", 9),
    ("score // 2", 3),
    ("score % 4", 3),
    ("score / 2", 3.5),
    ("-score + 10", 3),
    ("score > 5 and trust < 50", True),
    ("not met or score == 7", True),
    ("not met == false", True),
    ("1 < score <= 7", True),
    ("1 < score < 7", False),
    ("name + '!' == 'Lin!'", True),
    ("\"a\\\"b\" == 'a\"b'", True),
    ("visited('market') + visited('ward')", 2),
    ("ratio * 4", 2.0),
    ("score + ratio", 7.5),
    ("true and not false", True),
    ("random(1, 6)", 1),
])
def test_values(source, value):
    compiled = compile_expression(source, SCOPE)
    result = compiled.evaluate(STATE)
    assert result == value and type(result) is type(value)


@pytest.mark.parametrize("source, message", [
    ("score + name", "cannot add a whole number and text"),
    ("met + 1", "cannot add true/false and a whole number"),
    ("score and met", "'and' needs true/false, not a whole number"),
    ("not score", "'not' needs true/false"),
    ("name < 3", "cannot compare text with a whole number"),
    ("met < true", "cannot order true/false values"),
    ("score / 0", "division by zero"),
    ("visited('attic')", "visited() names unknown scene 'attic'"),
    ("visited(name)", "visited() takes one scene id in quotes"),
    ("randomly(1)", "'randomly(...)' is not allowed"),
    ("score.real", "attribute access"),
    ("__class__", "names starting with __"),
    ("True", "unknown variable 'True'"),
    ("score && met", "'&&' is not allowed"),
    ("'open", "no closing quote"),
    ("", "the expression is empty"),
    ("score +", "ends too early"),
    ("score score", "unexpected 'score'"),
    ("(" * 60 + "1" + ")" * 60, "nested more than 40 levels"),
    ("not " * 100 + "true", "nested more than 40 levels"),
])
def test_refused(source, message):
    with pytest.raises(ExprError) as caught:
        compile_expression(source, SCOPE)
    assert message in caught.value.message


def test_random_is_only_for_effects():
    with pytest.raises(ExprError, match="random\\(\\) may only be used in set"):
        compile_expression("random(1, 2) > 1", Scope({}, allow_random=False))


def test_division_by_a_variable_zero_fails_at_run_time_with_a_message():
    compiled = compile_expression("10 / score", SCOPE)
    with pytest.raises(EvalError, match="division by zero"):
        compiled.evaluate(State(score=0))


def test_numbers_cannot_explode():
    compiled = compile_expression("score * score", SCOPE)
    with pytest.raises(EvalError, match="too large"):
        compiled.evaluate(State(score=10**9))


def test_expressions_never_reach_eval(monkeypatch):
    import builtins

    def refuse(*args, **kwargs):
        raise AssertionError("eval/exec was called")
    monkeypatch.setattr(builtins, "eval", refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    assert compile_expression("score * 2 + visited('market')", SCOPE).evaluate(STATE) == 16


def test_error_offsets_point_into_the_source():
    with pytest.raises(ExprError) as caught:
        compile_expression("score + nmae", SCOPE)
    assert caught.value.offset == 8


def test_template_braces():
    assert split_template("{{literal}} and {score}") == [("{literal} and ", 0, False), ("score", 17, True)]
    with pytest.raises(ExprError, match="single '}'"):
        split_template("oops }")
    with pytest.raises(ExprError, match="no matching"):
        split_template("oops { score")
