"""Every kind of story problem is reported as PATH:LINE:COL with a message a writer can act on."""

from __future__ import annotations

import textwrap

import pytest

from game.engine import load_story
from tests.conftest import STORY_YAML, write_files

GOOD_END = """
  the_end:
    text: "Done."
    ending: {id: done, title: Done}
"""


def scenes(text: str) -> str:
    """A scene file from an indented block, with a good ending scene added."""
    return textwrap.dedent(text).lstrip("\n") + GOOD_END


def problems_of(folder) -> list[str]:
    result = load_story(folder, "story")
    return [str(p) for p in result.problems.sorted()]


def only(problems: list[str], needle: str) -> str:
    found = [p for p in problems if needle in p]
    assert len(found) == 1, problems
    return found[0]


def test_unknown_key_suggests_the_right_one(make_story):
    folder = make_story(scenes("""
        scenes:
          start:
            text: Rain.
            gotoo: the_end
        """))
    problem = only(problems_of(folder), "unknown key")
    assert problem == "story/scenes.yaml:4:5: error: unknown key 'gotoo' in scene 'start' (did you mean 'goto'?)"


def test_unknown_key_in_a_choice(make_story):
    folder = make_story(scenes("""
        scenes:
          start:
            text: Rain.
            choices:
              - text: Go
                goto: the_end
                iff: trust > 3
        """))
    assert only(problems_of(folder), "unknown key").startswith("story/scenes.yaml:7:9: error: unknown key 'iff' in a choice in scene 'start' (did you mean 'if'?)")


def test_wrong_types_are_named(make_story):
    folder = make_story(scenes("""
        scenes:
          start:
            text: Rain.
            choices: the_end
        """))
    problem = only(problems_of(folder), "must be")
    assert problem == "story/scenes.yaml:4:14: error: 'choices' in scene 'start' must be a list, not text"


def test_bad_variable_value_type(make_story):
    story = STORY_YAML + "  tags: [a, b]\n"
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n" + GOOD_END, story=story)
    assert only(problems_of(folder), "tags").startswith("story/story.yaml:8:9: error: variable 'tags' must start as a number, text, or true/false, not a list")


def test_unknown_goto_target_suggests_a_scene(make_story):
    folder = make_story(scenes("""
        scenes:
          start:
            text: Rain.
            goto: the_endd
        """))
    problem = only(problems_of(folder), "unknown scene")
    assert problem == "story/scenes.yaml:4:11: error: 'goto' in scene 'start' names unknown scene 'the_endd' (did you mean 'the_end'?)"


def test_unknown_start_scene(make_story):
    story = STORY_YAML.replace("start: start", "start: begin")
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n" + GOOD_END, story=story)
    assert only(problems_of(folder), "start names").startswith("story/story.yaml:2:8: error: start names unknown scene 'begin'")


def test_duplicate_scene_ids_name_both_places(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n" + GOOD_END,
                        extra="scenes:\n  the_end:\n    text: Again.\n    ending: {id: x, title: X}\n")
    problem = only(problems_of(folder), "defined twice")
    assert problem == "story/scenes.yaml:6:3: error: scene 'the_end' is defined twice (first at story/extra.yaml:2:3)"


@pytest.mark.parametrize("where, yaml_text, position", [
    ("condition", "    choices:\n      - text: Go\n        goto: the_end\n        if: trusst > 3\n", "7:13"),
    ("effect", "    goto: the_end\n    set: {score: scor + 1}\n", "5:18"),
    ("text", "    goto: the_end\n", "3:21"),
])
def test_undeclared_variables_in_conditions_effects_and_text(make_story, where, yaml_text, position):
    text = "Rain on {nmae}." if where == "text" else "Rain."
    folder = make_story(f"scenes:\n  start:\n    text: \"{text}\"\n{yaml_text}" + GOOD_END)
    problem = only(problems_of(folder), "unknown variable")
    assert problem.startswith(f"story/scenes.yaml:{position}: error:")
    assert "did you mean" in problem


def test_string_added_to_an_int_is_a_type_error(make_story):
    folder = make_story(scenes("""
        scenes:
          start:
            text: Rain.
            goto: the_end
            set:
              score: score + name
        """))
    problem = only(problems_of(folder), "cannot add")
    assert problem.startswith("story/scenes.yaml:6:20: error: in 'set: score' of scene 'start': cannot add a whole number and text")


def test_effect_of_the_wrong_type(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n    set: {met_guo: score + 1}\n" + GOOD_END)
    assert "'met_guo' holds true/false, but this gives a whole number" in only(problems_of(folder), "holds")


def test_condition_that_is_not_true_or_false(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    choices:\n      - {text: Go, goto: the_end, if: score + 1}\n" + GOOD_END)
    assert "gives a whole number, not true/false" in only(problems_of(folder), "condition")


@pytest.mark.parametrize("expression, message", [
    ("__import__('os')", "names starting with __ are not allowed"),
    ("name.upper() == 'LIN'", "attribute access (.) is not allowed"),
    ("open('x') == 1", "'open(...)' is not allowed"),
    ("name[0] == 'L'", "subscripts ([...]) are not allowed"),
    ("score = 3", "'=' is not allowed here"),
    ("lambda: 1", "':' is not allowed"),
    ("exec('x') == 1", "'exec(...)' is not allowed"),
])
def test_forbidden_expressions(make_story, expression, message):
    folder = make_story(f"scenes:\n  start:\n    text: Rain.\n    choices:\n      - text: Go\n        goto: the_end\n        if: \"{expression}\"\n" + GOOD_END)
    problem = only(problems_of(folder), message)
    assert problem.startswith("story/scenes.yaml:7:")


def test_dead_end_scene(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n  limbo:\n    text: Nothing.\n" + GOOD_END)
    problems = problems_of(folder)
    assert "story/scenes.yaml:5:3: error: scene 'limbo' is a dead end: it has no choices, no goto and no ending (add choices:, goto: or ending:)" in problems


def test_ending_with_choices(make_story):
    folder = make_story("""
        scenes:
          start:
            text: Rain.
            ending: {id: wet, title: Wet}
            choices:
              - text: Go
                goto: start
        """)
    assert only(problems_of(folder), "is an ending").startswith("story/scenes.yaml:5:5: error: scene 'start' is an ending, so it cannot have choices")


def test_missing_story_yaml(tmp_path):
    folder = write_files(tmp_path / "story", {"scenes.yaml": "scenes:\n  start:\n    text: Hi.\n    ending: {id: a, title: A}\n"})
    assert only(problems_of(folder), "story.yaml").startswith("story/story.yaml: error: there is no story.yaml in this folder")


def test_file_that_is_not_utf8(make_story, tmp_path):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n" + GOOD_END)
    (folder / "latin1.yaml").write_bytes("scenes:\n  caf\xe9:\n    text: x\n".encode("latin-1"))
    assert only(problems_of(folder), "UTF-8").startswith("story/latin1.yaml:2:6: error: this file is not UTF-8 text (byte 0xe9")


def test_binary_file(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n" + GOOD_END)
    (folder / "junk.yaml").write_bytes(bytes(range(256)) * 4)
    assert only(problems_of(folder), "not a text file") == "story/junk.yaml: error: this is not a text file (it contains NUL bytes)"


def test_unreachable_scene_is_a_warning(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n  attic:\n    text: Dust.\n    goto: start\n" + GOOD_END)
    result = load_story(folder, "story")
    assert result.ok
    assert [str(p) for p in result.problems] == ["story/scenes.yaml:5:3: warning: scene 'attic' can never be reached from the start"]


def test_yes_and_on_become_true_with_a_warning(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n    set: {met_guo: yes}\n" + GOOD_END)
    assert only(problems_of(folder), "yes").startswith("story/scenes.yaml:5:20: warning: 'yes' is read by YAML as true")


def test_all_problems_are_reported_in_one_pass(make_story):
    folder = make_story("""
        scenes:
          start:
            text: "{nope}"
            goto: nowhere
            sett: {}
          limbo:
            text: Nothing.
        """)
    problems = problems_of(folder)
    kinds = ["unknown variable 'nope'", "unknown scene 'nowhere'", "unknown key 'sett'", "'limbo' is a dead end"]
    assert all(any(kind in p for p in problems) for kind in kinds), problems


def test_duplicate_keys_are_errors(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    text: Snow.\n    goto: the_end\n" + GOOD_END)
    assert only(problems_of(folder), "duplicate key") == "story/scenes.yaml:4:5: error: duplicate key 'text' (first at line 3)"


def test_flow_mapping_comma_gets_a_hint(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: the_end\n    set: {score: random(1, 6)}\n" + GOOD_END)
    assert any("inside { } a comma ends the value" in p for p in problems_of(folder))


@pytest.mark.parametrize("content", [
    "",
    "\n\n",
    "# only a comment\n",
    "- just\n- a list\n",
    "scenes: 3\n",
    "scenes:\n  start: [1, 2]\n",
    "a: &a [*a, *a]\n",
    "a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n",
    "[" * 5000 + "]" * 5000,
    "a:\n" + "".join("  " * i + "- \n" for i in range(1, 400)),
    "scenes:\n  start:\n    text: Hi\n    choices:\n      - {text: a, goto: start, if: \"" + "(" * 500 + "true" + ")" * 500 + "\"}\n",
    "scenes:\n  start:\n    text: \"{" + "not " * 3000 + "true}\"\n    ending: {id: a, title: A}\n",
    "!!python/object:os.system {}\n",
    "scenes: !!binary aGVsbG8=\n",
    "\ufeffscenes:\n  start:\n    text: BOM\n    ending: {id: a, title: A}\n",
])
def test_hostile_files_never_raise(make_story, content):
    folder = make_story(content)
    result = load_story(folder, "story")
    assert all(p.place.path.startswith("story/") for p in result.problems)


def test_alias_bomb_is_reported_not_expanded(make_story):
    bomb = "a: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    folder = make_story(bomb)
    problem = only(problems_of(folder), "expands")
    assert problem.startswith("story/scenes.yaml: error: this file expands to far more values than it has text")


def test_an_inline_if_else_points_to_conditional_paragraphs(make_story):
    folder = make_story(scenes("""
        scenes:
          start:
            text: "{'Guo' if met_guo else 'someone'} waves."
            goto: the_end
        """))
    problem = only(problems_of(folder), "a if b else c")
    assert problem.startswith("story/scenes.yaml:3:19: error:") and "use paragraphs with if:" in problem


@pytest.mark.parametrize("body, message", [
    ("    text: Rain.\n    got: the_end\n", "unknown key 'got' in scene 'start' (did you mean 'goto'?)"),
    ("    text: Rain.\n    choices:\n      - text: Go\n        got: the_end\n", "unknown key 'got' in a choice in scene 'start' (did you mean 'goto'?)"),
    ("    txt: Rain.\n    goto: the_end\n", "unknown key 'txt' in scene 'start' (did you mean 'text'?)"),
])
def test_a_mistyped_key_is_one_error_not_also_a_missing_one(make_story, body, message):
    problems = problems_of(make_story("scenes:\n  start:\n" + body + GOOD_END))
    assert len(problems) == 1 and problems[0].endswith(message), problems
