"""Live reload: a playthrough carried over to an edited story, and the debugging moves."""

from __future__ import annotations

import shutil

import pytest

from game.engine import Phase, Runner, RunnerError, load_story
from game.engine.debug import describe, find_scene, matching_scenes, parse_assignments, parse_value
from game.engine.reload import carry_over, carry_variables, reload_runner
from tests.conftest import FIXTURES


@pytest.fixture
def lane_copy(tmp_path):
    folder = tmp_path / "lane"
    shutil.copytree(FIXTURES / "stories" / "lane", folder)
    return folder


def edit(folder, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def loaded(folder):
    result = load_story(folder, "lane")
    assert result.ok, [str(p) for p in result.problems]
    return result.story


def at_printed(story) -> Runner:
    """Install the update (compliance 70, trust 45), continue, and stand in 'printed'."""
    runner = Runner(story, seed=3)
    runner.choose(1)
    runner.proceed()
    assert runner.state.scene == "printed"
    return runner


def test_a_text_edit_keeps_scene_variables_and_undo(lane_copy):
    runner = at_printed(loaded(lane_copy))
    edit(lane_copy, "shop.yaml", "Your own face, in grey resin", "Your own face, in white resin")
    reloaded = reload_runner(runner, loaded(lane_copy))
    new = reloaded.runner
    assert new.state.scene == "printed"
    assert new.state.variables == runner.state.variables
    assert new.state.visits == runner.state.visits
    assert new.turn.paragraphs == ("Your own face, in white resin, on the shelf.",)
    assert reloaded.notes == []
    assert new.undo() and new.state.scene == "installed"


def test_new_variables_take_defaults_and_removed_ones_are_dropped(lane_copy):
    runner = at_printed(loaded(lane_copy))
    edit(lane_copy, "story.yaml", '  name: "Lin"\n', "  masks: 3\n")
    edit(lane_copy, "shop.yaml", "{name} reads it twice", "You read it twice")
    new = reload_runner(runner, loaded(lane_copy)).runner
    assert new.state.variables == {"compliance": 70, "trust": 45, "has_mask": True, "masks": 3}


def test_a_removed_scene_falls_back_to_the_nearest_earlier_one_with_its_values(lane_copy):
    runner = at_printed(loaded(lane_copy))
    edit(lane_copy, "shop.yaml", "goto: printed\n", "goto: closed\n")      # both ways in
    text = (lane_copy / "shop.yaml").read_text(encoding="utf-8")
    start, end = text.index("  printed:\n"), text.index("  worn:\n")
    (lane_copy / "shop.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    reloaded = reload_runner(runner, loaded(lane_copy))
    state = reloaded.runner.state
    assert state.scene == "installed"
    assert state.variables == {"compliance": 70, "trust": 45, "has_mask": False, "name": "Lin"}
    assert reloaded.fell_back_from == "printed"
    assert reloaded.notes == ["scene 'printed' is gone; back to 'installed', the nearest earlier scene"]
    assert reloaded.runner.turn.phase is Phase.CONTINUING
    reloaded.runner.proceed()
    assert reloaded.runner.state.scene == "closed"


def test_when_every_scene_passed_through_is_gone_the_story_begins_again(lane_copy):
    story = loaded(lane_copy)
    runner = Runner(story, seed=3)
    runner.choose(3)                               # shop -> closed (printing is hidden)
    assert runner.state.scene == "closed"
    edit(lane_copy, "shop.yaml", "  shop:\n", "  counter:\n")
    edit(lane_copy, "shop.yaml", "goto: shop\n", "goto: counter\n")
    edit(lane_copy, "shop.yaml", "visited('shop')", "visited('counter')")
    edit(lane_copy, "shop.yaml", "  closed:\n", "  shut:\n")
    edit(lane_copy, "shop.yaml", "goto: closed\n", "goto: shut\n")
    edit(lane_copy, "story.yaml", "start: shop", "start: counter")
    reloaded = reload_runner(runner, loaded(lane_copy))
    assert reloaded.runner.state.scene == "counter"
    assert reloaded.runner.state.history == []
    assert "begins again" in reloaded.notes[0]


def test_a_changed_past_keeps_the_values_and_says_undo_starts_here(lane_copy):
    runner = at_printed(loaded(lane_copy))
    edit(lane_copy, "shop.yaml", "compliance: compliance + 20", "compliance: compliance + 30")
    reloaded = reload_runner(runner, loaded(lane_copy))
    assert reloaded.runner.state.variables["compliance"] == 70
    assert reloaded.runner.state.scene == "printed"
    assert reloaded.notes == ["the story before this scene changed, so undo starts from here"]
    assert not reloaded.runner.can_undo


def test_carry_over_leaves_the_original_state_alone(lane_copy):
    story = loaded(lane_copy)
    runner = at_printed(story)
    before = runner.state.to_json()
    edit(lane_copy, "story.yaml", "  trust: 50\n", "")
    edit(lane_copy, "shop.yaml", ", trust: trust - 5", "")
    edit(lane_copy, "shop.yaml", "set: {trust: trust + 10}", "set: {compliance: compliance}")
    edit(lane_copy, "shop.yaml", "Trust is {trust} around here", "Trust is low around here")
    edit(lane_copy, "shop.yaml", "if: trust < 50", "if: compliance < 50")
    carried = carry_over(runner.state, story, loaded(lane_copy))
    assert "trust" not in carried.state.variables
    assert runner.state.to_json() == before


@pytest.mark.parametrize("value, declared, expected, note", [
    (3, "1.5", 3.0, None),                        # a whole number where a number is declared now
    (2.0, "1", 2, None),                          # nothing lost
    (2.5, "1", 1, "'x' was reset to its starting value (its type changed)"),
    (7, "false", False, "'x' was reset to its starting value (its type changed)"),
    ("a", "'b'", "a", None),
])
def test_values_are_retyped_only_when_nothing_is_lost(make_story, value, declared, expected, note):
    folder = make_story("scenes:\n  start:\n    text: Hi.\n    ending: {id: a, title: A}\n",
                        f"title: T\nstart: start\nvariables:\n  x: {declared}\n")
    notes = []
    carried = carry_variables({"x": value}, loaded(folder), notes)
    assert carried == {"x": expected} and type(carried["x"]) is type(expected)
    assert notes == ([note] if note else [])


def test_a_narrowed_measure_clamps_the_value(make_story):
    story_yaml = ("title: T\nstart: start\nvariables:\n  trust: 10\n"
                  "measures:\n  - {variable: trust, label: Trust, min: 0, max: 20}\n")
    story = loaded(make_story("scenes:\n  start:\n    text: Hi.\n    ending: {id: a, title: A}\n", story_yaml))
    notes = []
    assert carry_variables({"trust": 80}, story, notes) == {"trust": 20}
    assert notes == ["'trust' was 80, now 20 (its range changed)"]


def test_visits_of_removed_scenes_are_dropped(lane_copy):
    story = loaded(lane_copy)
    runner = Runner(story, seed=1)
    runner.choose(2)                               # shop -> guo -> (continue) shop
    runner.proceed()
    assert runner.state.visits == {"shop": 2, "guo": 1}
    edit(lane_copy, "shop.yaml", "        goto: guo\n", "        goto: closed\n")
    text = (lane_copy / "shop.yaml").read_text(encoding="utf-8")
    start, end = text.index("  guo:\n"), text.index("  installed:\n")
    (lane_copy / "shop.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    new = reload_runner(runner, loaded(lane_copy)).runner
    assert new.state.scene == "shop" and new.state.visits == {"shop": 2}
    assert new.turn.paragraphs[-1] == "The notice is still there."


# --- debugging moves ----------------------------------------------------------------------

def test_go_to_enters_a_scene_with_the_values_as_they_are(lane_copy):
    runner = Runner(loaded(lane_copy), seed=1)
    runner.choose(1)                                # compliance 70, trust 45
    runner.go_to("guo")                             # guo's own set: trust + 10
    assert runner.state.scene == "guo"
    assert runner.state.variables["trust"] == 55 and runner.state.variables["compliance"] == 70
    assert runner.state.visits == {"shop": 1, "installed": 1, "guo": 1}
    assert not runner.can_undo
    runner.proceed()
    assert runner.undo() and runner.state.scene == "guo" and runner.state.variables["trust"] == 55
    with pytest.raises(RunnerError, match="no scene 'nowhere'"):
        runner.go_to("nowhere")


def test_set_variable_checks_the_type_and_shows_in_the_turn(lane_copy):
    runner = Runner(loaded(lane_copy), seed=1)
    runner.choose(2)
    runner.set_variable("trust", 12)
    assert runner.turn.paragraphs == ('Guo taps the counter. "Trust is 12 around here, and it goes down fast."',)
    with pytest.raises(RunnerError, match="'trust' holds a whole number"):
        runner.set_variable("trust", "high")
    with pytest.raises(RunnerError, match="no variable 'trusty'"):
        runner.set_variable("trusty", 1)


@pytest.mark.parametrize("pair, message", [
    ("trust=lots", "trust holds a whole number, and 'lots' is not one"),
    ("has_mask=maybe", "has_mask holds true/false, and 'maybe' is not one"),
    ("trusy=3", "there is no variable 'trusy' (did you mean 'trust'?)"),
    ("trust", "'trust' is not name=value"),
])
def test_typed_values_fail_with_one_line(lane_copy, pair, message):
    with pytest.raises(ValueError) as caught:
        parse_assignments(loaded(lane_copy), [pair])
    assert str(caught.value) == message


def test_typed_values_are_converted(lane_copy):
    story = loaded(lane_copy)
    assert parse_assignments(story, ["trust=7", "has_mask=TRUE", "name= Mei "]) == {"trust": 7, "has_mask": True, "name": " Mei "}
    assert parse_value(story.variables["compliance"], " 12 ") == 12


def test_scene_lookup_suggests_a_near_name(lane_copy):
    story = loaded(lane_copy)
    assert find_scene(story, "worn") == "worn"
    with pytest.raises(ValueError, match=r"there is no scene 'wron' \(did you mean 'worn'\?\)"):
        find_scene(story, "wron")
    assert matching_scenes(story, "o") == ["shop", "guo", "worn", "closed"]
    assert matching_scenes(story, "ed cl") == ["closed"]


def test_describe_names_the_scene_place_and_every_variable(lane_copy):
    story = loaded(lane_copy)
    runner = at_printed(story)
    lines = describe(story, runner.state)
    assert lines[0].startswith("scene printed (lane/shop.yaml:")
    assert "  compliance = 70  *" in lines
    assert "  name       = 'Lin'" in lines
    assert lines[-2] == "visits: shop 1, installed 1, printed 1"
