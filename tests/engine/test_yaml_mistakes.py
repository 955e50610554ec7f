"""A YAML mistake is explained like a story mistake: on the line where it probably is, in plain
words with the fix, listed first, and with no false follow-on errors in the files that are fine."""

from __future__ import annotations

import pytest
import yaml

from game.engine import load_story
from game.engine.yamlhelp import explain
from tests.conftest import FIXTURES

MISTAKES = FIXTURES / "stories" / "mistakes"

# fixture: (file:line:column of the first problem, words its message must contain)
EXPECTED = {
    "indent_too_much": ("dock.yaml:7:10", "'goto:' is indented 9 spaces, more than 'text:' on line 6 (8)"),
    "indent_too_much_scene": ("dock.yaml:4:6", "'set:' is indented 5 spaces, more than 'text:' on line 3 (4)"),
    "indent_too_little": ("dock.yaml:4:4", "'set:' is indented 3 spaces, but 'text:' on line 3 has 4"),
    "indent_too_little_in_choice": ("dock.yaml:7:8", "'goto:' is indented 7 spaces, but 'text:' on line 6 has 8"),
    "goto_under_the_dash": ("dock.yaml:7:7", "'goto:' lines up with the '-' on line 6"),
    "goto_at_scene_level": ("dock.yaml:9:5", "so the choice above it (line 8) has no goto"),
    "goto_under_set": ("dock.yaml:6:7", "names unknown variable 'goto'"),
    "text_starts_with_brace": ("dock.yaml:3:11", "starts with '{' as a mapping"),
    "text_starts_with_bracket": ("dock.yaml:3:11", "starts with '[' as a list"),
    "text_starts_with_star": ("dock.yaml:3:11", "starts with '*' as a reference"),
    "text_starts_with_percent": ("dock.yaml:3:11", "does not allow a value to start with '%'"),
    "text_starts_with_at": ("dock.yaml:3:11", "does not allow a value to start with '@'"),
    "text_starts_with_backquote": ("dock.yaml:3:11", "does not allow a value to start with a backquote"),
    "text_starts_with_bang": ("dock.yaml:3:11", "YAML tag '!Rain' is not supported"),
    "colon_in_text": ("dock.yaml:3:24", "this text has ': ' in it"),
    "hash_in_text": ("dock.yaml:3:24", "the text stops before '#4 again.'"),
    "tab_indent": ("dock.yaml:4:1", "this line is indented with a tab"),
    "unclosed_quote": ("dock.yaml:3:11", "this quoted text has no closing quote"),
    "apostrophe_in_single_quotes": ("dock.yaml:3:14", "the quoted text ends here, at the apostrophe"),
    "no_story_file": ("story.yaml", "there is no story.yaml in this folder"),
    "story_file_broken": ("story.yaml:5:4", "'met:' is indented 3 spaces, more than 'trust:' on line 4 (2)"),
}
HINTS = {
    "indent_too_much": "indent 'goto:' by 8 spaces",
    "indent_too_little": "indent it by 4 spaces",
    "goto_under_set": "line it up with 'set:' to make it the scene's",
    "text_starts_with_brace": 'put the text in quotes: text: "{name} stands in the rain."',
    "colon_in_text": 'put the whole text in quotes: text: "The sign says: no fishing."',
    "tab_indent": "insert spaces",
    "apostrophe_in_single_quotes": "'It''s'",
    "text_starts_with_bang": "if this is text, put it in quotes",
    "hash_in_text": "put the whole text in quotes",
}


def load(name: str):
    return load_story(MISTAKES / name, "story")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_first_problem_names_the_mistake_at_its_line(name):
    where, words = EXPECTED[name]
    first = load(name).problems.sorted()[0]
    assert str(first).startswith(f"story/{where}: ")
    assert words in first.message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_there_is_no_false_follow_on_problem(name):
    """The dock's scenes and variables are read by pier.yaml, which is correct: nothing about it
    may be reported, and the mistake is the only problem."""
    problems = load(name).problems.sorted()
    assert len(problems) == 1, [str(p) for p in problems]
    assert not any("pier.yaml" in p.place.path for p in problems)


@pytest.mark.parametrize("name", sorted(HINTS))
def test_the_hint_says_how_to_fix_it(name):
    assert HINTS[name] in load(name).problems.sorted()[0].hint


def test_the_good_version_has_no_problems():
    result = load("good")
    assert result.ok and not result.problems.items


@pytest.mark.parametrize("name, hidden", [("indent_too_much", 2), ("no_story_file", 4), ("story_file_broken", 4)])
def test_the_read_error_says_how_many_problems_are_held_back(name, hidden):
    """Unknown scenes (they may be in the unreadable file), unreachable scenes and undeclared
    variables (when story.yaml is missing) are held back, and the read error says so."""
    assert f"{hidden} problems that may only follow from this are not shown" in load(name).problems.sorted()[0].hint


def test_an_unreadable_file_is_listed_before_problems_in_files_earlier_in_the_alphabet(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: gone\n", a_first="scenes:\n  x:\n    text: X.\n    goto: gone\n   bad: indent\n")
    problems = load_story(folder, "story").problems.sorted()
    assert problems[0].place.path == "story/a_first.yaml" and "could not be read" in problems[0].message
    assert [p.code for p in problems] == ["yaml-syntax"]


def test_a_real_unknown_scene_is_still_reported_when_every_file_reads(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.\n    goto: gone\n")
    assert [p.code for p in load_story(folder, "story").problems.sorted()] == ["unknown-scene"]


def test_a_comment_after_text_that_is_meant_as_a_comment_is_fine(make_story):
    folder = make_story("scenes:\n  start:\n    text: Rain.   # the first scene\n    ending: {id: e, title: E}\n")
    assert not load_story(folder, "story").problems.items


SYNTAX = {
    "scenes:\n  a:\n    text: Rain.\n     goto: b\n": (4, 6, "more than 'text:'"),
    "scenes:\n  a:\n    text: Rain.\n   goto: b\n": (4, 4, "but 'text:' on line 3 has 4"),
    "scenes:\n  a:\n    text: {x} waits.\n": (3, 11, "starts with '{'"),
    "scenes:\n  a:\n    text: Zhou says: wait.\n": (3, 20, "': ' in it"),
    "scenes:\n  a:\n\ttext: Rain.\n": (3, 1, "tab"),
    "scenes:\n  a:\n    text: 'It's late.'\n": (3, 14, "apostrophe"),
    "scenes:\n  a:\n    text: \"Rain.\n    goto: b\n": (3, 11, "no closing quote"),
}


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
@pytest.mark.parametrize("text", sorted(SYNTAX))
def test_both_yaml_parsers_get_the_same_explanation(loader, text):
    """The explanation reads the lines, not the parser's wording, so the pure-Python parser
    (used where LibYAML is missing) gives the same line and words."""
    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML was built without {loader}")
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.compose(text, Loader=getattr(yaml, loader))
    line, column, words = SYNTAX[text]
    found = explain(caught.value, text)
    assert (found.line, found.column) == (line, column) and words in found.message


def test_a_key_between_two_levels_lines_up_with_its_own_kind(make_story):
    """`goto:` indented 5 spaces between `set:` (4) and a variable under it (6) belongs with
    `set:`, a scene key like itself, not with the variable."""
    text = "scenes:\n  a:\n    text: Rain.\n    set:\n      score: 1\n     goto: b\n"
    folder = make_story(text)
    first = load_story(folder, "story").problems.sorted()[0]
    assert str(first.place) == "story/scenes.yaml:6:6"
    assert "but 'set:' on line 4 has 4" in first.message and "indent it by 4 spaces" in first.hint


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_other_line_breaks_give_the_same_line(make_story, newline):
    """YAML counts \\r, \\r\\n and Unicode line separators as line breaks; so does the explanation."""
    text = "scenes:\n  a:\n    text: Rain.\n     goto: b\n".replace("\n", newline)
    first = load_story(make_story(text), "story").problems.sorted()[0]
    assert str(first.place) == "story/scenes.yaml:4:6" and "more than 'text:'" in first.message
