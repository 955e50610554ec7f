"""Chapters, measures, characters, presentation files and discussion prompts."""

from __future__ import annotations

import shutil

import pytest

from game.engine import Runner, RunnerError, SaveStore, load_story
from tests.conftest import FIXTURES

STAGED = FIXTURES / "stories" / "staged"


@pytest.fixture
def story():
    result = load_story(STAGED)
    assert result.ok, [str(p) for p in result.problems]
    return result.story


def test_stage_comes_with_the_turn_and_persists(story):
    runner = Runner(story)
    turn = runner.turn
    assert (turn.background, turn.music, turn.speaker) == ("backgrounds/shop.png", "music/city.ogg", None)
    assert story.asset_path(turn.background).is_file()
    runner.choose(1)
    turn = runner.turn
    assert turn.speaker.name == "Officer Zhou" and turn.portrait == "portraits/zhou.png"
    assert turn.background == "backgrounds/shop.png" and turn.music == "music/city.ogg"  # kept from the shop
    assert turn.sound == "sound/click.ogg"
    assert turn.discuss == ("Would you have obeyed?",)
    runner.proceed()
    turn = runner.turn
    assert turn.background == "backgrounds/street.png" and turn.music is None  # music: none stops it
    assert turn.speaker.name == "Auntie Guo" and turn.portrait is None
    assert turn.discuss == ("Who is the lane for?", "Who counts the crimes?")  # the third one's if: is false


def test_a_discussion_question_with_if_shows_only_when_it_holds(story):
    runner = Runner(story)
    runner.choose(2)  # straight to the lane: Zhou never came
    assert runner.turn.discuss == ("Who is the lane for?", "Who counts the crimes?", "Nobody came to the shop today. Would you have gone looking?")


def test_stage_survives_undo_and_saves(story, tmp_path):
    runner = Runner(story)
    runner.choose(2)
    store = SaveStore(tmp_path, story)
    store.write("1", runner.state)
    again = Runner(story)
    again.restore(store.read("1").state)
    assert again.turn.background == "backgrounds/street.png"
    again.undo()
    assert again.turn.background == "backgrounds/shop.png" and again.turn.music == "music/city.ogg"


def test_measures_are_kept_in_range(story):
    runner = Runner(story)
    runner.choose(1)
    assert runner.state.variables["compliance"] == 100
    assert [m.label for m in story.measures] == ["Compliance", "Trust"]


def test_chapters_start_with_their_values_and_scenes_know_their_chapter(story):
    assert [(c.number, c.title, c.start) for c in story.chapters] == [(1, "Morning", "shop"), (2, "Night", "street")]
    assert {s.id: s.chapter for s in story.scenes.values()} == {"shop": 1, "zhou_visit": 1, "street": 2}
    runner = Runner(story)
    runner.start_chapter(2, seed=3)
    assert runner.turn.scene.id == "street" and runner.state.variables["compliance"] == 80
    assert runner.turn.paragraphs == ("The lane at night.", "Zhou's car is parked at the end.")
    assert not runner.can_undo
    with pytest.raises(RunnerError, match="there is no chapter 5; this story has 2"):
        runner.start_chapter(5)


def problems_after(tmp_path, old: str, new: str, file: str = "scenes.yaml") -> list[str]:
    folder = shutil.copytree(STAGED, tmp_path / "staged")
    path = folder / file
    path.write_text(path.read_text().replace(old, new, 1))
    return [str(p) for p in load_story(folder, "staged").problems.sorted()]


@pytest.mark.parametrize("old, new, file, expected", [
    ("background: shop", "background: shopp", "scenes.yaml",
     "staged/scenes.yaml:4:17: error: 'background' in scene 'shop': background 'shopp' not found (no backgrounds/shopp.png in assets/) (did you mean 'shop'?)"),
    ("sound: click", "sound: klick", "scenes.yaml", "staged/scenes.yaml:15:12: error: 'sound' in scene 'zhou_visit': sound 'klick' not found"),
    ("speaker: zhou", "speaker: zhao", "scenes.yaml", "staged/scenes.yaml:14:14: error: scene 'zhou_visit' names unknown speaker 'zhao' (did you mean 'zhou'?)"),
    ("discuss: Would you have obeyed?", "discuss: []", "scenes.yaml", "staged/scenes.yaml:16:14: error: the discussion questions of scene 'zhou_visit' are an empty list"),
    ("if: not met_zhou", "if: not met_zho", "scenes.yaml",
     "staged/scenes.yaml:31:17: error: in the condition of a discussion question of scene 'street': unknown variable 'met_zho' (did you mean 'met_zhou'?)"),
    ("if: not met_zhou", "if: compliance + 1", "scenes.yaml",
     "staged/scenes.yaml:31:13: error: the condition of a discussion question of scene 'street' gives a whole number, not true/false"),
    ("if: not met_zhou", "when: not met_zhou", "scenes.yaml",
     "staged/scenes.yaml:31:9: error: unknown key 'when' in a discussion question of scene 'street' (allowed keys: text, if)"),
    ("portrait: zhou", "portrait: zhu", "story.yaml", "staged/story.yaml:11:40: error: 'portrait' in character 'zhou': portrait 'zhu' not found"),
    ("{variable: trust,", "{variable: trusty,", "story.yaml", "staged/story.yaml:9:16: error: measure names unknown variable 'trusty' (did you mean 'trust'?)"),
    ("values: {compliance: 80,", "values: {compliance: 180,", "story.yaml", "staged/story.yaml:18:26: error: 'compliance' is 180, outside its measure's range 0..100"),
    ("values: {compliance: 80, met_zhou: true}", "values: {compliance: 80, met_zhou: 3}", "story.yaml", "staged/story.yaml:18:40: error: 'met_zhou' holds true/false, not a whole number"),
    ("start: street", "start: streat", "story.yaml", "staged/story.yaml:17:12: error: chapter 2 starts at unknown scene 'streat' (did you mean 'street'?)"),
    ("color: \"#8fb3d9\"", "color: blue", "story.yaml", "staged/story.yaml:11:53: error: the color of character 'zhou' must look like \"#e0a040\""),
    ("title: Morning", "titel: Morning", "story.yaml", "staged/story.yaml:14:5: error: unknown key 'titel' in a chapter (did you mean 'title'?)"),
])
def test_feature_errors_point_at_the_line(tmp_path, old, new, file, expected):
    problems = problems_after(tmp_path, old, new, file)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_junk_image_is_refused(tmp_path):
    folder = shutil.copytree(STAGED, tmp_path / "staged")
    (folder / "assets" / "backgrounds" / "shop.png").write_bytes(b"this is not a picture")
    problems = [str(p) for p in load_story(folder, "staged").problems]
    assert "staged/scenes.yaml:4:17: error: 'background' in scene 'shop': backgrounds/shop.png is not a real PNG file (its first bytes are wrong)" in problems


def test_playtest_covers_each_chapter_and_reports_reading(story):
    from game.engine import playtest
    report = playtest(story, runs=60, seed=1, max_steps=20)
    reading = report.reading()
    assert set(reading) == {"whole story", "chapter 1", "chapter 2"}
    assert reading["chapter 2"]["median_words"] == 11  # "The lane at night. Zhou's car is parked at the end."
    assert report.errors == [] and report.scene_coverage == 1.0


def test_starting_mid_story_inherits_the_stage_a_player_would_have(story):
    runner = Runner(story)
    runner.restart(scene="zhou_visit")
    assert runner.turn.background == "backgrounds/shop.png" and runner.turn.music == "music/city.ogg"
